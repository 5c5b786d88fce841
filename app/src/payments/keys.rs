//! The shop's own keys: one signs the links in order emails (so a guest
//! reaches the order without an account), one signs the sandbox gateway's
//! callbacks. From `VITRINE_SECRET_KEY` when set; otherwise generated on
//! first start and kept in the database, so every replica shares them.

use crate::auth::token::Token;
use crate::domain::checkout::OrderRef;
use crate::store::{secrets, Db};
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::sync::Arc;
use tokio::sync::OnceCell;

/// The keys, loaded once per process.
#[derive(Clone, Debug, Default)]
pub struct ShopKeys {
    master: Option<Arc<str>>,
    loaded: Arc<OnceCell<Keys>>,
}

/// The keys themselves.
#[derive(Clone)]
pub struct Keys {
    order_links: Vec<u8>,
    /// Shared by the sandbox gateway and the shop, as a processor's webhook secret is.
    pub sandbox_callbacks: Vec<u8>,
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keys(…)")
    }
}

fn hmac(key: &[u8], message: &[u8]) -> Hmac<Sha256> {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC accepts any key length");
    mac.update(message);
    mac
}

impl ShopKeys {
    /// Keys derived from a configured master secret, or (`None`) kept in the database.
    pub fn new(master: Option<String>) -> Self {
        ShopKeys { master: master.map(Arc::from), loaded: Arc::default() }
    }

    /// The keys, reading (or creating) them on first use.
    pub async fn get(&self, db: &Db) -> Result<&Keys, sqlx::Error> {
        self.loaded
            .get_or_try_init(|| async {
                let derive = |label: &str, master: &str| {
                    hmac(master.as_bytes(), label.as_bytes()).finalize().into_bytes().to_vec()
                };
                Ok(match &self.master {
                    Some(master) => Keys {
                        order_links: derive("order-links", master),
                        sandbox_callbacks: derive("sandbox-callbacks", master),
                    },
                    None => Keys {
                        order_links: secrets::get_or_create(db, "order-links", || {
                            Token::generate().as_str().to_owned()
                        })
                        .await?
                        .into_bytes(),
                        sandbox_callbacks: secrets::get_or_create(db, "sandbox-callbacks", || {
                            Token::generate().as_str().to_owned()
                        })
                        .await?
                        .into_bytes(),
                    },
                })
            })
            .await
    }
}

impl Keys {
    /// The key in an order's link, which lets whoever holds the email see the order.
    pub fn order_link_key(&self, order: &OrderRef) -> String {
        URL_SAFE_NO_PAD.encode(hmac(&self.order_links, order.as_str().as_bytes()).finalize().into_bytes())
    }

    /// Whether `key` is the link key of `order`; constant-time.
    pub fn order_link_matches(&self, order: &OrderRef, key: &str) -> bool {
        URL_SAFE_NO_PAD
            .decode(key.trim())
            .is_ok_and(|digest| hmac(&self.order_links, order.as_str().as_bytes()).verify_slice(&digest).is_ok())
    }

    /// The path of an order's page with its link key, for emails and the gateway's return.
    pub fn order_path(&self, order: &OrderRef) -> String {
        format!("/orders/{}?key={}", order.as_str(), self.order_link_key(order))
    }

    /// A form's stamp: when it was served, signed, so that the bot trap's
    /// minimum fill time (`domain::service::bot_trap`) cannot be forged.
    /// Signed with the order links' key under its own prefix, which no
    /// order reference (`MA-…`) can take.
    pub fn form_stamp(&self, served_at: i64) -> String {
        let mac = hmac(&self.order_links, format!("form-stamp:{served_at}").as_bytes());
        format!("{served_at}.{}", URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes()))
    }

    /// When a form was served, if `stamp` is one of ours.
    pub fn form_served_at(&self, stamp: &str) -> Option<i64> {
        let (at, signature) = stamp.trim().split_once('.')?;
        let served_at: i64 = at.parse().ok()?;
        let digest = URL_SAFE_NO_PAD.decode(signature).ok()?;
        hmac(&self.order_links, format!("form-stamp:{served_at}").as_bytes()).verify_slice(&digest).ok()?;
        Some(served_at)
    }

    /// A browser's mark that it signed in to the account at `address`
    /// (lower-cased): a random id, signed with the address under its own
    /// prefix. The sign-in limit counts such a browser apart (see
    /// `api::account::sign_in`), so strangers' wrong passwords cannot lock
    /// the owner out of the browser they use.
    pub fn known_device_mark(&self, address: &str) -> String {
        let id = Token::generate();
        format!("{}.{}", id.as_str(), self.known_device_signature(address, id.as_str()))
    }

    /// The browser's id, if `mark` is one this shop gave for `address`.
    pub fn known_device(&self, mark: &str, address: &str) -> Option<String> {
        let (id, signature) = mark.trim().split_once('.')?;
        Token::parse(id)?;
        let digest = URL_SAFE_NO_PAD.decode(signature).ok()?;
        self.known_device_mac(address, id).verify_slice(&digest).ok()?;
        Some(id.to_owned())
    }

    fn known_device_signature(&self, address: &str, id: &str) -> String {
        URL_SAFE_NO_PAD.encode(self.known_device_mac(address, id).finalize().into_bytes())
    }

    /// The mark's MAC: the address and the id, under the marks' own prefix.
    fn known_device_mac(&self, address: &str, id: &str) -> Hmac<Sha256> {
        hmac(&self.order_links, format!("known-device:{address}:{id}").as_bytes())
    }

    #[cfg(test)]
    pub fn for_tests() -> Keys {
        Keys { order_links: b"links".to_vec(), sandbox_callbacks: b"callbacks".to_vec() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_order_link_opens_that_order_only() {
        let keys = Keys::for_tests();
        let a = OrderRef::parse("MA-0123456789").unwrap();
        let b = OrderRef::parse("MA-0123456788").unwrap();
        let key = keys.order_link_key(&a);
        assert!(keys.order_link_matches(&a, &key));
        assert!(!keys.order_link_matches(&b, &key));
        assert!(!keys.order_link_matches(&a, "not base64 !"));
        assert!(!keys.order_link_matches(&a, ""));
        assert!(keys.order_path(&a).starts_with("/orders/MA-0123456789?key="));
    }

    #[test]
    fn a_known_device_mark_vouches_for_its_address_only() {
        let keys = Keys::for_tests();
        let mark = keys.known_device_mark("anne@example.fr");
        let id = keys.known_device(&mark, "anne@example.fr").expect("its own address");
        assert!(mark.starts_with(&id));
        assert_eq!(keys.known_device(&mark, "bob@example.fr"), None);
        assert_ne!(keys.known_device_mark("anne@example.fr"), mark, "each mark is new");
        let (_, signature) = mark.split_once('.').unwrap();
        let forged = format!("{}.{signature}", Token::generate().as_str());
        assert_eq!(keys.known_device(&forged, "anne@example.fr"), None);
        for bad in ["", ".", "x.y", "no-dot"] {
            assert_eq!(keys.known_device(bad, "anne@example.fr"), None);
        }
        let other = Keys { order_links: b"other".to_vec(), ..Keys::for_tests() };
        assert_eq!(other.known_device(&mark, "anne@example.fr"), None);
    }

    #[test]
    fn a_form_stamp_reads_back_and_cannot_be_forged() {
        let keys = Keys::for_tests();
        let stamp = keys.form_stamp(1_700_000_000);
        assert_eq!(keys.form_served_at(&stamp), Some(1_700_000_000));
        let (_, signature) = stamp.split_once('.').unwrap();
        assert_eq!(keys.form_served_at(&format!("1600000000.{signature}")), None, "an earlier time, same signature");
        for forged in ["", "1700000000", "1700000000.", "x.y", "1700000000.!!"] {
            assert_eq!(keys.form_served_at(forged), None, "{forged}");
        }
    }
}

//! How often a client or an address may try something that an attacker
//! would repeat: signing in, asking for a reset link, registering,
//! subscribing to the newsletter, leaving alerts or messages, asking to be
//! called back. Counted in the database, so every server
//! replica sees the same count.

use super::locale::Locale;

/// At most `max` attempts in any `window_seconds`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    /// Which kind of attempt this counts; part of the key it is stored under.
    pub action: &'static str,
    pub max: u32,
    pub window_seconds: i64,
}

/// Failed sign-ins for one address: slows password guessing on one account.
pub const SIGN_IN_PER_ADDRESS: Limit = Limit { action: "sign-in-address", max: 5, window_seconds: 15 * 60 };
/// Failed sign-ins from one client: slows trying one password on many accounts.
pub const SIGN_IN_PER_CLIENT: Limit = Limit { action: "sign-in-client", max: 20, window_seconds: 15 * 60 };
/// Reset links asked for one address: nobody's inbox gets flooded.
pub const RESET_PER_ADDRESS: Limit = Limit { action: "reset-address", max: 3, window_seconds: 60 * 60 };
/// Reset links asked from one client.
pub const RESET_PER_CLIENT: Limit = Limit { action: "reset-client", max: 10, window_seconds: 60 * 60 };
/// Accounts created from one client.
pub const REGISTER_PER_CLIENT: Limit = Limit { action: "register-client", max: 20, window_seconds: 60 * 60 };
/// Newsletter requests (subscribe or unsubscribe) for one address.
pub const NEWSLETTER_PER_ADDRESS: Limit = Limit { action: "newsletter-address", max: 5, window_seconds: 60 * 60 };
/// Newsletter requests from one client.
pub const NEWSLETTER_PER_CLIENT: Limit = Limit { action: "newsletter-client", max: 30, window_seconds: 60 * 60 };
/// Back-in-stock alerts left for one address (every piece and size counted).
pub const ALERT_PER_ADDRESS: Limit = Limit { action: "alert-address", max: 10, window_seconds: 60 * 60 };
/// Back-in-stock alerts left from one client.
pub const ALERT_PER_CLIENT: Limit = Limit { action: "alert-client", max: 30, window_seconds: 60 * 60 };
/// Contact messages from one address: each writes two emails.
pub const CONTACT_PER_ADDRESS: Limit = Limit { action: "contact-address", max: 5, window_seconds: 60 * 60 };
/// Contact messages from one client.
pub const CONTACT_PER_CLIENT: Limit = Limit { action: "contact-client", max: 20, window_seconds: 60 * 60 };
/// Callbacks asked for one telephone number: nobody's line gets flooded.
pub const CALLBACK_PER_NUMBER: Limit = Limit { action: "callback-number", max: 3, window_seconds: 60 * 60 };
/// Callbacks asked from one client.
pub const CALLBACK_PER_CLIENT: Limit = Limit { action: "callback-client", max: 10, window_seconds: 60 * 60 };
/// Wrong second-factor codes for one member of staff: with the password
/// already known, a thief still cannot try the million codes.
pub const SECOND_FACTOR_PER_ACCOUNT: Limit =
    Limit { action: "second-factor-account", max: super::second_factor::MAX_CODE_TRIES, window_seconds: 15 * 60 };

/// Promo codes tried from one client: the codes cannot be guessed by
/// trying them all. Generous for a shopper who mistypes one.
pub const PROMO_PER_CLIENT: Limit = Limit { action: "promo-client", max: 20, window_seconds: 60 * 60 };

/// The limits that count attempts by an email address: erasing an account
/// erases its address's counts under each.
pub const PER_ADDRESS: [Limit; 5] =
    [SIGN_IN_PER_ADDRESS, RESET_PER_ADDRESS, NEWSLETTER_PER_ADDRESS, ALERT_PER_ADDRESS, CONTACT_PER_ADDRESS];

/// How the subject of every browser known to the account at `address`
/// begins (`api::known_device`): each is counted apart under
/// [`SIGN_IN_PER_ADDRESS`], and erasing the address erases them all.
pub fn known_browsers_of(address: &str) -> String {
    format!("{address} device ")
}

/// Who a per-client limit counts: the address as it is, except that IPv6
/// is counted by its /64, the block one household or one rented server is
/// given (each holds billions of addresses: counted one by one, a single
/// client would never reach a limit). An IPv4 address written as IPv6
/// (`::ffff:a.b.c.d`) counts as itself.
pub fn client_key(ip: std::net::IpAddr) -> String {
    match ip {
        std::net::IpAddr::V4(v4) => v4.to_string(),
        std::net::IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let [a, b, c, d, ..] = v6.segments();
                format!("{}/64", std::net::Ipv6Addr::new(a, b, c, d, 0, 0, 0, 0))
            }
        },
    }
}

impl Limit {
    /// The key attempts are counted under, e.g. `sign-in-address:anne@example.fr`.
    pub fn key(&self, subject: &str) -> String {
        format!("{}:{}", self.action, subject)
    }

    /// Whether one more attempt is allowed after `recent` in the window.
    pub fn allows(&self, recent: u32) -> bool {
        recent < self.max
    }

    /// When attempts older than this (Unix seconds) stop counting at `now`.
    pub fn window_start(&self, now: i64) -> i64 {
        now - self.window_seconds
    }

    /// How long a shopper who reached the limit is asked to wait, in whole minutes.
    pub fn wait_minutes(&self) -> u64 {
        u64::try_from(self.window_seconds / 60).unwrap_or(0).max(1)
    }

    /// What the shopper is told when the limit is reached, in their language.
    pub fn message(&self, locale: Locale) -> String {
        locale.account_too_many_attempts(self.wait_minutes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_is_reached_at_max() {
        assert!(SIGN_IN_PER_ADDRESS.allows(0));
        assert!(SIGN_IN_PER_ADDRESS.allows(4));
        assert!(!SIGN_IN_PER_ADDRESS.allows(5));
        assert!(!SIGN_IN_PER_ADDRESS.allows(50));
    }

    #[test]
    fn keys_and_messages_name_the_action_and_the_wait() {
        assert_eq!(RESET_PER_CLIENT.key("127.0.0.1"), "reset-client:127.0.0.1");
        assert_ne!(SIGN_IN_PER_ADDRESS.key("a"), SIGN_IN_PER_CLIENT.key("a"));
        assert!(SIGN_IN_PER_CLIENT.message(Locale::En).contains("15 minutes"));
        assert!(RESET_PER_ADDRESS.message(Locale::En).contains("60 minutes"));
        assert!(RESET_PER_ADDRESS.message(Locale::Fr).contains("60\u{a0}minutes"));
        assert_eq!(SIGN_IN_PER_ADDRESS.window_start(1000), 100);
    }

    #[test]
    fn an_ipv6_client_counts_by_its_64() {
        let ip = |s: &str| s.parse::<std::net::IpAddr>().unwrap();
        assert_eq!(client_key(ip("203.0.113.7")), "203.0.113.7");
        assert_eq!(client_key(ip("::ffff:203.0.113.7")), "203.0.113.7");
        let one = client_key(ip("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        assert_eq!(one, "2001:db8:1:2::/64");
        assert_eq!(client_key(ip("2001:db8:1:2::1")), one);
        assert_ne!(client_key(ip("2001:db8:1:3::1")), one);
        assert_eq!(client_key(ip("::1")), "::/64");
    }

    // A household or an office shares one client address: it must not be
    // locked out before a single account would be. Checked at compile time.
    const _: () = assert!(SIGN_IN_PER_CLIENT.max > SIGN_IN_PER_ADDRESS.max);
    const _: () = assert!(RESET_PER_CLIENT.max > RESET_PER_ADDRESS.max);
    const _: () = assert!(NEWSLETTER_PER_CLIENT.max > NEWSLETTER_PER_ADDRESS.max);
    const _: () = assert!(ALERT_PER_CLIENT.max > ALERT_PER_ADDRESS.max);
    const _: () = assert!(CONTACT_PER_CLIENT.max > CONTACT_PER_ADDRESS.max);
    const _: () = assert!(CALLBACK_PER_CLIENT.max > CALLBACK_PER_NUMBER.max);
}

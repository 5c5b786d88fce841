//! What the request log may say of an address, and what is kept of an
//! email once sent (issue 17): links in emails carry tokens
//! (`/account/verify?token=…`, `/orders/MA-…?key=…`,
//! `/newsletter/unsubscribe?token=…`) and the sandbox's pay page names a
//! payment in its path. A log or a sent email is kept longer than the
//! secrets in those links may be: their values are left out.

use app::{domain::outbox::OutgoingEmail, store::outbox::KeptBodies};
use axum::http::Uri;
use std::sync::LazyLock;

/// Query parameters whose values are secrets (compared in lower case).
const SECRET_PARAMETERS: &[&str] = &["token", "key", "code", "secret", "password", "signature", "sig"];
/// Paths whose last part is a secret.
const SECRET_PATHS: &[&str] = &["/sandbox-gateway/pay/"];
/// What stands for a value left out.
const LEFT_OUT: &str = "…";

/// The address as the log writes it: the path, and the query with each
/// secret's value left out.
pub fn loggable(uri: &Uri) -> String {
    let path = uri.path();
    let path = match SECRET_PATHS.iter().find(|prefix| path.starts_with(*prefix)) {
        Some(prefix) => format!("{prefix}{LEFT_OUT}"),
        None => path.to_owned(),
    };
    let Some(query) = uri.query().filter(|q| !q.is_empty()) else { return path };
    let pairs: Vec<String> = query
        .split('&')
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let plain = name.replace('+', " ");
            let decoded = percent_decoded(&plain).to_ascii_lowercase();
            let secret = SECRET_PARAMETERS.iter().any(|s| decoded == *s || decoded.ends_with(&format!("_{s}")));
            if secret && !value.is_empty() {
                format!("{name}={LEFT_OUT}")
            } else {
                pair.to_owned()
            }
        })
        .collect();
    format!("{path}?{}", pairs.join("&"))
}

/// A secret parameter in a link within a text or HTML body (`&amp;` in HTML
/// ends with `;`), and its value.
static SECRET_IN_BODY: LazyLock<regex::Regex> = LazyLock::new(|| {
    let names = SECRET_PARAMETERS.join("|");
    regex::Regex::new(&format!(r#"(?i)([?&;](?:[a-z0-9]+_)*(?:{names})=)[^\s&"'<>#]+"#)).expect("a valid pattern")
});

/// What is kept of an email once delivered: its bodies with the values of
/// its links' secrets left out. The email said what it said; nobody can
/// use what is kept of it to sign in, reset a password or open an order.
pub fn kept_bodies(email: &OutgoingEmail) -> KeptBodies {
    let left_out = |body: &str| SECRET_IN_BODY.replace_all(body, format!("${{1}}{LEFT_OUT}")).into_owned();
    KeptBodies { text_body: left_out(&email.text_body), html_body: left_out(&email.html_body) }
}

/// `%6Bey` reads as `key`: a secret's name is not hidden by encoding it.
fn percent_decoded(raw: &str) -> String {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(high), Some(low)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((high * 16 + low) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn log(raw: &str) -> String {
        loggable(&raw.parse::<Uri>().unwrap())
    }

    #[test]
    fn secrets_in_links_are_left_out() {
        assert_eq!(log("/en/account/verify?token=abc123"), "/en/account/verify?token=…");
        assert_eq!(log("/en/orders/MA-7K3Q?key=s3cr3t&lang=fr"), "/en/orders/MA-7K3Q?key=…&lang=fr");
        assert_eq!(log("/newsletter/one-click?token=x"), "/newsletter/one-click?token=…");
        assert_eq!(log("/x?order_key=a&%6Bey=b&TOKEN=c"), "/x?order_key=…&%6Bey=…&TOKEN=…");
        assert_eq!(log("/sandbox-gateway/pay/pay_abc123"), "/sandbox-gateway/pay/…");
    }

    #[test]
    fn a_sent_email_keeps_no_secret() {
        let email = OutgoingEmail {
            to: app::domain::account::Email::parse("anne@example.fr").unwrap(),
            subject: "Your order".into(),
            text_body: "Open https://shop.example/en/orders/MA-7K3Q?key=s3cr3t-Key_1 now.\n\
                        Reset: https://shop.example/en/account/reset-password?token=abcDEF123\n\
                        Our key=value pairs, the monkey=2 and ?keyring=3 stay."
                .into(),
            html_body: r#"<a href="https://shop.example/en/orders/MA-7K3Q?key=s3cr3t&amp;paid=1">order</a> <a href='/x?lang=fr&amp;order_key=k9'>x</a>"#
                .into(),
            unsubscribe_url: Some("https://shop.example/newsletter/one-click?token=u".into()),
        };
        let kept = kept_bodies(&email);
        assert_eq!(
            kept.text_body,
            "Open https://shop.example/en/orders/MA-7K3Q?key=… now.\n\
             Reset: https://shop.example/en/account/reset-password?token=…\n\
             Our key=value pairs, the monkey=2 and ?keyring=3 stay."
        );
        assert_eq!(
            kept.html_body,
            r#"<a href="https://shop.example/en/orders/MA-7K3Q?key=…&amp;paid=1">order</a> <a href='/x?lang=fr&amp;order_key=…'>x</a>"#
        );
    }

    #[test]
    fn everything_else_is_kept() {
        assert_eq!(log("/en/shop/rings?material=gold&sort=price"), "/en/shop/rings?material=gold&sort=price");
        assert_eq!(log("/en/products/aube-ring"), "/en/products/aube-ring");
        assert_eq!(log("/x?token="), "/x?token=");
        assert_eq!(log("/x?keyring=1&monkey=2"), "/x?keyring=1&monkey=2");
        assert_eq!(log("/x?%zz=1&%6"), "/x?%zz=1&%6");
    }
}

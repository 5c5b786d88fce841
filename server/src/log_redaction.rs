//! What the request log may say of an address (issue 17): links in emails
//! carry tokens (`/account/verify?token=…`, `/orders/MA-…?key=…`,
//! `/newsletter/unsubscribe?token=…`) and the sandbox's pay page names a
//! payment in its path. A log is read by more people, and kept longer,
//! than the secrets in those links may be: their values are left out.

use axum::http::Uri;

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
    fn everything_else_is_kept() {
        assert_eq!(log("/en/shop/rings?material=gold&sort=price"), "/en/shop/rings?material=gold&sort=price");
        assert_eq!(log("/en/products/aube-ring"), "/en/products/aube-ring");
        assert_eq!(log("/x?token="), "/x?token=");
        assert_eq!(log("/x?keyring=1&monkey=2"), "/x?keyring=1&monkey=2");
        assert_eq!(log("/x?%zz=1&%6"), "/x?%zz=1&%6");
    }
}

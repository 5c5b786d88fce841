//! Signed callbacks: HMAC-SHA256 over the timestamp and the body, as card
//! processors sign their webhooks. The header reads `t=<unix seconds>,v1=<hex>`.

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The header a callback's signature travels in.
pub const HEADER: &str = "vitrine-signature";

/// How far a callback's timestamp may be from our clock, either way. An
/// older callback is refused, so a captured one cannot be replayed later;
/// within the window, the event ids already seen refuse a replay.
pub const TOLERANCE_SECONDS: i64 = 300;

/// Why a callback's signature was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SignatureRefusal {
    #[error("the signature header is missing or malformed")]
    Malformed,
    #[error("the signature does not match")]
    Mismatch,
    #[error("the timestamp is outside the tolerance window")]
    Stale,
}

fn mac(secret: &[u8], timestamp: i64, body: &[u8]) -> Hmac<Sha256> {
    // HMAC takes a key of any length; this cannot fail.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret).expect("HMAC accepts any key length");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    mac
}

/// The header value that signs `body` at `timestamp`.
pub fn sign(secret: &[u8], timestamp: i64, body: &[u8]) -> String {
    format!("t={timestamp},v1={}", hex::encode(mac(secret, timestamp, body).finalize().into_bytes()))
}

/// Checks a header against the body and our clock; constant-time on the digest.
pub fn verify(secret: &[u8], header: &str, body: &[u8], now: i64) -> Result<(), SignatureRefusal> {
    let mut timestamp = None;
    let mut digest = None;
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", t)) => timestamp = t.parse::<i64>().ok(),
            Some(("v1", v)) => digest = hex::decode(v).ok(),
            _ => {}
        }
    }
    let (Some(timestamp), Some(digest)) = (timestamp, digest) else { return Err(SignatureRefusal::Malformed) };
    mac(secret, timestamp, body).verify_slice(&digest).map_err(|_| SignatureRefusal::Mismatch)?;
    if (now - timestamp).abs() > TOLERANCE_SECONDS {
        return Err(SignatureRefusal::Stale);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &[u8] = b"a secret of the shop";

    #[test]
    fn a_signed_body_verifies() {
        let header = sign(SECRET, 1_000, b"{\"a\":1}");
        assert_eq!(verify(SECRET, &header, b"{\"a\":1}", 1_010), Ok(()));
    }

    #[test]
    fn tampering_with_anything_is_caught() {
        let header = sign(SECRET, 1_000, b"{\"a\":1}");
        assert_eq!(verify(SECRET, &header, b"{\"a\":2}", 1_000), Err(SignatureRefusal::Mismatch));
        assert_eq!(verify(b"another key", &header, b"{\"a\":1}", 1_000), Err(SignatureRefusal::Mismatch));
        let moved = header.replace("t=1000", "t=1001");
        assert_eq!(verify(SECRET, &moved, b"{\"a\":1}", 1_000), Err(SignatureRefusal::Mismatch));
        assert_eq!(verify(SECRET, "v1=abc", b"", 1_000), Err(SignatureRefusal::Malformed));
        assert_eq!(verify(SECRET, "t=1000,v1=zz", b"", 1_000), Err(SignatureRefusal::Malformed));
    }

    #[test]
    fn old_and_future_timestamps_are_refused() {
        let header = sign(SECRET, 1_000, b"x");
        assert_eq!(verify(SECRET, &header, b"x", 1_000 + TOLERANCE_SECONDS), Ok(()));
        assert_eq!(verify(SECRET, &header, b"x", 1_001 + TOLERANCE_SECONDS), Err(SignatureRefusal::Stale));
        assert_eq!(verify(SECRET, &header, b"x", 999 - TOLERANCE_SECONDS), Err(SignatureRefusal::Stale));
    }
}

//! Random tokens for sessions and emailed links (password reset, newsletter
//! confirmation). The shopper gets the token; the database keeps only its
//! SHA-256, so a leaked table opens no account.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use sha2::{Digest, Sha256};

/// A token as given to the shopper: 256 random bits, URL-safe base64 (43 characters).
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl Token {
    /// A fresh token from the system's secure random source.
    pub fn generate() -> Token {
        let mut bytes = [0u8; 32];
        OsRng.fill_bytes(&mut bytes);
        Token(URL_SAFE_NO_PAD.encode(bytes))
    }

    /// Reads a token from a link or a cookie; anything that cannot be one of ours is `None`.
    pub fn parse(raw: &str) -> Option<Token> {
        let raw = raw.trim();
        (raw.len() == 43 && URL_SAFE_NO_PAD.decode(raw).is_ok_and(|b| b.len() == 32)).then(|| Token(raw.to_owned()))
    }

    /// The token as text, for the link or cookie.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// What the database stores and looks up: the SHA-256 of the token, in hex.
    pub fn digest(&self) -> String {
        Sha256::digest(self.0.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// Never print a token, even in a debug log.
impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_fresh_url_safe_and_parse_back() {
        let a = Token::generate();
        let b = Token::generate();
        assert_ne!(a, b);
        assert_eq!(a.as_str().len(), 43);
        assert!(a.as_str().bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'));
        assert_eq!(Token::parse(a.as_str()), Some(a.clone()));
        assert_eq!(format!("{a:?}"), "Token(…)");
    }

    #[test]
    fn only_the_digest_is_stored_and_it_is_stable() {
        let t = Token::parse("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").unwrap();
        assert_eq!(t.digest(), t.digest());
        assert_eq!(t.digest().len(), 64);
        assert_ne!(t.digest(), Token::generate().digest());
        assert!(!t.digest().contains(t.as_str()));
    }

    #[test]
    fn anything_else_is_not_a_token() {
        for bad in [
            "",
            "short",
            &"A".repeat(44),
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            "<script>alert(1)</script>xxxxxxxxxxxxxxxxxx",
        ] {
            assert_eq!(Token::parse(bad), None, "{bad}");
        }
    }
}

//! Password hashing with argon2id (PRODUCT.md §4: a modern memory-hard hash).

use crate::domain::account::NewPassword;
use argon2::{
    password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
    Algorithm, Argon2, Params, Version,
};

/// OWASP's minimum for argon2id (Password Storage Cheat Sheet): 19 MiB of
/// memory, 2 passes, 1 lane. Stored hashes carry their own parameters, so
/// raising these later still verifies older hashes.
const MEMORY_KIB: u32 = 19 * 1024;
const PASSES: u32 = 2;
const LANES: u32 = 1;

fn hasher() -> Argon2<'static> {
    // The constants are valid parameters; `default()` is a safe fallback that is stronger still.
    let params = Params::new(MEMORY_KIB, PASSES, LANES, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Why a password could not be hashed (the system's randomness failed, or similar).
#[derive(Debug, thiserror::Error)]
#[error("password hashing failed: {0}")]
pub struct HashFailed(String);

/// Hashes a new password into a PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`).
pub fn hash(password: &NewPassword) -> Result<String, HashFailed> {
    let salt = SaltString::generate(&mut OsRng);
    hasher()
        .hash_password(password.expose().as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| HashFailed(e.to_string()))
}

/// Whether `password` matches a stored hash. A malformed stored hash matches nothing.
pub fn verify(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|parsed| hasher().verify_password(password.as_bytes(), &parsed).is_ok())
}

/// A hash of no real password, verified against when an address has no
/// account, so that sign-in takes as long either way and timing does not
/// tell whether an address is registered.
pub fn decoy_verify(password: &str) {
    use std::sync::OnceLock;
    static DECOY: OnceLock<String> = OnceLock::new();
    let stored = DECOY.get_or_init(|| {
        let email = crate::domain::account::Email::parse("decoy@example.com").ok();
        email
            .and_then(|e| NewPassword::parse("decoy password never used", &e).ok())
            .and_then(|p| hash(&p).ok())
            .unwrap_or_default()
    });
    let _ = verify(password, stored);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::account::Email;

    fn password(text: &str) -> NewPassword {
        NewPassword::parse(text, &Email::parse("anne@example.fr").unwrap()).unwrap()
    }

    #[test]
    fn hashes_are_argon2id_at_owasp_parameters_and_salted() {
        let p = password("velvet harbour lantern");
        let first = hash(&p).unwrap();
        let second = hash(&p).unwrap();
        assert!(first.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{first}");
        assert_ne!(first, second, "a fresh salt each time");
        assert!(!first.contains("velvet"));
    }

    #[test]
    fn only_the_right_password_verifies() {
        let stored = hash(&password("velvet harbour lantern")).unwrap();
        assert!(verify("velvet harbour lantern", &stored));
        assert!(!verify("velvet harbour lanterns", &stored));
        assert!(!verify("", &stored));
        assert!(!verify("velvet harbour lantern", "not a hash"));
        decoy_verify("anything");
    }
}

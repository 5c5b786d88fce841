//! The cryptography of the staff's second factor: one-time codes (RFC 6238,
//! by `totp-rs`, with SHA-1, six digits and 30-second steps, which every
//! authenticator app reads from a QR code) and recovery codes, of which the
//! database keeps only SHA-256 digests. Which codes are accepted, and when,
//! is [`crate::domain::second_factor`]'s rule.

use crate::domain::second_factor::{candidate_steps, RECOVERY_CODES, RECOVERY_CODE_LEN, STEP_SECONDS};
use argon2::password_hash::rand_core::{OsRng, RngCore};
use sha2::{Digest, Sha256};
use totp_rs::{Algorithm, Secret, TOTP};

/// What authenticator apps show above the code.
const ISSUER: &str = "Vitrine";

/// A fresh secret (160 random bits, RFC 4226's recommendation), in base32 as apps take it.
pub fn new_secret() -> String {
    Secret::generate_secret().to_encoded().to_string()
}

/// The authenticator for a stored secret; `None` if what is stored cannot be one.
fn authenticator(secret: &str, account: &str) -> Option<TOTP> {
    let bytes = Secret::Encoded(secret.to_owned()).to_bytes().ok()?;
    // No skew inside totp-rs: the steps tried are the domain's, so that a used one is left out.
    // An address cannot hold the ':' an otpauth label refuses, but be safe.
    TOTP::new(Algorithm::SHA1, 6, 0, STEP_SECONDS as u64, bytes, Some(ISSUER.to_owned()), account.replace(':', " "))
        .ok()
}

/// The code an app shows for `secret` during `step` (tests compute codes with it).
pub fn code_at(secret: &str, step: i64) -> Option<String> {
    let time = u64::try_from(step.checked_mul(STEP_SECONDS)?).ok()?;
    Some(authenticator(secret, "staff")?.generate(time))
}

/// The step a code typed at `now` matches, if any, never one at or before
/// `last_used`. The comparison is constant-time (`totp-rs`'s `check`).
pub fn matching_step(secret: &str, code: &str, now: i64, last_used: i64) -> Option<i64> {
    let totp = authenticator(secret, "staff")?;
    candidate_steps(now, last_used)
        .into_iter()
        .find(|step| u64::try_from(step * STEP_SECONDS).is_ok_and(|time| totp.check(code, time)))
}

/// The enrolment's QR code (a PNG as a `data:` address) and the `otpauth://`
/// address it holds, for a member of staff's address.
pub fn enrolment(secret: &str, account: &str) -> Option<(String, String)> {
    let totp = authenticator(secret, account)?;
    let png = totp.get_qr_base64().ok()?;
    Some((format!("data:image/png;base64,{png}"), totp.get_url()))
}

/// A fresh set of recovery codes, as they are shown (without their dash).
pub fn new_recovery_codes() -> Vec<String> {
    (0..RECOVERY_CODES)
        .map(|_| {
            let mut bytes = [0u8; 7];
            OsRng.fill_bytes(&mut bytes);
            let mut code = Secret::Raw(bytes.to_vec()).to_encoded().to_string();
            code.truncate(RECOVERY_CODE_LEN);
            code
        })
        .collect()
}

/// What the database keeps of a recovery code: its SHA-256, in hex. The
/// codes are 50 random bits, so a fast hash is enough (there is no
/// dictionary to try), and it lets a code be found by its digest.
pub fn recovery_digest(code: &str) -> String {
    Sha256::digest(code.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::second_factor::{step_of, SecondFactorCode};

    #[test]
    fn the_code_of_now_is_accepted_once() {
        let secret = new_secret();
        let now = 1_790_000_000;
        let code = code_at(&secret, step_of(now)).unwrap();
        assert_eq!(code.len(), 6);
        assert_eq!(matching_step(&secret, &code, now, 0), Some(step_of(now)));
        // Once used, the same code (and any older one) is refused.
        assert_eq!(matching_step(&secret, &code, now, step_of(now)), None);
        // The previous step's code is taken for a clock a little behind, not two steps back.
        let previous = code_at(&secret, step_of(now) - 1).unwrap();
        assert_eq!(matching_step(&secret, &previous, now, 0), Some(step_of(now) - 1));
        let old = code_at(&secret, step_of(now) - 2).unwrap();
        assert!(old == code || matching_step(&secret, &old, now, 0).is_none());
        assert_eq!(matching_step("not base32!", &code, now, 0), None);
    }

    #[test]
    fn rfc_6238_test_vector() {
        // RFC 6238 appendix B, SHA-1, T = 59 s: 94287082 on eight digits, so 287082 on six.
        let secret = Secret::Raw(b"12345678901234567890".to_vec()).to_encoded().to_string();
        assert_eq!(code_at(&secret, 1).as_deref(), Some("287082"));
    }

    #[test]
    fn enrolment_gives_a_qr_code_and_an_otpauth_address() {
        let secret = new_secret();
        let (qr, url) = enrolment(&secret, "clerk@example.fr").unwrap();
        assert!(qr.starts_with("data:image/png;base64,"));
        assert!(url.starts_with("otpauth://totp/Vitrine:clerk%40example.fr?"), "{url}");
        assert!(url.contains(&format!("secret={secret}")), "{url}");
    }

    #[test]
    fn recovery_codes_are_fresh_readable_and_stored_as_digests() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        for code in &codes {
            assert_eq!(SecondFactorCode::parse(code), Some(SecondFactorCode::Recovery(code.clone())));
            assert_eq!(recovery_digest(code).len(), 64);
        }
        let mut unique = codes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), codes.len());
    }
}

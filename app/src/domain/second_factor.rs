//! Staff accounts that are hard to steal (PRODUCT.md §9, issue 16 part 5):
//! a second factor — time-based one-time codes (RFC 6238) or a single-use
//! recovery code — and asking for the password again before a sensitive
//! action when it was typed too long ago. The cryptography is `totp-rs`'s
//! (server only); what is accepted, when, is decided here.

/// The length of a one-time code's time step (RFC 6238's default, and what
/// every authenticator app uses).
pub const STEP_SECONDS: i64 = 30;

/// How many steps either side of now a code is still taken for: a phone's
/// clock a little off, or a code typed as it changed.
pub const SKEW_STEPS: i64 = 1;

/// How many recovery codes a member of staff is given at enrolment.
pub const RECOVERY_CODES: usize = 10;

/// How long a typed password stays good for sensitive actions (refunds,
/// prices, promo codes, staff changes): after that, they ask for it again.
pub const STEP_UP_SECONDS: i64 = 15 * 60;

/// Failed second-factor attempts allowed for one account in
/// [`crate::domain::rate_limit::SECOND_FACTOR_PER_ACCOUNT`]'s window: six
/// digits are a million codes, and a handful of tries guesses none of them.
pub const MAX_CODE_TRIES: u32 = 5;

/// The time step `now` (Unix seconds) falls in.
pub fn step_of(now: i64) -> i64 {
    now.div_euclid(STEP_SECONDS)
}

/// The steps a code typed at `now` may be for, oldest first, leaving out
/// every step at or before `last_used`: a code once accepted, or an older
/// one, is never accepted again (a code seen over a shoulder or replayed
/// from a log opens nothing).
pub fn candidate_steps(now: i64, last_used: i64) -> Vec<i64> {
    let step = step_of(now);
    ((step - SKEW_STEPS)..=(step + SKEW_STEPS)).filter(|s| *s > last_used && *s >= 0).collect()
}

/// Whether a password typed at `password_at` is recent enough at `now` for a sensitive action.
pub fn password_recent(password_at: i64, now: i64) -> bool {
    now >= password_at && now - password_at <= STEP_UP_SECONDS
}

/// What was typed in the second-factor form: six digits from the
/// authenticator, or a recovery code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SecondFactorCode {
    OneTime(String),
    Recovery(String),
}

impl SecondFactorCode {
    /// Reads the form's field: spaces and dashes are ignored (apps show
    /// "123 456", recovery codes are printed "ABCDE-FGHIJ"), letters are
    /// taken in either case. Anything else is `None`.
    pub fn parse(raw: &str) -> Option<SecondFactorCode> {
        let kept: String =
            raw.chars().filter(|c| !c.is_whitespace() && *c != '-').map(|c| c.to_ascii_uppercase()).collect();
        if kept.len() == 6 && kept.bytes().all(|b| b.is_ascii_digit()) {
            Some(SecondFactorCode::OneTime(kept))
        } else if kept.len() == RECOVERY_CODE_LEN && kept.bytes().all(is_recovery_char) {
            Some(SecondFactorCode::Recovery(kept))
        } else {
            None
        }
    }
}

/// A recovery code's length once its dash is gone: ten characters of
/// RFC 4648 base32, 50 random bits.
pub const RECOVERY_CODE_LEN: usize = 10;

fn is_recovery_char(b: u8) -> bool {
    b.is_ascii_uppercase() || (b'2'..=b'7').contains(&b)
}

/// A recovery code as it is shown to be written down: "ABCDE-FGHIJ".
pub fn recovery_code_shown(code: &str) -> String {
    let (a, b) = code.split_at(code.len() / 2);
    format!("{a}-{b}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn codes_are_read_as_typed() {
        assert_eq!(SecondFactorCode::parse("123 456"), Some(SecondFactorCode::OneTime("123456".into())));
        assert_eq!(SecondFactorCode::parse(" 000000 "), Some(SecondFactorCode::OneTime("000000".into())));
        assert_eq!(SecondFactorCode::parse("abcde-fgh23"), Some(SecondFactorCode::Recovery("ABCDEFGH23".into())));
        for bad in ["", "12345", "1234567", "12a456", "ABCDE-FGH1J", "ABCDE-FGHIJK", "１２３４５６"] {
            assert_eq!(SecondFactorCode::parse(bad), None, "{bad}");
        }
        assert_eq!(recovery_code_shown("ABCDEFGH23"), "ABCDE-FGH23");
    }

    #[test]
    fn a_step_is_thirty_seconds() {
        assert_eq!(step_of(0), 0);
        assert_eq!(step_of(29), 0);
        assert_eq!(step_of(30), 1);
        assert_eq!(candidate_steps(60, 0), vec![1, 2, 3]);
        assert_eq!(candidate_steps(60, 2), vec![3]);
        assert!(candidate_steps(60, 3).is_empty());
    }

    #[test]
    fn the_password_is_asked_again_after_fifteen_minutes() {
        assert!(password_recent(1_000, 1_000));
        assert!(password_recent(1_000, 1_000 + STEP_UP_SECONDS));
        assert!(!password_recent(1_000, 1_000 + STEP_UP_SECONDS + 1));
        // A time in the future (a clock set back) is not trusted either.
        assert!(!password_recent(1_000, 999));
    }

    proptest! {
        /// A code is only ever taken for a step within the skew of now,
        /// and never for a step already used: no replay, however the
        /// clock and the last use fall.
        #[test]
        fn no_step_is_accepted_twice_or_far_from_now(now in 0i64..4_000_000_000, back in -5i64..5) {
            let last = step_of(now) + back;
            let steps = candidate_steps(now, last);
            prop_assert!(steps.iter().all(|s| *s > last));
            prop_assert!(steps.iter().all(|s| (s - step_of(now)).abs() <= SKEW_STEPS));
            prop_assert!(steps.windows(2).all(|w| w[0] < w[1]));
        }
    }
}

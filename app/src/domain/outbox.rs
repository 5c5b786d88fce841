//! Emails waiting to be sent, and when to try again after a failure.

use super::account::Email;

/// An email as the outbox keeps it: both an HTML and a plain-text part, and
/// for newsletters the one-click unsubscribe address (RFC 8058).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutgoingEmail {
    pub to: Email,
    pub subject: String,
    pub text_body: String,
    pub html_body: String,
    pub unsubscribe_url: Option<String>,
}

/// The first retry comes this many seconds after a failure.
pub const FIRST_RETRY_SECONDS: i64 = 30;
/// Retries never wait longer than this: a mail server down for a day still
/// gets its emails within hours of coming back.
pub const LONGEST_RETRY_SECONDS: i64 = 6 * 60 * 60;

/// How long to wait before the next attempt, after `failures` failed ones:
/// 30 s, 1 min, 2 min… doubling up to 6 h. An email is never given up.
pub fn retry_delay(failures: u32) -> i64 {
    let doublings = failures.saturating_sub(1).min(20);
    (FIRST_RETRY_SECONDS << doublings).min(LONGEST_RETRY_SECONDS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn retries_back_off_by_doubling() {
        assert_eq!(retry_delay(1), 30);
        assert_eq!(retry_delay(2), 60);
        assert_eq!(retry_delay(3), 120);
        assert_eq!(retry_delay(10), 30 << 9, "4 h 16 min");
        assert_eq!(retry_delay(11), LONGEST_RETRY_SECONDS);
        assert_eq!(retry_delay(u32::MAX), LONGEST_RETRY_SECONDS);
        assert_eq!(retry_delay(0), 30, "a first failure counted as zero still waits");
    }

    proptest! {
        #[test]
        fn delays_never_shrink_and_stay_bounded(n in 0u32..1000) {
            prop_assert!(retry_delay(n) <= retry_delay(n + 1));
            prop_assert!((FIRST_RETRY_SECONDS..=LONGEST_RETRY_SECONDS).contains(&retry_delay(n)));
        }
    }
}

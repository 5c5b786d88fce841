//! The rules of customer accounts (PRODUCT.md §4) that need no database:
//! what an email address is, what a password must be, how long a reset link
//! lives. Hashing and tokens, which need randomness, are in `auth` (server only).

use serde::{Deserialize, Serialize};
use std::fmt;

/// An email address, trimmed and with its domain in lower case. Parsed by
/// the `email_address` crate (RFC 5321/5322), then held to what a shop can
/// really mail: a dot in the domain, no display name, at most 254 characters.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

/// Why a piece of text is not an email address we can write to.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EmailProblem {
    #[error("Please enter your email address.")]
    Empty,
    #[error("'{0}' is not an email address. Please check it, for example name@example.com.")]
    Invalid(String),
}

impl Email {
    /// The longest address accepted (RFC 5321's path limit).
    pub const MAX_LEN: usize = 254;

    /// Parses an address as a shopper typed it.
    pub fn parse(raw: &str) -> Result<Self, EmailProblem> {
        let text = raw.trim();
        if text.is_empty() {
            return Err(EmailProblem::Empty);
        }
        let invalid = || EmailProblem::Invalid(text.chars().take(60).collect());
        if text.len() > Self::MAX_LEN || text.contains(['<', '>', ' ']) {
            return Err(invalid());
        }
        let parsed = email_address::EmailAddress::parse_with_options(
            text,
            email_address::Options::default().without_display_text().without_domain_literal(),
        )
        .map_err(|_| invalid())?;
        let (local, domain) = (parsed.local_part(), parsed.domain());
        // A shop mails real domains: `name@localhost` or `name@example` are typos.
        if !domain.contains('.') || domain.starts_with('.') || domain.ends_with('.') {
            return Err(invalid());
        }
        Ok(Email(format!("{local}@{}", domain.to_ascii_lowercase())))
    }

    /// The address as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The key accounts are found by: the whole address in lower case, so
    /// that `Anne@Example.com` and `anne@example.com` are one customer.
    pub fn lookup_key(&self) -> String {
        self.0.to_lowercase()
    }
}

impl TryFrom<String> for Email {
    type Error = EmailProblem;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Email::parse(&value)
    }
}

impl From<Email> for String {
    fn from(value: Email) -> Self {
        value.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The shortest password accepted, in characters (above NIST SP 800-63B's 8).
pub const MIN_PASSWORD_CHARS: usize = 10;
/// The longest password accepted, in characters: long passphrases are welcome,
/// megabytes of text to hash are not.
pub const MAX_PASSWORD_CHARS: usize = 128;

/// Passwords so common that length alone does not make them safe.
const COMMON_PASSWORDS: &[&str] = &[
    "1234567890",
    "12345678910",
    "123456789012",
    "0123456789",
    "1q2w3e4r5t",
    "qwertyuiop",
    "azertyuiop",
    "password123",
    "password1234",
    "passwordpassword",
    "motdepasse",
    "motdepasse123",
    "iloveyou123",
    "letmein123",
    "welcome123",
    "administrator",
    "qwerty123456",
    "abcdefghij",
    "aaaaaaaaaa",
    "jewellery123",
];

/// A password that meets the house's rules. It is never stored or shown:
/// it exists to be hashed.
#[derive(Clone, PartialEq, Eq)]
pub struct NewPassword(String);

/// Why a password is refused, said so the shopper can fix it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PasswordProblem {
    #[error("Your password must have at least {MIN_PASSWORD_CHARS} characters.")]
    TooShort,
    #[error("Your password must have at most {MAX_PASSWORD_CHARS} characters.")]
    TooLong,
    #[error("This password is too easy to guess. A few unrelated words make a strong one.")]
    TooCommon,
    #[error("Your password must not contain your email address.")]
    ContainsEmail,
}

impl NewPassword {
    /// Checks a password a customer chose, against their email address.
    pub fn parse(raw: &str, email: &Email) -> Result<Self, PasswordProblem> {
        let chars = raw.chars().count();
        if chars < MIN_PASSWORD_CHARS {
            return Err(PasswordProblem::TooShort);
        }
        if chars > MAX_PASSWORD_CHARS {
            return Err(PasswordProblem::TooLong);
        }
        let lower = raw.to_lowercase();
        let distinct: std::collections::HashSet<char> = lower.chars().collect();
        if distinct.len() < 4 || COMMON_PASSWORDS.contains(&lower.as_str()) {
            return Err(PasswordProblem::TooCommon);
        }
        let local = email.lookup_key().split('@').next().unwrap_or_default().to_owned();
        if local.chars().count() >= 4 && lower.contains(&local) {
            return Err(PasswordProblem::ContainsEmail);
        }
        Ok(NewPassword(raw.to_owned()))
    }

    /// The password, to be hashed.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// Never print a password, even in a debug log.
impl fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NewPassword(…)")
    }
}

/// How long a password-reset link works (PRODUCT.md §4: one hour).
pub const RESET_LINK_SECONDS: i64 = 60 * 60;

/// Whether a reset link issued at `issued_at` (Unix seconds) still works at
/// `now`, and was not used before: a link works once, within the hour.
pub fn reset_link_usable(issued_at: i64, now: i64, already_used: bool) -> bool {
    !already_used && now >= issued_at && now - issued_at < RESET_LINK_SECONDS
}

/// How long a session lasts without being used: 30 days, renewed as the
/// customer comes back (at most once a day, to spare the database a write
/// per page).
pub const SESSION_SECONDS: i64 = 30 * 24 * 60 * 60;
const SESSION_RENEW_AFTER: i64 = 24 * 60 * 60;

/// Whether a session expiring at `expires_at` should be pushed back at `now`.
pub fn session_needs_renewal(expires_at: i64, now: i64) -> bool {
    expires_at - now < SESSION_SECONDS - SESSION_RENEW_AFTER
}

/// The longest a session lasts however much it is used, from sign-in
/// (issue 16, PRODUCT.md §9): a member of staff's, one working day, so that
/// a stolen staff cookie dies by the evening; a customer's, 90 days. An
/// unused session ends sooner ([`SESSION_SECONDS`] idle).
pub const STAFF_SESSION_MAX_SECONDS: i64 = 10 * 60 * 60;
pub const CUSTOMER_SESSION_MAX_SECONDS: i64 = 90 * 24 * 60 * 60;

/// The absolute lifetime of a session of a member of staff or of a customer.
pub fn session_max_seconds(is_staff: bool) -> i64 {
    if is_staff {
        STAFF_SESSION_MAX_SECONDS
    } else {
        CUSTOMER_SESSION_MAX_SECONDS
    }
}

/// Whether a session begun at `created_at`, expiring at `expires_at`, still stands at `now`.
pub fn session_alive(created_at: i64, expires_at: i64, now: i64, is_staff: bool) -> bool {
    now < expires_at && now < created_at.saturating_add(session_max_seconds(is_staff))
}

/// When a session used at `now` expires: [`SESSION_SECONDS`] on, never past
/// its absolute end.
pub fn session_expiry(created_at: i64, now: i64, is_staff: bool) -> i64 {
    (now + SESSION_SECONDS).min(created_at.saturating_add(session_max_seconds(is_staff)))
}

/// How long the link in the welcome email confirms the address: a week.
pub const VERIFY_LINK_SECONDS: i64 = 7 * 24 * 60 * 60;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn email(s: &str) -> Email {
        Email::parse(s).unwrap()
    }

    #[test]
    fn addresses_are_trimmed_and_domains_lower_cased() {
        assert_eq!(email("  Anne.Dupont@Example.FR ").as_str(), "Anne.Dupont@example.fr");
        assert_eq!(email("Anne.Dupont@Example.FR").lookup_key(), "anne.dupont@example.fr");
        assert_eq!(email("a+shop@mail.example.com").as_str(), "a+shop@mail.example.com");
    }

    #[test]
    fn bad_addresses_are_refused_with_a_reason() {
        assert_eq!(Email::parse("  "), Err(EmailProblem::Empty));
        for bad in [
            "anne",
            "anne@",
            "@example.com",
            "anne@localhost",
            "anne@@example.com",
            "anne dupont@example.com",
            "Anne <anne@example.com>",
            "anne@[127.0.0.1]",
            "anne@example.com.",
        ] {
            assert!(matches!(Email::parse(bad), Err(EmailProblem::Invalid(_))), "{bad}");
        }
        let long = format!("{}@example.com", "a".repeat(250));
        assert!(Email::parse(&long).is_err());
    }

    #[test]
    fn passwords_follow_the_rules() {
        let anne = email("anne.dupont@example.fr");
        assert_eq!(NewPassword::parse("short", &anne), Err(PasswordProblem::TooShort));
        assert_eq!(NewPassword::parse(&"x1".repeat(65), &anne), Err(PasswordProblem::TooLong));
        assert_eq!(NewPassword::parse("Password123", &anne), Err(PasswordProblem::TooCommon));
        assert_eq!(NewPassword::parse("aaaaaaaaaaaa", &anne), Err(PasswordProblem::TooCommon));
        assert_eq!(NewPassword::parse("ababababab", &anne), Err(PasswordProblem::TooCommon));
        assert_eq!(NewPassword::parse("my anne.dupont pass", &anne), Err(PasswordProblem::ContainsEmail));
        assert!(NewPassword::parse("velvet harbour lantern", &anne).is_ok());
        // Ten characters of any script count as ten.
        assert!(NewPassword::parse("été-à-noël", &anne).is_ok());
        assert_eq!(format!("{:?}", NewPassword::parse("velvet harbour lantern", &anne).unwrap()), "NewPassword(…)");
    }

    #[test]
    fn reset_links_work_once_within_the_hour() {
        let issued = 1_000_000;
        assert!(reset_link_usable(issued, issued, false));
        assert!(reset_link_usable(issued, issued + RESET_LINK_SECONDS - 1, false));
        assert!(!reset_link_usable(issued, issued + RESET_LINK_SECONDS, false));
        assert!(!reset_link_usable(issued, issued + 10, true), "used once already");
        assert!(!reset_link_usable(issued, issued - 1, false), "issued in the future: a clock problem, refuse");
    }

    #[test]
    fn sessions_are_renewed_at_most_daily() {
        let now = 5_000_000;
        assert!(!session_needs_renewal(now + SESSION_SECONDS, now), "fresh");
        assert!(!session_needs_renewal(now + SESSION_SECONDS - 3600, now), "an hour old");
        assert!(session_needs_renewal(now + SESSION_SECONDS - 2 * 24 * 3600, now), "two days old");
    }

    #[test]
    fn a_staff_session_lasts_a_working_day_however_used() {
        let signed_in = 1_000_000;
        let hour = 3600;
        // Used every hour: still alive at 9 h 59, gone at 10 h, renewed no further.
        let at = signed_in + 10 * hour - 1;
        assert!(session_alive(signed_in, session_expiry(signed_in, at - hour, true), at, true));
        assert!(!session_alive(signed_in, signed_in + SESSION_SECONDS, signed_in + 10 * hour, true));
        assert_eq!(session_expiry(signed_in, signed_in + 9 * hour, true), signed_in + 10 * hour);
        // A customer's goes on for 90 days of use, then ends too.
        assert!(session_alive(signed_in, signed_in + SESSION_SECONDS, signed_in + 10 * hour, false));
        let day = 24 * hour;
        assert!(!session_alive(signed_in, signed_in + 100 * day, signed_in + 90 * day, false));
        assert_eq!(session_expiry(signed_in, signed_in + 80 * day, false), signed_in + 90 * day);
    }

    proptest! {
        /// However a session is used, it never outlives its absolute end,
        /// and the expiry a use sets is never past it.
        #[test]
        fn no_session_outlives_its_lifetime(
            created in 0i64..1_000_000_000,
            uses in proptest::collection::vec(0i64..200 * 24 * 3600, 1..20),
            staff in any::<bool>(),
        ) {
            let end = created + session_max_seconds(staff);
            let mut expires = session_expiry(created, created, staff);
            let mut uses = uses;
            uses.sort_unstable();
            for offset in uses {
                let now = created + offset;
                if !session_alive(created, expires, now, staff) {
                    prop_assert!(now >= end || now >= expires);
                    break;
                }
                prop_assert!(now < end);
                expires = session_expiry(created, now, staff);
                prop_assert!(expires <= end);
            }
        }

        /// Whatever is typed, parsing never panics, and what it accepts reads back the same.
        #[test]
        fn email_parsing_is_total_and_stable(raw in ".{0,80}") {
            if let Ok(e) = Email::parse(&raw) {
                prop_assert_eq!(Email::parse(e.as_str()), Ok(e.clone()));
                prop_assert!(e.as_str().len() <= Email::MAX_LEN);
            }
        }

        /// Any accepted password has the minimum length in characters.
        #[test]
        fn accepted_passwords_are_long_enough(raw in ".{0,30}") {
            if NewPassword::parse(&raw, &email("x@example.com")).is_ok() {
                prop_assert!(raw.chars().count() >= MIN_PASSWORD_CHARS);
            }
        }
    }
}

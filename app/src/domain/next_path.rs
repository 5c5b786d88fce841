//! Where to send a shopper after signing in: only ever a path on this site.
//! A `next` parameter is attacker-controlled (anyone can craft a sign-in
//! link), so anything that could leave the site becomes the account page.
//!
//! The path is kept without its language (`/fr/basket` is `/basket`): the
//! shopper comes back in the language of the page they signed in on.

use super::locale::Locale;

/// A path on this site, safe to redirect to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NextPath(String);

impl NextPath {
    /// The account overview: where shoppers go when no `next` is given.
    pub const ACCOUNT: &'static str = "/account";

    /// Reads a `next` parameter. Only a local absolute path is kept:
    /// `//evil.example`, `/\evil.example`, `https://…`, control characters
    /// and the sign-in pages themselves (a loop) give the account page. A
    /// language first in the path is dropped.
    pub fn parse(raw: Option<&str>) -> NextPath {
        let fallback = || NextPath(Self::ACCOUNT.to_owned());
        let Some(raw) = raw.map(str::trim).filter(|r| !r.is_empty()) else { return fallback() };
        let unprefixed;
        let raw = match Locale::split_path(raw) {
            Some((_, rest)) if rest.starts_with('?') => {
                unprefixed = format!("/{rest}");
                unprefixed.as_str()
            }
            Some((_, rest)) => rest,
            None => raw,
        };
        let local = raw.starts_with('/')
            && !raw.starts_with("//")
            && !raw.contains('\\')
            && !raw.chars().any(char::is_control)
            && raw.len() <= 512;
        let to_sign_in = ["/account/sign-in", "/account/register", "/account/sign-out"]
            .iter()
            .any(|p| raw == *p || raw.starts_with(&format!("{p}?")) || raw.starts_with(&format!("{p}/")));
        if local && !to_sign_in {
            NextPath(raw.to_owned())
        } else {
            fallback()
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The path in a language, to go to.
    pub fn href(&self, locale: Locale) -> String {
        locale.href(&self.0)
    }

    /// The sign-in page, in a language, that brings the shopper back here afterwards.
    pub fn sign_in_url(&self, locale: Locale) -> String {
        if self.0 == Self::ACCOUNT {
            locale.href("/account/sign-in")
        } else {
            locale.href(&format!("/account/sign-in?next={}", encode_query_value(&self.0)))
        }
    }
}

/// Percent-encodes a query value (RFC 3986 unreserved characters and `/` kept).
pub fn encode_query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~' | b'/') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn local_paths_are_kept() {
        assert_eq!(NextPath::parse(Some("/account/addresses")).as_str(), "/account/addresses");
        assert_eq!(NextPath::parse(Some("/basket?x=1")).as_str(), "/basket?x=1");
        assert_eq!(NextPath::parse(None).as_str(), "/account");
        assert_eq!(NextPath::parse(Some("")).as_str(), "/account");
    }

    #[test]
    fn the_language_is_left_to_the_page_signed_in_on() {
        assert_eq!(NextPath::parse(Some("/fr/account/addresses")).as_str(), "/account/addresses");
        assert_eq!(NextPath::parse(Some("/en/basket?x=1")).as_str(), "/basket?x=1");
        assert_eq!(NextPath::parse(Some("/en")).as_str(), "/");
        assert_eq!(NextPath::parse(Some("/fr?q=or")).as_str(), "/?q=or");
        assert_eq!(NextPath::parse(Some("/fr/basket")).href(Locale::En), "/en/basket");
        for bad in ["/fr/account/sign-in", "/en//evil.example", "/fr/\\evil.example", "/en/account/register?next=/x"] {
            assert_eq!(NextPath::parse(Some(bad)).as_str(), "/account", "{bad:?}");
        }
    }

    #[test]
    fn anything_leaving_the_site_or_looping_is_refused() {
        for bad in [
            "https://evil.example",
            "//evil.example",
            "/\\evil.example",
            "evil.example",
            "javascript:alert(1)",
            "/account\n/x",
            "/account/sign-in",
            "/account/sign-in?next=/account",
            "/account/register",
        ] {
            assert_eq!(NextPath::parse(Some(bad)).as_str(), "/account", "{bad:?}");
        }
    }

    #[test]
    fn sign_in_links_carry_the_path_encoded() {
        assert_eq!(NextPath::parse(Some("/account")).sign_in_url(Locale::En), "/en/account/sign-in");
        assert_eq!(
            NextPath::parse(Some("/fr/account/addresses?a=1&b=2")).sign_in_url(Locale::Fr),
            "/fr/account/sign-in?next=/account/addresses%3Fa%3D1%26b%3D2"
        );
    }

    proptest! {
        /// Whatever is given, the result is a local path.
        #[test]
        fn the_result_never_leaves_the_site(raw in ".{0,40}") {
            let next = NextPath::parse(Some(&raw));
            prop_assert!(next.as_str().starts_with('/'));
            prop_assert!(!next.as_str().starts_with("//"));
            prop_assert!(!next.as_str().contains('\\'));
        }
    }
}

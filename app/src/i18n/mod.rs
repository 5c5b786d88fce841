//! Every sentence the shop shows, in French and in English (PRODUCT.md §11).
//!
//! Each text is a method of [`Locale`] that matches on the language, so a
//! text written in one language only does not compile, and the browser's
//! WebAssembly keeps only the texts its islands use (an unused method is
//! dropped, where a table of every text would ship whole). Texts with no
//! parameter are declared with [`texts!`]; those with parameters (counts,
//! amounts, names) are written as ordinary methods beside them.
//!
//! Which language a page is in comes from its address (`/fr/…`, `/en/…`);
//! [`use_locale`] gives it to any component, island or server function.

pub mod account;
pub mod audit;
pub mod basket;
pub mod catalogue;
pub mod checkout;
pub mod data;
pub mod house;
pub mod orders;
pub mod pictures;
pub mod pieces;
pub mod promos;
pub mod returns;
pub mod service;
pub mod shops;
pub mod site;
pub mod staff;
pub mod staff_access;

pub use crate::domain::locale::Locale;
use leptos::prelude::*;

/// Declares texts: `name { fr: "…", en: "…" }`, each becoming
/// `Locale::name(self) -> &'static str`. Both languages are required by the
/// pattern, so a missing translation is a compile error. Also lists them in
/// `ALL`, for the test that no English is left on French pages.
macro_rules! texts {
    ($( $(#[$doc:meta])* $name:ident { fr: $fr:expr, en: $en:expr $(,)? } )*) => {
        impl $crate::domain::locale::Locale {
            $(
                $(#[$doc])*
                pub fn $name(self) -> &'static str {
                    match self {
                        $crate::domain::locale::Locale::Fr => $fr,
                        $crate::domain::locale::Locale::En => $en,
                    }
                }
            )*
        }

        /// Every text declared here, as (name, French, English).
        #[cfg(any(test, feature = "ssr"))]
        pub const ALL: &[(&str, &str, &str)] = &[$((stringify!($name), $fr, $en)),*];
    };
}
pub(crate) use texts;

/// Every declared text of every module, for checks over all of them.
#[cfg(any(test, feature = "ssr"))]
pub fn all_texts() -> impl Iterator<Item = &'static (&'static str, &'static str, &'static str)> {
    [
        account::ALL,
        audit::ALL,
        basket::ALL,
        catalogue::ALL,
        checkout::ALL,
        data::ALL,
        house::ALL,
        shops::ALL,
        orders::ALL,
        pieces::ALL,
        pictures::ALL,
        promos::ALL,
        returns::ALL,
        service::ALL,
        site::ALL,
        staff::ALL,
        staff_access::ALL,
    ]
    .into_iter()
    .flatten()
}

/// The language of the page being rendered.
///
/// On the server: the one its address names (provided by the app), else
/// the request's (a server function: [`Locale::of_request`]). In the
/// browser, an island reads it back from `<html lang>`, which the server
/// wrote.
pub fn use_locale() -> Locale {
    if let Some(locale) = use_context::<Locale>() {
        return locale;
    }
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>().map(|parts| Locale::of_request(&parts)).unwrap_or(Locale::DEFAULT)
    }
    #[cfg(not(feature = "ssr"))]
    {
        document_locale()
    }
}

/// The language the server wrote into `<html lang>`.
#[cfg(not(feature = "ssr"))]
fn document_locale() -> Locale {
    document()
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|tag| Locale::parse(&tag))
        .unwrap_or(Locale::DEFAULT)
}

/// The cookie the language chosen is remembered in. Not a secret: a preference.
pub const COOKIE: &str = "vitrine_lang";

impl Locale {
    /// A page's address in this language: `/shop` becomes `/fr/shop`, and
    /// the home page `/` is `/fr`.
    pub fn href(self, path: &str) -> String {
        let rest = path.strip_prefix('/').unwrap_or(path);
        if rest.is_empty() || rest.starts_with('?') {
            format!("/{}{rest}", self.tag())
        } else {
            format!("/{}/{rest}", self.tag())
        }
    }

    /// The language an address names by its first segment, and the rest of
    /// it: `/fr/shop?q=x` is French, `/shop?q=x`.
    pub fn split_path(path: &str) -> Option<(Locale, &str)> {
        let rest = path.strip_prefix('/')?;
        let (tag, rest) = match rest.find(['/', '?']) {
            Some(i) => rest.split_at(i),
            None => (rest, ""),
        };
        let locale = Locale::parse(tag)?;
        Some((locale, if rest.is_empty() { "/" } else { rest }))
    }

    /// The same address in this language (`/en/shop?q=x` → `/fr/shop?q=x`),
    /// for the language switcher and `hreflang`.
    pub fn same_page(self, path_and_query: &str) -> String {
        self.href(Locale::split_path(path_and_query).map_or(path_and_query, |(_, rest)| rest))
    }

    /// The language a request is answered in: the one its address names;
    /// for a server function, the page it was sent from (its `Referer`);
    /// else the visitor's remembered choice, then their browser's.
    #[cfg(feature = "ssr")]
    pub fn of_request(parts: &http::request::Parts) -> Locale {
        let from_path = |path: &str| Locale::split_path(path).map(|(locale, _)| locale);
        from_path(parts.uri.path())
            .or_else(|| {
                let referer = parts.headers.get(http::header::REFERER)?.to_str().ok()?;
                let path = referer.parse::<http::Uri>().ok()?;
                from_path(path.path())
            })
            .unwrap_or_else(|| {
                let remembered = crate::shopper::request_cookie(&parts.headers, COOKIE);
                let accept = parts.headers.get(http::header::ACCEPT_LANGUAGE).and_then(|value| value.to_str().ok());
                Locale::for_visitor(remembered.as_deref(), accept)
            })
    }

    /// The `Set-Cookie` value remembering a language for a year.
    #[cfg(feature = "ssr")]
    pub fn set_cookie(self, secure: bool) -> String {
        crate::shopper::preference_cookie(COOKIE, self.tag().to_owned(), secure)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;
    use strum::IntoEnumIterator;

    #[test]
    fn addresses_carry_their_language_first() {
        assert_eq!(Locale::Fr.href("/"), "/fr");
        assert_eq!(Locale::Fr.href("/?q=1"), "/fr?q=1");
        assert_eq!(Locale::En.href("/shop/rings"), "/en/shop/rings");
        assert_eq!(Locale::split_path("/fr/shop?q=or"), Some((Locale::Fr, "/shop?q=or")));
        assert_eq!(Locale::split_path("/en"), Some((Locale::En, "/")));
        assert_eq!(Locale::split_path("/en?x=1"), Some((Locale::En, "?x=1")));
        assert_eq!(Locale::split_path("/de/shop"), None);
        assert_eq!(Locale::split_path("/shop"), None);
        assert_eq!(Locale::split_path("/english"), None);
    }

    #[test]
    fn the_same_page_keeps_its_path_and_filters() {
        assert_eq!(
            Locale::Fr.same_page("/en/shop/rings?material=platinum&sort=price"),
            "/fr/shop/rings?material=platinum&sort=price"
        );
        assert_eq!(Locale::En.same_page("/fr/"), "/en");
        assert_eq!(Locale::En.same_page("/fr"), "/en");
    }

    #[test]
    fn no_text_is_declared_twice_or_left_empty() {
        let mut names = HashSet::new();
        for (name, fr, en) in all_texts() {
            assert!(names.insert(*name), "{name} is declared twice");
            assert!(!fr.trim().is_empty() && !en.trim().is_empty(), "{name} is empty in a language");
        }
    }

    /// The journeys (Playwright) read the texts they look for from here, in
    /// the language they run in: `VITRINE_TEXTS_JSON` names the file
    /// (scripts/test.sh sets it).
    #[test]
    fn texts_are_written_out_for_the_journeys() {
        let Ok(path) = std::env::var("VITRINE_TEXTS_JSON") else { return };
        let texts: serde_json::Map<String, serde_json::Value> =
            all_texts().map(|(name, fr, en)| ((*name).to_owned(), serde_json::json!({ "fr": fr, "en": en }))).collect();
        std::fs::write(&path, serde_json::Value::Object(texts).to_string()).expect("the texts file is written");
    }

    /// A French text identical to its English is a text someone forgot to
    /// translate, unless it reads the same in both (a name, a figure).
    #[test]
    fn french_texts_are_not_english_ones_left_as_they_were() {
        const SAME_IN_BOTH: &[&str] = &[
            "locale_switch_fr",
            "locale_switch_en",
            "return_photo",
            "staff_promo_code_label",
            "staff_nav_pieces",
            "staff_piece_collection_label",
        ];
        for (name, fr, en) in all_texts() {
            if fr == en {
                assert!(SAME_IN_BOTH.contains(name), "{name} is the same in French and English: {en:?}");
            }
        }
        for locale in Locale::iter() {
            assert!(!locale.name().is_empty());
        }
    }
}

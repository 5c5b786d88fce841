//! The shop's two languages (PRODUCT.md §11), and what follows from the
//! language alone: which one a visitor gets, and how each writes money,
//! numbers, counts and dates.
//!
//! Amounts are written with their cents and each language's separators:
//! `1 250,00 €` in French (a narrow no-break space between thousands, a
//! no-break space before the sign), `€1,250.00` in English.

use super::money::Money;
use serde::{Deserialize, Serialize};
use strum::{EnumIter, EnumString, IntoStaticStr};

/// A language the shop is written in. Its tag (`fr`, `en`) is the first
/// segment of every page's path and the value of the remembered choice.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    EnumString,
    IntoStaticStr,
    EnumIter,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Locale {
    Fr,
    En,
}

/// How a language chooses between a noun's forms for a count (CLDR's plural
/// categories, for whole numbers).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    /// `1 pièce`, `0 pièce`; `1 piece`.
    One,
    /// French millions: `1 000 000 de pièces`.
    Many,
    /// `2 pièces`; `0 pieces`, `2 pieces`.
    Other,
}

/// A moment as a wall clock shows it (in Paris: the caller converts).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WallClock {
    pub year: i16,
    /// 1 to 12.
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
}

impl Locale {
    /// The house is in Paris: a visitor whose browser asks for neither
    /// language is served in French.
    pub const DEFAULT: Locale = Locale::Fr;

    /// Both languages, French first.
    pub const ALL: [Locale; 2] = [Locale::Fr, Locale::En];

    /// The tag: `fr` or `en` (paths, cookies, `<html lang>`, `hreflang`).
    pub fn tag(self) -> &'static str {
        self.into()
    }

    /// A tag as a path or a cookie carries it; anything else is `None`.
    pub fn parse(tag: &str) -> Option<Locale> {
        tag.parse().ok()
    }

    /// The language a visitor gets: the one they chose before (the cookie),
    /// else the first of their browser's languages the shop writes in,
    /// else French.
    #[cfg(feature = "ssr")]
    pub fn for_visitor(remembered: Option<&str>, accept_language: Option<&str>) -> Locale {
        remembered
            .and_then(Locale::parse)
            .or_else(|| accept_language.and_then(Locale::from_accept_language))
            .unwrap_or(Locale::DEFAULT)
    }

    /// The first language of an `Accept-Language` header, by the browser's
    /// preference, that the shop writes in (`fr-CA` counts as French).
    #[cfg(feature = "ssr")]
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        accept_language::parse(header).iter().find_map(|tag| {
            tag.split(['-', '_']).next().and_then(|primary| Locale::parse(&primary.to_ascii_lowercase()))
        })
    }

    /// The language's own name, as a language switcher offers it.
    pub fn name(self) -> &'static str {
        match self {
            Locale::Fr => "Français",
            Locale::En => "English",
        }
    }

    /// The plural category of a count.
    pub fn plural(self, count: u64) -> Plural {
        match self {
            Locale::Fr if count <= 1 => Plural::One,
            Locale::Fr if count.is_multiple_of(1_000_000) => Plural::Many,
            Locale::Fr => Plural::Other,
            Locale::En if count == 1 => Plural::One,
            Locale::En => Plural::Other,
        }
    }

    /// A whole number with the language's thousands separator: `12 500`, `12,500`.
    pub fn number(self, n: u64) -> String {
        let digits = n.to_string();
        let separator = match self {
            Locale::Fr => '\u{202F}',
            Locale::En => ',',
        };
        let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 * 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push(separator);
            }
            grouped.push(c);
        }
        grouped
    }

    /// An amount as shoppers read prices: `1 234,00 €`, `€1,234.00`.
    pub fn money(self, amount: Money) -> String {
        let sign = if amount.cents() < 0 { "-" } else { "" };
        let abs = amount.cents().unsigned_abs();
        let euros = self.number(abs / 100);
        let cents = abs % 100;
        match self {
            Locale::Fr => format!("{sign}{euros},{cents:02}\u{A0}€"),
            Locale::En => format!("{sign}€{euros}.{cents:02}"),
        }
    }

    /// A date and time: `22 nov. 2026 à 14:05`, `22 Nov 2026, 14:05`.
    pub fn date_time(self, at: WallClock) -> String {
        format!("{}{}{:02}:{:02}", self.date(at), self.at_word(), at.hour, at.minute)
    }

    /// A date: `22 nov. 2026`, `22 Nov 2026`.
    pub fn date(self, at: WallClock) -> String {
        let month = usize::from(at.month.clamp(1, 12) - 1);
        let name = match self {
            Locale::Fr => FRENCH_MONTHS[month],
            Locale::En => ENGLISH_MONTHS[month],
        };
        format!("{} {name} {}", at.day, at.year)
    }

    fn at_word(self) -> &'static str {
        match self {
            Locale::Fr => " à ",
            Locale::En => ", ",
        }
    }
}

// CLDR's abbreviated month names ("format" width), as each language prints dates.
const FRENCH_MONTHS: [&str; 12] =
    ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];
const ENGLISH_MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use strum::IntoEnumIterator;

    #[test]
    fn tags_read_back_and_nothing_else_is_a_language() {
        for locale in Locale::iter() {
            assert_eq!(Locale::parse(locale.tag()), Some(locale));
        }
        assert_eq!(Locale::parse("fr"), Some(Locale::Fr));
        assert_eq!(Locale::parse("en"), Some(Locale::En));
        for bad in ["", "FR", "de", "fr-FR", "english", " en"] {
            assert_eq!(Locale::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn money_is_written_as_each_language_writes_it() {
        let money = |cents| Money::from_cents(cents);
        assert_eq!(Locale::Fr.money(money(123_400)), "1\u{202F}234,00\u{A0}€");
        assert_eq!(Locale::Fr.money(money(123_450)), "1\u{202F}234,50\u{A0}€");
        assert_eq!(Locale::En.money(money(123_400)), "€1,234.00");
        assert_eq!(Locale::En.money(money(123_450)), "€1,234.50");
        assert_eq!(Locale::Fr.money(money(5)), "0,05\u{A0}€");
        assert_eq!(Locale::En.money(money(-2_000)), "-€20.00");
        assert_eq!(Locale::En.money(money(1_234_567_800)), "€12,345,678.00");
    }

    #[test]
    fn plurals_follow_each_language() {
        use Plural::*;
        let fr: Vec<_> = [0, 1, 2, 10, 1_000_000, 2_000_000, 1_000_001].map(|n| Locale::Fr.plural(n)).into();
        assert_eq!(fr, [One, One, Other, Other, Many, Many, Other]);
        let en: Vec<_> = [0, 1, 2, 1_000_000].map(|n| Locale::En.plural(n)).into();
        assert_eq!(en, [Other, One, Other, Other]);
    }

    #[test]
    fn dates_are_written_as_each_language_writes_them() {
        let at = WallClock { year: 2026, month: 11, day: 2, hour: 9, minute: 5 };
        assert_eq!(Locale::Fr.date_time(at), "2 nov. 2026 à 09:05");
        assert_eq!(Locale::En.date_time(at), "2 Nov 2026, 09:05");
        let august = WallClock { month: 8, ..at };
        assert_eq!(Locale::Fr.date(august), "2 août 2026");
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn visitors_get_their_choice_then_their_browsers_language_then_french() {
        let pick = Locale::for_visitor;
        assert_eq!(pick(Some("en"), Some("fr-FR,fr;q=0.9")), Locale::En, "a choice made on the site wins");
        assert_eq!(pick(Some("xx"), Some("en-GB,en;q=0.9")), Locale::En, "a cookie we did not write is ignored");
        assert_eq!(pick(None, Some("de-DE,de;q=0.9,en;q=0.8,fr;q=0.7")), Locale::En);
        assert_eq!(pick(None, Some("de;q=0.9, fr-CA;q=0.95")), Locale::Fr, "by the browser's weights, not order");
        assert_eq!(pick(None, Some("de, ja")), Locale::Fr);
        assert_eq!(pick(None, Some("")), Locale::Fr);
        assert_eq!(pick(None, None), Locale::Fr);
    }

    #[cfg(feature = "ssr")]
    proptest! {
        /// Any header, however malformed, gives a language and never panics.
        #[test]
        fn any_header_gives_a_language(header in ".{0,80}") {
            let _ = Locale::for_visitor(None, Some(&header));
        }
    }

    proptest! {
        /// Digits survive grouping, in both languages.
        #[test]
        fn grouping_keeps_the_digits(n in any::<u64>()) {
            for locale in Locale::iter() {
                let digits: String = locale.number(n).chars().filter(char::is_ascii_digit).collect();
                prop_assert_eq!(digits, n.to_string());
            }
        }
    }
}

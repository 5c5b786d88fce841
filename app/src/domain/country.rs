//! Delivery countries and the list the house ships to (PRODUCT.md §1).

use super::locale::Locale;
use serde::{Deserialize, Serialize};
use std::fmt;

/// An ISO 3166-1 alpha-2 country code, upper case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CountryCode([u8; 2]);

/// Why a piece of text is not a country code.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a two-letter country code")]
pub struct InvalidCountry(pub String);

impl CountryCode {
    /// France, the delivery country until the shopper chooses another.
    pub const FRANCE: CountryCode = CountryCode(*b"FR");

    /// Parses a two-letter code, in either case.
    pub fn parse(raw: &str) -> Result<Self, InvalidCountry> {
        match raw.trim().as_bytes() {
            [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
                Ok(CountryCode([a.to_ascii_uppercase(), b.to_ascii_uppercase()]))
            }
            _ => Err(InvalidCountry(raw.chars().take(8).collect())),
        }
    }

    /// The code as text, e.g. `FR`.
    pub fn as_str(&self) -> &str {
        // Only ASCII letters are ever stored.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

impl TryFrom<String> for CountryCode {
    type Error = InvalidCountry;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        CountryCode::parse(&value)
    }
}

impl From<CountryCode> for String {
    fn from(value: CountryCode) -> Self {
        value.as_str().to_owned()
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The countries a shopper can choose as delivery country, by name: the
/// house's delivery list and the countries its clients most often write
/// from. Only some are served online; the others browse and ask an advisor.
pub const COUNTRIES: &[(&str, &str, &str)] = &[
    ("AU", "Australia", "Australie"),
    ("AT", "Austria", "Autriche"),
    ("BE", "Belgium", "Belgique"),
    ("BR", "Brazil", "Brésil"),
    ("CA", "Canada", "Canada"),
    ("CN", "China", "Chine"),
    ("HR", "Croatia", "Croatie"),
    ("CZ", "Czechia", "Tchéquie"),
    ("DK", "Denmark", "Danemark"),
    ("FI", "Finland", "Finlande"),
    ("FR", "France", "France"),
    ("DE", "Germany", "Allemagne"),
    ("GR", "Greece", "Grèce"),
    ("HK", "Hong Kong", "Hong Kong"),
    ("HU", "Hungary", "Hongrie"),
    ("IN", "India", "Inde"),
    ("IE", "Ireland", "Irlande"),
    ("IL", "Israel", "Israël"),
    ("IT", "Italy", "Italie"),
    ("JP", "Japan", "Japon"),
    ("LU", "Luxembourg", "Luxembourg"),
    ("MX", "Mexico", "Mexique"),
    ("MC", "Monaco", "Monaco"),
    ("MA", "Morocco", "Maroc"),
    ("NL", "Netherlands", "Pays-Bas"),
    ("NO", "Norway", "Norvège"),
    ("PL", "Poland", "Pologne"),
    ("PT", "Portugal", "Portugal"),
    ("QA", "Qatar", "Qatar"),
    ("RO", "Romania", "Roumanie"),
    ("SA", "Saudi Arabia", "Arabie saoudite"),
    ("SG", "Singapore", "Singapour"),
    ("SK", "Slovakia", "Slovaquie"),
    ("SI", "Slovenia", "Slovénie"),
    ("KR", "South Korea", "Corée du Sud"),
    ("ES", "Spain", "Espagne"),
    ("SE", "Sweden", "Suède"),
    ("CH", "Switzerland", "Suisse"),
    ("TR", "Turkey", "Turquie"),
    ("AE", "United Arab Emirates", "Émirats arabes unis"),
    ("GB", "United Kingdom", "Royaume-Uni"),
    ("US", "United States", "États-Unis"),
];

/// The countries a selector offers, as (code, name) in a language's
/// alphabetical order (accents sort with their letter: Émirats among the E).
pub fn countries_in(locale: Locale) -> Vec<(&'static str, &'static str)> {
    let mut list: Vec<_> = COUNTRIES
        .iter()
        .map(|&(code, en, fr)| match locale {
            Locale::Fr => (code, fr),
            Locale::En => (code, en),
        })
        .collect();
    let key = |name: &str| name.chars().map(fold_accent).collect::<String>();
    list.sort_by_cached_key(|(_, name)| key(name));
    list
}

/// A letter without its accent, for sorting names.
fn fold_accent(c: char) -> char {
    match c {
        'É' | 'È' | 'Ê' => 'E',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'à' | 'â' => 'a',
        'î' | 'ï' => 'i',
        'ô' => 'o',
        'û' | 'ü' => 'u',
        'ç' => 'c',
        other => other,
    }
}

/// Why a code cannot be chosen as delivery country.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("We do not know the country '{0}'. Please choose one from the list.")]
pub struct UnknownCountry(pub String);

impl CountryCode {
    /// Parses a code the delivery selector offers (see [`COUNTRIES`]).
    pub fn parse_known(raw: &str) -> Result<Self, UnknownCountry> {
        let unknown = || UnknownCountry(raw.chars().take(8).collect());
        let code = CountryCode::parse(raw).map_err(|_| unknown())?;
        code.name().map(|_| code).ok_or_else(unknown)
    }

    /// The country's name in English, if the selector knows it.
    pub fn name(self) -> Option<&'static str> {
        self.name_in(Locale::En)
    }

    /// The country's name in a language, if the selector knows it.
    pub fn name_in(self, locale: Locale) -> Option<&'static str> {
        COUNTRIES.iter().find(|(code, ..)| *code == self.as_str()).map(|&(_, en, fr)| match locale {
            Locale::Fr => fr,
            Locale::En => en,
        })
    }

    /// The name in a language, or the code itself for a country the selector does not list.
    pub fn display_name_in(self, locale: Locale) -> String {
        self.name_in(locale).map(str::to_owned).unwrap_or_else(|| self.as_str().to_owned())
    }
}

/// The countries to which pieces may be bought online; configurable per deployment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryCountries(Vec<CountryCode>);

impl DeliveryCountries {
    /// The demo house's list (PRODUCT.md §1).
    pub fn house_default() -> Self {
        let codes = ["FR", "BE", "LU", "NL", "ES", "PT", "DE", "AT", "IE", "IT", "SI", "SK"];
        DeliveryCountries(codes.iter().filter_map(|c| CountryCode::parse(c).ok()).collect())
    }

    /// Parses a comma-separated list such as `FR,BE,LU`.
    pub fn parse_list(raw: &str) -> Result<Self, InvalidCountry> {
        let codes = raw
            .split(',')
            .filter(|part| !part.trim().is_empty())
            .map(CountryCode::parse)
            .collect::<Result<Vec<_>, _>>()?;
        if codes.is_empty() {
            return Err(InvalidCountry(raw.to_owned()));
        }
        Ok(DeliveryCountries(codes))
    }

    /// Whether pieces may be bought online for delivery to `country`.
    pub fn allows(&self, country: CountryCode) -> bool {
        self.0.contains(&country)
    }

    /// The countries, in the order configured.
    pub fn codes(&self) -> &[CountryCode] {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_normalised_to_upper_case() {
        assert_eq!(CountryCode::parse("fr").unwrap(), CountryCode::FRANCE);
        assert_eq!(CountryCode::parse(" Be ").unwrap().as_str(), "BE");
    }

    #[test]
    fn bad_codes_are_refused() {
        for bad in ["", "F", "FRA", "F1", "🇫🇷", "' OR"] {
            assert!(CountryCode::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn house_list_matches_the_product_rules() {
        let list = DeliveryCountries::house_default();
        for ok in ["FR", "BE", "LU", "NL", "ES", "PT", "DE", "AT", "IE", "IT", "SI", "SK"] {
            assert!(list.allows(CountryCode::parse(ok).unwrap()), "{ok}");
        }
        for no in ["US", "GB", "CH", "JP", "PL"] {
            assert!(!list.allows(CountryCode::parse(no).unwrap()), "{no}");
        }
    }

    #[test]
    fn the_selector_knows_every_served_country() {
        let list = DeliveryCountries::house_default();
        for code in &list.0 {
            assert!(code.name().is_some(), "{code}");
        }
        assert_eq!(CountryCode::parse_known("us").unwrap().name(), Some("United States"));
        assert!(CountryCode::parse_known("ZZ").is_err());
        assert!(CountryCode::parse_known("<b>").is_err());
        let mut names: Vec<_> = COUNTRIES.iter().map(|(_, n, _)| *n).collect();
        let sorted = {
            let mut s = names.clone();
            s.sort_unstable();
            s
        };
        assert_eq!(names, sorted, "listed by name");
        names.dedup();
        assert_eq!(names.len(), COUNTRIES.len());
    }

    #[test]
    fn each_language_lists_countries_in_its_own_alphabetical_order() {
        let french: Vec<_> = countries_in(Locale::Fr).into_iter().map(|(_, name)| name).collect();
        assert_eq!(&french[..3], ["Allemagne", "Arabie saoudite", "Australie"]);
        let position = |name| french.iter().position(|n| *n == name).unwrap();
        assert!(position("Émirats arabes unis") < position("Espagne"), "É sorts as E");
        assert!(position("Espagne") < position("États-Unis"));
        assert_eq!(countries_in(Locale::En).len(), COUNTRIES.len());
        let us = CountryCode::parse("US").unwrap();
        assert_eq!(us.display_name_in(Locale::Fr), "États-Unis");
        assert_eq!(us.display_name_in(Locale::En), "United States");
    }

    #[test]
    fn configured_lists_parse() {
        let list = DeliveryCountries::parse_list("fr, be").unwrap();
        assert!(list.allows(CountryCode::parse("BE").unwrap()));
        assert!(!list.allows(CountryCode::parse("DE").unwrap()));
        assert!(DeliveryCountries::parse_list("").is_err());
        assert!(DeliveryCountries::parse_list("FR,XYZ").is_err());
    }
}

//! Delivery countries and the list the house ships to (PRODUCT.md §1).

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
pub const COUNTRIES: &[(&str, &str)] = &[
    ("AU", "Australia"),
    ("AT", "Austria"),
    ("BE", "Belgium"),
    ("BR", "Brazil"),
    ("CA", "Canada"),
    ("CN", "China"),
    ("HR", "Croatia"),
    ("CZ", "Czechia"),
    ("DK", "Denmark"),
    ("FI", "Finland"),
    ("FR", "France"),
    ("DE", "Germany"),
    ("GR", "Greece"),
    ("HK", "Hong Kong"),
    ("HU", "Hungary"),
    ("IN", "India"),
    ("IE", "Ireland"),
    ("IL", "Israel"),
    ("IT", "Italy"),
    ("JP", "Japan"),
    ("LU", "Luxembourg"),
    ("MX", "Mexico"),
    ("MC", "Monaco"),
    ("MA", "Morocco"),
    ("NL", "Netherlands"),
    ("NO", "Norway"),
    ("PL", "Poland"),
    ("PT", "Portugal"),
    ("QA", "Qatar"),
    ("RO", "Romania"),
    ("SA", "Saudi Arabia"),
    ("SG", "Singapore"),
    ("SK", "Slovakia"),
    ("SI", "Slovenia"),
    ("KR", "South Korea"),
    ("ES", "Spain"),
    ("SE", "Sweden"),
    ("CH", "Switzerland"),
    ("TR", "Turkey"),
    ("AE", "United Arab Emirates"),
    ("GB", "United Kingdom"),
    ("US", "United States"),
];

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
        COUNTRIES.iter().find(|(code, _)| *code == self.as_str()).map(|(_, name)| *name)
    }

    /// The name, or the code itself for a country the selector does not list.
    pub fn display_name(self) -> String {
        self.name().map(str::to_owned).unwrap_or_else(|| self.as_str().to_owned())
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
        let mut names: Vec<_> = COUNTRIES.iter().map(|(_, n)| *n).collect();
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
    fn configured_lists_parse() {
        let list = DeliveryCountries::parse_list("fr, be").unwrap();
        assert!(list.allows(CountryCode::parse("BE").unwrap()));
        assert!(!list.allows(CountryCode::parse("DE").unwrap()));
        assert!(DeliveryCountries::parse_list("").is_err());
        assert!(DeliveryCountries::parse_list("FR,XYZ").is_err());
    }
}

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
    fn configured_lists_parse() {
        let list = DeliveryCountries::parse_list("fr, be").unwrap();
        assert!(list.allows(CountryCode::parse("BE").unwrap()));
        assert!(!list.allows(CountryCode::parse("DE").unwrap()));
        assert!(DeliveryCountries::parse_list("").is_err());
        assert!(DeliveryCountries::parse_list("FR,XYZ").is_err());
    }
}

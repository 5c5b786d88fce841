//! Telephone numbers a customer gives to be called back (PRODUCT.md §8):
//! parsed and checked by libphonenumber's rules (the `phonenumber` crate),
//! kept in E.164 (`+33612345678`), the one form every telephone system
//! reads. A number written without its country code is read as one of the
//! customer's country. Server only: the rules are megabytes of data the
//! browser's module must not carry.

use super::country::CountryCode;
use phonenumber::{country::Id, Mode};

/// A telephone number that can be dialled, in E.164.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhoneNumber(String);

/// Why a telephone number was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PhoneProblem {
    #[error("a telephone number is needed")]
    Missing,
    /// Not a number at all, or one no telephone plan allows.
    #[error("this is not a telephone number that can be dialled")]
    Invalid,
}

/// Longest input read: a number with spaces, dots and an extension fits.
const MAX_CHARS: usize = 40;

impl PhoneNumber {
    /// Reads a number as typed (spaces, dots, dashes, brackets, `00` or `+`
    /// before the country code); without a country code, as a number of
    /// `country`.
    pub fn parse(raw: &str, country: CountryCode) -> Result<Self, PhoneProblem> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(PhoneProblem::Missing);
        }
        if raw.chars().count() > MAX_CHARS {
            return Err(PhoneProblem::Invalid);
        }
        let region: Option<Id> = country.as_str().parse().ok();
        let number = phonenumber::parse(region, raw).map_err(|_| PhoneProblem::Invalid)?;
        if !phonenumber::is_valid(&number) {
            return Err(PhoneProblem::Invalid);
        }
        Ok(PhoneNumber(number.format().mode(Mode::E164).to_string()))
    }

    /// The number in E.164, as stored and dialled.
    pub fn e164(&self) -> &str {
        &self.0
    }

    /// The number as people read it, with its country code: `+33 6 12 34 56 78`.
    pub fn international(&self) -> String {
        phonenumber::parse(None, &self.0)
            .map(|n| n.format().mode(Mode::International).to_string())
            .unwrap_or_else(|_| self.0.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn country(code: &str) -> CountryCode {
        CountryCode::parse(code).unwrap()
    }

    #[test]
    fn numbers_are_read_as_people_write_them() {
        let fr = country("FR");
        for typed in ["06 12 34 56 78", "06.12.34.56.78", "+33 6 12 34 56 78", "0033612345678", "(0)6-12-34-56-78"] {
            assert_eq!(
                PhoneNumber::parse(typed, fr).map(|p| p.e164().to_owned()),
                Ok("+33612345678".into()),
                "{typed}"
            );
        }
        assert_eq!(PhoneNumber::parse("06 12 34 56 78", fr).unwrap().international(), "+33 6 12 34 56 78");
        // A country code given wins over the customer's country.
        assert_eq!(PhoneNumber::parse("+44 20 7946 0958", fr).unwrap().e164(), "+442079460958");
        // Without one, the customer's country decides.
        assert_eq!(PhoneNumber::parse("(212) 555-0123", country("US")).unwrap().e164(), "+12125550123");
    }

    #[test]
    fn what_cannot_be_dialled_is_refused() {
        let fr = country("FR");
        assert_eq!(PhoneNumber::parse("   ", fr), Err(PhoneProblem::Missing));
        for bad in ["hello", "06 12", "+33 6 12 34 56 78 90 12", "00 00 00 00 00", "<script>", &"6".repeat(41)] {
            assert_eq!(PhoneNumber::parse(bad, fr), Err(PhoneProblem::Invalid), "{bad}");
        }
    }

    proptest! {
        /// Anything typed gives a number or a refusal, never a panic; a
        /// number read back from its E.164 form is itself.
        #[test]
        fn any_input_is_answered_and_numbers_round_trip(typed in ".{0,45}") {
            if let Ok(number) = PhoneNumber::parse(&typed, country("FR")) {
                prop_assert!(number.e164().starts_with('+'));
                prop_assert_eq!(PhoneNumber::parse(number.e164(), country("US")), Ok(number.clone()));
            }
        }
    }
}

//! A customer's personal details and delivery addresses (PRODUCT.md §4),
//! parsed from what was typed: trimmed, bounded, and with a message per
//! field that says what to fix.

use super::country::CountryCode;
use serde::{Deserialize, Serialize};

/// A field that could not be accepted, and why.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct FieldProblem {
    /// The form field's name, so the page can show the message beside it.
    pub field: &'static str,
    pub message: String,
}

fn problem(field: &'static str, message: impl Into<String>) -> FieldProblem {
    FieldProblem { field, message: message.into() }
}

/// Trims a required text field and holds it to `max` characters, with no
/// control characters (a newline in a name would break a shipping label).
fn required(field: &'static str, label: &str, raw: &str, max: usize) -> Result<String, FieldProblem> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(problem(field, format!("Please enter your {label}.")));
    }
    checked(field, label, text, max)
}

fn optional(field: &'static str, label: &str, raw: &str, max: usize) -> Result<Option<String>, FieldProblem> {
    let text = raw.trim();
    if text.is_empty() {
        Ok(None)
    } else {
        checked(field, label, text, max).map(Some)
    }
}

fn checked(field: &'static str, label: &str, text: &str, max: usize) -> Result<String, FieldProblem> {
    if text.chars().count() > max {
        return Err(problem(field, format!("Your {label} must have at most {max} characters.")));
    }
    if text.chars().any(char::is_control) {
        return Err(problem(field, format!("Your {label} contains characters we cannot print.")));
    }
    Ok(text.to_owned())
}

/// A telephone number as a courier can dial it: digits, spaces and `+ - . ( )`,
/// with 6 to 15 digits (E.164's maximum).
fn phone(field: &'static str, raw: &str) -> Result<Option<String>, FieldProblem> {
    let Some(text) = optional(field, "telephone number", raw, 25)? else { return Ok(None) };
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let allowed = text.chars().all(|c| c.is_ascii_digit() || " +-.()".contains(c));
    if !allowed || !(6..=15).contains(&digits) || text.chars().skip(1).any(|c| c == '+') {
        return Err(problem(
            field,
            "Please enter a telephone number with its country code, for example +33 1 42 60 00 00.",
        ));
    }
    Ok(Some(text))
}

/// The personal details a customer keeps with us.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonalDetails {
    pub first_name: String,
    pub last_name: String,
    pub phone: Option<String>,
}

impl PersonalDetails {
    /// Longest name accepted, in characters.
    pub const NAME_MAX: usize = 80;

    pub fn parse(first_name: &str, last_name: &str, phone_number: &str) -> Result<Self, FieldProblem> {
        Ok(PersonalDetails {
            first_name: required("first_name", "first name", first_name, Self::NAME_MAX)?,
            last_name: required("last_name", "last name", last_name, Self::NAME_MAX)?,
            phone: phone("phone", phone_number)?,
        })
    }
}

/// A delivery address, as typed on the address form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressForm {
    pub full_name: String,
    pub line1: String,
    #[serde(default)]
    pub line2: String,
    pub postcode: String,
    pub city: String,
    pub country: String,
    #[serde(default)]
    pub phone: String,
}

/// A delivery address we can print on a parcel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostalAddress {
    pub full_name: String,
    pub line1: String,
    pub line2: Option<String>,
    pub postcode: String,
    pub city: String,
    pub country: CountryCode,
    pub phone: Option<String>,
}

impl PostalAddress {
    pub fn parse(form: &AddressForm) -> Result<Self, FieldProblem> {
        let postcode = required("postcode", "postcode", &form.postcode, 12)?;
        if !postcode.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-') {
            return Err(problem("postcode", "A postcode has only letters, digits, spaces and hyphens."));
        }
        Ok(PostalAddress {
            full_name: required("full_name", "name", &form.full_name, 120)?,
            line1: required("line1", "street address", &form.line1, 120)?,
            line2: optional("line2", "second address line", &form.line2, 120)?,
            postcode: postcode.to_uppercase(),
            city: required("city", "town or city", &form.city, 80)?,
            country: CountryCode::parse_known(form.country.trim())
                .map_err(|_| problem("country", "Please choose a country from the list."))?,
            phone: phone("phone", &form.phone)?,
        })
    }

    /// The address back as a form, to edit it.
    pub fn to_form(&self) -> AddressForm {
        AddressForm {
            full_name: self.full_name.clone(),
            line1: self.line1.clone(),
            line2: self.line2.clone().unwrap_or_default(),
            postcode: self.postcode.clone(),
            city: self.city.clone(),
            country: self.country.as_str().to_owned(),
            phone: self.phone.clone().unwrap_or_default(),
        }
    }

    /// The address as lines, the way a label prints it.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = vec![self.full_name.clone(), self.line1.clone()];
        lines.extend(self.line2.clone());
        lines.push(format!("{} {}", self.postcode, self.city));
        lines.push(self.country.display_name());
        lines
    }
}

/// An address kept in an account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedAddress {
    pub id: i64,
    pub address: PostalAddress,
    pub is_default: bool,
}

/// How many addresses one customer may keep: plenty, but not unbounded.
pub const MAX_ADDRESSES: usize = 10;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn form() -> AddressForm {
        AddressForm {
            full_name: " Anne Dupont ".into(),
            line1: "12 rue de la Paix".into(),
            line2: "".into(),
            postcode: "75002".into(),
            city: "Paris".into(),
            country: "FR".into(),
            phone: "+33 6 12 34 56 78".into(),
        }
    }

    #[test]
    fn a_good_address_is_trimmed_and_round_trips() {
        let address = PostalAddress::parse(&form()).unwrap();
        assert_eq!(address.full_name, "Anne Dupont");
        assert_eq!(address.line2, None);
        assert_eq!(PostalAddress::parse(&address.to_form()), Ok(address.clone()));
        assert_eq!(address.lines().last().map(String::as_str), Some("France"));
    }

    #[test]
    fn each_bad_field_is_named() {
        type Spoil = fn(&mut AddressForm);
        let cases: [(Spoil, &str); 7] = [
            (|f| f.full_name = "  ".into(), "full_name"),
            (|f| f.line1 = "x".repeat(121), "line1"),
            (|f| f.postcode = "75<02".into(), "postcode"),
            (|f| f.city = "Par\nis".into(), "city"),
            (|f| f.country = "ZZ".into(), "country"),
            (|f| f.phone = "call me".into(), "phone"),
            (|f| f.phone = "+33 1 +2 3 4 5".into(), "phone"),
        ];
        for (spoil, field) in cases {
            let mut f = form();
            spoil(&mut f);
            assert_eq!(PostalAddress::parse(&f).map_err(|p| p.field), Err(field));
        }
    }

    #[test]
    fn details_need_both_names_and_a_dialable_phone_if_any() {
        assert!(PersonalDetails::parse("Anne", "Dupont", "").unwrap().phone.is_none());
        assert_eq!(PersonalDetails::parse("", "Dupont", "").unwrap_err().field, "first_name");
        assert_eq!(PersonalDetails::parse("Anne", "", "").unwrap_err().field, "last_name");
        assert_eq!(PersonalDetails::parse("Anne", "Dupont", "12").unwrap_err().field, "phone");
        assert_eq!(
            PersonalDetails::parse("Anne", "Dupont", "+33 (0)1 42-60-00-00").unwrap().phone.as_deref(),
            Some("+33 (0)1 42-60-00-00")
        );
    }

    proptest! {
        #[test]
        fn parsing_never_panics(name in ".{0,100}", phone in ".{0,30}", postcode in ".{0,15}") {
            let _ = PersonalDetails::parse(&name, &name, &phone);
            let mut f = form();
            f.postcode = postcode;
            f.phone = phone;
            let _ = PostalAddress::parse(&f);
        }
    }
}

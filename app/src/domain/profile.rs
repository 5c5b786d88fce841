//! A customer's personal details and delivery addresses (PRODUCT.md §4),
//! parsed from what was typed: trimmed, bounded, and with a message per
//! field that says what to fix.

use super::country::CountryCode;
use super::locale::Locale;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A field of the details or address forms, as its problems name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    FirstName,
    LastName,
    FullName,
    Line1,
    Line2,
    Postcode,
    City,
    Country,
    Phone,
}

impl Field {
    /// The form field's name, so the page can show the message beside it.
    pub fn name(self) -> &'static str {
        match self {
            Field::FirstName => "first_name",
            Field::LastName => "last_name",
            Field::FullName => "full_name",
            Field::Line1 => "line1",
            Field::Line2 => "line2",
            Field::Postcode => "postcode",
            Field::City => "city",
            Field::Country => "country",
            Field::Phone => "phone",
        }
    }
}

/// What is wrong with a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldIssue {
    /// A required field left empty.
    Missing,
    TooLong {
        max: usize,
    },
    /// Control characters (a newline in a name would break a shipping label).
    Unprintable,
    /// Not a telephone number a courier can dial.
    Phone,
    /// A character a postcode never has.
    Postcode,
    /// A country the selector does not list.
    Country,
}

/// A field that could not be accepted, and why. Shoppers read it in their
/// language through [`Locale::account_field_problem`]; its `Display` is the
/// English one, for logs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: Field,
    pub issue: FieldIssue,
}

impl fmt::Display for FieldProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Locale::En.account_field_problem(self))
    }
}

impl std::error::Error for FieldProblem {}

fn problem(field: Field, issue: FieldIssue) -> FieldProblem {
    FieldProblem { field, issue }
}

/// Trims a required text field and holds it to `max` characters, with no
/// control characters (a newline in a name would break a shipping label).
fn required(field: Field, raw: &str, max: usize) -> Result<String, FieldProblem> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(problem(field, FieldIssue::Missing));
    }
    checked(field, text, max)
}

fn optional(field: Field, raw: &str, max: usize) -> Result<Option<String>, FieldProblem> {
    let text = raw.trim();
    if text.is_empty() {
        Ok(None)
    } else {
        checked(field, text, max).map(Some)
    }
}

fn checked(field: Field, text: &str, max: usize) -> Result<String, FieldProblem> {
    if text.chars().count() > max {
        return Err(problem(field, FieldIssue::TooLong { max }));
    }
    if text.chars().any(char::is_control) {
        return Err(problem(field, FieldIssue::Unprintable));
    }
    Ok(text.to_owned())
}

/// A telephone number as a courier can dial it: digits, spaces and `+ - . ( )`,
/// with 6 to 15 digits (E.164's maximum).
fn phone(raw: &str) -> Result<Option<String>, FieldProblem> {
    let Some(text) = optional(Field::Phone, raw, 25)? else { return Ok(None) };
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let allowed = text.chars().all(|c| c.is_ascii_digit() || " +-.()".contains(c));
    if !allowed || !(6..=15).contains(&digits) || text.chars().skip(1).any(|c| c == '+') {
        return Err(problem(Field::Phone, FieldIssue::Phone));
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
            first_name: required(Field::FirstName, first_name, Self::NAME_MAX)?,
            last_name: required(Field::LastName, last_name, Self::NAME_MAX)?,
            phone: phone(phone_number)?,
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
        let postcode = required(Field::Postcode, &form.postcode, 12)?;
        if !postcode.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-') {
            return Err(problem(Field::Postcode, FieldIssue::Postcode));
        }
        Ok(PostalAddress {
            full_name: required(Field::FullName, &form.full_name, 120)?,
            line1: required(Field::Line1, &form.line1, 120)?,
            line2: optional(Field::Line2, &form.line2, 120)?,
            postcode: postcode.to_uppercase(),
            city: required(Field::City, &form.city, 80)?,
            country: CountryCode::parse_known(form.country.trim())
                .map_err(|_| problem(Field::Country, FieldIssue::Country))?,
            phone: phone(&form.phone)?,
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

    /// The address as lines, the way a label prints it (the country in English).
    pub fn lines(&self) -> Vec<String> {
        self.lines_in(Locale::En)
    }

    /// The address as lines, the country named in a language.
    pub fn lines_in(&self, locale: Locale) -> Vec<String> {
        let mut lines = vec![self.full_name.clone(), self.line1.clone()];
        lines.extend(self.line2.clone());
        lines.push(format!("{} {}", self.postcode, self.city));
        lines.push(self.country.display_name_in(locale));
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
            assert_eq!(PostalAddress::parse(&f).map_err(|p| p.field.name()), Err(field));
        }
    }

    #[test]
    fn details_need_both_names_and_a_dialable_phone_if_any() {
        assert!(PersonalDetails::parse("Anne", "Dupont", "").unwrap().phone.is_none());
        assert_eq!(PersonalDetails::parse("", "Dupont", "").unwrap_err().field, Field::FirstName);
        assert_eq!(PersonalDetails::parse("Anne", "", "").unwrap_err().field, Field::LastName);
        assert_eq!(PersonalDetails::parse("Anne", "Dupont", "12").unwrap_err().field, Field::Phone);
        assert_eq!(PersonalDetails::parse("", "Dupont", "").unwrap_err().to_string(), "Please enter your first name.");
        assert_eq!(
            PersonalDetails::parse(&"A".repeat(81), "Dupont", "").unwrap_err().to_string(),
            "Your first name must have at most 80 characters."
        );
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

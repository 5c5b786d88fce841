//! Amounts of money, kept in euro cents as PRODUCT.md requires.

use super::locale::Locale;
use serde::{Deserialize, Serialize};
use std::fmt;

/// An amount in euro cents. Never a float: jewellery prices must add up exactly.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Money(i64);

impl Money {
    /// An amount from a count of cents.
    pub const fn from_cents(cents: i64) -> Self {
        Money(cents)
    }

    /// An amount from whole euros, or `None` if it would overflow.
    pub fn from_euros(euros: i64) -> Option<Self> {
        euros.checked_mul(100).map(Money)
    }

    /// The amount in cents.
    pub const fn cents(self) -> i64 {
        self.0
    }

    /// An amount typed in euros by staff: `420`, `420.5`, `420,50` (either
    /// decimal mark, at most two decimals, no sign, at most €10 million).
    pub fn parse_euros(raw: &str) -> Option<Money> {
        let raw = raw.trim().replace(['\u{a0}', ' '], "");
        let raw = raw.strip_prefix('€').unwrap_or(&raw);
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let (whole, cents) = match raw.split_once(['.', ',']) {
            Some((whole, cents)) if digits(cents) => (whole, cents),
            Some(_) => return None,
            None => (raw, ""),
        };
        if !digits(whole) || whole.len() > 8 || cents.len() > 2 {
            return None;
        }
        let whole: i64 = whole.parse().ok()?;
        let cents: i64 = match cents.len() {
            0 => 0,
            1 => cents.parse::<i64>().ok()? * 10,
            _ => cents.parse().ok()?,
        };
        Some(Money(whole * 100 + cents)).filter(|m| m.0 <= 1_000_000_000)
    }
}

/// Formats as English pages read prices: `€1,250.00` (each language's
/// way: [`Locale::money`]).
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Locale::En.money(*self))
    }
}

impl Money {
    /// Nothing: the price of a gift line.
    pub const ZERO: Money = Money(0);

    /// The amount `count` times over, as for a basket line; saturates rather than wrap.
    pub fn times(self, count: u32) -> Money {
        Money(self.0.saturating_mul(i64::from(count)))
    }

    /// The sum of two amounts; saturates rather than wrap.
    pub fn plus(self, other: Money) -> Money {
        Money(self.0.saturating_add(other.0))
    }

    /// What remains of `self` once `other` is taken away, never below zero.
    pub fn less(self, other: Money) -> Money {
        Money(self.0.saturating_sub(other.0).max(0))
    }

    /// The amount as a decimal string for machines (schema.org `price`): `1250.00`.
    pub fn decimal(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn staff_type_euros_either_way() {
        assert_eq!(Money::parse_euros("420"), Some(Money::from_cents(42_000)));
        assert_eq!(Money::parse_euros(" 420,5 "), Some(Money::from_cents(42_050)));
        assert_eq!(Money::parse_euros("€1 250.05"), Some(Money::from_cents(125_005)));
        for bad in ["", "-5", "4.205", "abc", "1e3", ".5", "5.", "99999999999"] {
            assert_eq!(Money::parse_euros(bad), None, "{bad}");
        }
    }

    #[test]
    fn whole_euros_show_their_zero_cents() {
        assert_eq!(Money::from_cents(125_000).to_string(), "€1,250.00");
        assert_eq!(Money::from_cents(0).to_string(), "€0.00");
        assert_eq!(Money::from_cents(99_900).to_string(), "€999.00");
        assert_eq!(Money::from_cents(100_000_000).to_string(), "€1,000,000.00");
    }

    #[test]
    fn cents_are_shown_with_two_digits() {
        assert_eq!(Money::from_cents(125_050).to_string(), "€1,250.50");
        assert_eq!(Money::from_cents(5).to_string(), "€0.05");
        assert_eq!(Money::from_cents(-2_205).to_string(), "-€22.05");
    }

    #[test]
    fn decimal_form_is_for_machines() {
        assert_eq!(Money::from_cents(125_000).decimal(), "1250.00");
        assert_eq!(Money::from_cents(7).decimal(), "0.07");
    }

    #[test]
    fn euros_convert_without_overflow() {
        assert_eq!(Money::from_euros(12), Some(Money::from_cents(1_200)));
        assert_eq!(Money::from_euros(i64::MAX), None);
    }

    #[test]
    fn line_arithmetic_saturates() {
        assert_eq!(Money::from_cents(1_250).times(3), Money::from_cents(3_750));
        assert_eq!(Money::from_cents(i64::MAX).times(2), Money::from_cents(i64::MAX));
        assert_eq!(Money::from_cents(100).plus(Money::from_cents(5)), Money::from_cents(105));
        assert_eq!(Money::from_cents(100).less(Money::from_cents(250)), Money::ZERO);
    }

    proptest! {
        #[test]
        fn display_round_trips_through_digits(cents in 0i64..10_000_000_000) {
            let shown = Money::from_cents(cents).to_string();
            let digits: String = shown.chars().filter(|c| c.is_ascii_digit()).collect();
            let parsed: i64 = digits.parse().unwrap();
            prop_assert_eq!(parsed, cents);
        }
    }
}

//! Checkout's pure rules (PRODUCT.md §5): the idempotency key a client sends
//! with an order, the order's public reference, the totals, and what staff
//! may put in a shipment.

use super::money::Money;
use serde::{Deserialize, Serialize};

/// The key a client sends with "place my order": the same key again
/// returns the same order, so a double click or a retry makes one order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdempotencyKey(String);

/// Why a key was refused (pages: `Locale::checkout_bad_key`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("The order's key must be 16 to 64 letters, digits or hyphens; please reload the page and try again.")]
pub struct InvalidKey;

impl IdempotencyKey {
    /// 16–64 ASCII letters, digits, `-` or `_` (a UUID fits).
    pub fn parse(raw: &str) -> Result<Self, InvalidKey> {
        let ok =
            (16..=64).contains(&raw.len()) && raw.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        ok.then(|| IdempotencyKey(raw.to_owned())).ok_or(InvalidKey)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An order's public reference, e.g. `MA-7K3Q9X2P`: random, so that
/// references say nothing about how many orders the house takes, and
/// written in Crockford's base 32, which has no I, L, O or U to misread.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OrderRef(String);

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const REF_PREFIX: &str = "MA-";
const REF_LENGTH: usize = 10;

impl OrderRef {
    /// A reference from 10 random bytes (the server supplies them); 50 bits.
    pub fn from_random(bytes: [u8; REF_LENGTH]) -> Self {
        let body: String = bytes.iter().map(|b| ALPHABET[usize::from(b % 32)] as char).collect();
        OrderRef(format!("{REF_PREFIX}{body}"))
    }

    /// Reads a reference from an address or a form; upper-cases it, as people type either.
    pub fn parse(raw: &str) -> Option<Self> {
        let raw = raw.trim().to_ascii_uppercase();
        let body = raw.strip_prefix(REF_PREFIX)?;
        (body.len() == REF_LENGTH && body.bytes().all(|b| ALPHABET.contains(&b))).then_some(OrderRef(raw))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for OrderRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// What an order costs, as the review step and the receipt show it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    /// The merchandise, before the discount.
    pub subtotal: Money,
    pub discount: Money,
    pub shipping: Money,
    pub total: Money,
}

impl Totals {
    /// Subtotal less discount (never below zero) plus shipping.
    pub fn new(subtotal: Money, discount: Money, shipping: Money) -> Totals {
        let discount = discount.min(subtotal).max(Money::ZERO);
        Totals { subtotal, discount, shipping, total: subtotal.less(discount).plus(shipping) }
    }
}

/// A carrier's name, as staff type it: 2–40 characters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Carrier(String);

/// A tracking number: 4–40 letters, digits, spaces or hyphens.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackingNumber(String);

/// What is wrong with a shipment staff asked for. The `Display` is the
/// English (logs); staff read `Locale::order_shipment_problem`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ShipmentProblem {
    #[error("Please give the carrier's name (2 to 40 characters).")]
    Carrier,
    #[error("Please give the tracking number (4 to 40 letters, digits, spaces or hyphens).")]
    Tracking,
    #[error("Please choose at least one piece to ship.")]
    Nothing,
    #[error("This order has no line {0}.")]
    UnknownLine(i64),
    #[error("Line {line} has only {left} piece(s) left to ship, not {asked}.")]
    TooMany { line: i64, left: u32, asked: u32 },
}

impl Carrier {
    pub fn parse(raw: &str) -> Result<Self, ShipmentProblem> {
        let raw = raw.trim();
        let ok = (2..=40).contains(&raw.chars().count()) && !raw.chars().any(char::is_control);
        ok.then(|| Carrier(raw.to_owned())).ok_or(ShipmentProblem::Carrier)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TrackingNumber {
    pub fn parse(raw: &str) -> Result<Self, ShipmentProblem> {
        let raw = raw.trim().to_ascii_uppercase();
        let ok =
            (4..=40).contains(&raw.len()) && raw.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-');
        ok.then_some(TrackingNumber(raw)).ok_or(ShipmentProblem::Tracking)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An order line as shipping sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShippableLine {
    pub id: i64,
    pub quantity: u32,
    pub shipped: u32,
}

/// Checks a shipment of `(line id, quantity)` against the order's lines
/// and says whether, after it, nothing is left to ship.
pub fn plan_shipment(lines: &[ShippableLine], asked: &[(i64, u32)]) -> Result<bool, ShipmentProblem> {
    if asked.iter().all(|(_, n)| *n == 0) {
        return Err(ShipmentProblem::Nothing);
    }
    let mut left_after = 0u32;
    for line in lines {
        let asked_here: u32 = asked.iter().filter(|(id, _)| *id == line.id).map(|(_, n)| *n).sum();
        let left = line.quantity.saturating_sub(line.shipped);
        if asked_here > left {
            return Err(ShipmentProblem::TooMany { line: line.id, left, asked: asked_here });
        }
        left_after += left - asked_here;
    }
    if let Some((id, _)) = asked.iter().find(|(id, _)| !lines.iter().any(|l| l.id == *id)) {
        return Err(ShipmentProblem::UnknownLine(*id));
    }
    Ok(left_after == 0)
}

/// How long an unpaid order keeps its pieces by default, in minutes: long
/// enough to type a card's details and pass the bank's check, short enough
/// that pieces abandoned at the payment page come back soon (issue 17).
pub const DEFAULT_PAYMENT_MINUTES: i64 = 15;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn keys_are_uuids_or_similar() {
        assert!(IdempotencyKey::parse("3f2b8c1e-9a4d-4e5f-8b6a-1c2d3e4f5a6b").is_ok());
        assert!(IdempotencyKey::parse("short").is_err());
        assert!(IdempotencyKey::parse("has spaces in it, sixteen+").is_err());
        assert!(IdempotencyKey::parse(&"a".repeat(65)).is_err());
    }

    #[test]
    fn references_read_back_whatever_the_case() {
        let r = OrderRef::from_random([0, 1, 2, 31, 32, 255, 100, 7, 8, 9]);
        assert_eq!(r.as_str(), "MA-012Z0Z4789");
        assert_eq!(OrderRef::parse("ma-012z0z4789"), Some(r));
        assert_eq!(OrderRef::parse("MA-012Z0ZM78I"), None, "I is not in the alphabet");
        assert_eq!(OrderRef::parse("MA-12"), None);
        assert_eq!(OrderRef::parse("XX-012Z0ZM789"), None);
    }

    #[test]
    fn totals_add_up_and_a_discount_never_goes_below_zero() {
        let t = Totals::new(Money::from_cents(50_000), Money::from_cents(5_000), Money::from_cents(2_200));
        assert_eq!(t.total, Money::from_cents(47_200));
        let t = Totals::new(Money::from_cents(1_000), Money::from_cents(5_000), Money::from_cents(2_200));
        assert_eq!((t.discount, t.total), (Money::from_cents(1_000), Money::from_cents(2_200)));
    }

    #[test]
    fn shipping_details_are_checked() {
        assert!(Carrier::parse("Colissimo").is_ok());
        assert_eq!(Carrier::parse(" "), Err(ShipmentProblem::Carrier));
        assert_eq!(TrackingNumber::parse("6a 123-456").unwrap().as_str(), "6A 123-456");
        assert_eq!(TrackingNumber::parse("12<script>"), Err(ShipmentProblem::Tracking));
    }

    fn lines() -> Vec<ShippableLine> {
        vec![ShippableLine { id: 1, quantity: 2, shipped: 0 }, ShippableLine { id: 2, quantity: 1, shipped: 0 }]
    }

    #[test]
    fn a_shipment_may_be_partial_or_complete() {
        assert_eq!(plan_shipment(&lines(), &[(1, 2)]), Ok(false));
        assert_eq!(plan_shipment(&lines(), &[(1, 2), (2, 1)]), Ok(true));
        let after_first = [ShippableLine { shipped: 2, ..lines()[0] }, lines()[1]];
        assert_eq!(plan_shipment(&after_first, &[(2, 1)]), Ok(true));
    }

    #[test]
    fn a_shipment_cannot_send_what_is_not_there() {
        assert_eq!(plan_shipment(&lines(), &[]), Err(ShipmentProblem::Nothing));
        assert_eq!(plan_shipment(&lines(), &[(1, 0)]), Err(ShipmentProblem::Nothing));
        assert_eq!(plan_shipment(&lines(), &[(1, 3)]), Err(ShipmentProblem::TooMany { line: 1, left: 2, asked: 3 }));
        assert_eq!(plan_shipment(&lines(), &[(9, 1)]), Err(ShipmentProblem::UnknownLine(9)));
    }

    proptest! {
        #[test]
        fn totals_are_never_negative(sub in 0i64..10_000_000, disc in 0i64..10_000_000, ship in 0i64..10_000) {
            let t = Totals::new(Money::from_cents(sub), Money::from_cents(disc), Money::from_cents(ship));
            prop_assert!(t.total >= Money::from_cents(ship));
            prop_assert_eq!(t.total.cents(), sub - t.discount.cents() + ship);
        }

        #[test]
        fn every_reference_parses_back(bytes in proptest::array::uniform10(any::<u8>())) {
            let r = OrderRef::from_random(bytes);
            prop_assert_eq!(OrderRef::parse(r.as_str()), Some(r));
        }
    }
}

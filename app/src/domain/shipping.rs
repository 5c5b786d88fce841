//! Shipping (PRODUCT.md §5): which zone a country is in, what the zone's
//! delivery costs and takes, and when customs charges must be announced.
//! The zones and their rates are data (a table); the rules are here.

use super::{country::CountryCode, money::Money};
use serde::{Deserialize, Serialize};

/// The members of the European Union: deliveries elsewhere cross a customs border.
pub const EU_MEMBERS: [&str; 27] = [
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV",
    "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
];

/// Territories outside the EU that are inside its customs union for goods
/// (Monaco is part of the French customs territory): no duties there.
const CUSTOMS_UNION_OTHERS: [&str; 1] = ["MC"];

/// Whether a delivery to this country stays inside the EU's customs union.
pub fn in_eu(country: CountryCode) -> bool {
    EU_MEMBERS.contains(&country.as_str()) || CUSTOMS_UNION_OTHERS.contains(&country.as_str())
}

/// The notice the review step shows for deliveries outside the EU, in
/// English (pages show `Locale::checkout_customs_notice` when this is some).
pub fn customs_notice(country: CountryCode) -> Option<&'static str> {
    (!in_eu(country)).then_some(
        "Customs duties and import taxes are not included in this price: they are payable by you on delivery.",
    )
}

/// A shipping zone, as the house configured it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShippingZone {
    pub name: String,
    pub rate: Money,
    /// Business days, fewest and most.
    pub min_days: u8,
    pub max_days: u8,
    pub countries: Vec<CountryCode>,
}

impl ShippingZone {
    /// "5–10 business days", in English (pages: `Locale::checkout_estimate`).
    pub fn estimate(&self) -> String {
        format!("{}–{} business days", self.min_days, self.max_days)
    }
}

/// The zone that serves a country, if any does.
pub fn zone_for(zones: &[ShippingZone], country: CountryCode) -> Option<&ShippingZone> {
    zones.iter().find(|z| z.countries.contains(&country))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(c: &str) -> CountryCode {
        CountryCode::parse(c).unwrap()
    }

    #[test]
    fn customs_are_announced_outside_the_eu_only() {
        assert!(customs_notice(code("FR")).is_none());
        assert!(customs_notice(code("IE")).is_none());
        assert!(customs_notice(code("MC")).is_none(), "Monaco is inside the customs union");
        assert!(customs_notice(code("CH")).unwrap().contains("payable by you"));
        assert!(customs_notice(code("GB")).is_some());
    }

    #[test]
    fn a_country_finds_its_zone() {
        let zones = vec![
            ShippingZone {
                name: "Europe".into(),
                rate: Money::from_cents(2200),
                min_days: 5,
                max_days: 10,
                countries: vec![code("FR"), code("BE")],
            },
            ShippingZone {
                name: "World".into(),
                rate: Money::from_cents(6500),
                min_days: 10,
                max_days: 15,
                countries: vec![code("US")],
            },
        ];
        assert_eq!(zone_for(&zones, code("BE")).map(|z| z.name.as_str()), Some("Europe"));
        assert_eq!(zone_for(&zones, code("US")).map(ShippingZone::estimate).as_deref(), Some("10–15 business days"));
        assert!(zone_for(&zones, code("JP")).is_none());
    }

    #[test]
    fn the_member_list_is_sorted_and_whole() {
        assert!(EU_MEMBERS.windows(2).all(|w| w[0] < w[1]));
        assert!(EU_MEMBERS.iter().all(|c| CountryCode::parse(c).is_ok()));
    }
}

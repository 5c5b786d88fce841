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

/// What the house's delivery online comes to, over the countries a piece
/// may be bought for: what the footer and the house's pages say of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryTerms {
    /// Delivery countries a zone serves (one without a zone cannot be checked out to).
    pub countries: usize,
    /// The lowest and highest rate among their zones.
    pub rates: (Money, Money),
    /// Business days: the fewest and the most among their zones.
    pub days: (u8, u8),
}

/// The terms for delivery to `countries` through `zones`; `None` when no
/// delivery country has a zone.
pub fn delivery_terms(zones: &[ShippingZone], countries: &[CountryCode]) -> Option<DeliveryTerms> {
    let served: Vec<&ShippingZone> = countries.iter().filter_map(|c| zone_for(zones, *c)).collect();
    let first = served.first()?;
    Some(served.iter().fold(
        DeliveryTerms { countries: 0, rates: (first.rate, first.rate), days: (first.min_days, first.max_days) },
        |terms, zone| DeliveryTerms {
            countries: terms.countries + 1,
            rates: (terms.rates.0.min(zone.rate), terms.rates.1.max(zone.rate)),
            days: (terms.days.0.min(zone.min_days), terms.days.1.max(zone.max_days)),
        },
    ))
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
    fn terms_cover_the_delivery_countries_a_zone_serves() {
        let zone = |rate, min_days, max_days, countries: &[&str]| ShippingZone {
            name: "z".into(),
            rate: Money::from_cents(rate),
            min_days,
            max_days,
            countries: countries.iter().map(|c| code(c)).collect(),
        };
        let zones = vec![zone(2200, 5, 10, &["FR", "BE", "GB"]), zone(6500, 10, 15, &["US"])];
        let terms = delivery_terms(&zones, &[code("FR"), code("BE"), code("PL")]).unwrap();
        assert_eq!(terms.countries, 2, "PL has no zone, GB is not a delivery country");
        assert_eq!(terms.rates, (Money::from_cents(2200), Money::from_cents(2200)));
        assert_eq!(terms.days, (5, 10));
        let wider = delivery_terms(&zones, &[code("FR"), code("US")]).unwrap();
        assert_eq!(wider.rates, (Money::from_cents(2200), Money::from_cents(6500)));
        assert_eq!(wider.days, (5, 15));
        assert_eq!(delivery_terms(&zones, &[code("PL")]), None);
        assert_eq!(delivery_terms(&[], &[code("FR")]), None);
    }

    #[test]
    fn the_member_list_is_sorted_and_whole() {
        assert!(EU_MEMBERS.windows(2).all(|w| w[0] < w[1]));
        assert!(EU_MEMBERS.iter().all(|c| CountryCode::parse(c).is_ok()));
    }
}

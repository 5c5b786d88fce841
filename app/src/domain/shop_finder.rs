//! What the shop locator is asked (PRODUCT.md §8): a country, a city, only
//! the shops open now, and where the shopper is, by the browser's position
//! or a place typed in. Every field comes from the address bar, so each is
//! read here and refused with its reason.

use super::boutique::{GeoPoint, PositionProblem};
use super::country::CountryCode;

/// How many of the nearest shops the map frames with the place the list
/// is sorted from: enough to choose between, few enough that the view
/// shows the shopper's region rather than the whole world.
pub const FRAMED_NEAREST: usize = 3;

/// The longest city or place read: the longest real names fit.
pub const MAX_PLACE_CHARS: usize = 80;

/// Where distances are measured from.
#[derive(Clone, Debug, PartialEq)]
pub enum Origin {
    /// Nowhere: the list keeps its own order.
    Unknown,
    /// The browser's position, shared when the shopper pressed the button.
    Position(GeoPoint),
    /// A place typed in, still to be looked up.
    Typed(String),
}

/// A locator query, read.
#[derive(Clone, Debug, PartialEq)]
pub struct FinderQuery {
    pub country: Option<CountryCode>,
    pub city: Option<String>,
    pub open_now: bool,
    pub origin: Origin,
}

/// Why a locator query was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FinderProblem {
    #[error("unknown country")]
    Country,
    #[error("a city or place name is too long")]
    TooLong,
    #[error("open now is on or off")]
    OpenNow,
    #[error("a position needs both its latitude and its longitude")]
    HalfPosition,
    #[error("{0}")]
    Position(PositionProblem),
}

fn text(raw: &str) -> Result<Option<String>, FinderProblem> {
    let raw = raw.trim();
    if raw.chars().count() > MAX_PLACE_CHARS {
        return Err(FinderProblem::TooLong);
    }
    Ok((!raw.is_empty()).then(|| raw.to_owned()))
}

impl FinderQuery {
    /// Reads the query's fields as the form (or the position button) sends
    /// them; an empty field asks nothing. A place typed wins over a position
    /// kept in the form: the button that shares one empties the other.
    pub fn parse(
        country: &str,
        city: &str,
        open: &str,
        near: &str,
        lat: &str,
        lon: &str,
    ) -> Result<Self, FinderProblem> {
        let country = match country.trim() {
            "" => None,
            code => Some(CountryCode::parse_known(code).map_err(|_| FinderProblem::Country)?),
        };
        let open_now = match open.trim() {
            "" => false,
            "on" | "1" | "true" => true,
            _ => return Err(FinderProblem::OpenNow),
        };
        let position = match (lat.trim(), lon.trim()) {
            ("", "") => None,
            ("", _) | (_, "") => return Err(FinderProblem::HalfPosition),
            (lat, lon) => Some(GeoPoint::parse(lat, lon).map_err(FinderProblem::Position)?),
        };
        let origin = match (text(near)?, position) {
            (Some(place), _) => Origin::Typed(place),
            (None, Some(position)) => Origin::Position(position),
            (None, None) => Origin::Unknown,
        };
        Ok(FinderQuery { country, city: text(city)?, open_now, origin })
    }

    /// Whether a shop in `country` and `city`, open now or not, is listed.
    /// Cities are compared as written, without regard to case.
    pub fn admits(&self, country: CountryCode, city: &str, open_now: bool) -> bool {
        self.country.is_none_or(|wanted| wanted == country)
            && self.city.as_deref().is_none_or(|wanted| wanted.to_lowercase() == city.to_lowercase())
            && (open_now || !self.open_now)
    }
}

/// The key a place is found by, from its name already folded (accents
/// and case, `domain::faq`): words alone, so `Saint Etienne` finds
/// `Saint-Étienne`.
pub fn place_key(folded: &str) -> String {
    folded.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Sorts items nearest first by their distance from the origin, when there
/// is one; equal distances, or none, keep the items' order.
pub fn nearest_first<T>(items: &mut [(T, Option<f64>)]) {
    items.sort_by(|(_, a), (_, b)| match (a, b) {
        (Some(a), Some(b)) => a.total_cmp(b),
        _ => std::cmp::Ordering::Equal,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(fields: [&str; 6]) -> Result<FinderQuery, FinderProblem> {
        let [country, city, open, near, lat, lon] = fields;
        FinderQuery::parse(country, city, open, near, lat, lon)
    }

    #[test]
    fn empty_fields_ask_nothing() {
        let query = parse(["", " ", "", "", "", ""]).unwrap();
        assert_eq!(query, FinderQuery { country: None, city: None, open_now: false, origin: Origin::Unknown });
        assert!(query.admits(CountryCode::FRANCE, "Paris", false));
    }

    #[test]
    fn each_field_is_read_or_refused_with_its_reason() {
        let query = parse(["FR", " Lyon ", "on", "Bordeaux", "", ""]).unwrap();
        assert_eq!(query.country, Some(CountryCode::FRANCE));
        assert_eq!(query.city.as_deref(), Some("Lyon"));
        assert!(query.open_now);
        assert_eq!(query.origin, Origin::Typed("Bordeaux".into()));
        assert_eq!(parse(["XX", "", "", "", "", ""]), Err(FinderProblem::Country));
        assert_eq!(parse(["France", "", "", "", "", ""]), Err(FinderProblem::Country));
        assert_eq!(parse(["", &"a".repeat(81), "", "", "", ""]), Err(FinderProblem::TooLong));
        assert_eq!(parse(["", "", "", &"a".repeat(81), "", ""]), Err(FinderProblem::TooLong));
        assert_eq!(parse(["", "", "yes please", "", "", ""]), Err(FinderProblem::OpenNow));
        assert_eq!(parse(["", "", "", "", "48.8", ""]), Err(FinderProblem::HalfPosition));
        assert_eq!(parse(["", "", "", "", "91", "2"]), Err(FinderProblem::Position(PositionProblem::OutOfRange)));
        assert_eq!(parse(["", "", "", "", "north", "2"]), Err(FinderProblem::Position(PositionProblem::NotANumber)));
    }

    #[test]
    fn a_place_typed_wins_over_a_position() {
        let query = parse(["", "", "", "Lyon", "48.85", "2.35"]).unwrap();
        assert_eq!(query.origin, Origin::Typed("Lyon".into()));
        let query = parse(["", "", "", " ", "48.85", "2.35"]).unwrap();
        assert_eq!(query.origin, Origin::Position(GeoPoint::new(48.85, 2.35).unwrap()));
        assert_eq!(parse(["", "", "", "Lyon", "95", "2"]), Err(FinderProblem::Position(PositionProblem::OutOfRange)));
    }

    #[test]
    fn filters_combine() {
        let be = CountryCode::parse("BE").unwrap();
        let query = parse(["FR", "paris", "on", "", "", ""]).unwrap();
        assert!(query.admits(CountryCode::FRANCE, "Paris", true));
        assert!(!query.admits(CountryCode::FRANCE, "Paris", false), "closed now");
        assert!(!query.admits(CountryCode::FRANCE, "Lyon", true), "another city");
        assert!(!query.admits(be, "Paris", true), "another country");
    }

    #[test]
    fn places_are_found_by_their_words() {
        assert_eq!(place_key("saint-etienne"), "saint etienne");
        assert_eq!(place_key("  saint   etienne "), "saint etienne");
        assert_eq!(place_key("l'aquila"), "l aquila");
    }

    #[test]
    fn nearest_come_first_and_ties_keep_their_order() {
        let mut items = [("far", Some(900.0)), ("near", Some(2.5)), ("also far", Some(900.0)), ("mid", Some(40.0))];
        nearest_first(&mut items);
        let order: Vec<_> = items.iter().map(|(name, _)| *name).collect();
        assert_eq!(order, ["near", "mid", "far", "also far"]);
        let mut unsorted = [("b", None), ("a", None)];
        nearest_first(&mut unsorted);
        assert_eq!(unsorted.map(|(name, _)| name), ["b", "a"]);
    }
}

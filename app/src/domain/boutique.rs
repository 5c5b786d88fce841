//! Boutiques and retailers (PRODUCT.md §8): where they are, how far they
//! are from the shopper, and their week of opening hours. Pure: the time
//! zone each keeps its hours in is applied on the server
//! (`domain::local_hours`).

use serde::{Deserialize, Serialize};
use strum::{EnumIter, EnumString, IntoStaticStr};

/// The Earth's mean radius (IUGG), in km: what the distances are measured on.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Whose shop it is: the house's own, or a retailer's (whose stock the
/// house does not know: the shopper calls them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, EnumString, IntoStaticStr, EnumIter)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum ShopKind {
    Boutique,
    Retailer,
}

/// A position on Earth, in decimal degrees. Not `Deserialize`: every
/// position is made by [`GeoPoint::new`], which checks it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct GeoPoint {
    lat: f64,
    lon: f64,
}

/// Why a position cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PositionProblem {
    #[error("A position is two numbers, a latitude and a longitude, in decimal degrees.")]
    NotANumber,
    #[error("A latitude is between -90 and 90, a longitude between -180 and 180.")]
    OutOfRange,
}

impl GeoPoint {
    /// A position from its degrees, if they are on Earth.
    pub fn new(lat: f64, lon: f64) -> Result<Self, PositionProblem> {
        if !(lat.is_finite() && lon.is_finite()) {
            return Err(PositionProblem::NotANumber);
        }
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            return Err(PositionProblem::OutOfRange);
        }
        Ok(GeoPoint { lat, lon })
    }

    /// Reads a position as a browser or a form sends it (`48.8566`, `2.3522`).
    pub fn parse(lat: &str, lon: &str) -> Result<Self, PositionProblem> {
        let number = |text: &str| text.trim().parse::<f64>().map_err(|_| PositionProblem::NotANumber);
        GeoPoint::new(number(lat)?, number(lon)?)
    }

    pub fn lat(self) -> f64 {
        self.lat
    }

    pub fn lon(self) -> f64 {
        self.lon
    }

    /// The great-circle distance to `other`, in km (the haversine formula).
    pub fn distance_km(self, other: GeoPoint) -> f64 {
        let (lat1, lat2) = (self.lat.to_radians(), other.lat.to_radians());
        let (d_lat, d_lon) = ((other.lat - self.lat).to_radians(), (other.lon - self.lon).to_radians());
        let a = (d_lat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (d_lon / 2.0).sin().powi(2);
        // Rounding may push `a` a hair past 1 for antipodes.
        2.0 * EARTH_RADIUS_KM * a.sqrt().min(1.0).asin()
    }
}

/// Minutes from midnight, local time: `10:30` is 630.
pub type Minute = u16;

/// A shop's week: for each day, Monday first, the spans it is open, in its
/// own local time (two spans for a day with a lunch break, none when closed).
/// Not `Deserialize`: every week is read by [`WeeklyHours::parse`], which checks it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct WeeklyHours([Vec<(Minute, Minute)>; 7]);

/// Why a day's hours cannot be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum HoursProblem {
    #[error("{0:?} is not hours such as 10:00-19:00, or closed")]
    Unreadable(String),
    #[error("{0:?}: each span must open before it closes, in order, without overlapping")]
    Disordered(String),
}

impl WeeklyHours {
    /// Reads a week, Monday first: each day `closed`, or spans such as
    /// `10:00-13:00, 14:00-19:00` (the house's data, checked once, at seeding).
    pub fn parse(days: [&str; 7]) -> Result<Self, HoursProblem> {
        let mut week: [Vec<(Minute, Minute)>; 7] = Default::default();
        for (day, text) in week.iter_mut().zip(days) {
            *day = parse_day(text)?;
        }
        Ok(WeeklyHours(week))
    }

    /// A day's spans (`weekday` counts from Monday, 0).
    pub fn day(&self, weekday: usize) -> &[(Minute, Minute)] {
        self.0.get(weekday).map_or(&[], Vec::as_slice)
    }

    /// Whether the shop is open on `weekday` at `minute`, local time.
    /// A span includes its opening minute, not its closing one.
    pub fn is_open(&self, weekday: usize, minute: Minute) -> bool {
        self.day(weekday).iter().any(|&(opens, closes)| opens <= minute && minute < closes)
    }
}

fn parse_day(text: &str) -> Result<Vec<(Minute, Minute)>, HoursProblem> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("closed") {
        return Ok(Vec::new());
    }
    let unreadable = || HoursProblem::Unreadable(text.chars().take(40).collect());
    let clock = |t: &str| -> Option<Minute> {
        let (h, m) = t.trim().split_once(':')?;
        let (h, m): (Minute, Minute) = (h.parse().ok()?, m.parse().ok()?);
        // 24:00 closes a day that runs to midnight.
        (m < 60 && (h < 24 || (h == 24 && m == 0))).then_some(h * 60 + m)
    };
    let mut spans = Vec::new();
    for span in text.split(',') {
        let (opens, closes) = span.split_once('-').ok_or_else(unreadable)?;
        spans.push((clock(opens).ok_or_else(unreadable)?, clock(closes).ok_or_else(unreadable)?));
    }
    let ordered =
        spans.iter().all(|(opens, closes)| opens < closes) && spans.windows(2).all(|pair| pair[0].1 <= pair[1].0);
    if !ordered {
        return Err(HoursProblem::Disordered(text.chars().take(40).collect()));
    }
    Ok(spans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn at(lat: f64, lon: f64) -> GeoPoint {
        GeoPoint::new(lat, lon).unwrap()
    }

    const PARIS: (f64, f64) = (48.8566, 2.3522);
    const LONDON: (f64, f64) = (51.5074, -0.1278);
    const NEW_YORK: (f64, f64) = (40.7128, -74.0060);
    const TOKYO: (f64, f64) = (35.6762, 139.6503);

    #[test]
    fn distances_between_known_cities() {
        let paris = at(PARIS.0, PARIS.1);
        for (other, km) in [(LONDON, 343.5), (NEW_YORK, 5837.2), (TOKYO, 9712.0)] {
            let measured = paris.distance_km(at(other.0, other.1));
            assert!((measured - km).abs() < 3.0, "Paris to {other:?}: {measured} km, not {km}");
        }
        // Half the world away, and nowhere at all.
        assert!((at(0.0, 0.0).distance_km(at(0.0, 180.0)) - std::f64::consts::PI * EARTH_RADIUS_KM).abs() < 1e-6);
        assert_eq!(paris.distance_km(paris), 0.0);
    }

    #[test]
    fn positions_off_the_earth_are_refused() {
        assert_eq!(GeoPoint::parse("48.85", "2.35").map(GeoPoint::lat), Ok(48.85));
        assert_eq!(GeoPoint::parse("north", "2"), Err(PositionProblem::NotANumber));
        assert_eq!(GeoPoint::parse("NaN", "2"), Err(PositionProblem::NotANumber));
        assert_eq!(GeoPoint::parse("91", "2"), Err(PositionProblem::OutOfRange));
        assert_eq!(GeoPoint::parse("45", "-180.5"), Err(PositionProblem::OutOfRange));
    }

    #[test]
    fn a_week_reads_spans_and_closed_days() {
        let week = WeeklyHours::parse([
            "10:00-19:00",
            "10:00-13:00, 14:00-19:00",
            "closed",
            "10:00-19:00",
            "10:00-19:00",
            "10:00-24:00",
            "Closed",
        ])
        .unwrap();
        assert!(week.is_open(0, 600) && !week.is_open(0, 599) && !week.is_open(0, 1140), "opens at 10, shut at 19");
        assert!(week.is_open(1, 12 * 60) && !week.is_open(1, 13 * 60 + 30), "the lunch break");
        assert!(!week.is_open(2, 12 * 60) && week.day(2).is_empty());
        assert!(week.is_open(5, 23 * 60 + 59));
        for bad in ["10-19", "10:00", "19:00-10:00", "10:00-13:00, 12:00-19:00", "25:00-26:00", "10:60-11:00"] {
            assert!(
                WeeklyHours::parse([bad, "closed", "closed", "closed", "closed", "closed", "closed"]).is_err(),
                "{bad}"
            );
        }
    }

    proptest! {
        /// A distance is never negative, the same both ways, and no more than half the world.
        #[test]
        fn distances_are_symmetric_and_bounded(a in -90.0f64..=90.0, b in -180.0f64..=180.0, c in -90.0f64..=90.0, d in -180.0f64..=180.0) {
            let (p, q) = (at(a, b), at(c, d));
            let there = p.distance_km(q);
            prop_assert!((0.0..=std::f64::consts::PI * EARTH_RADIUS_KM + 1e-6).contains(&there));
            prop_assert!((there - q.distance_km(p)).abs() < 1e-6);
        }
    }
}

//! Whether a shop is open at an instant, by its hours in its own time zone
//! (PRODUCT.md §8: "open now"). Server only: the zone database is the
//! server's (`jiff`), never the browser's module.

use super::boutique::WeeklyHours;
use jiff::{tz::TimeZone, Timestamp};

/// A time zone the database does not know.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown time zone {0:?}")]
pub struct UnknownZone(pub String);

/// A zone by its IANA name (`Europe/Paris`).
pub fn zone(name: &str) -> Result<TimeZone, UnknownZone> {
    TimeZone::get(name).map_err(|_| UnknownZone(name.to_owned()))
}

/// Whether `hours`, kept in `zone`'s wall-clock time, are open at `at`:
/// the instant is read as the shop's own clock shows it, so the answer
/// holds on both sides of its daylight-saving changes.
pub fn open_at(hours: &WeeklyHours, zone: &TimeZone, at: Timestamp) -> bool {
    let local = at.to_zoned(zone.clone());
    let weekday = usize::from(local.weekday().to_monday_zero_offset().unsigned_abs());
    let minute = u16::try_from(i32::from(local.hour()) * 60 + i32::from(local.minute())).unwrap_or(0);
    hours.is_open(weekday, minute)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn week_10_to_19() -> WeeklyHours {
        WeeklyHours::parse([
            "10:00-19:00",
            "10:00-19:00",
            "10:00-19:00",
            "10:00-19:00",
            "10:00-19:00",
            "10:00-19:00",
            "closed",
        ])
        .unwrap()
    }

    fn utc(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn paris_across_its_daylight_saving_changes() {
        let (hours, paris) = (week_10_to_19(), zone("Europe/Paris").unwrap());
        // Summer time starts on Sunday 29 March 2026: 08:30 UTC is 09:30 on
        // the Friday before (closed), 10:30 on the Monday after (open).
        assert!(!open_at(&hours, &paris, utc("2026-03-27T08:30:00Z")));
        assert!(open_at(&hours, &paris, utc("2026-03-30T08:30:00Z")));
        // It ends on Sunday 25 October 2026: the other way round.
        assert!(open_at(&hours, &paris, utc("2026-10-23T08:30:00Z")));
        assert!(!open_at(&hours, &paris, utc("2026-10-26T08:30:00Z")));
        // Closing time: 18:59 is open, 19:00 is not (17:00 UTC in summer).
        assert!(open_at(&hours, &paris, utc("2026-06-15T16:59:00Z")));
        assert!(!open_at(&hours, &paris, utc("2026-06-15T17:00:00Z")));
        // Sunday is closed whatever the hour.
        assert!(!open_at(&hours, &paris, utc("2026-06-14T12:00:00Z")));
    }

    #[test]
    fn each_shop_keeps_its_own_zone() {
        let hours = week_10_to_19();
        let new_york = zone("America/New_York").unwrap();
        // New York changes on 8 March 2026, three weeks before Paris.
        assert!(!open_at(&hours, &new_york, utc("2026-03-06T14:30:00Z")), "09:30 EST on Friday");
        assert!(open_at(&hours, &new_york, utc("2026-03-09T14:30:00Z")), "10:30 EDT on Monday");
        // The same instant: open in Tokyo's afternoon, shut in Paris's early morning.
        let instant = utc("2026-06-16T05:00:00Z");
        assert!(open_at(&hours, &zone("Asia/Tokyo").unwrap(), instant));
        assert!(!open_at(&hours, &zone("Europe/Paris").unwrap(), instant));
        assert_eq!(zone("Mars/Olympus_Mons").map(|_| ()), Err(UnknownZone("Mars/Olympus_Mons".into())));
    }
}

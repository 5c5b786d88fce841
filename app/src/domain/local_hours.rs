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

/// Midnight in Paris on the day `now` (Unix seconds) falls in, for "today"
/// in the back office (the house works on Paris time, PRODUCT.md §8).
pub fn paris_day_start(now: i64) -> i64 {
    let Ok(at) = Timestamp::from_second(now) else { return now };
    zone("Europe/Paris")
        .ok()
        .and_then(|paris| at.to_zoned(paris).start_of_day().ok())
        .map_or(now - now.rem_euclid(86_400), |midnight| midnight.timestamp().as_second())
}

/// A day in Paris as Unix seconds: its first second, and the first of the next day.
pub fn paris_day_bounds(day: super::day::Day) -> (i64, i64) {
    let start = |d: jiff::civil::Date| {
        zone("Europe/Paris").ok().and_then(|paris| d.to_zoned(paris).ok()).map(|z| z.timestamp().as_second())
    };
    let Ok(date) = jiff::civil::Date::new(day.year, day.month as i8, day.day as i8) else { return (0, 0) };
    let first = start(date).unwrap_or(0);
    let next = date.tomorrow().ok().and_then(start).unwrap_or(first + 86_400);
    (first, next)
}

/// The day in Paris that the instant `at` (Unix seconds) falls in.
pub fn paris_day_of(at: i64) -> Option<super::day::Day> {
    let date = Timestamp::from_second(at).ok()?.to_zoned(zone("Europe/Paris").ok()?).date();
    Some(super::day::Day {
        year: date.year(),
        month: u8::try_from(date.month()).ok()?,
        day: u8::try_from(date.day()).ok()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_in_paris_is_its_own_midnight_to_the_next() {
        let day = crate::domain::day::Day::parse("2026-12-06").unwrap();
        // Midnight in Paris is 23:00 UTC the evening before, in winter.
        assert_eq!(paris_day_bounds(day), (1_796_511_600, 1_796_511_600 + 86_400));
        assert_eq!(paris_day_of(1_796_511_600), Some(day), "its first second");
        assert_eq!(paris_day_of(1_796_511_599).map(|d| d.iso()).as_deref(), Some("2026-12-05"));
        // The day clocks go forward is 23 hours long.
        let short = crate::domain::day::Day::parse("2026-03-29").unwrap();
        let (a, b) = paris_day_bounds(short);
        assert_eq!(b - a, 23 * 3600);
    }

    #[test]
    fn today_starts_at_midnight_in_paris() {
        // 2026-12-06 01:30 UTC is 02:30 in Paris (UTC+1): the day began at 23:00 UTC.
        let now = 1_796_520_600;
        assert_eq!(paris_day_start(now), 1_796_511_600);
        // 2026-07-01 21:59 UTC is 23:59 in Paris (UTC+2): the day began at 22:00 UTC the day before.
        assert_eq!(paris_day_start(1_782_943_140), 1_782_856_800);
    }

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

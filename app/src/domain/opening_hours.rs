//! Client service's opening hours and the callback slots they allow
//! (PRODUCT.md §8): Monday to Friday 10:00–19:00, Saturday 10:00–17:00,
//! Paris time, closed on Sundays and on the closed days the house lists.
//!
//! A callback slot is half an hour, starting on the hour or the half hour
//! (Paris time), and lies wholly inside the hours of its day. The house
//! asks for at least an hour's notice, so that an advisor can see the
//! request before calling: a slot starting sooner is refused like one in
//! the past.
//!
//! Wall-clock hours are kept in Paris time and instants in UTC; the
//! conversion is the time zone database's (`jiff`), so the rule holds on
//! both sides of the daylight-saving changes. Server only: the browser
//! never needs the zone database, and its module stays small.

use jiff::{
    civil::{Date, Time},
    tz::TimeZone,
    SignedDuration, Timestamp, ToSpan, Zoned,
};
use std::collections::BTreeSet;

use super::locale::WallClock;
pub use super::service::SlotReason;

/// How long a callback slot lasts.
pub const SLOT: SignedDuration = SignedDuration::from_mins(30);

/// The least notice before a slot starts.
pub const NOTICE: SignedDuration = SignedDuration::from_hours(1);

/// How far ahead the next slots are looked for: past the longest run of
/// closed days a house would list (a fortnight's holiday), plus a week.
const LOOK_AHEAD_DAYS: i32 = 22;

/// The week's hours in Paris time and the days the house is closed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpeningHours {
    /// Monday first; `None` for a day closed every week.
    week: [Option<(Time, Time)>; 7],
    /// Days closed whatever the weekday (public holidays, inventory): data.
    closed: BTreeSet<Date>,
    zone: TimeZone,
}

impl OpeningHours {
    /// The house's hours (PRODUCT.md §8), with `closed` days.
    pub fn house(closed: impl IntoIterator<Item = Date>) -> Self {
        // Whole hours below 24, so every `Time` exists.
        let week = super::service::SERVICE_WEEK.map(|day| {
            day.and_then(|(from, to)| Some((Time::new(from as i8, 0, 0, 0).ok()?, Time::new(to as i8, 0, 0, 0).ok()?)))
        });
        OpeningHours {
            week,
            closed: closed.into_iter().collect(),
            zone: TimeZone::get("Europe/Paris").expect("the bundled zone database knows Paris"),
        }
    }

    /// A day's hours in Paris time, or `None` when closed.
    pub fn hours_on(&self, date: Date) -> Option<(Time, Time)> {
        if self.closed.contains(&date) {
            return None;
        }
        self.week[usize::from(date.weekday().to_monday_zero_offset().unsigned_abs())]
    }

    /// An instant in Paris time.
    pub fn in_paris(&self, at: Timestamp) -> Zoned {
        at.to_zoned(self.zone.clone())
    }

    /// An instant as a Paris wall clock shows it, and its weekday (Monday 0).
    pub fn wall_clock(&self, at: Timestamp) -> (WallClock, u8) {
        wall_clock(&self.in_paris(at))
    }

    /// Whether a slot starting at `start` may be asked for at `now`.
    pub fn check(&self, start: Timestamp, now: Timestamp) -> Result<(), SlotReason> {
        let local = self.in_paris(start);
        if local.second() != 0 || local.subsec_nanosecond() != 0 || !matches!(local.minute(), 0 | 30) {
            return Err(SlotReason::NotOnTheHalfHour);
        }
        if start < now + NOTICE {
            return Err(SlotReason::TooSoon);
        }
        let (opens, closes) = self.hours_on(local.date()).ok_or(SlotReason::ClosedDay)?;
        let end = self.in_paris(start + SLOT);
        // A slot lies within one day's hours: it starts at or after opening
        // and ends by closing, on the same date.
        if local.time() < opens || end.date() != local.date() || end.time() > closes {
            return Err(SlotReason::OutsideHours);
        }
        Ok(())
    }

    /// The next `count` slots that may be asked for at `now`, soonest first.
    pub fn next_slots(&self, now: Timestamp, count: usize) -> Vec<Timestamp> {
        self.next_slots_from(now, now, count)
    }

    /// The next `count` slots starting at or after `from` that may be asked
    /// for at `now`, soonest first: what is offered instead of a refused
    /// slot (the next ones after it, or after now if it was in the past).
    pub fn next_slots_from(&self, from: Timestamp, now: Timestamp, count: usize) -> Vec<Timestamp> {
        let mut slots = Vec::with_capacity(count);
        let mut date = self.in_paris(from.max(now)).date();
        for _ in 0..LOOK_AHEAD_DAYS {
            if let Some((opens, closes)) = self.hours_on(date) {
                let mut time = opens;
                while time < closes && slots.len() < count {
                    // Opening hours never fall in a daylight-saving gap or
                    // fold (those are at night): the wall-clock time is one instant.
                    if let Ok(start) = date.to_datetime(time).to_zoned(self.zone.clone()) {
                        let start = start.timestamp();
                        if start >= from && self.check(start, now).is_ok() {
                            slots.push(start);
                        }
                    }
                    match time.checked_add(30.minutes()) {
                        Ok(next) if next > time => time = next,
                        _ => break,
                    }
                }
            }
            if slots.len() == count {
                break;
            }
            match date.tomorrow() {
                Ok(next) => date = next,
                Err(_) => break,
            }
        }
        slots
    }

    /// Reads a slot as a form's date and time fields give it, in Paris
    /// time: `2026-12-07` and `10:30`. `None` when either cannot be read.
    pub fn read_local(&self, date: &str, time: &str) -> Option<Timestamp> {
        let date: Date = date.trim().parse().ok()?;
        let time: Time = time.trim().parse().ok()?;
        // A time in a daylight-saving gap is moved forward (jiff's
        // "compatible" rule); it is at night, and refused as closed anyway.
        date.to_datetime(time).to_zoned(self.zone.clone()).ok().map(|z| z.timestamp())
    }

    /// A slot as the form's date and time fields take it, in Paris time:
    /// (`2026-12-07`, `10:30`).
    pub fn local_fields(&self, at: Timestamp) -> (String, String) {
        let local = self.in_paris(at);
        (local.date().to_string(), format!("{:02}:{:02}", local.hour(), local.minute()))
    }
}

/// A zoned time as its wall clock shows it, and its weekday (Monday 0), for
/// `Locale` to write.
pub fn wall_clock(z: &Zoned) -> (WallClock, u8) {
    let clock = WallClock {
        year: z.year(),
        month: z.month().unsigned_abs(),
        day: z.day().unsigned_abs(),
        hour: z.hour().unsigned_abs(),
        minute: z.minute().unsigned_abs(),
    };
    (clock, z.weekday().to_monday_zero_offset().unsigned_abs())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::{date, Weekday};
    use proptest::prelude::*;

    fn paris(y: i16, m: i8, d: i8, h: i8, min: i8) -> Timestamp {
        date(y, m, d).at(h, min, 0, 0).to_zoned(TimeZone::get("Europe/Paris").unwrap()).unwrap().timestamp()
    }

    fn house() -> OpeningHours {
        // 1 May (a Friday in 2026) is a closed day.
        OpeningHours::house([date(2026, 5, 1)])
    }

    /// Monday 23 November 2026, 09:00 in Paris.
    fn monday_morning() -> Timestamp {
        paris(2026, 11, 23, 9, 0)
    }

    #[test]
    fn the_week_is_the_houses() {
        let h = house();
        let now = monday_morning();
        assert_eq!(h.check(paris(2026, 11, 23, 10, 0), now), Ok(()), "Monday at opening, an hour ahead");
        assert_eq!(h.check(paris(2026, 11, 23, 18, 30), now), Ok(()), "the last weekday slot ends at 19:00");
        assert_eq!(h.check(paris(2026, 11, 23, 19, 0), now), Err(SlotReason::OutsideHours));
        assert_eq!(h.check(paris(2026, 11, 23, 9, 30), paris(2026, 11, 22, 12, 0)), Err(SlotReason::OutsideHours));
        assert_eq!(h.check(paris(2026, 11, 28, 16, 30), now), Ok(()), "Saturday's last slot");
        assert_eq!(h.check(paris(2026, 11, 28, 17, 0), now), Err(SlotReason::OutsideHours), "Saturday closes at 17");
        assert_eq!(h.check(paris(2026, 11, 29, 11, 0), now), Err(SlotReason::ClosedDay), "Sunday");
        assert_eq!(date(2026, 11, 29).weekday(), Weekday::Sunday);
        assert_eq!(h.check(paris(2026, 11, 23, 10, 15), now), Err(SlotReason::NotOnTheHalfHour));
        assert_eq!(h.check(paris(2026, 5, 1, 11, 0), paris(2026, 4, 30, 9, 0)), Err(SlotReason::ClosedDay));
        assert_eq!(h.check(paris(2026, 4, 30, 11, 0), paris(2026, 4, 30, 9, 0)), Ok(()), "the day before is open");
    }

    #[test]
    fn a_slot_needs_an_hours_notice() {
        let h = house();
        let now = paris(2026, 11, 23, 10, 5);
        assert_eq!(h.check(paris(2026, 11, 23, 10, 30), now), Err(SlotReason::TooSoon));
        assert_eq!(h.check(paris(2026, 11, 23, 11, 0), now), Err(SlotReason::TooSoon));
        assert_eq!(h.check(paris(2026, 11, 23, 11, 30), now), Ok(()));
        assert_eq!(h.check(paris(2026, 11, 20, 11, 0), now), Err(SlotReason::TooSoon), "last week");
    }

    #[test]
    fn the_next_slots_skip_closed_times() {
        let h = house();
        // Saturday 28 November at 16:10: nothing left that day, Sunday closed.
        let slots = h.next_slots(paris(2026, 11, 28, 16, 10), 3);
        assert_eq!(slots, [paris(2026, 11, 30, 10, 0), paris(2026, 11, 30, 10, 30), paris(2026, 11, 30, 11, 0)]);
        // Thursday evening before the closed Friday 1 May: on to Saturday.
        let slots = h.next_slots(paris(2026, 4, 30, 18, 45), 3);
        assert_eq!(slots[0], paris(2026, 5, 2, 10, 0));
        // Monday 09:00: opening, with an hour's notice.
        assert_eq!(h.next_slots(monday_morning(), 1), [paris(2026, 11, 23, 10, 0)]);
    }

    #[test]
    fn a_refused_sunday_is_offered_the_next_open_slots_after_it() {
        let h = house();
        let now = monday_morning();
        let sunday = h.read_local("2026-11-29", "11:00").unwrap();
        assert_eq!(h.check(sunday, now), Err(SlotReason::ClosedDay));
        let offered = h.next_slots_from(sunday, now, 3);
        assert_eq!(offered, [paris(2026, 11, 30, 10, 0), paris(2026, 11, 30, 10, 30), paris(2026, 11, 30, 11, 0)]);
        // A slot in the past: the next ones from now.
        assert_eq!(h.next_slots_from(paris(2026, 11, 20, 11, 0), now, 1), [paris(2026, 11, 23, 10, 0)]);
        assert_eq!(h.local_fields(paris(2026, 11, 30, 10, 30)), ("2026-11-30".to_owned(), "10:30".to_owned()));
        assert_eq!(h.read_local("2026-11-30", " 10:30 "), Some(paris(2026, 11, 30, 10, 30)));
        assert_eq!(h.read_local("2026-07-06", "10:00"), Some(paris(2026, 7, 6, 10, 0)), "summer time");
        for (date, time) in [("30/11/2026", "10:30"), ("2026-11-30", "25:00"), ("", ""), ("2026-02-30", "10:00")] {
            assert_eq!(h.read_local(date, time), None, "{date} {time}");
        }
        // 02:30 on the spring Sunday does not exist in Paris: read, and closed.
        let gap = h.read_local("2026-03-29", "02:30").unwrap();
        assert_eq!(h.check(gap, paris(2026, 3, 20, 9, 0)), Err(SlotReason::ClosedDay));
    }

    /// Paris changes its clocks on the last Sundays of March and October,
    /// when the house is closed; the Saturdays and Mondays around them keep
    /// their wall-clock hours, an hour apart in UTC.
    #[test]
    fn both_daylight_saving_sundays() {
        let h = house();
        for (saturday, sunday, monday) in [
            (date(2026, 3, 28), date(2026, 3, 29), date(2026, 3, 30)),
            (date(2026, 10, 24), date(2026, 10, 25), date(2026, 10, 26)),
        ] {
            assert_eq!(sunday.weekday(), Weekday::Sunday);
            // 15:00 on Saturday: with an hour's notice, 16:00 and 16:30 are left.
            let before = saturday.at(15, 0, 0, 0);
            let now = before.to_zoned(TimeZone::get("Europe/Paris").unwrap()).unwrap().timestamp();
            let slots = h.next_slots(now, 3);
            let local: Vec<_> = slots.iter().map(|s| h.in_paris(*s).datetime()).collect();
            assert_eq!(local, [saturday.at(16, 0, 0, 0), saturday.at(16, 30, 0, 0), monday.at(10, 0, 0, 0)]);
            for hour in 0..24 {
                let at = sunday.at(hour, 0, 0, 0).to_zoned(TimeZone::get("Europe/Paris").unwrap());
                if let Ok(at) = at {
                    assert_eq!(h.check(at.timestamp(), now), Err(SlotReason::ClosedDay), "{at}");
                }
            }
        }
        // The UTC offsets differ across each change: +01:00 in winter, +02:00 in summer.
        assert_eq!(paris(2026, 3, 30, 10, 0).as_second() - paris(2026, 3, 27, 10, 0).as_second(), 3 * 86_400 - 3_600);
        assert_eq!(paris(2026, 10, 26, 10, 0).as_second() - paris(2026, 10, 23, 10, 0).as_second(), 3 * 86_400 + 3_600);
    }

    proptest! {
        /// Whatever the moment, every slot offered is open, in the future
        /// with the notice, soonest first, and there are as many as asked.
        #[test]
        fn every_slot_offered_is_open_and_ahead(seconds in 1_700_000_000i64..2_000_000_000, count in 1usize..6) {
            let h = house();
            let now = Timestamp::from_second(seconds).unwrap();
            let slots = h.next_slots(now, count);
            prop_assert_eq!(slots.len(), count);
            for pair in slots.windows(2) {
                prop_assert!(pair[0] < pair[1]);
            }
            for slot in slots {
                prop_assert!(slot >= now + NOTICE);
                prop_assert_eq!(h.check(slot, now), Ok(()));
                let local = h.in_paris(slot);
                prop_assert!(local.weekday() != Weekday::Sunday);
                prop_assert!(local.hour() >= 10 && local.hour() < 19);
            }
        }

        /// The slots offered after a refused one are open, accepted now,
        /// at or after it, and soonest first.
        #[test]
        fn slots_offered_after_a_refusal_are_open_and_after_it(
            seconds in 1_700_000_000i64..1_900_000_000,
            ahead in 0i64..3_000_000,
        ) {
            let h = house();
            let now = Timestamp::from_second(seconds).unwrap();
            let from = Timestamp::from_second(seconds + ahead - 1_000_000).unwrap();
            let slots = h.next_slots_from(from, now, 3);
            prop_assert_eq!(slots.len(), 3);
            for pair in slots.windows(2) {
                prop_assert!(pair[0] < pair[1]);
            }
            for slot in slots {
                prop_assert!(slot >= from);
                prop_assert_eq!(h.check(slot, now), Ok(()));
            }
        }

        /// A slot the rule accepts lies wholly in its day's hours.
        #[test]
        fn an_accepted_slot_is_within_the_hours(offset_halves in 0i64..2_000, seconds in 1_700_000_000i64..1_900_000_000) {
            let h = house();
            let now = Timestamp::from_second(seconds).unwrap();
            let start = Timestamp::from_second(seconds - seconds % 1_800 + offset_halves * 1_800).unwrap();
            if h.check(start, now).is_ok() {
                let local = h.in_paris(start);
                let (opens, closes) = h.hours_on(local.date()).unwrap();
                prop_assert!(local.time() >= opens);
                prop_assert!(h.in_paris(start + SLOT).time() <= closes);
            }
        }
    }
}

//! The back office's promo codes (PRODUCT.md §2 and §9, issue 16 part 3):
//! what staff may type for a code, what they may change once shoppers have
//! used it, and where a code stands in its window.
//!
//! A code used on an order is never rewritten: the order keeps the code's
//! name and the discount it gave, and the code keeps the terms that gave it.
//! Only its end may move (ending it now, or a later last day).

use super::day::Day;
use super::money::Money;
use super::promo::{normalise, Discount, PromoCode};
use serde::{Deserialize, Serialize};

/// What a code takes off, as the form's choice names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum DiscountKind {
    Percent,
    Fixed,
}

impl DiscountKind {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn of(discount: Discount) -> DiscountKind {
        match discount {
            Discount::Percent(_) => DiscountKind::Percent,
            Discount::Fixed(_) => DiscountKind::Fixed,
        }
    }
}

/// The code form's fields, as typed (posted as `terms[code]`…). A field
/// missing from the post reads as empty, and gets its own message.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PromoForm {
    pub code: String,
    pub kind: String,
    /// A percentage (1–100) or an amount in euros, by `kind`.
    pub amount: String,
    pub first_day: String,
    /// Empty: the code does not end.
    pub last_day: String,
    /// Empty: no minimum.
    pub minimum: String,
}

/// A code's terms as staff set them, by Paris days.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromoDraft {
    pub code: String,
    pub discount: Discount,
    pub first_day: Day,
    /// The last day it works, if it ends.
    pub last_day: Option<Day>,
    pub minimum: Option<Money>,
}

/// Why a form was refused, with the field it is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PromoProblem {
    /// Not 3 to 32 letters, digits and hyphens.
    Code,
    Kind,
    /// A percentage that is not a whole number from 1 to 100.
    Percent,
    /// An amount that is not euros above zero.
    Amount,
    FirstDay,
    LastDay,
    /// The last day is before the first.
    LastBeforeFirst,
    Minimum,
    /// The code was used on orders: only its end may change.
    UsedTermsFixed,
    /// An ended code stays ended: its end may come no later.
    EndedStaysEnded,
}

impl PromoProblem {
    /// The form field the problem is about (its message is shown beside it).
    pub fn field(self) -> &'static str {
        match self {
            PromoProblem::Code => "code",
            PromoProblem::Kind => "kind",
            PromoProblem::Percent | PromoProblem::Amount | PromoProblem::UsedTermsFixed => "amount",
            PromoProblem::FirstDay => "first_day",
            PromoProblem::LastDay | PromoProblem::LastBeforeFirst | PromoProblem::EndedStaysEnded => "last_day",
            PromoProblem::Minimum => "minimum",
        }
    }
}

impl PromoDraft {
    /// Reads the form: every field into its type, or the first problem.
    pub fn parse(form: &PromoForm) -> Result<PromoDraft, PromoProblem> {
        use std::str::FromStr;
        let code = normalise(&form.code).map_err(|_| PromoProblem::Code)?;
        let kind = DiscountKind::from_str(form.kind.trim()).map_err(|_| PromoProblem::Kind)?;
        let discount = match kind {
            DiscountKind::Percent => form
                .amount
                .trim()
                .trim_end_matches('%')
                .trim_end()
                .parse::<u8>()
                .ok()
                .filter(|p| (1..=100).contains(p))
                .map(Discount::Percent)
                .ok_or(PromoProblem::Percent)?,
            DiscountKind::Fixed => Money::parse_euros(&form.amount)
                .filter(|m| *m > Money::ZERO)
                .map(Discount::Fixed)
                .ok_or(PromoProblem::Amount)?,
        };
        let first_day = Day::parse(&form.first_day).ok_or(PromoProblem::FirstDay)?;
        let last_day = match form.last_day.trim() {
            "" => None,
            raw => Some(Day::parse(raw).ok_or(PromoProblem::LastDay)?),
        };
        if last_day.is_some_and(|last| last < first_day) {
            return Err(PromoProblem::LastBeforeFirst);
        }
        let minimum = match form.minimum.trim() {
            "" => None,
            raw => Some(Money::parse_euros(raw).ok_or(PromoProblem::Minimum)?).filter(|m| *m > Money::ZERO),
        };
        Ok(PromoDraft { code, discount, first_day, last_day, minimum })
    }

    /// The code as checkout reads it: from the first second of the first
    /// day to the first second after the last, given each day's bounds.
    pub fn into_code(self, bounds: impl Fn(Day) -> (i64, i64)) -> PromoCode {
        PromoCode {
            starts_at: bounds(self.first_day).0,
            ends_at: self.last_day.map(|last| bounds(last).1),
            code: self.code,
            discount: self.discount,
            min_subtotal: self.minimum,
        }
    }
}

impl PromoDraft {
    /// The code this draft makes of `before` (a code being edited): a day
    /// left as the page showed it keeps the instant it stood for. A code
    /// ended at 15:02 shows today as its last day; saved again unchanged, it
    /// must not work until midnight. `day_of` is the day an instant falls in.
    pub fn into_edit_of(
        self,
        before: &PromoCode,
        bounds: impl Fn(Day) -> (i64, i64),
        day_of: impl Fn(i64) -> Option<Day>,
    ) -> PromoCode {
        let (first, last) = (self.first_day, self.last_day);
        let mut code = self.into_code(bounds);
        if day_of(before.starts_at) == Some(first) {
            code.starts_at = before.starts_at;
        }
        if let (Some(end), Some(last)) = (before.ends_at, last) {
            if day_of(end - 1) == Some(last) {
                code.ends_at = Some(end);
            }
        }
        code
    }
}

/// Whether `after` may replace `before`, a code used `uses` times, at
/// `now`: an unused code may change in every way, a used one only in its
/// end; an ended code stays ended (a new offer is a new code, so that an
/// ended code's history reads as it happened).
pub fn check_change(before: &PromoCode, after: &PromoCode, uses: u64, now: i64) -> Result<(), PromoProblem> {
    if phase(before, now) == PromoPhase::Ended {
        let later = match (before.ends_at, after.ends_at) {
            (Some(was), Some(end)) => end > was,
            _ => true,
        };
        if later {
            return Err(PromoProblem::EndedStaysEnded);
        }
    }
    if uses > 0 && !same_terms(before, after) {
        return Err(PromoProblem::UsedTermsFixed);
    }
    Ok(())
}

/// Whether two versions of a code give the same discount to the same baskets from the same moment.
pub fn same_terms(a: &PromoCode, b: &PromoCode) -> bool {
    a.code == b.code && a.discount == b.discount && a.starts_at == b.starts_at && a.min_subtotal == b.min_subtotal
}

/// The code ended at `now`: it keeps its terms and its history, and
/// checkout reads it as expired from then on. A code that had not started
/// yet gets a window that closed at `now` (the database wants an end after
/// the start); it was never used, since it never worked.
pub fn ended(code: &PromoCode, now: i64) -> PromoCode {
    let mut ended = code.clone();
    if ended.ends_at.is_none_or(|end| end > now) {
        ended.ends_at = Some(now);
    }
    if ended.starts_at >= now {
        ended.starts_at = now - 1;
    }
    ended
}

/// Where a code stands at an instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PromoPhase {
    /// Its first day is still to come.
    Scheduled,
    Running,
    Ended,
}

pub fn phase(code: &PromoCode, now: i64) -> PromoPhase {
    if code.ends_at.is_some_and(|end| now >= end) {
        PromoPhase::Ended
    } else if now < code.starts_at {
        PromoPhase::Scheduled
    } else {
        PromoPhase::Running
    }
}

/// The terms in one line, in English like the logs: the audit log's
/// "before" and "after" of a code; `when` writes an instant (UTC, as the
/// audit export's times are).
pub fn summary(code: &PromoCode, when: impl Fn(i64) -> String) -> String {
    let discount = match code.discount {
        Discount::Percent(p) => format!("{p}%"),
        Discount::Fixed(amount) => format!("{amount} off"),
    };
    let ends = code.ends_at.map_or_else(|| "no end".to_owned(), |end| format!("ends at {}", when(end)));
    let minimum = code.min_subtotal.map_or_else(|| "no minimum".to_owned(), |m| format!("minimum {m}"));
    format!("{discount}, starts at {}, {ends}, {minimum}", when(code.starts_at))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn form(kind: &str, amount: &str) -> PromoForm {
        PromoForm {
            code: " noel-26 ".into(),
            kind: kind.into(),
            amount: amount.into(),
            first_day: "2026-12-01".into(),
            last_day: "2026-12-31".into(),
            minimum: String::new(),
        }
    }

    /// Days as whole UTC days, for tests: the shop uses Paris days (`local_hours::paris_day_bounds`).
    fn utc_days(day: Day) -> (i64, i64) {
        let days = (i64::from(day.year) - 2026) * 365 + i64::from(day.month) * 31 + i64::from(day.day);
        (days * 86_400, days * 86_400 + 86_400)
    }

    #[test]
    fn a_form_reads_into_the_code_checkout_uses() {
        let draft = PromoDraft::parse(&PromoForm { minimum: "300".into(), ..form("percent", "15") }).unwrap();
        assert_eq!(draft.code, "NOEL-26");
        assert_eq!(draft.discount, Discount::Percent(15));
        assert_eq!(draft.minimum, Some(Money::from_cents(30_000)));
        let code = draft.into_code(utc_days);
        assert_eq!(code.ends_at.unwrap() - code.starts_at, 31 * 86_400, "the whole last day counts");
        let fixed = PromoDraft::parse(&PromoForm { last_day: "".into(), ..form("fixed", "50,5") }).unwrap();
        assert_eq!((fixed.discount, fixed.last_day), (Discount::Fixed(Money::from_cents(5_050)), None));
        assert_eq!(PromoDraft::parse(&form("percent", "20 %")).unwrap().discount, Discount::Percent(20));
    }

    #[test]
    fn each_bad_field_is_named() {
        let bad = |f: PromoForm| PromoDraft::parse(&f).unwrap_err();
        assert_eq!(bad(PromoForm { code: "a b".into(), ..form("percent", "10") }), PromoProblem::Code);
        assert_eq!(bad(form("half", "10")), PromoProblem::Kind);
        for amount in ["0", "101", "12.5", "-5", ""] {
            assert_eq!(bad(form("percent", amount)), PromoProblem::Percent, "{amount}");
        }
        for amount in ["0", "-5", "ten", ""] {
            assert_eq!(bad(form("fixed", amount)), PromoProblem::Amount, "{amount}");
        }
        assert_eq!(bad(PromoForm { first_day: "".into(), ..form("fixed", "5") }), PromoProblem::FirstDay);
        assert_eq!(bad(PromoForm { last_day: "31/12/2026".into(), ..form("fixed", "5") }), PromoProblem::LastDay);
        assert_eq!(
            bad(PromoForm { last_day: "2026-11-30".into(), ..form("fixed", "5") }),
            PromoProblem::LastBeforeFirst
        );
        assert_eq!(bad(PromoForm { minimum: "lots".into(), ..form("fixed", "5") }), PromoProblem::Minimum);
        assert_eq!(PromoProblem::LastBeforeFirst.field(), "last_day");
    }

    #[test]
    fn days_left_as_shown_keep_their_instants() {
        let day_of = |at: i64| {
            // The inverse of `utc_days` for 2026: day d of month m is day m × 31 + d.
            let days = at.div_euclid(86_400) - 1;
            Some(Day { year: 2026, month: u8::try_from(days / 31).ok()?, day: u8::try_from(days % 31 + 1).ok()? })
        };
        let draft = PromoDraft::parse(&form("percent", "10")).unwrap();
        let before = draft.clone().into_code(utc_days);
        // Ended mid-afternoon of its last day, and saved again as shown.
        let ended_at = before.ends_at.unwrap() - 30_000;
        let ended = PromoCode { ends_at: Some(ended_at), starts_at: before.starts_at + 3_600, ..before.clone() };
        let again = draft.clone().into_edit_of(&ended, utc_days, day_of);
        assert_eq!((again.starts_at, again.ends_at), (ended.starts_at, ended.ends_at), "nothing reopened");
        assert!(same_terms(&ended, &again));
        // A day moved takes its own bounds.
        let later = PromoDraft { last_day: Day::parse("2027-01-31"), ..draft };
        assert_eq!(
            later.clone().into_edit_of(&ended, utc_days, day_of).ends_at,
            Some(utc_days(later.last_day.unwrap()).1)
        );
    }

    #[test]
    fn a_used_code_keeps_its_terms_but_may_end() {
        let code = PromoDraft::parse(&form("percent", "10")).unwrap().into_code(utc_days);
        let richer = PromoCode { discount: Discount::Percent(30), ..code.clone() };
        assert_eq!(check_change(&code, &richer, 0, code.starts_at), Ok(()));
        assert_eq!(check_change(&code, &richer, 1, code.starts_at), Err(PromoProblem::UsedTermsFixed));
        let later = PromoCode { ends_at: code.ends_at.map(|e| e + 86_400), ..code.clone() };
        assert_eq!(check_change(&code, &later, 7, code.starts_at), Ok(()));
        let now = code.starts_at + 100;
        let stopped = ended(&code, now);
        assert!(same_terms(&code, &stopped));
        assert_eq!((phase(&code, now), phase(&stopped, now)), (PromoPhase::Running, PromoPhase::Ended));
        // Ended, it stays ended: no later end, no end removed; an earlier one is fine.
        let reopened = PromoCode { ends_at: code.ends_at, ..stopped.clone() };
        assert_eq!(check_change(&stopped, &reopened, 7, now + 5), Err(PromoProblem::EndedStaysEnded));
        let endless = PromoCode { ends_at: None, ..stopped.clone() };
        assert_eq!(check_change(&stopped, &endless, 0, now + 5), Err(PromoProblem::EndedStaysEnded));
        assert_eq!(check_change(&stopped, &stopped, 7, now + 5), Ok(()));
        assert!(summary(&stopped, |t| format!("t{t}")).contains(&format!("ends at t{now}")));
    }

    #[test]
    fn a_code_ended_before_it_began_never_works() {
        let code = PromoDraft::parse(&form("fixed", "5")).unwrap().into_code(utc_days);
        let now = code.starts_at - 1_000;
        assert_eq!(phase(&code, now), PromoPhase::Scheduled);
        let stopped = ended(&code, now);
        assert!(stopped.ends_at.unwrap() > stopped.starts_at, "the database's window rule holds");
        assert_eq!(phase(&stopped, now), PromoPhase::Ended);
        assert_eq!(phase(&stopped, code.starts_at + 10), PromoPhase::Ended);
    }

    proptest! {
        /// An ended code works at no instant from its end on, and keeps what it gave before.
        #[test]
        fn an_ended_code_stays_ended(starts in 0i64..1_000_000, len in proptest::option::of(1i64..1_000_000), now in 0i64..3_000_000, later in 0i64..1_000_000) {
            let code = PromoCode {
                code: "AUBE10".into(),
                discount: Discount::Percent(10),
                starts_at: starts,
                ends_at: len.map(|l| starts + l),
                min_subtotal: None,
            };
            let stopped = ended(&code, now);
            prop_assert_eq!(phase(&stopped, now + later), PromoPhase::Ended);
            prop_assert!(stopped.ends_at.unwrap() > stopped.starts_at);
            prop_assert!(stopped.ends_at.unwrap() <= code.ends_at.unwrap_or(i64::MAX));
        }
    }
}

//! Client service's requests (PRODUCT.md §8, §9): what a contact message
//! and a callback request hold, the bot trap in front of both, and the
//! kinds and states of the service inbox.

use serde::{Deserialize, Serialize};
use strum::{EnumIter, EnumString, IntoStaticStr};

/// Client service's telephone line: the `tel:` address and the number as
/// people read it. Every page that names the line takes it from here.
pub const SERVICE_PHONE: (&str, &str) = ("tel:+33142600000", "+33 1 42 60 00 00");

/// Client service's week (PRODUCT.md §8), Monday first: the hours it opens
/// and closes, in whole hours of Paris time, or `None` for a day closed
/// every week. The callback rule (`opening_hours`) and every page that
/// states the hours read it from here.
pub const SERVICE_WEEK: [Option<(u8, u8)>; 7] =
    [Some((10, 19)), Some((10, 19)), Some((10, 19)), Some((10, 19)), Some((10, 19)), Some((10, 17)), None];

/// A week's hours as runs of consecutive days with the same hours, in
/// order: Monday to Friday 10–19, then Saturday 10–17 for the house.
/// Days closed are left out. Each run is (first day, last day, hours),
/// days counted from Monday = 0.
pub fn opening_runs(week: &[Option<(u8, u8)>; 7]) -> Vec<(usize, usize, (u8, u8))> {
    let mut runs: Vec<(usize, usize, (u8, u8))> = Vec::new();
    for (day, hours) in week.iter().enumerate() {
        let Some(hours) = *hours else { continue };
        match runs.last_mut() {
            Some((_, last, same)) if *last + 1 == day && *same == hours => *last = day,
            _ => runs.push((day, day, hours)),
        }
    }
    runs
}

/// What a contact message is about (PRODUCT.md §8). Stored by its tag
/// (`missing_gift`); shown in the reader's language by `Locale::contact_topic`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, EnumString, IntoStaticStr, EnumIter)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum ContactTopic {
    Order,
    Product,
    Returns,
    /// A gift with purchase that did not arrive: owed only if it is on the invoice.
    MissingGift,
    /// The house makes no custom pieces, but reads every idea.
    DesignIdea,
    Other,
}

impl ContactTopic {
    /// The tag stored and posted, e.g. `missing_gift`.
    pub fn tag(self) -> &'static str {
        self.into()
    }

    /// Reads a posted tag.
    pub fn parse(tag: &str) -> Option<Self> {
        tag.trim().parse().ok()
    }
}

/// The kinds of request the service inbox holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, EnumString, IntoStaticStr, EnumIter)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum RequestKind {
    /// A message from the contact form.
    Contact,
    /// A customer to call back at a slot.
    Callback,
    /// A customer asking to change an order before it is confirmed.
    OrderChange,
    /// A customer who cancelled an order before it was confirmed.
    OrderCancel,
}

impl RequestKind {
    /// The tag stored and used in the inbox's filter, e.g. `order_change`.
    pub fn tag(self) -> &'static str {
        self.into()
    }

    pub fn parse(tag: &str) -> Option<Self> {
        tag.trim().parse().ok()
    }
}

/// Whether a request still waits for someone in client service.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, EnumString, IntoStaticStr, EnumIter)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum RequestState {
    Open,
    Handled,
}

impl RequestState {
    pub fn tag(self) -> &'static str {
        self.into()
    }

    pub fn parse(tag: &str) -> Option<Self> {
        tag.trim().parse().ok()
    }
}

/// Why a requested slot cannot be a callback slot (`opening_hours` decides).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum SlotReason {
    /// Not on the hour or the half hour, Paris time.
    #[error("a slot starts on the hour or the half hour")]
    NotOnTheHalfHour,
    /// In the past, or sooner than the notice the house asks for.
    #[error("the slot is in the past or too soon")]
    TooSoon,
    /// On a day client service is closed (a Sunday, a closed day).
    #[error("client service is closed that day")]
    ClosedDay,
    /// On an open day, but not wholly inside its hours.
    #[error("the slot is outside the opening hours")]
    OutsideHours,
}

/// A callback slot offered to pick: `value` as the form posts it
/// (`2026-11-30T10:00`, Paris time), `label` as the reader's language says it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotChoice {
    pub value: String,
    pub label: String,
}

/// The longest contact message: a long letter, not a document.
pub const MAX_MESSAGE_CHARS: usize = 3_000;
/// The longest note on a callback request.
pub const MAX_NOTE_CHARS: usize = 500;
/// The longest name a customer gives.
pub const MAX_NAME_CHARS: usize = 100;
/// The longest order reference kept as typed when it matches no order.
pub const MAX_ORDER_TEXT_CHARS: usize = 40;

/// Why a text a customer wrote was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TextProblem {
    #[error("this is needed")]
    Missing,
    /// Longer than the field allows; the limit in characters.
    #[error("at most {0} characters")]
    TooLong(usize),
}

/// Text a customer wrote, trimmed, not empty and at most `max` characters.
/// Line breaks are kept; other control characters are dropped, as no
/// keyboard types them.
pub fn written_text(raw: &str, max: usize) -> Result<String, TextProblem> {
    // A carriage return goes too: "\r\n" becomes "\n".
    let kept: String = raw.chars().filter(|c| !c.is_control() || matches!(c, '\n' | '\t')).collect();
    let text = kept.trim();
    if text.is_empty() {
        return Err(TextProblem::Missing);
    }
    if text.chars().count() > max {
        return Err(TextProblem::TooLong(max));
    }
    Ok(text.to_owned())
}

/// Optional text: empty is `None`, otherwise as [`written_text`].
pub fn optional_text(raw: &str, max: usize) -> Result<Option<String>, TextProblem> {
    match written_text(raw, max) {
        Ok(text) => Ok(Some(text)),
        Err(TextProblem::Missing) => Ok(None),
        Err(problem) => Err(problem),
    }
}

/// A name on one line.
pub fn person_name(raw: &str) -> Result<String, TextProblem> {
    let name = written_text(raw, MAX_NAME_CHARS)?;
    Ok(name.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// An order a customer names in a message: a reference of ours (to be
/// linked when it is theirs), or other text, kept as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OrderMention {
    Reference(super::checkout::OrderRef),
    Text(String),
}

impl OrderMention {
    /// Reads the optional order field: empty is `None`.
    pub fn parse(raw: &str) -> Result<Option<Self>, TextProblem> {
        let Some(text) = optional_text(raw, MAX_ORDER_TEXT_CHARS)? else { return Ok(None) };
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        Ok(Some(match super::checkout::OrderRef::parse(&text) {
            Some(reference) => OrderMention::Reference(reference),
            None => OrderMention::Text(text),
        }))
    }

    /// As typed, or the reference in its usual form.
    pub fn as_str(&self) -> &str {
        match self {
            OrderMention::Reference(reference) => reference.as_str(),
            OrderMention::Text(text) => text,
        }
    }
}

/// The least time a person takes to fill a form in: one sent sooner after
/// the page was served was filled by a program.
pub const MIN_FILL_SECONDS: i64 = 2;

/// Why a form looks sent by a program rather than a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BotSign {
    /// The field hidden from people (and from screen readers) was filled in.
    #[error("the hidden field was filled in")]
    HiddenFieldFilled,
    /// No proof of when the form was served, or one not signed by us.
    #[error("the form's stamp is missing or forged")]
    NoStamp,
    /// Sent less than [`MIN_FILL_SECONDS`] after the form was served.
    #[error("the form was sent too quickly")]
    TooQuick,
}

/// The bot trap, no third party needed: a honeypot field that people never
/// see, and a minimum time between serving the form (`served_at`, from the
/// form's signed stamp) and receiving it at `now`.
pub fn bot_trap(honeypot: &str, served_at: Option<i64>, now: i64) -> Result<(), BotSign> {
    if !honeypot.trim().is_empty() {
        return Err(BotSign::HiddenFieldFilled);
    }
    let served_at = served_at.ok_or(BotSign::NoStamp)?;
    if now - served_at < MIN_FILL_SECONDS {
        return Err(BotSign::TooQuick);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use strum::IntoEnumIterator;

    #[test]
    fn the_house_week_is_two_runs() {
        assert_eq!(opening_runs(&SERVICE_WEEK), vec![(0, 4, (10, 19)), (5, 5, (10, 17))]);
        let mut week = SERVICE_WEEK;
        week[2] = None;
        assert_eq!(opening_runs(&week), vec![(0, 1, (10, 19)), (3, 4, (10, 19)), (5, 5, (10, 17))]);
        assert!(opening_runs(&[None; 7]).is_empty());
    }

    #[test]
    fn tags_read_back() {
        for topic in ContactTopic::iter() {
            assert_eq!(ContactTopic::parse(topic.tag()), Some(topic));
        }
        for kind in RequestKind::iter() {
            assert_eq!(RequestKind::parse(kind.tag()), Some(kind));
        }
        for state in RequestState::iter() {
            assert_eq!(RequestState::parse(state.tag()), Some(state));
        }
        assert_eq!(ContactTopic::MissingGift.tag(), "missing_gift");
        assert_eq!(ContactTopic::parse("birthday"), None);
        assert_eq!(RequestKind::parse(""), None);
    }

    #[test]
    fn messages_are_trimmed_and_bounded() {
        assert_eq!(written_text("  Bonjour,\r\nune question.  ", 100), Ok("Bonjour,\nune question.".to_owned()));
        assert_eq!(written_text(" \n ", 100), Err(TextProblem::Missing));
        assert_eq!(written_text(&"é".repeat(101), 100), Err(TextProblem::TooLong(100)));
        assert_eq!(written_text(&"é".repeat(100), 100).map(|t| t.chars().count()), Ok(100));
        assert_eq!(written_text("a\u{0}b\u{1b}c", 100), Ok("abc".to_owned()));
        assert_eq!(optional_text("", 10), Ok(None));
        assert_eq!(person_name("  Anne   Martin "), Ok("Anne Martin".to_owned()));
    }

    #[test]
    fn an_order_mentioned_is_a_reference_when_it_is_shaped_like_one() {
        assert_eq!(OrderMention::parse(""), Ok(None));
        let Ok(Some(OrderMention::Reference(reference))) = OrderMention::parse(" ma-0123456789 ") else {
            panic!("a reference")
        };
        assert_eq!(reference.as_str(), "MA-0123456789");
        assert_eq!(OrderMention::parse("my order of May"), Ok(Some(OrderMention::Text("my order of May".into()))));
        assert_eq!(OrderMention::parse(&"x".repeat(41)), Err(TextProblem::TooLong(MAX_ORDER_TEXT_CHARS)));
    }

    #[test]
    fn the_trap_catches_the_honeypot_a_missing_stamp_and_haste() {
        assert_eq!(bot_trap("", Some(100), 110), Ok(()));
        assert_eq!(bot_trap("http://spam", Some(100), 110), Err(BotSign::HiddenFieldFilled));
        assert_eq!(bot_trap("", None, 110), Err(BotSign::NoStamp));
        assert_eq!(bot_trap("", Some(100), 101), Err(BotSign::TooQuick));
        assert_eq!(bot_trap("", Some(100), 100 + MIN_FILL_SECONDS), Ok(()));
        // A stamp from the future is as quick as can be.
        assert_eq!(bot_trap("", Some(200), 100), Err(BotSign::TooQuick));
    }

    proptest! {
        /// Any text is answered, never a panic; what is kept is trimmed,
        /// within the limit, and holds no control character but line breaks and tabs.
        #[test]
        fn any_text_is_answered(raw in "\\PC{0,120}|[\\s\\x00-\\x1f]{0,10}", max in 1usize..100) {
            if let Ok(text) = written_text(&raw, max) {
                prop_assert!(!text.is_empty());
                prop_assert!(text.chars().count() <= max);
                prop_assert!(text.chars().all(|c| !c.is_control() || c == '\n' || c == '\t'));
                prop_assert_eq!(text.trim(), text.as_str());
            }
        }

        /// A person passes the trap exactly when the honeypot is empty and
        /// the form was served long enough ago.
        #[test]
        fn the_trap_lets_people_through(honeypot in "[a-z ]{0,3}", served in 0i64..1_000, now in 0i64..1_000) {
            let passes = bot_trap(&honeypot, Some(served), now).is_ok();
            prop_assert_eq!(passes, honeypot.trim().is_empty() && now - served >= MIN_FILL_SECONDS);
        }
    }
}

//! The newsletter's double opt-in (PRODUCT.md §4): what a request does to a
//! subscription, decided without a database so every path can be tested.

use serde::{Deserialize, Serialize};

/// Where an address stands with the newsletter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Subscription {
    /// Never asked, or its row was erased.
    None,
    /// Asked; the emailed link has not been followed yet.
    Pending,
    /// Confirmed by the emailed link.
    Subscribed,
    /// Unsubscribed after having been subscribed (kept as proof of the choice).
    Unsubscribed,
}

impl Subscription {
    /// How the state is stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Subscription::None => "none",
            Subscription::Pending => "pending",
            Subscription::Subscribed => "subscribed",
            Subscription::Unsubscribed => "unsubscribed",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Some(match raw {
            "pending" => Subscription::Pending,
            "subscribed" => Subscription::Subscribed,
            "unsubscribed" => Subscription::Unsubscribed,
            "none" => Subscription::None,
            _ => return None,
        })
    }
}

/// What to do when someone asks to subscribe an address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnSubscribe {
    /// Record it as pending and email a confirmation link.
    SendConfirmation,
    /// Already subscribed: nothing to write, nothing to send (the page
    /// answers the same, so it tells nobody whether an address is on the list).
    Nothing,
}

pub fn on_subscribe(current: Subscription) -> OnSubscribe {
    match current {
        Subscription::Subscribed => OnSubscribe::Nothing,
        Subscription::None | Subscription::Pending | Subscription::Unsubscribed => OnSubscribe::SendConfirmation,
    }
}

/// What to do when someone asks to unsubscribe an address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnUnsubscribe {
    /// Mark it unsubscribed and email the confirmation.
    UnsubscribeAndConfirm,
    /// A pending request is simply withdrawn: no newsletter was ever sent.
    Withdraw,
    /// Not on the list: nothing to do (and the same answer on the page).
    Nothing,
}

pub fn on_unsubscribe(current: Subscription) -> OnUnsubscribe {
    match current {
        Subscription::Subscribed => OnUnsubscribe::UnsubscribeAndConfirm,
        Subscription::Pending => OnUnsubscribe::Withdraw,
        Subscription::None | Subscription::Unsubscribed => OnUnsubscribe::Nothing,
    }
}

/// How long a confirmation link works: a week, for inboxes read on Sundays.
pub const CONFIRM_LINK_SECONDS: i64 = 7 * 24 * 60 * 60;

/// Whether a confirmation link sent at `sent_at` still works at `now`.
pub fn confirm_link_usable(current: Subscription, sent_at: i64, now: i64) -> bool {
    current == Subscription::Pending && now >= sent_at && now - sent_at < CONFIRM_LINK_SECONDS
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Subscription; 4] =
        [Subscription::None, Subscription::Pending, Subscription::Subscribed, Subscription::Unsubscribed];

    #[test]
    fn states_are_stored_as_words_and_read_back() {
        for s in ALL {
            assert_eq!(Subscription::parse(s.as_str()), Some(s));
        }
        assert_eq!(Subscription::parse("SUBSCRIBED"), None);
    }

    #[test]
    fn only_a_subscribed_address_is_not_asked_again() {
        assert_eq!(on_subscribe(Subscription::Subscribed), OnSubscribe::Nothing);
        for s in [Subscription::None, Subscription::Pending, Subscription::Unsubscribed] {
            assert_eq!(on_subscribe(s), OnSubscribe::SendConfirmation, "{s:?}");
        }
    }

    #[test]
    fn only_a_subscribed_address_gets_a_goodbye() {
        assert_eq!(on_unsubscribe(Subscription::Subscribed), OnUnsubscribe::UnsubscribeAndConfirm);
        assert_eq!(on_unsubscribe(Subscription::Pending), OnUnsubscribe::Withdraw);
        assert_eq!(on_unsubscribe(Subscription::None), OnUnsubscribe::Nothing);
        assert_eq!(on_unsubscribe(Subscription::Unsubscribed), OnUnsubscribe::Nothing);
    }

    #[test]
    fn confirmation_links_work_for_a_week_while_pending() {
        let sent = 1_000_000;
        assert!(confirm_link_usable(Subscription::Pending, sent, sent + CONFIRM_LINK_SECONDS - 1));
        assert!(!confirm_link_usable(Subscription::Pending, sent, sent + CONFIRM_LINK_SECONDS));
        assert!(!confirm_link_usable(Subscription::Subscribed, sent, sent + 1), "used already");
        assert!(!confirm_link_usable(Subscription::Unsubscribed, sent, sent + 1));
        assert!(!confirm_link_usable(Subscription::Pending, sent, sent - 1));
    }
}

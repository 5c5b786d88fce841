//! The order's one state machine (PRODUCT.md §6): its statuses, the events
//! that move it, who may cause each, and nothing else. Every other part of
//! the shop asks [`transition`] before it changes an order's status.

use super::money::Money;
use super::refund::{RefundReason, RefundStep};
use serde::{Deserialize, Serialize};

/// Where an order stands, in the words customers read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OrderStatus {
    AwaitingPayment,
    BeingValidated,
    Confirmed,
    PartiallyShipped,
    Shipped,
    Delivered,
    Cancelled,
}

impl OrderStatus {
    pub const ALL: [OrderStatus; 7] = [
        OrderStatus::AwaitingPayment,
        OrderStatus::BeingValidated,
        OrderStatus::Confirmed,
        OrderStatus::PartiallyShipped,
        OrderStatus::Shipped,
        OrderStatus::Delivered,
        OrderStatus::Cancelled,
    ];

    /// The name in English, for logs; pages show `Locale::order_status`.
    pub fn label(self) -> &'static str {
        match self {
            OrderStatus::AwaitingPayment => "Awaiting payment",
            OrderStatus::BeingValidated => "Being validated",
            OrderStatus::Confirmed => "Confirmed",
            OrderStatus::PartiallyShipped => "Partially shipped",
            OrderStatus::Shipped => "Shipped",
            OrderStatus::Delivered => "Delivered",
            OrderStatus::Cancelled => "Cancelled",
        }
    }

    /// What the status means, in English; the order page shows
    /// `Locale::order_status_meaning`.
    pub fn meaning(self) -> &'static str {
        match self {
            OrderStatus::AwaitingPayment => "Received, waiting for the bank.",
            OrderStatus::BeingValidated => "Payment authorised; the house is checking your order.",
            OrderStatus::Confirmed => "Validated; your order is being prepared.",
            OrderStatus::PartiallyShipped => {
                "The available pieces are on their way; made-to-order or back-ordered pieces follow."
            }
            OrderStatus::Shipped => "Handed to the carrier.",
            OrderStatus::Delivered => "Delivered.",
            OrderStatus::Cancelled => "Cancelled.",
        }
    }

    /// How the status is stored.
    pub fn as_str(self) -> &'static str {
        match self {
            OrderStatus::AwaitingPayment => "awaiting_payment",
            OrderStatus::BeingValidated => "being_validated",
            OrderStatus::Confirmed => "confirmed",
            OrderStatus::PartiallyShipped => "partially_shipped",
            OrderStatus::Shipped => "shipped",
            OrderStatus::Delivered => "delivered",
            OrderStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(raw: &str) -> Option<OrderStatus> {
        OrderStatus::ALL.into_iter().find(|s| s.as_str() == raw)
    }

    /// No event moves an order out of these.
    pub fn is_final(self) -> bool {
        matches!(self, OrderStatus::Delivered | OrderStatus::Cancelled)
    }

    /// Whether the customer may still ask to change or cancel the order.
    pub fn customer_may_change(self) -> bool {
        self.allows(OrderEvent::Cancel, Actor::Customer)
    }

    /// Whether the bank has said yes and the order still stands.
    pub fn is_paid(self) -> bool {
        !matches!(self, OrderStatus::AwaitingPayment | OrderStatus::Cancelled)
    }

    /// Whether `actor` may cause `event` now: what a page asks before it
    /// offers an action, so that it offers exactly what [`transition`] allows.
    pub fn allows(self, event: OrderEvent, actor: Actor) -> bool {
        transition(self, event, actor).is_ok()
    }
}

/// Who causes an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Actor {
    Customer,
    Staff,
    /// The payment gateway's signed callback.
    Gateway,
    /// The shop's own background tasks (an unpaid order's reservation expiring).
    System,
}

/// Something that happens to an order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrderEvent {
    PaymentAuthorised,
    PaymentDeclined,
    /// The unpaid order's time ran out.
    PaymentExpired,
    /// Staff checked the order.
    Validate,
    /// Staff handed lines to the carrier; `complete` when nothing is left to ship.
    Ship {
        complete: bool,
    },
    MarkDelivered,
    Cancel,
}

/// Why an event cannot happen to an order, said to whoever asked. The
/// `Display` is the English (logs); pages say it with
/// `Locale::order_refusal`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error(
        "Your order is {}: it can no longer be changed or cancelled. Once it is delivered, you may return it within the return period.",
        .0.label()
    )]
    TooLateForCustomer(OrderStatus),
    #[error("Only the house may do this.")]
    NotAllowed,
    #[error("An order that is {} cannot be {}.", .0.label(), .1.done_words())]
    Impossible(OrderStatus, OrderEvent),
}

impl OrderEvent {
    /// What the event does to an order, in English ("cannot be …").
    pub fn done_words(self) -> &'static str {
        match self {
            OrderEvent::PaymentAuthorised => "paid",
            OrderEvent::PaymentDeclined => "declined",
            OrderEvent::PaymentExpired => "expired",
            OrderEvent::Validate => "validated",
            OrderEvent::Ship { .. } => "shipped",
            OrderEvent::MarkDelivered => "marked delivered",
            OrderEvent::Cancel => "cancelled",
        }
    }
}

/// The status an order moves to when `actor` causes `event`, or why it cannot.
pub fn transition(status: OrderStatus, event: OrderEvent, actor: Actor) -> Result<OrderStatus, Refusal> {
    use Actor as A;
    use OrderEvent as E;
    use OrderStatus as S;
    let impossible = || Refusal::Impossible(status, event);
    // Who may cause what, whatever the status.
    let allowed = match event {
        E::PaymentAuthorised | E::PaymentDeclined => actor == A::Gateway,
        E::PaymentExpired => actor == A::System,
        E::Validate | E::Ship { .. } | E::MarkDelivered => actor == A::Staff,
        E::Cancel => matches!(actor, A::Customer | A::Staff),
    };
    if !allowed {
        return Err(Refusal::NotAllowed);
    }
    match (status, event) {
        (S::AwaitingPayment, E::PaymentAuthorised) => Ok(S::BeingValidated),
        (S::AwaitingPayment, E::PaymentDeclined | E::PaymentExpired) => Ok(S::Cancelled),
        (S::BeingValidated, E::Validate) => Ok(S::Confirmed),
        (S::Confirmed | S::PartiallyShipped, E::Ship { complete: true }) => Ok(S::Shipped),
        (S::Confirmed | S::PartiallyShipped, E::Ship { complete: false }) => Ok(S::PartiallyShipped),
        (S::Shipped, E::MarkDelivered) => Ok(S::Delivered),
        (S::AwaitingPayment | S::BeingValidated, E::Cancel) => Ok(S::Cancelled),
        // The house may still cancel a confirmed order it cannot fulfil; the customer may not.
        (S::Confirmed, E::Cancel) if actor == A::Staff => Ok(S::Cancelled),
        (_, E::Cancel) if actor == A::Customer => Err(Refusal::TooLateForCustomer(status)),
        _ => Err(impossible()),
    }
}

/// What an entry of an order's timeline records. Only what a person typed
/// is stored with an entry (a customer's request, the house's reason for
/// cancelling); the rest is said when a page shows the entry, in its
/// reader's language, from the status the entry moved the order to and who
/// moved it: the state machine allows one event for each pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimelineKind {
    /// The first entry of every order.
    Placed,
    PaymentAuthorised,
    PaymentDeclined,
    PaymentExpired,
    Validated,
    /// A parcel handed to a carrier (the order's shipments say which, in order).
    Shipped,
    Delivered,
    CancelledByCustomer,
    /// Its note is the reason staff gave.
    CancelledByHouse,
    /// Its note is the customer's request; the status does not move.
    ChangeRequested,
    /// Staff wrote in the timeline without moving the order: its note only.
    Noted,
    /// A refund asked of the gateway, and why.
    RefundIssued {
        reason: RefundReason,
        amount: Money,
    },
    /// The gateway gave the money back.
    Refunded {
        amount: Money,
    },
    /// The gateway could not make the refund.
    RefundFailed {
        amount: Money,
    },
    /// A step of a return; its note is the return's number.
    Return {
        step: super::returns::ReturnStep,
    },
}

impl TimelineKind {
    /// The kind of a stored entry: `first` for the order's first entry.
    pub fn of(status: OrderStatus, actor: Actor, first: bool) -> TimelineKind {
        use Actor as A;
        use OrderStatus as S;
        if first {
            return TimelineKind::Placed;
        }
        match (actor, status) {
            (A::Gateway, S::Cancelled) => TimelineKind::PaymentDeclined,
            (A::Gateway, _) => TimelineKind::PaymentAuthorised,
            (A::System, _) => TimelineKind::PaymentExpired,
            (A::Customer, S::Cancelled) => TimelineKind::CancelledByCustomer,
            (A::Customer, _) => TimelineKind::ChangeRequested,
            (A::Staff, S::Confirmed) => TimelineKind::Validated,
            (A::Staff, S::PartiallyShipped | S::Shipped) => TimelineKind::Shipped,
            (A::Staff, S::Delivered) => TimelineKind::Delivered,
            (A::Staff, S::Cancelled) => TimelineKind::CancelledByHouse,
            (A::Staff, S::AwaitingPayment | S::BeingValidated) => TimelineKind::Noted,
        }
    }

    /// The kind of an entry about a refund: its step, and the refund's reason and amount.
    pub fn of_refund(step: RefundStep, reason: RefundReason, amount: Money) -> TimelineKind {
        match step {
            RefundStep::Issued => TimelineKind::RefundIssued { reason, amount },
            RefundStep::Refunded => TimelineKind::Refunded { amount },
            RefundStep::Failed => TimelineKind::RefundFailed { amount },
        }
    }

    /// The kind of the entry an event writes when `actor` causes it.
    pub fn of_event(event: OrderEvent, actor: Actor) -> TimelineKind {
        match event {
            OrderEvent::PaymentAuthorised => TimelineKind::PaymentAuthorised,
            OrderEvent::PaymentDeclined => TimelineKind::PaymentDeclined,
            OrderEvent::PaymentExpired => TimelineKind::PaymentExpired,
            OrderEvent::Validate => TimelineKind::Validated,
            OrderEvent::Ship { .. } => TimelineKind::Shipped,
            OrderEvent::MarkDelivered => TimelineKind::Delivered,
            OrderEvent::Cancel if actor == Actor::Customer => TimelineKind::CancelledByCustomer,
            OrderEvent::Cancel => TimelineKind::CancelledByHouse,
        }
    }

    /// Whether the entry's note is something a person typed, to keep and
    /// show as written. Other entries keep no note: notes written before
    /// the timeline was said in two languages were sentences of the shop's
    /// own, and are not shown.
    pub fn keeps_note(self) -> bool {
        matches!(
            self,
            TimelineKind::CancelledByHouse
                | TimelineKind::ChangeRequested
                | TimelineKind::Noted
                | TimelineKind::Return { .. }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const EVENTS: [OrderEvent; 8] = [
        OrderEvent::PaymentAuthorised,
        OrderEvent::PaymentDeclined,
        OrderEvent::PaymentExpired,
        OrderEvent::Validate,
        OrderEvent::Ship { complete: false },
        OrderEvent::Ship { complete: true },
        OrderEvent::MarkDelivered,
        OrderEvent::Cancel,
    ];
    const ACTORS: [Actor; 4] = [Actor::Customer, Actor::Staff, Actor::Gateway, Actor::System];

    #[test]
    fn what_staff_and_customers_are_offered() {
        use OrderStatus as S;
        let staff = |e| S::ALL.into_iter().filter(|s| s.allows(e, Actor::Staff)).collect::<Vec<_>>();
        assert_eq!(staff(OrderEvent::Validate), [S::BeingValidated]);
        assert_eq!(staff(OrderEvent::Ship { complete: false }), [S::Confirmed, S::PartiallyShipped]);
        assert_eq!(staff(OrderEvent::MarkDelivered), [S::Shipped]);
        assert_eq!(staff(OrderEvent::Cancel), [S::AwaitingPayment, S::BeingValidated, S::Confirmed]);
        let customer: Vec<_> = S::ALL.into_iter().filter(|s| s.customer_may_change()).collect();
        assert_eq!(customer, [S::AwaitingPayment, S::BeingValidated]);
        let paid: Vec<_> = S::ALL.into_iter().filter(|s| s.is_paid()).collect();
        assert_eq!(paid, [S::BeingValidated, S::Confirmed, S::PartiallyShipped, S::Shipped, S::Delivered]);
    }

    #[test]
    fn the_happy_path_with_a_partial_shipment() {
        let mut s = OrderStatus::AwaitingPayment;
        for (event, actor, expected) in [
            (OrderEvent::PaymentAuthorised, Actor::Gateway, OrderStatus::BeingValidated),
            (OrderEvent::Validate, Actor::Staff, OrderStatus::Confirmed),
            (OrderEvent::Ship { complete: false }, Actor::Staff, OrderStatus::PartiallyShipped),
            (OrderEvent::Ship { complete: false }, Actor::Staff, OrderStatus::PartiallyShipped),
            (OrderEvent::Ship { complete: true }, Actor::Staff, OrderStatus::Shipped),
            (OrderEvent::MarkDelivered, Actor::Staff, OrderStatus::Delivered),
        ] {
            s = transition(s, event, actor).unwrap();
            assert_eq!(s, expected);
        }
    }

    #[test]
    fn payment_failures_cancel_an_unpaid_order() {
        assert_eq!(
            transition(OrderStatus::AwaitingPayment, OrderEvent::PaymentDeclined, Actor::Gateway),
            Ok(OrderStatus::Cancelled)
        );
        assert_eq!(
            transition(OrderStatus::AwaitingPayment, OrderEvent::PaymentExpired, Actor::System),
            Ok(OrderStatus::Cancelled)
        );
        // A late "authorised" after the order expired changes nothing.
        assert!(transition(OrderStatus::Cancelled, OrderEvent::PaymentAuthorised, Actor::Gateway).is_err());
    }

    #[test]
    fn customers_may_cancel_only_before_confirmation_and_are_told_why() {
        for s in [OrderStatus::AwaitingPayment, OrderStatus::BeingValidated] {
            assert_eq!(transition(s, OrderEvent::Cancel, Actor::Customer), Ok(OrderStatus::Cancelled));
            assert!(s.customer_may_change());
        }
        let refused = transition(OrderStatus::Confirmed, OrderEvent::Cancel, Actor::Customer).unwrap_err();
        assert_eq!(refused, Refusal::TooLateForCustomer(OrderStatus::Confirmed));
        assert!(refused.to_string().contains("can no longer be changed or cancelled"));
        assert_eq!(transition(OrderStatus::Confirmed, OrderEvent::Cancel, Actor::Staff), Ok(OrderStatus::Cancelled));
        assert!(transition(OrderStatus::Shipped, OrderEvent::Cancel, Actor::Staff).is_err());
    }

    #[test]
    fn each_event_has_its_one_kind_of_actor() {
        assert_eq!(
            transition(OrderStatus::AwaitingPayment, OrderEvent::PaymentAuthorised, Actor::Customer),
            Err(Refusal::NotAllowed)
        );
        assert_eq!(
            transition(OrderStatus::BeingValidated, OrderEvent::Validate, Actor::Customer),
            Err(Refusal::NotAllowed)
        );
        assert_eq!(
            transition(OrderStatus::Confirmed, OrderEvent::Ship { complete: true }, Actor::Gateway),
            Err(Refusal::NotAllowed)
        );
        assert_eq!(
            transition(OrderStatus::AwaitingPayment, OrderEvent::PaymentExpired, Actor::Staff),
            Err(Refusal::NotAllowed)
        );
    }

    #[test]
    fn a_stored_entry_reads_back_as_the_event_that_wrote_it() {
        for status in OrderStatus::ALL {
            for event in EVENTS {
                for actor in ACTORS {
                    if let Ok(to) = transition(status, event, actor) {
                        assert_eq!(
                            TimelineKind::of(to, actor, false),
                            TimelineKind::of_event(event, actor),
                            "{status:?} {event:?} {actor:?}"
                        );
                    }
                }
            }
        }
        assert_eq!(TimelineKind::of(OrderStatus::AwaitingPayment, Actor::Customer, true), TimelineKind::Placed);
        // A customer's request leaves the status where it was.
        for status in [OrderStatus::AwaitingPayment, OrderStatus::BeingValidated] {
            assert_eq!(TimelineKind::of(status, Actor::Customer, false), TimelineKind::ChangeRequested);
        }
    }

    #[test]
    fn statuses_are_stored_as_words_and_read_back() {
        for s in OrderStatus::ALL {
            assert_eq!(OrderStatus::parse(s.as_str()), Some(s));
            assert!(!s.label().is_empty() && !s.meaning().is_empty());
        }
        assert_eq!(OrderStatus::parse("Shipped"), None);
    }

    #[test]
    fn final_statuses_accept_nothing() {
        for s in [OrderStatus::Delivered, OrderStatus::Cancelled] {
            for event in EVENTS {
                for actor in ACTORS {
                    assert!(transition(s, event, actor).is_err(), "{s:?} {event:?} {actor:?}");
                }
            }
        }
    }

    fn rank(s: OrderStatus) -> u8 {
        match s {
            OrderStatus::AwaitingPayment => 0,
            OrderStatus::BeingValidated => 1,
            OrderStatus::Confirmed => 2,
            OrderStatus::PartiallyShipped => 3,
            OrderStatus::Shipped => 4,
            OrderStatus::Delivered => 5,
            OrderStatus::Cancelled => 6,
        }
    }

    proptest! {
        /// Whatever happens, in whatever order, by whoever: an order only
        /// moves forward (so a shipped order never returns to awaiting
        /// payment), nothing leaves a final status, and nothing shipped is
        /// cancelled.
        #[test]
        fn orders_only_move_forward(steps in proptest::collection::vec((0usize..8, 0usize..4), 0..40)) {
            let mut status = OrderStatus::AwaitingPayment;
            let mut shipped = false;
            for (e, a) in steps {
                let before = status;
                if let Ok(after) = transition(status, EVENTS[e], ACTORS[a]) {
                    prop_assert!(!before.is_final());
                    prop_assert!(rank(after) > rank(before) || (before == after && after == OrderStatus::PartiallyShipped));
                    prop_assert!(!(shipped && after == OrderStatus::Cancelled));
                    prop_assert!(after != OrderStatus::AwaitingPayment);
                    shipped |= matches!(after, OrderStatus::PartiallyShipped | OrderStatus::Shipped);
                    status = after;
                }
            }
        }
    }
}

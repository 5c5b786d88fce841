//! The order's one state machine (PRODUCT.md §6): its statuses, the events
//! that move it, who may cause each, and nothing else. Every other part of
//! the shop asks [`transition`] before it changes an order's status.

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

    /// The name customers and staff see.
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

    /// What the status means, for the order page.
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

/// Why an event cannot happen to an order, said to whoever asked.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error(
        "Your order is {0}: it can no longer be changed or cancelled. Once it is delivered, you may return it within the return period."
    )]
    TooLateForCustomer(&'static str),
    #[error("Only the house may do this.")]
    NotAllowed,
    #[error("An order that is {0} cannot be {1}.")]
    Impossible(&'static str, &'static str),
}

fn event_words(event: OrderEvent) -> &'static str {
    match event {
        OrderEvent::PaymentAuthorised => "paid",
        OrderEvent::PaymentDeclined => "declined",
        OrderEvent::PaymentExpired => "expired",
        OrderEvent::Validate => "validated",
        OrderEvent::Ship { .. } => "shipped",
        OrderEvent::MarkDelivered => "marked delivered",
        OrderEvent::Cancel => "cancelled",
    }
}

/// The status an order moves to when `actor` causes `event`, or why it cannot.
pub fn transition(status: OrderStatus, event: OrderEvent, actor: Actor) -> Result<OrderStatus, Refusal> {
    use Actor as A;
    use OrderEvent as E;
    use OrderStatus as S;
    let impossible = || Refusal::Impossible(status.label(), event_words(event));
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
        (_, E::Cancel) if actor == A::Customer => Err(Refusal::TooLateForCustomer(status.label())),
        _ => Err(impossible()),
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
        assert_eq!(refused, Refusal::TooLateForCustomer("Confirmed"));
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

//! Money given back (PRODUCT.md §7): what a payment allows to refund, why a
//! refund is made, and where it stands. The rule every refund obeys: across
//! all the refunds of an order, never more than the gateway captured. The
//! database holds the same guard (`order_payments`), so two staff members
//! or a double click cannot pass it between a read and a write.

use super::money::Money;
use serde::{Deserialize, Serialize};

/// What a paid order's payment holds: what the gateway captured and how
/// much of it has been (or is being) given back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentBalance {
    captured: Money,
    refunded: Money,
}

/// Why a refund cannot be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RefundRefusal {
    #[error("A refund must be more than nothing.")]
    NotPositive,
    #[error("Only {0} of this payment is left to refund.")]
    MoreThanLeft(Money),
}

impl PaymentBalance {
    /// A payment as stored; `None` if the stored amounts break the rule.
    pub fn new(captured: Money, refunded: Money) -> Option<PaymentBalance> {
        (refunded.cents() >= 0 && refunded <= captured).then_some(PaymentBalance { captured, refunded })
    }

    /// A payment just captured, nothing given back yet.
    pub fn captured(captured: Money) -> PaymentBalance {
        PaymentBalance { captured, refunded: Money::ZERO }
    }

    pub fn captured_amount(self) -> Money {
        self.captured
    }

    pub fn refunded(self) -> Money {
        self.refunded
    }

    /// What can still be given back.
    pub fn left(self) -> Money {
        self.captured.less(self.refunded)
    }

    /// The balance once `amount` is given back, or why it cannot be.
    pub fn refund(self, amount: Money) -> Result<PaymentBalance, RefundRefusal> {
        if amount.cents() <= 0 {
            return Err(RefundRefusal::NotPositive);
        }
        if amount > self.left() {
            return Err(RefundRefusal::MoreThanLeft(self.left()));
        }
        Ok(PaymentBalance { captured: self.captured, refunded: self.refunded.plus(amount) })
    }

    /// The balance once a refund the gateway refused is given up: the
    /// amount can be refunded again.
    pub fn refund_failed(self, amount: Money) -> PaymentBalance {
        PaymentBalance { captured: self.captured, refunded: self.refunded.less(amount) }
    }
}

/// Why money goes back; pages and emails say each in their reader's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum RefundReason {
    /// A paid order cancelled, by the customer (before Confirmed) or the house.
    OrderCancelled,
    /// The bank authorised a payment after its order had expired or been cancelled.
    LatePayment,
    /// Pieces sent back and accepted.
    Return,
}

/// Where a refund stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum RefundState {
    /// Asked of the gateway; its answer has not come yet.
    Pending,
    /// The gateway gave the money back: it reaches the customer's account
    /// within 5–10 business days.
    Refunded,
    /// The gateway refused it: the amount can be refunded again, and staff see it.
    Failed,
}

/// A refund's entries in its order's timeline: asked for, then made or failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum RefundStep {
    Issued,
    Refunded,
    Failed,
}

impl RefundStep {
    /// How it is stored.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The step a settled refund's state writes.
    pub fn settled(state: RefundState) -> Option<RefundStep> {
        match state {
            RefundState::Pending => None,
            RefundState::Refunded => Some(RefundStep::Refunded),
            RefundState::Failed => Some(RefundStep::Failed),
        }
    }
}

impl RefundState {
    /// How it is stored.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

impl RefundReason {
    /// How it is stored.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn euros(n: i64) -> Money {
        Money::from_euros(n).unwrap()
    }

    #[test]
    fn a_full_refund_leaves_nothing() {
        let paid = PaymentBalance::captured(euros(1_250));
        let after = paid.refund(euros(1_250)).unwrap();
        assert_eq!(after.left(), Money::ZERO);
        assert_eq!(after.refund(Money::from_cents(1)), Err(RefundRefusal::MoreThanLeft(Money::ZERO)));
    }

    #[test]
    fn partial_refunds_add_up_to_the_capture_and_no_more() {
        let paid = PaymentBalance::captured(euros(300));
        let once = paid.refund(euros(100)).unwrap();
        let twice = once.refund(euros(150)).unwrap();
        assert_eq!(twice.left(), euros(50));
        assert_eq!(twice.refund(euros(51)), Err(RefundRefusal::MoreThanLeft(euros(50))));
        assert_eq!(twice.refund(Money::ZERO), Err(RefundRefusal::NotPositive));
        assert_eq!(twice.refund(Money::from_cents(-5)), Err(RefundRefusal::NotPositive));
        assert!(RefundRefusal::MoreThanLeft(euros(50)).to_string().contains("€50.00"));
    }

    #[test]
    fn a_failed_refund_can_be_made_again() {
        let paid = PaymentBalance::captured(euros(80));
        let asked = paid.refund(euros(80)).unwrap();
        let failed = asked.refund_failed(euros(80));
        assert_eq!(failed, paid);
        assert!(failed.refund(euros(80)).is_ok());
    }

    #[test]
    fn stored_amounts_that_break_the_rule_are_refused() {
        assert!(PaymentBalance::new(euros(10), euros(11)).is_none());
        assert!(PaymentBalance::new(euros(10), Money::from_cents(-1)).is_none());
        assert_eq!(PaymentBalance::new(euros(10), euros(4)).map(PaymentBalance::left), Some(euros(6)));
    }

    #[test]
    fn reasons_and_states_are_stored_as_words() {
        use std::str::FromStr;
        for reason in [RefundReason::OrderCancelled, RefundReason::LatePayment, RefundReason::Return] {
            assert_eq!(RefundReason::from_str(reason.as_str()), Ok(reason));
        }
        assert_eq!(RefundReason::OrderCancelled.as_str(), "order_cancelled");
        for state in [RefundState::Pending, RefundState::Refunded, RefundState::Failed] {
            assert_eq!(RefundState::from_str(state.as_str()), Ok(state));
        }
        for step in [RefundStep::Issued, RefundStep::Refunded, RefundStep::Failed] {
            assert_eq!(RefundStep::from_str(step.as_str()), Ok(step));
        }
        assert_eq!(RefundStep::settled(RefundState::Pending), None);
    }

    proptest! {
        /// Whatever refunds are asked for, in whatever order, the ones
        /// accepted never add up to more than the capture, and each refusal
        /// says how much was left.
        #[test]
        fn accepted_refunds_never_exceed_the_capture(
            captured in 0i64..5_000_000,
            asks in proptest::collection::vec(-1_000i64..2_000_000, 0..20),
            failures in proptest::collection::vec(any::<bool>(), 20),
        ) {
            let mut balance = PaymentBalance::captured(Money::from_cents(captured));
            let mut given = 0i64;
            for (ask, fails) in asks.into_iter().zip(failures) {
                match balance.refund(Money::from_cents(ask)) {
                    Ok(next) => {
                        prop_assert!(ask > 0);
                        if fails {
                            // The gateway refused: nothing was given.
                            balance = next.refund_failed(Money::from_cents(ask));
                        } else {
                            balance = next;
                            given += ask;
                        }
                    }
                    Err(RefundRefusal::NotPositive) => prop_assert!(ask <= 0),
                    Err(RefundRefusal::MoreThanLeft(left)) => {
                        prop_assert_eq!(left.cents(), captured - given);
                        prop_assert!(ask > left.cents());
                    }
                }
                prop_assert_eq!(balance.refunded().cents(), given);
                prop_assert!(given <= captured);
                prop_assert_eq!(balance.left().cents(), captured - given);
            }
        }
    }
}

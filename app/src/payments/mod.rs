//! Payments (PRODUCT.md §5): the gateway interface the checkout talks to,
//! the built-in sandbox gateway, the signatures on its callbacks, and the
//! shop's own keys. Server only. The shop never sees a card number: the
//! shopper types it on the gateway's page, and the shop hears only the outcome.

pub mod keys;
pub mod sandbox;
pub mod signature;

use crate::domain::{checkout::OrderRef, money::Money};
use serde::{Deserialize, Serialize};

/// What the shop asks a gateway for. A gateway opens one payment per
/// order: asked again for the same order, it answers with that payment.
#[derive(Clone, Debug)]
pub struct PaymentRequest {
    pub order: OrderRef,
    pub amount: Money,
    /// Where the gateway sends the shopper back, whatever the outcome.
    pub return_url: String,
}

/// A payment the gateway opened: its id, and the page where the shopper pays.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaymentStart {
    pub payment_ref: String,
    pub redirect_url: String,
}

/// A refund the shop asks a gateway for: part or all of a captured payment.
#[derive(Clone, Debug)]
pub struct RefundRequest<'a> {
    /// The shop's key for this refund: the same key twice is one refund.
    pub key: &'a str,
    /// The gateway's id of the payment to refund.
    pub payment_ref: &'a str,
    pub amount: Money,
}

/// A refund the gateway accepted: its id. The outcome comes later, by callback.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefundStart {
    pub refund_ref: String,
}

/// Why a gateway did not take a request.
#[derive(Debug, thiserror::Error)]
pub enum GatewayError {
    /// The gateway answered no (an unknown payment, an amount it will not
    /// take): asking again will not change it.
    #[error("the gateway refused the request: {0}")]
    Refused(String),
    /// The gateway could not be reached or failed: ask again later.
    #[error("the gateway could not be reached: {0}")]
    Unavailable(String),
}

/// What the shop needs of a card processor: open a payment (the shopper is
/// sent to the processor's page), refund a captured payment in part or in
/// full, and read its callbacks, checking that they are the processor's
/// own. The sandbox is the one built in; a real processor's adapter
/// implements the same three calls.
pub trait PaymentGateway {
    /// Opens a payment for an order.
    fn start(
        &self,
        db: &crate::store::Db,
        request: &PaymentRequest,
        now: i64,
    ) -> impl std::future::Future<Output = Result<PaymentStart, sqlx::Error>> + Send;

    /// Asks for a refund. Idempotent by `request.key`: asking again returns
    /// the refund already made. Its outcome arrives by callback
    /// ([`PaymentOutcome::Refunded`] or [`PaymentOutcome::RefundFailed`]).
    fn refund(
        &self,
        db: &crate::store::Db,
        request: &RefundRequest<'_>,
        now: i64,
    ) -> impl std::future::Future<Output = Result<RefundStart, GatewayError>> + Send;

    /// Checks a callback's signature and reads its event.
    fn read_callback(&self, signature: Option<&str>, body: &[u8], now: i64) -> Result<PaymentEvent, CallbackRefusal>;
}

/// Why a callback was refused before it touched an order.
#[derive(Debug, thiserror::Error)]
pub enum CallbackRefusal {
    #[error("signature: {0}")]
    Signature(#[from] signature::SignatureRefusal),
    #[error("the body is not a payment event: {0}")]
    Body(String),
}

/// What a callback says happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentOutcome {
    Authorised,
    Declined,
    /// A refund was made: the money is on its way back to the card.
    Refunded,
    /// A refund could not be made.
    RefundFailed,
}

impl PaymentOutcome {
    /// Whether the event is about a refund rather than a payment.
    pub fn is_refund(self) -> bool {
        matches!(self, PaymentOutcome::Refunded | PaymentOutcome::RefundFailed)
    }
}

/// A callback's body, once its signature has been checked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PaymentEvent {
    /// Unique per event: the same id twice is a replay.
    pub event_id: String,
    pub order: String,
    pub payment: String,
    pub outcome: PaymentOutcome,
    /// The payment's amount, or for a refund the refund's.
    pub amount_cents: i64,
    /// For a refund, the shop's key for it (the gateway's reference to the
    /// shop's request, as processors echo a merchant reference).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund: Option<String>,
}

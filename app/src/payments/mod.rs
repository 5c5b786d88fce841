//! Payments (PRODUCT.md §5): the gateway interface the checkout talks to,
//! the built-in sandbox gateway, the signatures on its callbacks, and the
//! shop's own keys. Server only. The shop never sees a card number: the
//! shopper types it on the gateway's page, and the shop hears only the outcome.

pub mod keys;
pub mod sandbox;
pub mod signature;

use crate::domain::{checkout::OrderRef, money::Money};
use serde::{Deserialize, Serialize};

/// What the shop asks a gateway for.
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

/// What the shop needs of a card processor: open a payment (the shopper is
/// sent to the processor's page) and read its callbacks, checking that they
/// are the processor's own. The sandbox is the one built in; a real
/// processor's adapter implements the same two calls.
pub trait PaymentGateway {
    /// Opens a payment for an order.
    fn start(
        &self,
        db: &crate::store::Db,
        request: &PaymentRequest,
        now: i64,
    ) -> impl std::future::Future<Output = Result<PaymentStart, sqlx::Error>> + Send;

    /// Checks a callback's signature and reads its event.
    fn read_callback(
        &self,
        signature: Option<&str>,
        body: &[u8],
        now: i64,
    ) -> Result<PaymentEvent, sandbox::CallbackRefusal>;
}

/// What a callback says happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentOutcome {
    Authorised,
    Declined,
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
    pub amount_cents: i64,
}

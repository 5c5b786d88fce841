//! The built-in sandbox gateway: a card processor's test mode. It opens a
//! payment with its own hosted page (served by the server under
//! `/sandbox-gateway/`, apart from the shop's pages), decides the outcome
//! from the test card typed there, and reports it to the shop later, as a
//! signed callback, from a background worker.

use super::{
    signature, CallbackRefusal, GatewayError, PaymentEvent, PaymentGateway, PaymentRequest, PaymentStart,
    RefundRequest, RefundStart,
};
use crate::auth::token::Token;
use crate::store::{sandbox_payments, Db};

/// Where the sandbox's pages live.
pub const PAGE_PREFIX: &str = "/sandbox-gateway/pay/";
/// Where the shop receives the sandbox's callbacks.
pub const CALLBACK_PATH: &str = "/payments/sandbox/callback";

/// How long the sandbox takes to report a refund's outcome, as a
/// processor's test mode answers a little later.
pub const REFUND_CALLBACK_SECONDS: i64 = 1;

/// The sandbox, holding the secret it signs its callbacks with.
pub struct Sandbox<'a> {
    pub secret: &'a [u8],
}

impl PaymentGateway for Sandbox<'_> {
    /// Opens a payment: the shopper is sent to its page.
    async fn start(&self, db: &Db, request: &PaymentRequest, now: i64) -> Result<PaymentStart, sqlx::Error> {
        let new_id = format!("pay_{}", Token::generate().as_str());
        let id = sandbox_payments::open(
            db,
            &new_id,
            request.order.as_str(),
            request.amount.cents(),
            &request.return_url,
            now,
        )
        .await?;
        Ok(PaymentStart { redirect_url: format!("{PAGE_PREFIX}{id}"), payment_ref: id })
    }

    /// Refunds a payment it authorised, within what is left of it; any
    /// other refund is made as failed, and its callback says so.
    async fn refund(&self, db: &Db, request: &RefundRequest<'_>, now: i64) -> Result<RefundStart, GatewayError> {
        let id = format!("re_{}", Token::generate().as_str());
        let made = sandbox_payments::open_refund(
            db,
            &id,
            request.key,
            request.payment_ref,
            request.amount.cents(),
            now,
            now + REFUND_CALLBACK_SECONDS,
        )
        .await
        .map_err(|e| GatewayError::Unavailable(e.to_string()))?;
        match made {
            Some(refund) => Ok(RefundStart { refund_ref: refund.id }),
            None => Err(GatewayError::Refused(format!("no payment {} to refund", request.payment_ref))),
        }
    }

    fn read_callback(&self, header: Option<&str>, body: &[u8], now: i64) -> Result<PaymentEvent, CallbackRefusal> {
        signature::verify(self.secret, header.ok_or(signature::SignatureRefusal::Malformed)?, body, now)?;
        serde_json::from_slice(body).map_err(|e| CallbackRefusal::Body(e.to_string()))
    }
}

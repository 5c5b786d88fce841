//! Money given back (PRODUCT.md §7), as the shop does it: a refund is asked
//! for inside the transaction of the change that causes it (a paid order
//! cancelled, a payment authorised too late, a return accepted), with its
//! entry in the order's timeline; a worker sends it to the gateway once
//! that change has committed; the gateway's signed callback settles it,
//! writes the outcome in the timeline and emails the customer. Server only.

use crate::config::SiteConfig;
use crate::domain::{
    account::Email,
    money::Money,
    order_status::{Actor, OrderStatus, TimelineKind},
    refund::{RefundReason, RefundRefusal, RefundState, RefundStep},
};
use crate::payments::keys::Keys;
use crate::store::{
    orders::{self, OrderHead},
    outbox,
    refunds::{self, NewRefund, Requested, StoredRefund},
};
use sqlx::AnyConnection;

/// Asks for a refund of `refund.amount` and writes its entry in the
/// timeline (the order's status, `status`, does not move). The same key
/// again is the same refund and writes nothing.
pub async fn issue(
    tx: &mut AnyConnection,
    order: &OrderHead,
    status: OrderStatus,
    actor: Actor,
    refund: &NewRefund<'_>,
    now: i64,
) -> Result<Result<Requested, RefundRefusal>, sqlx::Error> {
    let requested = refunds::request(tx, refund, now).await?;
    if let Ok(Requested::New(id)) = requested {
        orders::add_refund_event(tx, order.id, status, actor, id, RefundStep::Issued, now).await?;
        tracing::info!(order = %order.reference, amount = %refund.amount, reason = refund.reason.as_str(), "refund issued");
    }
    Ok(requested)
}

/// Refunds all that is left of an order's payment, under `key`: what a
/// cancellation or a late payment gives back. The timeline entry it wrote,
/// or `None` when nothing was captured or all of it is already refunded.
pub async fn issue_in_full(
    tx: &mut AnyConnection,
    order: &OrderHead,
    status: OrderStatus,
    reason: RefundReason,
    key: &str,
    now: i64,
) -> Result<Option<TimelineKind>, sqlx::Error> {
    let Some(balance) = refunds::balance(tx, order.id).await? else {
        return Ok(None);
    };
    let amount = balance.left();
    if amount == Money::ZERO {
        return Ok(None);
    }
    let refund = NewRefund { order_id: order.id, key, amount, reason };
    Ok(match issue(tx, order, status, Actor::System, &refund, now).await? {
        Ok(Requested::New(_)) => Some(TimelineKind::RefundIssued { reason, amount }),
        Ok(Requested::Already(_)) | Err(_) => None,
    })
}

/// Records the gateway's answer about a refund, once: `false` if it was
/// already settled (a replay). A refund made writes its timeline entry and
/// emails the customer, in their language, when it will arrive; a failed
/// one writes its entry, gives its amount back to what can be refunded, and
/// is logged for staff (the customer's page says client service is on it).
pub async fn settle(
    tx: &mut AnyConnection,
    keys: &Keys,
    site: &SiteConfig,
    order: &OrderHead,
    refund: &StoredRefund,
    state: RefundState,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let Some(step) = RefundStep::settled(state) else {
        return Ok(false);
    };
    if !refunds::settle(tx, refund, state, now).await? {
        return Ok(false);
    }
    orders::add_refund_event(tx, order.id, order.status, Actor::Gateway, refund.id, step, now).await?;
    if state == RefundState::Failed {
        tracing::error!(order = %order.reference, amount = %refund.amount, "the gateway could not make a refund: staff must take it up");
        return Ok(true);
    }
    tracing::info!(order = %order.reference, amount = %refund.amount, "refund made");
    if let Ok(to) = Email::parse(&order.email) {
        let locale = order.locale;
        let said = locale.order_timeline_says(TimelineKind::Refunded { amount: refund.amount }, "", None);
        let path = keys.order_path(&order.reference);
        let email = crate::emails::refund_made(locale, &to, order.reference.as_str(), &said, site, &path);
        outbox::enqueue(tx, &email, now).await?;
    }
    Ok(true)
}

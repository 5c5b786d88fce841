//! `POST /payments/sandbox/callback`: the gateway tells the shop how a
//! payment went. The signature (HMAC-SHA256 over the timestamp and the body)
//! is checked first, then the timestamp's age, the order, the amount, and
//! whether this event was already applied. Any refusal is a 4xx, logged,
//! and changes nothing: the event's record and the order's move share one
//! transaction. The same holds for a refund's outcome, which settles the
//! refund the event names.

use app::config::SiteConfig;
use app::domain::{
    checkout::OrderRef,
    money::Money,
    order_status::{Actor, OrderEvent, OrderStatus},
    refund::{RefundReason, RefundState},
};
use app::lifecycle::{apply, Change, NotMoved};
use app::payments::{
    keys::{Keys, ShopKeys},
    sandbox::Sandbox,
    signature, CallbackRefusal, PaymentEvent, PaymentGateway, PaymentOutcome,
};
use app::store::{orders, orders::OrderHead, outbox, refunds, unix_now, Db};
use axum::{
    body::Bytes,
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Response},
    Extension,
};

fn refuse(status: StatusCode, why: &str) -> Response {
    tracing::warn!(status = status.as_u16(), why, "payment callback refused");
    (status, why.to_owned()).into_response()
}

fn failed(error: sqlx::Error) -> Response {
    tracing::error!(%error, "payment callback: database error");
    (StatusCode::INTERNAL_SERVER_ERROR, "try again").into_response()
}

pub async fn receive(
    Extension(db): Extension<Db>,
    Extension(site): Extension<SiteConfig>,
    Extension(keys): Extension<ShopKeys>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let now = unix_now();
    let keys = match keys.get(&db).await {
        Ok(keys) => keys.clone(),
        Err(error) => return failed(error),
    };
    let header = headers.get(signature::HEADER).and_then(|v| v.to_str().ok());
    let gateway = Sandbox { secret: &keys.sandbox_callbacks };
    let event = match gateway.read_callback(header, &body, now) {
        Ok(event) => event,
        Err(CallbackRefusal::Signature(signature::SignatureRefusal::Stale)) => {
            return refuse(StatusCode::BAD_REQUEST, "the timestamp is too old or too far ahead")
        }
        Err(CallbackRefusal::Signature(_)) => return refuse(StatusCode::UNAUTHORIZED, "bad signature"),
        Err(CallbackRefusal::Body(_)) => return refuse(StatusCode::BAD_REQUEST, "not a payment event"),
    };
    let Some(reference) = OrderRef::parse(&event.order) else {
        return refuse(StatusCode::NOT_FOUND, "unknown order");
    };
    let order = match orders::by_reference(&db, &reference).await {
        Ok(Some(order)) => order,
        Ok(None) => return refuse(StatusCode::NOT_FOUND, "unknown order"),
        Err(error) => return failed(error),
    };
    if order.payment_ref.as_deref() != Some(event.payment.as_str()) {
        return refuse(StatusCode::UNPROCESSABLE_ENTITY, "the payment does not match the order");
    }
    let outcome = if event.outcome.is_refund() {
        refund_settled(&db, &keys, &site, &order, &event, now).await
    } else {
        payment_decided(&db, &keys, &site, &order, &event, now).await
    };
    outcome.unwrap_or_else(failed)
}

/// A payment authorised or declined: the order moves. An authorisation
/// that comes after the order expired or was cancelled is refunded in
/// full, in the same transaction: money taken is never kept for nothing.
async fn payment_decided(
    db: &Db,
    keys: &Keys,
    site: &SiteConfig,
    order: &OrderHead,
    event: &PaymentEvent,
    now: i64,
) -> Result<Response, sqlx::Error> {
    if order.totals.total.cents() != event.amount_cents {
        return Ok(refuse(StatusCode::UNPROCESSABLE_ENTITY, "the amount does not match the order"));
    }
    let order_event = match event.outcome {
        PaymentOutcome::Authorised => OrderEvent::PaymentAuthorised,
        _ => OrderEvent::PaymentDeclined,
    };
    let authorised = event.outcome == PaymentOutcome::Authorised;
    // The timeline says what the gateway's entry records in its reader's language: no note.
    let change = Change { event: order_event, actor: Actor::Gateway, note: String::new(), shipment: None, staff: None };
    let mut tx = db.begin_write().await?;
    // The event's record comes first: a replay stops here.
    if !orders::record_callback(&mut tx, &event.event_id, order.id, now).await? {
        tx.rollback().await?;
        return Ok(refuse(StatusCode::CONFLICT, "this event was already received"));
    }
    if authorised {
        refunds::record_capture(&mut tx, order.id, &event.payment, Money::from_cents(event.amount_cents), now).await?;
    }
    match apply(&mut tx, keys, site, order, &change, now).await? {
        Ok(status) => {
            tx.commit().await?;
            tracing::info!(order = %order.reference, status = status.as_str(), "payment callback applied");
            Ok((StatusCode::OK, "ok").into_response())
        }
        Err(NotMoved::Raced) => {
            tx.rollback().await?;
            Ok((StatusCode::SERVICE_UNAVAILABLE, "try again").into_response())
        }
        Err(NotMoved::Refused(_)) if authorised && order.status == OrderStatus::Cancelled => {
            let key = format!("late-{}", event.event_id);
            let issued = app::refunds::issue_in_full(
                &mut tx,
                order,
                OrderStatus::Cancelled,
                RefundReason::LatePayment,
                &key,
                now,
            )
            .await?;
            if let Some(kind) = issued {
                tell_customer(&mut tx, keys, site, order, kind, now).await?;
            }
            tx.commit().await?;
            tracing::warn!(order = %order.reference, "a payment was authorised for a cancelled order: refunded in full");
            Ok((StatusCode::OK, "refunded: the order was cancelled").into_response())
        }
        Err(NotMoved::Refused(_)) => {
            tx.rollback().await?;
            Ok(refuse(StatusCode::CONFLICT, "the order is no longer awaiting payment"))
        }
    }
}

/// Emails the customer what a refund's timeline entry says.
async fn tell_customer(
    tx: &mut sqlx::AnyConnection,
    keys: &Keys,
    site: &SiteConfig,
    order: &OrderHead,
    kind: app::domain::order_status::TimelineKind,
    now: i64,
) -> Result<(), sqlx::Error> {
    if let Ok(to) = app::domain::account::Email::parse(&order.email) {
        let locale = order.locale;
        let said = locale.order_timeline_says(kind, "", None);
        let path = keys.order_path(&order.reference);
        let email = app::emails::refund_issued(locale, &to, order.reference.as_str(), &said, site, &path);
        outbox::enqueue(tx, &email, now).await?;
    }
    Ok(())
}

/// A refund made or failed: settled once, for the refund the event names,
/// on the order and for the amount the shop asked.
async fn refund_settled(
    db: &Db,
    keys: &Keys,
    site: &SiteConfig,
    order: &OrderHead,
    event: &PaymentEvent,
    now: i64,
) -> Result<Response, sqlx::Error> {
    let Some(key) = event.refund.as_deref() else {
        return Ok(refuse(StatusCode::BAD_REQUEST, "a refund event names its refund"));
    };
    let state = match event.outcome {
        PaymentOutcome::Refunded => RefundState::Refunded,
        _ => RefundState::Failed,
    };
    let mut tx = db.begin_write().await?;
    let refund = refunds::by_key(&mut tx, key).await?;
    let Some(refund) = refund.filter(|r| r.order_id == order.id && r.amount.cents() == event.amount_cents) else {
        tx.rollback().await?;
        return Ok(refuse(StatusCode::UNPROCESSABLE_ENTITY, "no such refund on this order for this amount"));
    };
    if !orders::record_callback(&mut tx, &event.event_id, order.id, now).await? {
        tx.rollback().await?;
        return Ok(refuse(StatusCode::CONFLICT, "this event was already received"));
    }
    if !app::refunds::settle(&mut tx, keys, site, order, &refund, state, now).await? {
        tx.rollback().await?;
        return Ok(refuse(StatusCode::CONFLICT, "this refund is already settled"));
    }
    tx.commit().await?;
    Ok((StatusCode::OK, "ok").into_response())
}

//! `POST /payments/sandbox/callback`: the gateway tells the shop how a
//! payment went. The signature (HMAC-SHA256 over the timestamp and the body)
//! is checked first, then the timestamp's age, the order, the amount, and
//! whether this event was already applied. Any refusal is a 4xx, logged,
//! and changes nothing: the event's record and the order's move share one
//! transaction.

use app::config::SiteConfig;
use app::domain::{
    checkout::OrderRef,
    order_status::{Actor, OrderEvent, OrderStatus},
};
use app::lifecycle::{apply, Change, NotMoved};
use app::payments::{
    keys::ShopKeys,
    sandbox::{self, Sandbox},
    signature, PaymentGateway, PaymentOutcome,
};
use app::store::{orders, unix_now, Db};
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
        Err(sandbox::CallbackRefusal::Signature(signature::SignatureRefusal::Stale)) => {
            return refuse(StatusCode::BAD_REQUEST, "the timestamp is too old or too far ahead")
        }
        Err(sandbox::CallbackRefusal::Signature(_)) => return refuse(StatusCode::UNAUTHORIZED, "bad signature"),
        Err(sandbox::CallbackRefusal::Body(_)) => return refuse(StatusCode::BAD_REQUEST, "not a payment event"),
    };
    let Some(reference) = OrderRef::parse(&event.order) else {
        return refuse(StatusCode::NOT_FOUND, "unknown order");
    };
    let order = match orders::by_reference(&db, &reference).await {
        Ok(Some(order)) => order,
        Ok(None) => return refuse(StatusCode::NOT_FOUND, "unknown order"),
        Err(error) => return failed(error),
    };
    if order.payment_ref.as_deref() != Some(event.payment.as_str()) || order.totals.total.cents() != event.amount_cents
    {
        return refuse(StatusCode::UNPROCESSABLE_ENTITY, "the payment or amount does not match the order");
    }
    let order_event = match event.outcome {
        PaymentOutcome::Authorised => OrderEvent::PaymentAuthorised,
        PaymentOutcome::Declined => OrderEvent::PaymentDeclined,
    };
    // The timeline says what the gateway's entry records in its reader's language: no note.
    let change = Change { event: order_event, actor: Actor::Gateway, note: String::new(), shipment: None, staff: None };
    let outcome = async {
        let mut tx = db.begin_write().await?;
        // The event's record comes first: a replay stops here.
        if !orders::record_callback(&mut tx, &event.event_id, order.id, now).await? {
            tx.rollback().await?;
            return Ok::<_, sqlx::Error>(Err(None));
        }
        match apply(&mut tx, &keys, &site, &order, &change, now).await? {
            Ok(status) => {
                tx.commit().await?;
                Ok(Ok(status))
            }
            Err(not_moved) => {
                tx.rollback().await?;
                Ok(Err(Some(not_moved)))
            }
        }
    }
    .await;
    match outcome {
        Ok(Ok(status)) => {
            tracing::info!(order = %order.reference, status = status.as_str(), "payment callback applied");
            (StatusCode::OK, "ok").into_response()
        }
        Ok(Err(None)) => refuse(StatusCode::CONFLICT, "this event was already received"),
        Ok(Err(Some(NotMoved::Raced))) => (StatusCode::SERVICE_UNAVAILABLE, "try again").into_response(),
        Ok(Err(Some(NotMoved::Refused(_)))) => {
            // An authorisation for an order that expired meanwhile: the money must go back.
            if order.status == OrderStatus::Cancelled && event.outcome == PaymentOutcome::Authorised {
                tracing::error!(order = %order.reference, "a payment was authorised for a cancelled order: refund it");
            }
            refuse(StatusCode::CONFLICT, "the order is no longer awaiting payment")
        }
        Err(error) => failed(error),
    }
}

//! The back office for orders (PRODUCT.md §9): every function here starts
//! by checking the staff role, and every action goes through the order's
//! state machine, its timeline and the audit log.

use super::orders::{OrderSummary, OrderView};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

/// An entry of the audit log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditView {
    pub at: String,
    pub staff: String,
    pub action: String,
    pub detail: String,
}

/// An order as staff see it: the customer's view and the audit log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffOrderView {
    pub order: OrderView,
    pub audit: Vec<AuditView>,
    /// Whether cancelling a paid order (a refund) would ask for the password again now.
    pub password_needed: bool,
}

/// One line of a shipment staff prepare.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShipLine {
    pub line: i64,
    pub quantity: u32,
}

/// Orders, newest first, optionally of one status (`awaiting_payment`, `confirmed`…).
#[server(endpoint = "staff/orders")]
pub async fn staff_orders(status: Option<String>) -> Result<Vec<OrderSummary>, AppError> {
    use crate::domain::order_status::OrderStatus;
    use crate::store::{orders, unix_now};
    let (db, site) = super::context()?;
    super::session::require_staff(&db, &site, unix_now()).await?;
    let status = match status.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(raw) => {
            let t = crate::i18n::use_locale();
            Some(OrderStatus::parse(raw).ok_or_else(|| super::bad_request(t.order_not_a_status(raw)))?)
        }
    };
    let rows = orders::list(&db, status, 500).await?;
    Ok(rows.into_iter().map(super::orders::access::summary).collect())
}

/// One order, with its audit log.
#[server(endpoint = "staff/order")]
pub async fn staff_order(reference: String) -> Result<StaffOrderView, AppError> {
    use crate::store::{audit, unix_now};
    let (db, site) = super::context()?;
    let now = unix_now();
    let me = super::session::require_staff(&db, &site, now).await?;
    let order = action::find(&db, &reference).await?;
    let audit = audit::of_order(&db, order.id).await?;
    let t = crate::i18n::use_locale();
    Ok(StaffOrderView {
        password_needed: super::session::password_needed(&me, now),
        order: super::orders::access::view(&db, &order, None).await?,
        audit: audit
            .into_iter()
            .map(|a| AuditView {
                at: super::orders::access::paris(a.at),
                staff: a.staff_email,
                action: t.audit_action(a.action).to_owned(),
                detail: if a.before.is_empty() && a.after.is_empty() {
                    a.detail
                } else {
                    format!("{} → {}. {}", a.before, a.after, a.detail).trim().to_owned()
                },
            })
            .collect(),
    })
}

/// Validates a paid order: Being validated → Confirmed.
#[server(endpoint = "staff/validate")]
pub async fn staff_validate(reference: String) -> Result<(), AppError> {
    use crate::domain::order_status::OrderEvent;
    action::act(&reference, OrderEvent::Validate, String::new(), None).await
}

/// Hands all or some lines to a carrier: Partially shipped, or Shipped when nothing is left.
#[server(endpoint = "staff/ship", input = Json)]
pub async fn staff_ship(
    reference: String,
    carrier: String,
    tracking_number: String,
    lines: Vec<ShipLine>,
) -> Result<(), AppError> {
    use crate::domain::{
        checkout::{plan_shipment, Carrier, ShippableLine, TrackingNumber},
        order_status::OrderEvent,
    };
    use crate::lifecycle::Shipment;
    use crate::store::{orders, unix_now};
    let (db, site) = super::context()?;
    super::session::require_staff(&db, &site, unix_now()).await?;
    let t = crate::i18n::use_locale();
    let refused =
        |problem: crate::domain::checkout::ShipmentProblem| super::bad_request(t.order_shipment_problem(&problem));
    let carrier = Carrier::parse(&carrier).map_err(refused)?;
    let tracking = TrackingNumber::parse(&tracking_number).map_err(refused)?;
    let order = action::find(&db, &reference).await?;
    let stored = orders::lines(&db, order.id, t).await?;
    let shippable: Vec<ShippableLine> =
        stored.iter().map(|l| ShippableLine { id: l.id, quantity: l.quantity, shipped: l.shipped }).collect();
    let asked: Vec<(i64, u32)> = lines.iter().map(|l| (l.line, l.quantity)).collect();
    let complete = plan_shipment(&shippable, &asked).map_err(refused)?;
    let shipment = Shipment { carrier, tracking, lines: asked };
    action::act(&reference, OrderEvent::Ship { complete }, String::new(), Some(shipment)).await
}

/// Marks a shipped order delivered.
#[server(endpoint = "staff/deliver")]
pub async fn staff_deliver(reference: String) -> Result<(), AppError> {
    use crate::domain::order_status::OrderEvent;
    action::act(&reference, OrderEvent::MarkDelivered, String::new(), None).await
}

/// Cancels an order (up to Confirmed), giving its stock back; the reason is
/// told to the customer. A paid order is refunded in full: money leaves the
/// house, so the password is asked again if it was typed more than 15
/// minutes ago (`password`).
#[server(endpoint = "staff/cancel")]
pub async fn staff_cancel(reference: String, reason: String, password: Option<String>) -> Result<(), AppError> {
    use crate::domain::order_status::{OrderEvent, OrderStatus};
    use crate::store::unix_now;
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > 500 {
        return Err(super::bad_request(crate::i18n::use_locale().order_cancel_reason_needed()));
    }
    let (db, site) = super::context()?;
    let now = unix_now();
    let me = super::session::require_staff(&db, &site, now).await?;
    if action::find(&db, &reference).await?.status != OrderStatus::AwaitingPayment {
        super::session::require_recent_password(&db, &me, password, now).await?;
    }
    // Kept as staff wrote it: the page says "Cancelled by the house" in its reader's language.
    action::act(&reference, OrderEvent::Cancel, reason.to_owned(), None).await
}

#[cfg(feature = "ssr")]
mod action {
    use super::*;
    use crate::domain::{
        checkout::OrderRef,
        order_status::{Actor, OrderEvent},
    };
    use crate::lifecycle::{apply_now, Change, Shipment};
    use crate::store::{orders, orders::OrderHead, unix_now, Db};

    pub async fn find(db: &Db, reference: &str) -> Result<OrderHead, AppError> {
        let reference = OrderRef::parse(reference).ok_or_else(|| AppError::NotFound.respond())?;
        orders::by_reference(db, &reference).await?.ok_or_else(|| AppError::NotFound.respond())
    }

    /// Checks the role, then moves the order; a refusal is a 409 saying why.
    pub async fn act(
        reference: &str,
        event: OrderEvent,
        note: String,
        shipment: Option<Shipment>,
    ) -> Result<(), AppError> {
        let (db, site) = crate::api::context()?;
        let now = unix_now();
        let staff = crate::api::session::require_staff(&db, &site, now).await?;
        let order = find(&db, reference).await?;
        let keys = crate::api::shop_keys(&db).await?;
        let change = Change { event, actor: Actor::Staff, note, shipment, staff: Some(&staff.customer) };
        match apply_now(&db, &keys, &site, &order, &change, now).await? {
            Ok(status) => {
                tracing::info!(order = %order.reference, staff = staff.customer.id, status = status.as_str(), "staff moved an order");
                Ok(())
            }
            Err(refused) => Err(AppError::Conflict(refused.message(crate::i18n::use_locale())).respond()),
        }
    }
}

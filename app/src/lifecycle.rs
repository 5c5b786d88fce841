//! Moving an order along its statuses: the one place a status changes.
//! Asks the state machine ([`transition`]) first; then, in the caller's
//! transaction, moves the status with a guarded update, gives back stock
//! on a cancellation (with the back-in-stock alerts it makes due) and
//! refunds a paid order cancelled, records a shipment, writes the timeline
//! and (for staff) the audit log, and puts the customer's email in the
//! outbox.
//! Server only.
//!
//! The timeline keeps only what a person typed: pages say what each entry
//! records in their reader's language ([`TimelineKind`]).

use crate::config::SiteConfig;
use crate::domain::audit::AuditAction;
use crate::domain::{
    account::Email,
    checkout::{Carrier, TrackingNumber},
    locale::Locale,
    order_status::{transition, Actor, OrderEvent, OrderStatus, Refusal, TimelineKind},
    refund::RefundReason,
};
use crate::payments::keys::Keys;
use crate::store::{
    audit::{self, NewEntry},
    customers::Customer,
    orders,
    orders::OrderHead,
    outbox,
};
use sqlx::AnyConnection;

/// Parcels staff hand to a carrier.
#[derive(Clone, Debug)]
pub struct Shipment {
    pub carrier: Carrier,
    pub tracking: TrackingNumber,
    /// (line id, quantity)
    pub lines: Vec<(i64, u32)>,
}

/// A change someone asks for.
#[derive(Clone, Debug)]
pub struct Change<'a> {
    pub event: OrderEvent,
    pub actor: Actor,
    /// What the person acting typed, kept in the timeline as written: a
    /// customer's request, the house's reason for cancelling. Empty for the
    /// rest; a note from the gateway or the shop itself is not kept (what
    /// such an entry records is said from its kind, in the reader's language).
    pub note: String,
    pub shipment: Option<Shipment>,
    /// The member of staff acting, for the audit log.
    pub staff: Option<&'a Customer>,
}

/// Why a change did not happen.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NotMoved {
    #[error(transparent)]
    Refused(#[from] Refusal),
    /// Someone else moved the order between our read and our write.
    #[error("The order changed while you were looking at it. Please reload the page.")]
    Raced,
}

impl NotMoved {
    /// What the person who asked reads.
    pub fn message(&self, locale: Locale) -> String {
        match self {
            NotMoved::Refused(refusal) => locale.order_refusal(refusal),
            NotMoved::Raced => locale.order_raced().to_owned(),
        }
    }
}

/// What the staff audit log calls an event.
fn audit_action(event: OrderEvent) -> AuditAction {
    match event {
        OrderEvent::PaymentAuthorised => AuditAction::PaymentAuthorised,
        OrderEvent::PaymentDeclined => AuditAction::PaymentDeclined,
        OrderEvent::PaymentExpired => AuditAction::PaymentExpired,
        OrderEvent::Validate => AuditAction::Validate,
        OrderEvent::Ship { .. } => AuditAction::Ship,
        OrderEvent::MarkDelivered => AuditAction::MarkDelivered,
        OrderEvent::Cancel => AuditAction::Cancel,
    }
}

/// Applies a change inside `tx`. The caller commits on `Ok(Ok(_))` and
/// rolls back otherwise.
pub async fn apply(
    tx: &mut AnyConnection,
    keys: &Keys,
    site: &SiteConfig,
    order: &OrderHead,
    change: &Change<'_>,
    now: i64,
) -> Result<Result<OrderStatus, NotMoved>, sqlx::Error> {
    let to = match transition(order.status, change.event, change.actor) {
        Ok(to) => to,
        Err(refusal) => return Ok(Err(refusal.into())),
    };
    // The guarded update comes first: whoever moved the order meanwhile wins, and we stop here.
    if !orders::move_status(tx, order.id, order.status, to, now).await? {
        return Ok(Err(NotMoved::Raced));
    }
    if to == OrderStatus::Cancelled {
        // Stock given back is a restock like any other: shoppers waiting for it are told.
        for (product_id, size) in orders::release_stock(tx, order.id).await? {
            crate::restock::send_alerts(tx, site, product_id, &size, now).await?;
        }
    }
    let kind = TimelineKind::of_event(change.event, change.actor);
    // Only a person's words are kept; the shop's own sentences are said when shown.
    let typed = if kind.keeps_note() { change.note.trim() } else { "" };
    if let Some(shipment) = &change.shipment {
        orders::add_shipment(tx, order.id, shipment.carrier.as_str(), shipment.tracking.as_str(), &shipment.lines, now)
            .await?;
    }
    orders::add_event(tx, order.id, to, change.actor, typed, now).await?;
    // A paid order cancelled is refunded in full, in the same change (PRODUCT.md §7);
    // an unpaid one has nothing captured, and nothing is written.
    let refund = match to {
        OrderStatus::Cancelled => {
            let key = format!("order-{}-cancelled", order.id);
            crate::refunds::issue_in_full(tx, order, to, RefundReason::OrderCancelled, &key, now).await?
        }
        _ => None,
    };
    let parcel = change.shipment.as_ref().map(|s| (s.carrier.as_str(), s.tracking.as_str()));
    if let Some(staff) = change.staff {
        // The audit log is a record, kept in English like the logs.
        let mut said = Locale::En.order_timeline_says(kind, typed, parcel);
        if let Some(refund) = refund {
            said = format!("{said} {}", Locale::En.order_timeline_says(refund, "", None));
        }
        let entry = NewEntry {
            staff,
            action: audit_action(change.event),
            order_id: Some(order.id),
            before: order.status.label().to_owned(),
            after: to.label().to_owned(),
            detail: said,
        };
        audit::record(tx, &entry, now).await?;
    }
    // An anonymised order has no one to write to.
    if let Ok(to_address) = Email::parse(&order.email) {
        let locale = order.locale;
        // What the entry records, as the order's page says it in the email's language.
        let mut said = locale.order_timeline_says(kind, typed, parcel);
        if let Some(refund) = refund {
            said = format!("{said} {}", locale.order_timeline_says(refund, "", None));
        }
        let path = keys.order_path(&order.reference);
        let email =
            crate::emails::order_status(locale, &to_address, order.reference.as_str(), to, &said, parcel, site, &path);
        outbox::enqueue(tx, &email, now).await?;
    }
    Ok(Ok(to))
}

/// Applies a change in its own transaction.
pub async fn apply_now(
    db: &crate::store::Db,
    keys: &Keys,
    site: &SiteConfig,
    order: &OrderHead,
    change: &Change<'_>,
    now: i64,
) -> Result<Result<OrderStatus, NotMoved>, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let outcome = apply(&mut tx, keys, site, order, change, now).await?;
    if outcome.is_ok() {
        tx.commit().await?;
    } else {
        tx.rollback().await?;
    }
    Ok(outcome)
}

/// How many overdue orders are read at a time.
const OVERDUE_BATCH: i64 = 100;

/// Cancels every unpaid order whose time is up and gives its stock back,
/// batch after batch until none is left: the expiry keeps up with however
/// many orders the hold limits let in (`domain::hold`), instead of freeing a
/// fixed number each pass. Safe with several server processes: each order
/// moves by a guarded update, so only one process cancels it (the other
/// sees `Raced`).
pub async fn release_overdue(
    db: &crate::store::Db,
    keys: &Keys,
    site: &SiteConfig,
    now: i64,
) -> Result<usize, sqlx::Error> {
    let mut released = 0;
    loop {
        let batch = orders::overdue_unpaid(db, now, OVERDUE_BATCH).await?;
        let full = i64::try_from(batch.len()).unwrap_or(i64::MAX) == OVERDUE_BATCH;
        // Orders that left the unpaid ones, by this process or another.
        let mut moved = 0;
        for order in batch {
            // Another process may move it first: the guarded update then says `Raced`.
            let change = Change {
                event: OrderEvent::PaymentExpired,
                actor: Actor::System,
                note: String::new(),
                shipment: None,
                staff: None,
            };
            match apply_now(db, keys, site, &order, &change, now).await? {
                Ok(_) => {
                    moved += 1;
                    released += 1;
                    tracing::info!(order = %order.reference, "unpaid order cancelled, its stock released");
                }
                // Gone from the unpaid ones all the same: the next batch will not read it again.
                Err(NotMoved::Raced) => moved += 1,
                Err(NotMoved::Refused(refusal)) => {
                    tracing::error!(order = %order.reference, %refusal, "an overdue order could not be cancelled");
                }
            }
        }
        // A batch that moved nothing would be read again as it is: stop there.
        if !full || moved == 0 {
            return Ok(released);
        }
    }
}

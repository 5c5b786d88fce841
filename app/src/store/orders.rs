//! Orders: placed with their stock reserved in one transaction, read for
//! the order pages, moved along their statuses with a guarded update, and
//! shipped line by line.
//!
//! Two rules hold every write here together:
//! - a status changes only by `UPDATE … WHERE status = <the status read>`,
//!   checked by its affected-row count, so two processes (a callback and a
//!   clerk, two expiry workers) never both move one order;
//! - a write transaction begins with [`Db::begin_write`], so SQLite takes
//!   its write lock at once (waiting its turn) rather than failing with
//!   SQLITE_BUSY when a read lock would have to be upgraded.

use super::{holds, Db};
use crate::domain::{
    checkout::{IdempotencyKey, OrderRef, Totals},
    hold::{HoldLimits, HoldRefusal},
    locale::Locale,
    money::Money,
    order_status::{Actor, OrderStatus},
    refund::{RefundReason, RefundStep},
    returns::{PieceKind, ReturnStep},
};
use sqlx::{AnyConnection, Row};
use std::str::FromStr;

/// A line to write with a new order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewLine {
    /// `None` for the gift.
    pub product_id: Option<i64>,
    pub slug: String,
    pub name: String,
    /// `""` for one-size pieces.
    pub size: String,
    pub quantity: u32,
    pub unit: Money,
    pub on_sale: bool,
    pub is_gift: bool,
    pub made_to_order: bool,
    /// Units to take from stock: 0 for made-to-order pieces and the gift.
    pub reserve: u32,
    /// For the gift, the threshold it was given from: a return is judged
    /// by the offer the order had, whatever the house sets later.
    pub gift_threshold: Option<Money>,
}

/// An order to place.
#[derive(Clone, Debug)]
pub struct NewOrder {
    pub reference: OrderRef,
    pub key: IdempotencyKey,
    pub customer_id: Option<i64>,
    pub email: String,
    pub email_key: String,
    pub full_name: String,
    pub line1: String,
    pub line2: Option<String>,
    pub postcode: String,
    pub city: String,
    pub country: String,
    pub phone: Option<String>,
    pub zone: String,
    pub min_days: i64,
    pub max_days: i64,
    pub promo_code: Option<String>,
    /// The code's revision the quote read: the order counts its use only
    /// if the code is unchanged, else it is not placed.
    pub promo_revision: Option<i64>,
    pub totals: Totals,
    pub lines: Vec<NewLine>,
    pub pay_by: i64,
    /// The language the order was placed in: its emails are written in it.
    pub locale: Locale,
    /// The client placing it (`domain::rate_limit::client_key`), kept while it is unpaid.
    pub held_by: String,
    /// What unpaid orders may hold at once; `None` where switched off.
    pub hold_limits: Option<HoldLimits>,
}

/// What placing an order came to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Placement {
    /// Placed now.
    Placed { id: i64 },
    /// The key had already placed this order.
    Existing(Box<OrderHead>),
    /// A line could not be reserved: nothing was written.
    SoldOut { name: String, size: String },
    /// The promo code was changed or ended by staff since it was read: nothing was written.
    PromoChanged { code: String },
    /// Staff repriced or withdrew a piece since it was priced: nothing was written.
    PieceChanged { name: String },
    /// The client or the address already holds what unpaid orders may: nothing was written.
    HoldRefused(HoldRefusal),
}

/// An order's own row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrderHead {
    pub id: i64,
    pub reference: OrderRef,
    pub customer_id: Option<i64>,
    pub email: String,
    pub email_key: Option<String>,
    pub status: OrderStatus,
    pub full_name: String,
    pub line1: String,
    pub line2: Option<String>,
    pub postcode: String,
    pub city: String,
    pub country: String,
    pub phone: Option<String>,
    pub zone: String,
    pub min_days: i64,
    pub max_days: i64,
    pub promo_code: Option<String>,
    pub totals: Totals,
    pub payment_ref: Option<String>,
    pub pay_by: i64,
    pub created_at: i64,
    /// The language the order was placed in, which its emails are written in.
    pub locale: Locale,
}

const HEAD_COLUMNS: &str = "id, reference, customer_id, email, email_key, status, full_name, line1, line2, postcode, \
    city, country, phone, shipping_zone, shipping_cents, min_days, max_days, promo_code, discount_cents, \
    subtotal_cents, total_cents, payment_ref, pay_by, created_at, locale";

fn corrupt(what: &str, value: &str) -> sqlx::Error {
    sqlx::Error::Decode(format!("corrupt {what} {value:?} in orders").into())
}

fn head(row: &sqlx::any::AnyRow) -> Result<OrderHead, sqlx::Error> {
    let reference: String = row.try_get("reference")?;
    let status: String = row.try_get("status")?;
    let cents = |name: &str| row.try_get::<i64, _>(name).map(Money::from_cents);
    Ok(OrderHead {
        id: row.try_get("id")?,
        reference: OrderRef::parse(&reference).ok_or_else(|| corrupt("reference", &reference))?,
        customer_id: row.try_get("customer_id")?,
        email: row.try_get("email")?,
        email_key: row.try_get("email_key")?,
        status: OrderStatus::parse(&status).ok_or_else(|| corrupt("status", &status))?,
        full_name: row.try_get("full_name")?,
        line1: row.try_get("line1")?,
        line2: row.try_get("line2")?,
        postcode: row.try_get("postcode")?,
        city: row.try_get("city")?,
        country: row.try_get("country")?,
        phone: row.try_get("phone")?,
        zone: row.try_get("shipping_zone")?,
        min_days: row.try_get("min_days")?,
        max_days: row.try_get("max_days")?,
        promo_code: row.try_get("promo_code")?,
        totals: Totals {
            subtotal: cents("subtotal_cents")?,
            discount: cents("discount_cents")?,
            shipping: cents("shipping_cents")?,
            total: cents("total_cents")?,
        },
        payment_ref: row.try_get("payment_ref")?,
        pay_by: row.try_get("pay_by")?,
        created_at: row.try_get("created_at")?,
        locale: super::customers::stored_locale(row)?,
    })
}

/// Places an order: the order row first (the idempotency key's claim), then each line's stock by a
/// guarded decrement, the lines, the first timeline entry and the
/// confirmation email; all or nothing.
pub async fn place(
    db: &Db,
    order: &NewOrder,
    email: &crate::domain::outbox::OutgoingEmail,
    now: i64,
) -> Result<Placement, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    if order.hold_limits.is_some() {
        // Before anything is counted: see `holds::take_slots`.
        super::holds::take_slots(&mut tx, &[&order.held_by, &order.email_key], now).await?;
    }
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO orders (reference, idempotency_key, customer_id, email, email_key, status, full_name, line1, \
         line2, postcode, city, country, phone, shipping_zone, shipping_cents, min_days, max_days, promo_code, \
         discount_cents, subtotal_cents, total_cents, pay_by, created_at, updated_at, locale, held_by) \
         VALUES ($1, $2, $3, $4, $5, 'awaiting_payment', $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, \
         $18, $19, $20, $21, $22, $22, $23, $24) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id",
    )
    .bind(order.reference.as_str())
    .bind(order.key.as_str())
    .bind(order.customer_id)
    .bind(&order.email)
    .bind(&order.email_key)
    .bind(&order.full_name)
    .bind(&order.line1)
    .bind(order.line2.as_deref())
    .bind(&order.postcode)
    .bind(&order.city)
    .bind(&order.country)
    .bind(order.phone.as_deref())
    .bind(&order.zone)
    .bind(order.totals.shipping.cents())
    .bind(order.min_days)
    .bind(order.max_days)
    .bind(order.promo_code.as_deref())
    .bind(order.totals.discount.cents())
    .bind(order.totals.subtotal.cents())
    .bind(order.totals.total.cents())
    .bind(order.pay_by)
    .bind(now)
    .bind(order.locale.tag())
    .bind(&order.held_by)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(id) = id else {
        tx.rollback().await?;
        return match by_key(db, &order.key).await? {
            Some(existing) => Ok(Placement::Existing(Box::new(existing))),
            // The other request with this key rolled back in between: nothing to return.
            None => Err(sqlx::Error::RowNotFound),
        };
    };
    if let Some(limits) = order.hold_limits {
        let reserving: Vec<holds::Reserving> = order
            .lines
            .iter()
            .filter(|l| l.reserve > 0)
            .map(|l| holds::Reserving { product_id: l.product_id, name: &l.name, size: &l.size, units: l.reserve })
            .collect();
        let held = holds::held(&mut tx, id, &order.held_by, &order.email_key, &reserving, order.pay_by).await?;
        if let Err(refusal) = limits.check(&held, now) {
            tx.rollback().await?;
            return Ok(Placement::HoldRefused(refusal));
        }
    }
    if let (Some(code), Some(revision)) = (&order.promo_code, order.promo_revision) {
        if !super::promos::count_use(&mut tx, code, revision).await? {
            tx.rollback().await?;
            return Ok(Placement::PromoChanged { code: code.clone() });
        }
    }
    // Each piece still on the shop at the price read (staff may have
    // changed it since): the order is for what the shopper was shown.
    for line in order.lines.iter().filter(|l| !l.is_gift) {
        let still: Option<i64> =
            sqlx::query_scalar("SELECT id FROM products WHERE id = $1 AND published = 1 AND price_cents = $2")
                .bind(line.product_id)
                .bind(line.unit.cents())
                .fetch_optional(&mut *tx)
                .await?;
        if still.is_none() {
            tx.rollback().await?;
            return Ok(Placement::PieceChanged { name: line.name.clone() });
        }
    }
    // In a fixed order (product, size), so that two PostgreSQL transactions
    // reserving the same pieces wait for each other instead of deadlocking.
    let mut reservations: Vec<&NewLine> = order.lines.iter().filter(|l| l.reserve > 0).collect();
    reservations.sort_by(|a, b| (a.product_id, &a.size).cmp(&(b.product_id, &b.size)));
    let mut pages_change = false;
    for line in reservations {
        let left: Option<i64> = sqlx::query_scalar(
            "UPDATE stock SET quantity = quantity - $1 WHERE product_id = $2 AND size = $3 AND quantity >= $1 \
             RETURNING quantity",
        )
        .bind(i64::from(line.reserve))
        .bind(line.product_id)
        .bind(&line.size)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(left) = left else {
            tx.rollback().await?;
            return Ok(Placement::SoldOut { name: line.name.clone(), size: line.size.clone() });
        };
        pages_change |= shown_change(left + i64::from(line.reserve), left);
    }
    for (position, line) in order.lines.iter().enumerate() {
        // The piece's name in both languages, as the catalogue (or the gift
        // offer) has it now; the line's own name if neither knows it.
        sqlx::query(
            "INSERT INTO order_lines (order_id, position, product_id, slug, name, name_fr, size, quantity, \
             unit_cents, on_sale, is_gift, made_to_order, reserved, category, personalised, gift_threshold_cents) \
             VALUES ($1, $2, $3, $4, \
             COALESCE((SELECT name FROM products WHERE id = $3), \
                      (SELECT name FROM gift_offers WHERE code = $4 AND $10 = 1), $5), \
             COALESCE((SELECT name_fr FROM products WHERE id = $3), \
                      (SELECT name_fr FROM gift_offers WHERE code = $4 AND $10 = 1), $5), \
             $6, $7, $8, $9, $10, $11, $12, \
             COALESCE((SELECT category FROM products WHERE id = $3), ''), \
             COALESCE((SELECT personalised FROM products WHERE id = $3), 0), $13)",
        )
        .bind(id)
        .bind(i64::try_from(position).unwrap_or(i64::MAX))
        .bind(line.product_id)
        .bind(&line.slug)
        .bind(&line.name)
        .bind(&line.size)
        .bind(i64::from(line.quantity))
        .bind(line.unit.cents())
        .bind(i64::from(line.on_sale))
        .bind(i64::from(line.is_gift))
        .bind(i64::from(line.made_to_order))
        .bind(i64::from(line.reserve))
        .bind(line.gift_threshold.map(Money::cents))
        .execute(&mut *tx)
        .await?;
    }
    // The first entry says "placed" by being first: no sentence is stored.
    add_event(&mut tx, id, OrderStatus::AwaitingPayment, Actor::Customer, "", now).await?;
    super::outbox::enqueue(&mut tx, email, now).await?;
    if pages_change {
        super::catalogue_version::bump(&mut tx).await?;
    }
    tx.commit().await?;
    Ok(Placement::Placed { id })
}

/// The order a key placed.
pub async fn by_key(db: &Db, key: &IdempotencyKey) -> Result<Option<OrderHead>, sqlx::Error> {
    let row = sqlx::query(&format!("SELECT {HEAD_COLUMNS} FROM orders WHERE idempotency_key = $1"))
        .bind(key.as_str())
        .fetch_optional(&db.pool)
        .await?;
    row.as_ref().map(head).transpose()
}

/// An order by its id.
pub async fn by_id(db: &Db, id: i64) -> Result<Option<OrderHead>, sqlx::Error> {
    let row = sqlx::query(&format!("SELECT {HEAD_COLUMNS} FROM orders WHERE id = $1"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
    row.as_ref().map(head).transpose()
}

/// An order by its reference.
pub async fn by_reference(db: &Db, reference: &OrderRef) -> Result<Option<OrderHead>, sqlx::Error> {
    let row = sqlx::query(&format!("SELECT {HEAD_COLUMNS} FROM orders WHERE reference = $1"))
        .bind(reference.as_str())
        .fetch_optional(&db.pool)
        .await?;
    row.as_ref().map(head).transpose()
}

/// Remembers the gateway's id for the order's payment.
pub async fn set_payment_ref(db: &Db, id: i64, payment_ref: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE orders SET payment_ref = $1 WHERE id = $2")
        .bind(payment_ref)
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// One line of an order, as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredLine {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub size: String,
    pub quantity: u32,
    pub unit: Money,
    pub is_gift: bool,
    pub made_to_order: bool,
    pub shipped: u32,
    /// Pieces in a return that was not rejected.
    pub returned: u32,
    /// What the piece was when bought, for the returns rule.
    pub kind: PieceKind,
}

fn count(row: &sqlx::any::AnyRow, name: &str) -> Result<u32, sqlx::Error> {
    Ok(u32::try_from(row.try_get::<i64, _>(name)?).unwrap_or(0))
}

/// An order's lines, the pieces named in `locale`.
pub async fn lines(db: &Db, order_id: i64, locale: Locale) -> Result<Vec<StoredLine>, sqlx::Error> {
    sqlx::query(&format!(
        "SELECT id, slug, name{} AS name, size, quantity, unit_cents, is_gift, made_to_order, shipped, \
         returned, on_sale, category, personalised FROM order_lines WHERE order_id = $1 ORDER BY position",
        super::products::text_column(locale)
    ))
    .bind(order_id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| {
        Ok(StoredLine {
            id: r.try_get("id")?,
            slug: r.try_get("slug")?,
            name: r.try_get("name")?,
            size: r.try_get("size")?,
            quantity: count(r, "quantity")?,
            unit: Money::from_cents(r.try_get("unit_cents")?),
            is_gift: r.try_get::<i64, _>("is_gift")? == 1,
            made_to_order: r.try_get::<i64, _>("made_to_order")? == 1,
            shipped: count(r, "shipped")?,
            returned: count(r, "returned")?,
            kind: PieceKind {
                earrings: r.try_get::<String, _>("category")? == "earrings",
                personalised: r.try_get::<i64, _>("personalised")? == 1,
                on_sale: r.try_get::<i64, _>("on_sale")? == 1,
                gift: r.try_get::<i64, _>("is_gift")? == 1,
            },
        })
    })
    .collect()
}

/// One entry of an order's timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredEvent {
    pub at: i64,
    pub status: OrderStatus,
    pub actor: Actor,
    /// What a person typed (a customer's request, the house's reason for
    /// cancelling), else empty. What the entry records is said from its
    /// status and actor when shown (`domain::order_status::TimelineKind`).
    pub note: String,
    /// For an entry about a refund: its step, and the refund's reason and amount.
    pub refund: Option<(RefundStep, RefundReason, Money)>,
    /// For an entry about a return: its step and the return's number.
    pub return_step: Option<(ReturnStep, String)>,
}

pub(crate) fn actor_name(actor: Actor) -> &'static str {
    match actor {
        Actor::Customer => "customer",
        Actor::Staff => "staff",
        Actor::Gateway => "gateway",
        Actor::System => "system",
    }
}

pub async fn events(db: &Db, order_id: i64) -> Result<Vec<StoredEvent>, sqlx::Error> {
    sqlx::query(
        "SELECT e.at, e.status, e.actor, e.note, e.refund_step, r.reason, r.amount_cents, e.return_step, \
         rt.number FROM order_events e LEFT JOIN refunds r ON r.id = e.refund_id \
         LEFT JOIN returns rt ON rt.id = e.return_id WHERE e.order_id = $1 ORDER BY e.id",
    )
    .bind(order_id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| {
        let status: String = r.try_get("status")?;
        let actor: String = r.try_get("actor")?;
        let refund = match r.try_get::<Option<String>, _>("refund_step")? {
            Some(step) => {
                let reason: String = r.try_get("reason")?;
                Some((
                    RefundStep::from_str(&step).map_err(|_| corrupt("refund step", &step))?,
                    RefundReason::from_str(&reason).map_err(|_| corrupt("refund reason", &reason))?,
                    Money::from_cents(r.try_get("amount_cents")?),
                ))
            }
            None => None,
        };
        let return_step = match r.try_get::<Option<String>, _>("return_step")? {
            Some(step) => Some((
                ReturnStep::from_str(&step).map_err(|_| corrupt("return step", &step))?,
                r.try_get::<String, _>("number")?,
            )),
            None => None,
        };
        Ok(StoredEvent {
            refund,
            return_step,
            at: r.try_get("at")?,
            status: OrderStatus::parse(&status).ok_or_else(|| corrupt("event status", &status))?,
            actor: [Actor::Customer, Actor::Staff, Actor::Gateway, Actor::System]
                .into_iter()
                .find(|a| actor_name(*a) == actor)
                .ok_or_else(|| corrupt("actor", &actor))?,
            note: r.try_get("note")?,
        })
    })
    .collect()
}

/// A parcel handed to a carrier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredShipment {
    pub carrier: String,
    pub tracking_number: String,
    pub shipped_at: i64,
    /// (line id, quantity)
    pub lines: Vec<(i64, u32)>,
}

pub async fn shipments(db: &Db, order_id: i64) -> Result<Vec<StoredShipment>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT s.id, s.carrier, s.tracking_number, s.shipped_at, sl.line_id, sl.quantity \
         FROM shipments s JOIN shipment_lines sl ON sl.shipment_id = s.id WHERE s.order_id = $1 ORDER BY s.id, sl.line_id",
    )
    .bind(order_id)
    .fetch_all(&db.pool)
    .await?;
    let mut shipments: Vec<(i64, StoredShipment)> = Vec::new();
    for r in &rows {
        let id: i64 = r.try_get("id")?;
        let line = (r.try_get("line_id")?, count(r, "quantity")?);
        match shipments.last_mut() {
            Some((last, shipment)) if *last == id => shipment.lines.push(line),
            _ => shipments.push((
                id,
                StoredShipment {
                    carrier: r.try_get("carrier")?,
                    tracking_number: r.try_get("tracking_number")?,
                    shipped_at: r.try_get("shipped_at")?,
                    lines: vec![line],
                },
            )),
        }
    }
    Ok(shipments.into_iter().map(|(_, s)| s).collect())
}

/// An order in a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrderRow {
    pub reference: OrderRef,
    pub status: OrderStatus,
    pub created_at: i64,
    pub total: Money,
    pub full_name: String,
    pub email: String,
    pub pieces: u32,
}

const ROW_COLUMNS: &str = "o.reference, o.status, o.created_at, o.total_cents, o.full_name, o.email, \
    (SELECT CAST(COALESCE(SUM(l.quantity), 0) AS BIGINT) FROM order_lines l WHERE l.order_id = o.id AND l.is_gift = 0) AS pieces";

fn order_row(r: &sqlx::any::AnyRow) -> Result<OrderRow, sqlx::Error> {
    let reference: String = r.try_get("reference")?;
    let status: String = r.try_get("status")?;
    Ok(OrderRow {
        reference: OrderRef::parse(&reference).ok_or_else(|| corrupt("reference", &reference))?,
        status: OrderStatus::parse(&status).ok_or_else(|| corrupt("status", &status))?,
        created_at: r.try_get("created_at")?,
        total: Money::from_cents(r.try_get("total_cents")?),
        full_name: r.try_get("full_name")?,
        email: r.try_get("email")?,
        pieces: count(r, "pieces")?,
    })
}

/// A customer's orders, newest first: those placed signed in, and, once the
/// address is verified, the guest orders placed with it (PRODUCT.md §4).
pub async fn for_customer(
    db: &Db,
    customer_id: i64,
    verified_email_key: Option<&str>,
) -> Result<Vec<OrderRow>, sqlx::Error> {
    sqlx::query(&format!(
        "SELECT {ROW_COLUMNS} FROM orders o WHERE o.customer_id = $1 \
         OR (o.customer_id IS NULL AND o.email_key = $2) ORDER BY o.created_at DESC, o.id DESC LIMIT 200"
    ))
    .bind(customer_id)
    // No verified address: a key no order has.
    .bind(verified_email_key.unwrap_or(""))
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(order_row)
    .collect()
}

/// The staff's list, newest first, optionally of one status.
pub async fn list(db: &Db, status: Option<OrderStatus>, limit: i64) -> Result<Vec<OrderRow>, sqlx::Error> {
    sqlx::query(&format!(
        "SELECT {ROW_COLUMNS} FROM orders o WHERE ($2 = '' OR o.status = $2) ORDER BY o.created_at DESC, o.id DESC LIMIT $1"
    ))
        .bind(limit)
        .bind(status.map(OrderStatus::as_str).unwrap_or(""))
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(order_row)
        .collect()
}

/// Unpaid orders whose time is up, oldest first.
pub async fn overdue_unpaid(db: &Db, now: i64, limit: i64) -> Result<Vec<OrderHead>, sqlx::Error> {
    sqlx::query(&format!(
        "SELECT {HEAD_COLUMNS} FROM orders WHERE status = 'awaiting_payment' AND pay_by < $1 ORDER BY pay_by LIMIT $2"
    ))
    .bind(now)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(head)
    .collect()
}

/// Moves an order from the status it was read with to `to`: the guarded
/// update that opens every status change's transaction. `false` when the
/// order had moved meanwhile; the caller then rolls back.
pub async fn move_status(
    conn: &mut AnyConnection,
    order_id: i64,
    from: OrderStatus,
    to: OrderStatus,
    now: i64,
) -> Result<bool, sqlx::Error> {
    // Whoever placed it stops counting as holding it: the client's address
    // is kept no longer than that needs.
    let done =
        sqlx::query("UPDATE orders SET status = $1, updated_at = $2, held_by = NULL WHERE id = $3 AND status = $4")
            .bind(to.as_str())
            .bind(now)
            .bind(order_id)
            .bind(from.as_str())
            .execute(conn)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// Writes an entry in the order's timeline; `note` is only ever what a
/// person typed, never a sentence of the shop's (pages say those in their
/// reader's language).
pub async fn add_event(
    conn: &mut AnyConnection,
    order_id: i64,
    status: OrderStatus,
    actor: Actor,
    note: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO order_events (order_id, at, status, actor, note) VALUES ($1, $2, $3, $4, $5)")
        .bind(order_id)
        .bind(now)
        .bind(status.as_str())
        .bind(actor_name(actor))
        .bind(note)
        .execute(conn)
        .await?;
    Ok(())
}

/// Writes a refund's entry in its order's timeline: `status` is the
/// order's, unchanged.
pub async fn add_refund_event(
    conn: &mut AnyConnection,
    order_id: i64,
    status: OrderStatus,
    actor: Actor,
    refund_id: i64,
    step: RefundStep,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO order_events (order_id, at, status, actor, note, refund_id, refund_step) \
         VALUES ($1, $2, $3, $4, '', $5, $6)",
    )
    .bind(order_id)
    .bind(now)
    .bind(status.as_str())
    .bind(actor_name(actor))
    .bind(refund_id)
    .bind(step.as_str())
    .execute(conn)
    .await?;
    Ok(())
}

/// Gives back the stock an unshipped order held (a cancellation). Returns
/// the (product id, size) that were out of stock and are no longer: their
/// back-in-stock alerts are due.
pub async fn release_stock(conn: &mut AnyConnection, order_id: i64) -> Result<Vec<(i64, String)>, sqlx::Error> {
    let held = sqlx::query(
        "SELECT product_id, size, reserved FROM order_lines \
         WHERE order_id = $1 AND reserved > 0 AND product_id IS NOT NULL ORDER BY product_id, size",
    )
    .bind(order_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut pages_change = false;
    let mut back_in_stock = Vec::new();
    for row in &held {
        let reserved: i64 = row.try_get("reserved")?;
        let (product_id, size): (i64, String) = (row.try_get("product_id")?, row.try_get("size")?);
        let now_held: Option<i64> = sqlx::query_scalar(
            "UPDATE stock SET quantity = quantity + $1 WHERE product_id = $2 AND size = $3 RETURNING quantity",
        )
        .bind(reserved)
        .bind(product_id)
        .bind(&size)
        .fetch_optional(&mut *conn)
        .await?;
        // A size no longer made has nothing to give back to, and no page shows it.
        if let Some(now_held) = now_held {
            pages_change |= shown_change(now_held - reserved, now_held);
            let count = |n: i64| u32::try_from(n).unwrap_or(0);
            if crate::domain::stock_alert::is_restock_from_zero(count(now_held - reserved), count(now_held)) {
                back_in_stock.push((product_id, size));
            }
        }
    }
    sqlx::query("UPDATE order_lines SET reserved = 0 WHERE order_id = $1").bind(order_id).execute(&mut *conn).await?;
    if pages_change {
        super::catalogue_version::bump(conn).await?;
    }
    Ok(back_in_stock)
}

/// Records a parcel and the lines in it.
pub async fn add_shipment(
    conn: &mut AnyConnection,
    order_id: i64,
    carrier: &str,
    tracking_number: &str,
    lines: &[(i64, u32)],
    now: i64,
) -> Result<(), sqlx::Error> {
    let shipment: i64 = sqlx::query_scalar(
        "INSERT INTO shipments (order_id, carrier, tracking_number, shipped_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(order_id)
    .bind(carrier)
    .bind(tracking_number)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    for (line, quantity) in lines.iter().filter(|(_, n)| *n > 0) {
        sqlx::query("INSERT INTO shipment_lines (shipment_id, line_id, quantity) VALUES ($1, $2, $3)")
            .bind(shipment)
            .bind(line)
            .bind(i64::from(*quantity))
            .execute(&mut *conn)
            .await?;
        // Guarded by the order: a line id of another order changes nothing.
        sqlx::query("UPDATE order_lines SET shipped = shipped + $1 WHERE id = $2 AND order_id = $3")
            .bind(i64::from(*quantity))
            .bind(line)
            .bind(order_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Records a callback event as applied; `false` if it already was (a replay).
pub async fn record_callback(
    conn: &mut AnyConnection,
    event_id: &str,
    order_id: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO payment_callbacks (event_id, order_id, received_at) VALUES ($1, $2, $3) \
         ON CONFLICT (event_id) DO NOTHING",
    )
    .bind(event_id)
    .bind(order_id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Whether a stock row moving between these counts changes a public page
/// (and so the catalogue's version): most sales leave pages as they were.
fn shown_change(before: i64, after: i64) -> bool {
    let count = |n: i64| u32::try_from(n).unwrap_or(0);
    crate::domain::availability::shown_stock_changes(count(before), count(after))
}

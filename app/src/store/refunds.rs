//! Payments captured and refunds made (PRODUCT.md §7). A refund is asked
//! for inside the transaction of the change that causes it (a cancellation,
//! a late payment, a return); a worker then sends it to the gateway, and the
//! gateway's signed callback settles it.
//!
//! Two guards make "never more than was captured" hold under any race:
//! each refund's idempotency key is UNIQUE (the same request twice is one
//! refund), and the amount is added to `order_payments.refunded_cents` by
//! an update that only passes while the sum stays within the capture.

use super::Db;
use crate::domain::money::Money;
use crate::domain::refund::{PaymentBalance, RefundReason, RefundRefusal, RefundState};
use sqlx::{AnyConnection, Row};
use std::str::FromStr;

/// Records what the gateway captured for an order. Once per order: a
/// second capture (a replayed authorisation) changes nothing.
pub async fn record_capture(
    conn: &mut AnyConnection,
    order_id: i64,
    payment_ref: &str,
    amount: Money,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO order_payments (order_id, payment_ref, captured_cents, refunded_cents, captured_at) \
         VALUES ($1, $2, $3, 0, $4) ON CONFLICT (order_id) DO NOTHING",
    )
    .bind(order_id)
    .bind(payment_ref)
    .bind(amount.cents())
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// What an order's payment holds; `None` if nothing was captured.
pub async fn balance(conn: &mut AnyConnection, order_id: i64) -> Result<Option<PaymentBalance>, sqlx::Error> {
    let row = sqlx::query("SELECT captured_cents, refunded_cents FROM order_payments WHERE order_id = $1")
        .bind(order_id)
        .fetch_optional(conn)
        .await?;
    row.map(|r| {
        let (captured, refunded) = (r.try_get("captured_cents")?, r.try_get("refunded_cents")?);
        PaymentBalance::new(Money::from_cents(captured), Money::from_cents(refunded))
            .ok_or_else(|| corrupt(&format!("order {order_id}: {refunded} refunded of {captured}")))
    })
    .transpose()
}

fn corrupt(what: &str) -> sqlx::Error {
    sqlx::Error::Decode(format!("refunds: {what}").into())
}

/// A refund asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Requested {
    /// A new refund, with its id.
    New(i64),
    /// The key was already used: this is that refund, asked for again.
    Already(i64),
}

/// What a new refund is.
#[derive(Clone, Copy, Debug)]
pub struct NewRefund<'a> {
    pub order_id: i64,
    pub key: &'a str,
    pub amount: Money,
    pub reason: RefundReason,
}

/// Asks for a refund inside the caller's transaction. A refusal writes
/// nothing, so the caller's other changes may still commit.
pub async fn request(
    conn: &mut AnyConnection,
    refund: &NewRefund<'_>,
    now: i64,
) -> Result<Result<Requested, RefundRefusal>, sqlx::Error> {
    if let Some(id) = id_by_key(conn, refund.key).await? {
        return Ok(Ok(Requested::Already(id)));
    }
    let Some(balance) = balance(conn, refund.order_id).await? else {
        return Ok(Err(RefundRefusal::MoreThanLeft(Money::ZERO)));
    };
    // The rule first, for its answer; the guards below hold it under races.
    if let Err(refusal) = balance.refund(refund.amount) {
        return Ok(Err(refusal));
    }
    let added = sqlx::query(
        "UPDATE order_payments SET refunded_cents = refunded_cents + $1 \
         WHERE order_id = $2 AND refunded_cents + $1 <= captured_cents",
    )
    .bind(refund.amount.cents())
    .bind(refund.order_id)
    .execute(&mut *conn)
    .await?;
    if added.rows_affected() == 0 {
        // Someone refunded meanwhile: the same request (a double click), or another.
        if let Some(id) = id_by_key(conn, refund.key).await? {
            return Ok(Ok(Requested::Already(id)));
        }
        let left = balance_left(conn, refund.order_id).await?;
        return Ok(Err(RefundRefusal::MoreThanLeft(left)));
    }
    let inserted: Option<i64> = sqlx::query_scalar(
        "INSERT INTO refunds (order_id, idempotency_key, amount_cents, reason, state, created_at, send_due_at) \
         VALUES ($1, $2, $3, $4, 'pending', $5, $5) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id",
    )
    .bind(refund.order_id)
    .bind(refund.key)
    .bind(refund.amount.cents())
    .bind(refund.reason.as_str())
    .bind(now)
    .fetch_optional(&mut *conn)
    .await?;
    match inserted {
        Some(id) => Ok(Ok(Requested::New(id))),
        None => {
            // The same key was used and committed meanwhile: that refund is
            // this one, and the amount added above goes back.
            sqlx::query("UPDATE order_payments SET refunded_cents = refunded_cents - $1 WHERE order_id = $2")
                .bind(refund.amount.cents())
                .bind(refund.order_id)
                .execute(&mut *conn)
                .await?;
            let id = id_by_key(conn, refund.key).await?.ok_or_else(|| corrupt("a key taken but not found"))?;
            Ok(Ok(Requested::Already(id)))
        }
    }
}

async fn balance_left(conn: &mut AnyConnection, order_id: i64) -> Result<Money, sqlx::Error> {
    Ok(balance(conn, order_id).await?.map(PaymentBalance::left).unwrap_or(Money::ZERO))
}

async fn id_by_key(conn: &mut AnyConnection, key: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM refunds WHERE idempotency_key = $1").bind(key).fetch_optional(conn).await
}

/// A refund as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredRefund {
    pub id: i64,
    pub order_id: i64,
    pub key: String,
    pub amount: Money,
    pub reason: RefundReason,
    pub state: RefundState,
    pub gateway_ref: Option<String>,
    pub created_at: i64,
    pub settled_at: Option<i64>,
}

const COLUMNS: &str = "id, order_id, idempotency_key, amount_cents, reason, state, gateway_ref, created_at, settled_at";

fn read(r: &sqlx::any::AnyRow) -> Result<StoredRefund, sqlx::Error> {
    let reason: String = r.try_get("reason")?;
    let state: String = r.try_get("state")?;
    Ok(StoredRefund {
        id: r.try_get("id")?,
        order_id: r.try_get("order_id")?,
        key: r.try_get("idempotency_key")?,
        amount: Money::from_cents(r.try_get("amount_cents")?),
        reason: RefundReason::from_str(&reason).map_err(|_| corrupt(&format!("reason {reason}")))?,
        state: RefundState::from_str(&state).map_err(|_| corrupt(&format!("state {state}")))?,
        gateway_ref: r.try_get("gateway_ref")?,
        created_at: r.try_get("created_at")?,
        settled_at: r.try_get("settled_at")?,
    })
}

/// The refund made under `key`.
pub async fn by_key(conn: &mut AnyConnection, key: &str) -> Result<Option<StoredRefund>, sqlx::Error> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM refunds WHERE idempotency_key = $1"))
        .bind(key)
        .fetch_optional(conn)
        .await?;
    row.as_ref().map(read).transpose()
}

/// An order's refunds, oldest first.
pub async fn for_order(db: &Db, order_id: i64) -> Result<Vec<StoredRefund>, sqlx::Error> {
    sqlx::query(&format!("SELECT {COLUMNS} FROM refunds WHERE order_id = $1 ORDER BY id"))
        .bind(order_id)
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(read)
        .collect()
}

/// A refund the gateway has not yet accepted, with what the gateway needs.
#[derive(Clone, Debug)]
pub struct Unsent {
    pub id: i64,
    pub key: String,
    pub amount: Money,
    pub payment_ref: String,
    pub order_reference: String,
    pub attempts: i64,
}

/// Refunds due to be sent to the gateway. No claim is needed: the gateway
/// is idempotent by the refund's key, so two workers sending the same
/// refund make one.
pub async fn unsent(db: &Db, now: i64, limit: i64) -> Result<Vec<Unsent>, sqlx::Error> {
    sqlx::query(
        "SELECT r.id, r.idempotency_key, r.amount_cents, r.send_attempts, p.payment_ref, o.reference \
         FROM refunds r JOIN order_payments p ON p.order_id = r.order_id JOIN orders o ON o.id = r.order_id \
         WHERE r.state = 'pending' AND r.gateway_ref IS NULL AND r.send_due_at <= $1 ORDER BY r.send_due_at LIMIT $2",
    )
    .bind(now)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| {
        Ok(Unsent {
            id: r.try_get("id")?,
            key: r.try_get("idempotency_key")?,
            amount: Money::from_cents(r.try_get("amount_cents")?),
            payment_ref: r.try_get("payment_ref")?,
            order_reference: r.try_get("reference")?,
            attempts: r.try_get("send_attempts")?,
        })
    })
    .collect()
}

/// The gateway accepted the request: its id for the refund.
pub async fn mark_accepted(db: &Db, id: i64, gateway_ref: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE refunds SET gateway_ref = $1, send_attempts = send_attempts + 1 WHERE id = $2 AND gateway_ref IS NULL",
    )
    .bind(gateway_ref)
    .bind(id)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// The gateway could not be reached: send again at `retry_at`.
pub async fn send_later(db: &Db, id: i64, retry_at: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE refunds SET send_due_at = $1, send_attempts = send_attempts + 1 WHERE id = $2")
        .bind(retry_at)
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Records the gateway's answer, once: `false` if the refund was already
/// settled. A failed refund gives its amount back to what can be refunded.
pub async fn settle(
    conn: &mut AnyConnection,
    refund: &StoredRefund,
    state: RefundState,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE refunds SET state = $1, settled_at = $2 WHERE id = $3 AND state = 'pending'")
        .bind(state.as_str())
        .bind(now)
        .bind(refund.id)
        .execute(&mut *conn)
        .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    if state == RefundState::Failed {
        sqlx::query("UPDATE order_payments SET refunded_cents = refunded_cents - $1 WHERE order_id = $2")
            .bind(refund.amount.cents())
            .bind(refund.order_id)
            .execute(conn)
            .await?;
    }
    Ok(true)
}

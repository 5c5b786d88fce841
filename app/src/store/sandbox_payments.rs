//! The sandbox gateway's own records: open payments, their outcome, the
//! refunds made on them, and the delivery of their callbacks. A real processor keeps these on its side.

use super::Db;
use sqlx::Row;

/// A payment as the sandbox's page shows it.
#[derive(Clone, Debug)]
pub struct SandboxPayment {
    pub id: String,
    pub order_reference: String,
    pub amount_cents: i64,
    pub return_url: String,
    /// 'open', 'authorised' or 'declined'.
    pub status: String,
}

/// Opens a payment for `order`, once: asked again for the same order (a
/// retry, or the same checkout answered by two processes at once), it
/// opens nothing and answers with the id of the payment opened first.
pub async fn open(
    db: &Db,
    id: &str,
    order: &str,
    amount_cents: i64,
    return_url: &str,
    now: i64,
) -> Result<String, sqlx::Error> {
    let opened: Option<String> = sqlx::query_scalar(
        "INSERT INTO sandbox_payments (id, idempotency_key, order_reference, amount_cents, return_url, status, created_at) \
         VALUES ($1, $2, $2, $3, $4, 'open', $5) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id",
    )
    .bind(id)
    .bind(order)
    .bind(amount_cents)
    .bind(return_url)
    .bind(now)
    .fetch_optional(&db.pool)
    .await?;
    match opened {
        Some(id) => Ok(id),
        // Opened before: read which (only on a retry or a race).
        None => {
            sqlx::query_scalar("SELECT id FROM sandbox_payments WHERE idempotency_key = $1")
                .bind(order)
                .fetch_one(&db.pool)
                .await
        }
    }
}

pub async fn get(db: &Db, id: &str) -> Result<Option<SandboxPayment>, sqlx::Error> {
    let row =
        sqlx::query("SELECT id, order_reference, amount_cents, return_url, status FROM sandbox_payments WHERE id = $1")
            .bind(id)
            .fetch_optional(&db.pool)
            .await?;
    row.map(|r| {
        Ok(SandboxPayment {
            id: r.try_get("id")?,
            order_reference: r.try_get("order_reference")?,
            amount_cents: r.try_get("amount_cents")?,
            return_url: r.try_get("return_url")?,
            status: r.try_get("status")?,
        })
    })
    .transpose()
}

/// Records the card's outcome, once: `false` if the payment was already decided.
pub async fn decide(
    db: &Db,
    id: &str,
    authorised: bool,
    last4: &str,
    callback_due_at: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE sandbox_payments SET status = $1, card_last4 = $2, callback_due_at = $3 \
         WHERE id = $4 AND status = 'open'",
    )
    .bind(if authorised { "authorised" } else { "declined" })
    .bind(last4)
    .bind(callback_due_at)
    .bind(id)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The sandbox's refunds of a payment, as a processor's test mode makes them.
/// `open_refund` is idempotent by the shop's key: the same key again
/// returns the refund already made, whatever the amount asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SandboxRefund {
    pub id: String,
    pub amount_cents: i64,
    /// 'refunded' or 'failed'.
    pub status: String,
}

/// Makes a refund of `amount_cents` on payment `payment_id` under the
/// shop's `key`, or returns the one already made under that key. The
/// processor's own guard: a payment that was not authorised, or whose
/// refunds would pass its amount, gets a refund that failed (its callback
/// says so). `id` is the new refund's id, used only if the key is new.
/// `None`: no such payment, or an amount that is not positive.
pub async fn open_refund(
    db: &Db,
    id: &str,
    key: &str,
    payment_id: &str,
    amount_cents: i64,
    now: i64,
    callback_due_at: i64,
) -> Result<Option<SandboxRefund>, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    if let Some(made) = refund_by_key(&mut tx, key).await? {
        tx.rollback().await?;
        return Ok(Some(made));
    }
    let payment = sqlx::query("SELECT amount_cents, status FROM sandbox_payments WHERE id = $1")
        .bind(payment_id)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(payment) = payment.filter(|_| amount_cents > 0) else {
        tx.rollback().await?;
        return Ok(None);
    };
    let refunded: i64 = sqlx::query_scalar(
        "SELECT CAST(COALESCE(SUM(amount_cents), 0) AS BIGINT) FROM sandbox_refunds \
         WHERE payment_id = $1 AND status = 'refunded'",
    )
    .bind(payment_id)
    .fetch_one(&mut *tx)
    .await?;
    let captured: i64 = payment.try_get("amount_cents")?;
    let authorised = payment.try_get::<String, _>("status")? == "authorised";
    let fits = authorised && amount_cents > 0 && refunded + amount_cents <= captured;
    let status = if fits { "refunded" } else { "failed" };
    sqlx::query(
        "INSERT INTO sandbox_refunds (id, payment_id, idempotency_key, amount_cents, status, created_at, callback_due_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id)
    .bind(payment_id)
    .bind(key)
    .bind(amount_cents)
    .bind(status)
    .bind(now)
    .bind(callback_due_at)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Some(SandboxRefund { id: id.to_owned(), amount_cents, status: status.to_owned() }))
}

async fn refund_by_key(conn: &mut sqlx::AnyConnection, key: &str) -> Result<Option<SandboxRefund>, sqlx::Error> {
    let row = sqlx::query("SELECT id, amount_cents, status FROM sandbox_refunds WHERE idempotency_key = $1")
        .bind(key)
        .fetch_optional(conn)
        .await?;
    row.map(|r| {
        Ok(SandboxRefund {
            id: r.try_get("id")?,
            amount_cents: r.try_get("amount_cents")?,
            status: r.try_get("status")?,
        })
    })
    .transpose()
}

/// The sandbox's two kinds of record whose outcome it reports by callback.
/// Both tables have the same delivery columns (`callback_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Records {
    Payments,
    Refunds,
}

impl Records {
    fn table(self) -> &'static str {
        match self {
            Records::Payments => "sandbox_payments",
            Records::Refunds => "sandbox_refunds",
        }
    }
}

/// A callback to deliver.
#[derive(Clone, Debug)]
pub struct DueCallback {
    pub records: Records,
    /// The payment's or the refund's id.
    pub id: String,
    pub order_reference: String,
    pub payment_id: String,
    pub amount_cents: i64,
    /// The record's status: 'authorised' or 'declined' for a payment,
    /// 'refunded' or 'failed' for a refund.
    pub status: String,
    /// For a refund, the shop's key for it.
    pub refund_key: Option<String>,
    pub attempts: i64,
}

/// A claim older than this is taken to belong to a worker that died.
pub const CLAIM_SECONDS: i64 = 60;

/// Claims up to `limit` callbacks of `records` that are due, for `worker`.
/// Each claim is a guarded update, so with several server processes each
/// callback is delivered by one of them at a time.
pub async fn claim_due(
    db: &Db,
    records: Records,
    worker: &str,
    now: i64,
    limit: i64,
) -> Result<Vec<DueCallback>, sqlx::Error> {
    let table = records.table();
    let rows = sqlx::query(&format!(
        "SELECT id FROM {table} WHERE callback_sent_at IS NULL AND callback_due_at <= $1 \
         AND (callback_claimed_at IS NULL OR callback_claimed_at < $2) ORDER BY callback_due_at LIMIT $3"
    ))
    .bind(now)
    .bind(now - CLAIM_SECONDS)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    let mut claimed = Vec::new();
    for row in rows {
        let id: String = row.try_get("id")?;
        let done = sqlx::query(&format!(
            "UPDATE {table} SET callback_claimed_by = $1, callback_claimed_at = $2 \
             WHERE id = $3 AND callback_sent_at IS NULL AND (callback_claimed_at IS NULL OR callback_claimed_at < $4)"
        ))
        .bind(worker)
        .bind(now)
        .bind(&id)
        .bind(now - CLAIM_SECONDS)
        .execute(&db.pool)
        .await?;
        if done.rows_affected() == 0 {
            continue;
        }
        let detail = match records {
            Records::Payments => sqlx::query(
                "SELECT order_reference, id AS payment_id, amount_cents, status, NULL AS refund_key, callback_attempts \
                 FROM sandbox_payments WHERE id = $1",
            ),
            Records::Refunds => sqlx::query(
                "SELECT p.order_reference, r.payment_id, r.amount_cents, r.status, r.idempotency_key AS refund_key, \
                 r.callback_attempts FROM sandbox_refunds r JOIN sandbox_payments p ON p.id = r.payment_id WHERE r.id = $1",
            ),
        };
        if let Some(row) = detail.bind(&id).fetch_optional(&db.pool).await? {
            claimed.push(DueCallback {
                records,
                id,
                order_reference: row.try_get("order_reference")?,
                payment_id: row.try_get("payment_id")?,
                amount_cents: row.try_get("amount_cents")?,
                status: row.try_get("status")?,
                refund_key: row.try_get("refund_key")?,
                attempts: row.try_get("callback_attempts")?,
            });
        }
    }
    Ok(claimed)
}

/// The shop answered (2xx, or a 4xx that retrying cannot change): done.
pub async fn mark_sent(db: &Db, due: &DueCallback, worker: &str, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query(&format!(
        "UPDATE {} SET callback_sent_at = $1, callback_attempts = callback_attempts + 1 \
         WHERE id = $2 AND callback_claimed_by = $3",
        due.records.table()
    ))
    .bind(now)
    .bind(&due.id)
    .bind(worker)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// The shop could not be reached: try again at `retry_at`.
pub async fn retry_later(db: &Db, due: &DueCallback, worker: &str, retry_at: i64) -> Result<(), sqlx::Error> {
    sqlx::query(&format!(
        "UPDATE {} SET callback_due_at = $1, callback_claimed_by = NULL, callback_claimed_at = NULL, \
         callback_attempts = callback_attempts + 1 WHERE id = $2 AND callback_claimed_by = $3",
        due.records.table()
    ))
    .bind(retry_at)
    .bind(&due.id)
    .bind(worker)
    .execute(&db.pool)
    .await?;
    Ok(())
}

//! The sandbox gateway's own records: open payments, their outcome, and the
//! delivery of their callbacks. A real processor keeps these on its side.

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

pub async fn open(
    db: &Db,
    id: &str,
    order: &str,
    amount_cents: i64,
    return_url: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO sandbox_payments (id, order_reference, amount_cents, return_url, status, created_at) \
         VALUES ($1, $2, $3, $4, 'open', $5)",
    )
    .bind(id)
    .bind(order)
    .bind(amount_cents)
    .bind(return_url)
    .bind(now)
    .execute(&db.pool)
    .await?;
    Ok(())
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

/// A callback to deliver.
#[derive(Clone, Debug)]
pub struct DueCallback {
    pub id: String,
    pub order_reference: String,
    pub amount_cents: i64,
    pub authorised: bool,
    pub attempts: i64,
}

/// A claim older than this is taken to belong to a worker that died.
pub const CLAIM_SECONDS: i64 = 60;

/// Claims up to `limit` callbacks that are due, for `worker`. Each claim is a
/// guarded update, so with several server processes each callback is
/// delivered by one of them at a time.
pub async fn claim_due(db: &Db, worker: &str, now: i64, limit: i64) -> Result<Vec<DueCallback>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id FROM sandbox_payments WHERE callback_sent_at IS NULL AND callback_due_at <= $1 \
         AND (callback_claimed_at IS NULL OR callback_claimed_at < $2) ORDER BY callback_due_at LIMIT $3",
    )
    .bind(now)
    .bind(now - CLAIM_SECONDS)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    let mut claimed = Vec::new();
    for row in rows {
        let id: String = row.try_get("id")?;
        let row = sqlx::query(
            "UPDATE sandbox_payments SET callback_claimed_by = $1, callback_claimed_at = $2 \
             WHERE id = $3 AND callback_sent_at IS NULL AND (callback_claimed_at IS NULL OR callback_claimed_at < $4) \
             RETURNING order_reference, amount_cents, status, callback_attempts",
        )
        .bind(worker)
        .bind(now)
        .bind(&id)
        .bind(now - CLAIM_SECONDS)
        .fetch_optional(&db.pool)
        .await?;
        if let Some(row) = row {
            claimed.push(DueCallback {
                id,
                order_reference: row.try_get("order_reference")?,
                amount_cents: row.try_get("amount_cents")?,
                authorised: row.try_get::<String, _>("status")? == "authorised",
                attempts: row.try_get("callback_attempts")?,
            });
        }
    }
    Ok(claimed)
}

/// The shop answered (2xx, or a 4xx that retrying cannot change): done.
pub async fn mark_sent(db: &Db, id: &str, worker: &str, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE sandbox_payments SET callback_sent_at = $1, callback_attempts = callback_attempts + 1 \
         WHERE id = $2 AND callback_claimed_by = $3",
    )
    .bind(now)
    .bind(id)
    .bind(worker)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// The shop could not be reached: try again at `retry_at`.
pub async fn retry_later(db: &Db, id: &str, worker: &str, retry_at: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE sandbox_payments SET callback_due_at = $1, callback_claimed_by = NULL, callback_claimed_at = NULL, \
         callback_attempts = callback_attempts + 1 WHERE id = $2 AND callback_claimed_by = $3",
    )
    .bind(retry_at)
    .bind(id)
    .bind(worker)
    .execute(&db.pool)
    .await?;
    Ok(())
}

//! Attempt counts behind the rate limits of [`crate::domain::rate_limit`].

use super::Db;
use crate::domain::rate_limit::Limit;

/// The longest window any limit counts over; older rows are pruned.
const LONGEST_WINDOW_SECONDS: i64 = 60 * 60;

/// Whether one more attempt by `subject` is allowed under `limit` at `now`.
pub async fn allows(db: &Db, limit: Limit, subject: &str, now: i64) -> Result<bool, sqlx::Error> {
    Ok(limit.allows(recent(db, limit, subject, now).await?))
}

/// The attempts `subject` made under `limit` within its window before `now`.
async fn recent(db: &Db, limit: Limit, subject: &str, now: i64) -> Result<u32, sqlx::Error> {
    let recent: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM rate_events WHERE bucket = $1 AND at > $2")
        .bind(limit.key(subject))
        .bind(limit.window_start(now))
        .fetch_one(&db.pool)
        .await?;
    Ok(u32::try_from(recent).unwrap_or(u32::MAX))
}

/// Counts one attempt by `subject` under `limit` first, then says whether
/// it is within the limit. Counting before deciding holds under
/// concurrency: of many attempts sent at once, each sees at least the
/// ones inserted before it, so no more than `max` pass.
pub async fn record_then_allows(db: &Db, limit: Limit, subject: &str, now: i64) -> Result<bool, sqlx::Error> {
    record(db, limit, subject, now).await?;
    // This attempt is counted already: it passes if the count is at most the limit.
    Ok(recent(db, limit, subject, now).await? <= limit.max)
}

/// Forgets the attempts counted for `subject` under `limit` (after a success).
pub async fn clear(db: &Db, limit: Limit, subject: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM rate_events WHERE bucket = $1").bind(limit.key(subject)).execute(&db.pool).await?;
    Ok(())
}

/// Counts one attempt by `subject` under `limit`.
pub async fn record(db: &Db, limit: Limit, subject: &str, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO rate_events (bucket, at) VALUES ($1, $2)")
        .bind(limit.key(subject))
        .bind(now)
        .execute(&db.pool)
        .await?;
    sqlx::query("DELETE FROM rate_events WHERE at <= $1").bind(now - LONGEST_WINDOW_SECONDS).execute(&db.pool).await?;
    Ok(())
}

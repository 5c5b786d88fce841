//! Attempt counts behind the rate limits of [`crate::domain::rate_limit`].

use super::Db;
use crate::domain::rate_limit::Limit;

/// The longest window any limit counts over; older rows are pruned.
const LONGEST_WINDOW_SECONDS: i64 = 60 * 60;

/// One attempt counted under a limit: its row, to forget after a success
/// where only failures count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counted(i64);

/// Counts one attempt by `subject` under `limit` first, then says whether
/// it is within the limit. Counting before deciding holds under
/// concurrency: of many attempts sent at once (on one server or several),
/// each sees at least the ones counted before it, so no more than `max`
/// pass.
pub async fn count_then_allows(db: &Db, limit: Limit, subject: &str, now: i64) -> Result<(Counted, bool), sqlx::Error> {
    let id: i64 = sqlx::query_scalar("INSERT INTO rate_events (bucket, at) VALUES ($1, $2) RETURNING id")
        .bind(limit.key(subject))
        .bind(now)
        .fetch_one(&db.pool)
        .await?;
    sqlx::query("DELETE FROM rate_events WHERE at <= $1").bind(now - LONGEST_WINDOW_SECONDS).execute(&db.pool).await?;
    // This attempt is counted already: it passes if the count is at most the limit.
    Ok((Counted(id), recent(db, limit, subject, now).await? <= limit.max))
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

/// Forgets one counted attempt (it succeeded, and only failures count).
pub async fn forget(db: &Db, counted: Counted) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM rate_events WHERE id = $1").bind(counted.0).execute(&db.pool).await?;
    Ok(())
}

/// Forgets the attempts counted for `subject` under `limit` (after a success).
pub async fn clear(db: &Db, limit: Limit, subject: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM rate_events WHERE bucket = $1").bind(limit.key(subject)).execute(&db.pool).await?;
    Ok(())
}

/// Forgets every attempt counted for `subject` under each of `limits`, and
/// under keys that begin with one of `prefixes` (account deletion: the
/// address's counts, its known browsers' counts), inside the caller's
/// transaction.
pub async fn erase(
    conn: &mut sqlx::AnyConnection,
    limits: &[(Limit, &str)],
    prefixes: &[String],
) -> Result<(), sqlx::Error> {
    for (limit, subject) in limits {
        sqlx::query("DELETE FROM rate_events WHERE bucket = $1").bind(limit.key(subject)).execute(&mut *conn).await?;
    }
    for prefix in prefixes {
        // `substr`, not `LIKE`: an address may hold `_` or `%`.
        sqlx::query("DELETE FROM rate_events WHERE substr(bucket, 1, length($1)) = $1")
            .bind(prefix)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Deletes the attempts no limit counts any more: the addresses and
/// clients they name are kept no longer than an hour, busy or not.
pub async fn prune(db: &Db, now: i64) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM rate_events WHERE at <= $1")
        .bind(now - LONGEST_WINDOW_SECONDS)
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected())
}

//! Server-side sessions: a row per signed-in browser, found by the SHA-256
//! of the cookie's token. In the database, so every replica can serve any
//! request, and ending a session (sign-out, password reset, account
//! deletion) takes effect everywhere at once.

use super::Db;
use crate::auth::token::Token;
use sqlx::AnyConnection;

/// Starts a session for a customer.
pub async fn create(
    conn: &mut AnyConnection,
    token: &Token,
    customer_id: i64,
    now: i64,
    expires_at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO sessions (token_digest, customer_id, created_at, expires_at, password_at) \
         VALUES ($1, $2, $3, $4, $3)",
    )
    .bind(token.digest())
    .bind(customer_id)
    .bind(now)
    .bind(expires_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// Marks a session as having passed the second factor.
pub async fn pass_second_factor(conn: &mut AnyConnection, token: &Token, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE sessions SET second_factor_at = $1 WHERE token_digest = $2")
        .bind(now)
        .bind(token.digest())
        .execute(conn)
        .await?;
    Ok(())
}

/// Records that the password was just typed again in a session (a sensitive action asked for it).
pub async fn password_typed(db: &Db, token: &Token, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE sessions SET password_at = $1 WHERE token_digest = $2")
        .bind(now)
        .bind(token.digest())
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Pushes a session's expiry back.
pub async fn renew(db: &Db, token: &Token, expires_at: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE sessions SET expires_at = $1 WHERE token_digest = $2")
        .bind(expires_at)
        .bind(token.digest())
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Ends one session.
pub async fn end(conn: &mut AnyConnection, token: &Token) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE token_digest = $1").bind(token.digest()).execute(conn).await?;
    Ok(())
}

/// Ends every session of a customer but `keep` (the one making the change, if any).
pub async fn end_all_for(conn: &mut AnyConnection, customer_id: i64, keep: Option<&Token>) -> Result<u64, sqlx::Error> {
    let kept = keep.map(Token::digest).unwrap_or_default();
    let done = sqlx::query("DELETE FROM sessions WHERE customer_id = $1 AND token_digest <> $2")
        .bind(customer_id)
        .bind(kept)
        .execute(conn)
        .await?;
    Ok(done.rows_affected())
}

/// Forgets sessions that have expired.
pub async fn prune(conn: &mut AnyConnection, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE expires_at <= $1").bind(now).execute(conn).await?;
    Ok(())
}

/// How many live sessions a customer has (for tests and the account page).
pub async fn count_for(db: &Db, customer_id: i64, now: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE customer_id = $1 AND expires_at > $2")
        .bind(customer_id)
        .bind(now)
        .fetch_one(&db.pool)
        .await
}

//! Single-use links sent by email: password reset (one hour) and address
//! confirmation (a week). Only the token's SHA-256 is stored.

use super::Db;
use crate::auth::token::Token;
use crate::domain::account::{reset_link_usable, RESET_LINK_SECONDS, VERIFY_LINK_SECONDS};
use sqlx::{AnyConnection, Row};

/// What a link is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Reset,
    Verify,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Purpose::Reset => "reset",
            Purpose::Verify => "verify",
        }
    }

    /// Whether a link issued at `issued_at` still works at `now`.
    fn usable(self, issued_at: i64, now: i64, used: bool) -> bool {
        match self {
            Purpose::Reset => reset_link_usable(issued_at, now, used),
            Purpose::Verify => !used && now >= issued_at && now - issued_at < VERIFY_LINK_SECONDS,
        }
    }
}

/// Issues a new link for a customer and returns its token (to be emailed, never stored).
pub async fn issue(
    conn: &mut AnyConnection,
    customer_id: i64,
    purpose: Purpose,
    now: i64,
) -> Result<Token, sqlx::Error> {
    let token = Token::generate();
    sqlx::query("INSERT INTO account_tokens (token_digest, customer_id, purpose, created_at) VALUES ($1, $2, $3, $4)")
        .bind(token.digest())
        .bind(customer_id)
        .bind(purpose.as_str())
        .bind(now)
        .execute(conn)
        .await?;
    Ok(token)
}

/// The customer a link belongs to, if it still works (not used, not expired). Uses nothing up.
pub async fn check(db: &Db, token: &Token, purpose: Purpose, now: i64) -> Result<Option<i64>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT customer_id, created_at, used_at FROM account_tokens WHERE token_digest = $1 AND purpose = $2",
    )
    .bind(token.digest())
    .bind(purpose.as_str())
    .fetch_optional(&db.pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let used = row.try_get::<Option<i64>, _>("used_at")?.is_some();
    purpose.usable(row.try_get("created_at")?, now, used).then(|| row.try_get("customer_id")).transpose()
}

/// Uses a link up, inside the caller's transaction. Returns its customer,
/// or `None` if it does not work — or if another request used it first:
/// the guarded update lets only one of two racing requests through.
pub async fn consume(
    conn: &mut AnyConnection,
    token: &Token,
    purpose: Purpose,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let earliest = now
        - match purpose {
            Purpose::Reset => RESET_LINK_SECONDS,
            Purpose::Verify => VERIFY_LINK_SECONDS,
        };
    let customer: Option<i64> = sqlx::query_scalar(
        "UPDATE account_tokens SET used_at = $1 \
         WHERE token_digest = $2 AND purpose = $3 AND used_at IS NULL AND created_at > $4 AND created_at <= $1 \
         RETURNING customer_id",
    )
    .bind(now)
    .bind(token.digest())
    .bind(purpose.as_str())
    .bind(earliest)
    .fetch_optional(conn)
    .await?;
    Ok(customer)
}

/// Spends every other unused link of this purpose (after a reset, older reset links stop working).
pub async fn spend_all(
    conn: &mut AnyConnection,
    customer_id: i64,
    purpose: Purpose,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE account_tokens SET used_at = $1 WHERE customer_id = $2 AND purpose = $3 AND used_at IS NULL")
        .bind(now)
        .bind(customer_id)
        .bind(purpose.as_str())
        .execute(conn)
        .await?;
    Ok(())
}

//! Staff's second factor: the authenticator's secret, the last step a code
//! was accepted for, and the recovery codes' digests. Every "use" is one
//! guarded UPDATE, so a code sent twice at once (or to two replicas) is
//! accepted once.

use super::Db;
use sqlx::{AnyConnection, Row};

/// A member of staff's authenticator as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredFactor {
    /// The base32 secret the authenticator app holds.
    pub secret: String,
    /// Whether a code has confirmed it (until then it is only offered).
    pub enrolled: bool,
    /// The last step a code was accepted for.
    pub last_step: i64,
    /// The session (its token's digest) a secret not yet confirmed was shown to.
    pub offered_to: String,
}

/// The authenticator of a member of staff, if one was offered.
pub async fn get(db: &Db, customer_id: i64) -> Result<Option<StoredFactor>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT secret, enrolled_at, last_step, offered_to FROM staff_second_factors WHERE customer_id = $1",
    )
    .bind(customer_id)
    .fetch_optional(&db.pool)
    .await?;
    row.map(|r| {
        Ok(StoredFactor {
            secret: r.try_get("secret")?,
            enrolled: r.try_get::<Option<i64>, _>("enrolled_at")?.is_some(),
            last_step: r.try_get("last_step")?,
            offered_to: r.try_get("offered_to")?,
        })
    })
    .transpose()
}

/// Offers a secret to a member of staff who has not enrolled, in the
/// session `session` (its token's digest). The same session keeps its
/// offer, so a page reloaded (or a code mistyped) shows the QR code already
/// scanned; another session gets a new secret, so a key shown to a session
/// opened with a stolen password stops working once the owner opens the
/// page. An enrolment is never replaced from here. Returns the secret on
/// offer to this session, or enrolled.
pub async fn offer(
    conn: &mut AnyConnection,
    customer_id: i64,
    secret: &str,
    session: &str,
    now: i64,
) -> Result<String, sqlx::Error> {
    sqlx::query(
        "INSERT INTO staff_second_factors (customer_id, secret, offered_to, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (customer_id) DO UPDATE SET secret = excluded.secret, offered_to = excluded.offered_to, \
         created_at = excluded.created_at, last_step = 0 \
         WHERE staff_second_factors.enrolled_at IS NULL AND staff_second_factors.offered_to <> excluded.offered_to",
    )
    .bind(customer_id)
    .bind(secret)
    .bind(session)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    sqlx::query_scalar("SELECT secret FROM staff_second_factors WHERE customer_id = $1")
        .bind(customer_id)
        .fetch_one(&mut *conn)
        .await
}

/// Stores the recovery codes of an enrolled member of staff, once: `false`
/// (and nothing written) if they were issued already, so they are shown
/// only once, however often the page is loaded.
pub async fn issue_recovery(
    conn: &mut AnyConnection,
    customer_id: i64,
    digests: &[String],
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE staff_second_factors SET recovery_issued_at = $1 \
         WHERE customer_id = $2 AND enrolled_at IS NOT NULL AND recovery_issued_at IS NULL",
    )
    .bind(now)
    .bind(customer_id)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    for digest in digests {
        sqlx::query("INSERT INTO staff_recovery_codes (customer_id, code_digest) VALUES ($1, $2)")
            .bind(customer_id)
            .bind(digest)
            .execute(&mut *conn)
            .await?;
    }
    Ok(true)
}

/// Takes a code's step as used (and confirms the enrolment, the first
/// time). `false` if that step, or a later one, was used already.
pub async fn use_step(conn: &mut AnyConnection, customer_id: i64, step: i64, now: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE staff_second_factors SET last_step = $1, enrolled_at = COALESCE(enrolled_at, $2) \
         WHERE customer_id = $3 AND last_step < $1",
    )
    .bind(step)
    .bind(now)
    .bind(customer_id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Takes a recovery code as used. `false` if it is not one of theirs, or was used already.
pub async fn use_recovery(
    conn: &mut AnyConnection,
    customer_id: i64,
    digest: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE staff_recovery_codes SET used_at = $1 WHERE customer_id = $2 AND code_digest = $3 AND used_at IS NULL",
    )
    .bind(now)
    .bind(customer_id)
    .bind(digest)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// How many recovery codes a member of staff has left.
pub async fn recovery_left(db: &Db, customer_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM staff_recovery_codes WHERE customer_id = $1 AND used_at IS NULL")
        .bind(customer_id)
        .fetch_one(&db.pool)
        .await
}

/// Forgets a member of staff's authenticator and recovery codes (a lost
/// phone: the engineer's command), so that they enrol again at their next
/// sign-in. `false` if they had none.
pub async fn reset(conn: &mut AnyConnection, customer_id: i64) -> Result<bool, sqlx::Error> {
    sqlx::query("DELETE FROM staff_recovery_codes WHERE customer_id = $1")
        .bind(customer_id)
        .execute(&mut *conn)
        .await?;
    let done = sqlx::query("DELETE FROM staff_second_factors WHERE customer_id = $1")
        .bind(customer_id)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

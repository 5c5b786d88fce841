//! The email outbox: written in the transaction of the change that causes an
//! email, claimed by one worker at a time, marked sent or failed.
//!
//! Claiming is a guarded `UPDATE … WHERE (unclaimed or lease expired)`,
//! checked by its affected-row count: correct on SQLite and PostgreSQL
//! alike, with no table locks, however many server processes share the
//! database. A worker that dies mid-send loses its lease, and the email is
//! claimed again later: delivery is at least once per attempt, and a sent
//! email is never claimed again.

use super::Db;
use crate::domain::{
    account::Email,
    outbox::{retry_delay, OutgoingEmail},
};
use sqlx::{AnyConnection, Row};

/// An email a worker has claimed and must now send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimedEmail {
    pub id: i64,
    pub email: OutgoingEmail,
    /// Failed attempts so far.
    pub attempts: u32,
    /// When it was written (Unix seconds).
    pub created_at: i64,
}

impl ClaimedEmail {
    /// The email's `Message-ID`, the same at every attempt: a worker that
    /// dies after the mail server took the email, before recording it sent,
    /// leaves it to be sent again once its lease lapses, and the second copy
    /// carries the first one's id, so it is known for a copy (RFC 5322 3.6.4).
    /// `domain` is the sender's.
    pub fn message_id(&self, domain: &str) -> String {
        format!("<outbox.{}.{}@{domain}>", self.id, self.created_at)
    }
}

/// Adds an email to the outbox, inside the caller's transaction. It is
/// about its recipient: deleting the recipient's account deletes it.
pub async fn enqueue(conn: &mut AnyConnection, email: &OutgoingEmail, now: i64) -> Result<i64, sqlx::Error> {
    enqueue_about(conn, email, &email.to, now).await
}

/// Adds an email about `about`, who is not its recipient (client service's
/// copy of a customer's message): deleting `about`'s account deletes it.
pub async fn enqueue_about(
    conn: &mut AnyConnection,
    email: &OutgoingEmail,
    about: &Email,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO outbox (to_address, subject, text_body, html_body, unsubscribe_url, created_at, next_attempt_at, \
         about_key) VALUES ($1, $2, $3, $4, $5, $6, $6, $7) RETURNING id",
    )
    .bind(email.to.as_str())
    .bind(&email.subject)
    .bind(&email.text_body)
    .bind(&email.html_body)
    .bind(email.unsubscribe_url.as_deref())
    .bind(now)
    .bind(about.lookup_key())
    .fetch_one(conn)
    .await
}

/// Deletes every email to or about the address `email_key` (account
/// deletion), inside the caller's transaction. An email a worker is
/// sending right now is not recorded as sent (`mark_sent` finds no row).
pub async fn erase_about(conn: &mut AnyConnection, email_key: &str) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM outbox WHERE about_key = $1 OR lower(to_address) = $1")
        .bind(email_key)
        .execute(conn)
        .await?;
    Ok(done.rows_affected())
}

/// Deletes the emails written before `cutoff` (Unix seconds), sent or not:
/// what the retention period keeps is over (`VITRINE_EMAIL_RETENTION_DAYS`).
pub async fn purge_written_before(db: &Db, cutoff: i64) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM outbox WHERE created_at < $1").bind(cutoff).execute(&db.pool).await?;
    Ok(done.rows_affected())
}

/// The condition under which a row may be claimed at `now` (placeholder `$now`).
const CLAIMABLE: &str =
    "sent_at IS NULL AND next_attempt_at <= $NOW AND (claimed_until IS NULL OR claimed_until < $NOW)";

/// Claims up to `limit` emails that are due, for `lease` seconds. Emails
/// another worker claimed first are skipped, never shared.
pub async fn claim_due(
    db: &Db,
    worker: &str,
    now: i64,
    lease: i64,
    limit: i64,
) -> Result<Vec<ClaimedEmail>, sqlx::Error> {
    // The rows are read with the candidates: only a row's claim changes
    // under a worker's feet, never its message.
    let candidates = sqlx::query(&format!(
        "SELECT id, to_address, subject, text_body, html_body, unsubscribe_url, attempts, created_at FROM outbox \
         WHERE {} ORDER BY next_attempt_at, id LIMIT $2",
        CLAIMABLE.replace("$NOW", "$1")
    ))
    .bind(now)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;

    let mut claimed = Vec::new();
    for row in candidates {
        let id: i64 = row.try_get("id")?;
        let won = sqlx::query(&format!(
            "UPDATE outbox SET claimed_by = $1, claimed_until = $2 WHERE id = $3 AND {}",
            CLAIMABLE.replace("$NOW", "$4")
        ))
        .bind(worker)
        .bind(now + lease)
        .bind(id)
        .bind(now)
        .execute(&db.pool)
        .await?
        .rows_affected()
            == 1;
        if !won {
            continue;
        }
        let to: String = row.try_get("to_address")?;
        let to =
            Email::parse(&to).map_err(|_| sqlx::Error::Decode(format!("corrupt address in outbox row {id}").into()))?;
        claimed.push(ClaimedEmail {
            id,
            attempts: u32::try_from(row.try_get::<i64, _>("attempts")?).unwrap_or(u32::MAX),
            created_at: row.try_get("created_at")?,
            email: OutgoingEmail {
                to,
                subject: row.try_get("subject")?,
                text_body: row.try_get("text_body")?,
                html_body: row.try_get("html_body")?,
                unsubscribe_url: row.try_get("unsubscribe_url")?,
            },
        });
    }
    Ok(claimed)
}

/// Records that `worker` sent the email, keeping of it only `kept`: its
/// bodies with the secrets of their links left out (tokens and order keys
/// are needed until the email is delivered, and not a moment longer), and
/// no unsubscribe link. Returns false if the worker's claim had lapsed and
/// another took it (that one will record the outcome), or the email was
/// erased meanwhile.
pub async fn mark_sent(db: &Db, id: i64, worker: &str, kept: &KeptBodies, now: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE outbox SET sent_at = $1, claimed_by = NULL, claimed_until = NULL, text_body = $4, html_body = $5, \
         unsubscribe_url = NULL WHERE id = $2 AND claimed_by = $3 AND sent_at IS NULL",
    )
    .bind(now)
    .bind(id)
    .bind(worker)
    .bind(&kept.text_body)
    .bind(&kept.html_body)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// What is kept of an email's bodies once it is sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeptBodies {
    pub text_body: String,
    pub html_body: String,
}

/// Records a failed attempt and when to try again (backing off).
pub async fn mark_failed(db: &Db, id: i64, worker: &str, error: &str, now: i64) -> Result<bool, sqlx::Error> {
    let attempts: Option<i64> =
        sqlx::query_scalar("SELECT attempts FROM outbox WHERE id = $1 AND claimed_by = $2 AND sent_at IS NULL")
            .bind(id)
            .bind(worker)
            .fetch_optional(&db.pool)
            .await?;
    let Some(attempts) = attempts else { return Ok(false) };
    let failures = u32::try_from(attempts + 1).unwrap_or(u32::MAX);
    // Errors from mail servers can be long; the start says what went wrong.
    let error: String = error.chars().take(500).collect();
    let done = sqlx::query(
        "UPDATE outbox SET attempts = $1, last_error = $2, next_attempt_at = $3, claimed_by = NULL, claimed_until = NULL \
         WHERE id = $4 AND claimed_by = $5 AND sent_at IS NULL",
    )
    .bind(attempts + 1)
    .bind(error)
    .bind(now + retry_delay(failures))
    .bind(id)
    .bind(worker)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// What the outbox holds for one row: for tests and the staff's view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutboxState {
    pub attempts: i64,
    pub last_error: Option<String>,
    pub next_attempt_at: i64,
    pub sent_at: Option<i64>,
}

/// The delivery state of one email.
pub async fn state(db: &Db, id: i64) -> Result<Option<OutboxState>, sqlx::Error> {
    let row = sqlx::query("SELECT attempts, last_error, next_attempt_at, sent_at FROM outbox WHERE id = $1")
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
    row.map(|r| {
        Ok(OutboxState {
            attempts: r.try_get("attempts")?,
            last_error: r.try_get("last_error")?,
            next_attempt_at: r.try_get("next_attempt_at")?,
            sent_at: r.try_get("sent_at")?,
        })
    })
    .transpose()
}

/// One email as the development mailbox lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutboxEntry {
    pub id: i64,
    pub to: String,
    pub subject: String,
    pub text_body: String,
    pub html_body: String,
    pub created_at: i64,
    pub state: OutboxState,
}

/// The newest emails, sent or not, newest first.
pub async fn recent(db: &Db, limit: i64) -> Result<Vec<OutboxEntry>, sqlx::Error> {
    sqlx::query(
        "SELECT id, to_address, subject, text_body, html_body, created_at, attempts, last_error, next_attempt_at, \
         sent_at FROM outbox ORDER BY id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| {
        Ok(OutboxEntry {
            id: r.try_get("id")?,
            to: r.try_get("to_address")?,
            subject: r.try_get("subject")?,
            text_body: r.try_get("text_body")?,
            html_body: r.try_get("html_body")?,
            created_at: r.try_get("created_at")?,
            state: OutboxState {
                attempts: r.try_get("attempts")?,
                last_error: r.try_get("last_error")?,
                next_attempt_at: r.try_get("next_attempt_at")?,
                sent_at: r.try_get("sent_at")?,
            },
        })
    })
    .collect()
}

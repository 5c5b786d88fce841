//! The newsletter list: one row per address, with or without an account.

use super::Db;
use crate::auth::token::Token;
use crate::domain::{
    account::Email,
    locale::Locale,
    newsletter::{confirm_link_usable, Subscription},
};
use sqlx::{AnyConnection, Row};

/// Where an address stands, inside a transaction.
pub async fn status_in(conn: &mut AnyConnection, email: &Email) -> Result<Subscription, sqlx::Error> {
    let status: Option<String> = sqlx::query_scalar("SELECT status FROM newsletter_subscribers WHERE email_key = $1")
        .bind(email.lookup_key())
        .fetch_optional(conn)
        .await?;
    Ok(status.as_deref().and_then(Subscription::parse).unwrap_or(Subscription::None))
}

/// Where an address stands.
pub async fn status(db: &Db, email: &Email) -> Result<Subscription, sqlx::Error> {
    let mut conn = db.pool.acquire().await?;
    status_in(&mut conn, email).await
}

/// Records a subscription request awaiting confirmation by `confirm`
/// (a fresh link replaces any earlier one).
/// `locale` is the language the subscriber signed up in, which their
/// newsletters are written in.
pub async fn request(
    conn: &mut AnyConnection,
    email: &Email,
    confirm: &Token,
    locale: Locale,
    now: i64,
) -> Result<(), sqlx::Error> {
    let updated = sqlx::query(
        "UPDATE newsletter_subscribers SET status = 'pending', email = $1, confirm_digest = $2, confirm_sent_at = $3, \
         locale = $5 WHERE email_key = $4",
    )
    .bind(email.as_str())
    .bind(confirm.digest())
    .bind(now)
    .bind(email.lookup_key())
    .bind(locale.tag())
    .execute(&mut *conn)
    .await?;
    if updated.rows_affected() == 0 {
        sqlx::query(
            "INSERT INTO newsletter_subscribers (email, email_key, status, confirm_digest, confirm_sent_at, \
             unsubscribe_token, created_at, locale) VALUES ($1, $2, 'pending', $3, $4, $5, $4, $6)",
        )
        .bind(email.as_str())
        .bind(email.lookup_key())
        .bind(confirm.digest())
        .bind(now)
        .bind(Token::generate().as_str())
        .bind(locale.tag())
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Confirms the subscription a link was sent for. Returns the address and
/// its unsubscribe token and the language the subscriber signed up in, or
/// `None` if the link does not work (unknown, expired, already used).
pub async fn confirm(
    conn: &mut AnyConnection,
    link: &Token,
    now: i64,
) -> Result<Option<(Email, Token, Locale)>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT id, email, status, confirm_sent_at, unsubscribe_token, locale FROM newsletter_subscribers \
         WHERE confirm_digest = $1",
    )
    .bind(link.digest())
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let status = row.try_get::<String, _>("status").map(|s| Subscription::parse(&s).unwrap_or(Subscription::None))?;
    let sent_at: Option<i64> = row.try_get("confirm_sent_at")?;
    if !sent_at.is_some_and(|sent| confirm_link_usable(status, sent, now)) {
        return Ok(None);
    }
    let id: i64 = row.try_get("id")?;
    // Guarded: of two clicks racing, one confirms and sends the welcome.
    let done = sqlx::query(
        "UPDATE newsletter_subscribers SET status = 'subscribed', confirmed_at = $1, confirm_digest = NULL \
         WHERE id = $2 AND status = 'pending'",
    )
    .bind(now)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(None);
    }
    let email: String = row.try_get("email")?;
    let unsubscribe: String = row.try_get("unsubscribe_token")?;
    let locale = super::customers::stored_locale(&row)?;
    match (Email::parse(&email), Token::parse(&unsubscribe)) {
        (Ok(email), Some(unsubscribe)) => Ok(Some((email, unsubscribe, locale))),
        _ => Err(sqlx::Error::Decode(format!("corrupt newsletter subscriber {id}").into())),
    }
}

/// Takes an address off the list (or withdraws a pending request).
/// Returns where it stood before.
pub async fn unsubscribe(conn: &mut AnyConnection, email: &Email, now: i64) -> Result<Subscription, sqlx::Error> {
    let before = status_in(conn, email).await?;
    if matches!(before, Subscription::Subscribed | Subscription::Pending) {
        sqlx::query(
            "UPDATE newsletter_subscribers SET status = 'unsubscribed', unsubscribed_at = $1, confirm_digest = NULL \
             WHERE email_key = $2",
        )
        .bind(now)
        .bind(email.lookup_key())
        .execute(&mut *conn)
        .await?;
    }
    Ok(before)
}

/// The address an unsubscribe token belongs to.
pub async fn by_unsubscribe_token(conn: &mut AnyConnection, token: &Token) -> Result<Option<Email>, sqlx::Error> {
    let email: Option<String> =
        sqlx::query_scalar("SELECT email FROM newsletter_subscribers WHERE unsubscribe_token = $1")
            .bind(token.as_str())
            .fetch_optional(conn)
            .await?;
    Ok(email.and_then(|e| Email::parse(&e).ok()))
}

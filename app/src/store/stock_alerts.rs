//! Back-in-stock alerts: an address waiting for one (product, size).
//!
//! An alert row exists only while it waits. It is deleted when its email
//! is written to the outbox (used up), when the shopper cancels it, and
//! with the account of its address.

use super::customers::stored_locale;
use crate::auth::token::Token;
use crate::domain::{account::Email, catalogue::SizeLabel, locale::Locale, stock_alert::WhoIsTold};
use sqlx::{AnyConnection, Row};

/// Leaves an alert, inside the caller's transaction. `Some(token)` for a
/// new one, `None` when this address already waits for this (product,
/// size): nothing is written then.
pub async fn register(
    conn: &mut AnyConnection,
    product_id: i64,
    size: Option<&SizeLabel>,
    email: &Email,
    locale: Locale,
    now: i64,
) -> Result<Option<Token>, sqlx::Error> {
    let token = Token::generate();
    // The unique (product, size, address) decides between two identical
    // requests racing: one inserts, the other does nothing.
    let done = sqlx::query(
        "INSERT INTO stock_alerts (product_id, size, email, email_key, locale, cancel_token, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (product_id, size, email_key) DO NOTHING",
    )
    .bind(product_id)
    .bind(size.map_or("", SizeLabel::as_str))
    .bind(email.as_str())
    .bind(email.lookup_key())
    .bind(locale.tag())
    .bind(token.as_str())
    .bind(now)
    .execute(conn)
    .await?;
    Ok((done.rows_affected() == 1).then_some(token))
}

/// A waiting alert as its cancel page shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AlertHead {
    pub id: i64,
    pub product_slug: String,
    pub product_name: String,
    pub size: String,
    pub email: String,
}

/// The alert a cancel link is for, its piece named in `locale`.
pub async fn by_token(
    conn: &mut AnyConnection,
    token: &Token,
    locale: Locale,
) -> Result<Option<AlertHead>, sqlx::Error> {
    let l = super::products::text_column(locale);
    let row = sqlx::query(&format!(
        "SELECT a.id, p.slug, p.name{l} AS name, a.size, a.email FROM stock_alerts a \
         JOIN products p ON p.id = a.product_id WHERE a.cancel_token = $1"
    ))
    .bind(token.as_str())
    .fetch_optional(conn)
    .await?;
    row.map(|r| {
        Ok(AlertHead {
            id: r.try_get("id")?,
            product_slug: r.try_get("slug")?,
            product_name: r.try_get("name")?,
            size: r.try_get("size")?,
            email: r.try_get("email")?,
        })
    })
    .transpose()
}

/// Cancels an alert. False if it was no longer waiting.
pub async fn cancel(conn: &mut AnyConnection, id: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM stock_alerts WHERE id = $1").bind(id).execute(conn).await?;
    Ok(done.rows_affected() == 1)
}

/// An alert taken for sending: its address, the language to write in, and
/// its piece named in that language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueAlert {
    pub email: Email,
    pub locale: Locale,
    pub product_name: String,
    pub cancel_token: String,
}

/// Takes the alerts a restock of (product, size) sends, inside the
/// restock's transaction: each is deleted as it is taken, and only an
/// alert this transaction deleted is returned, so however many restocks or
/// server processes run at once, each alert is taken once.
///
/// The email is written in the language of the address's account if it
/// has one (its owner's choice), else in the language the alert was left in.
pub async fn take_due(
    conn: &mut AnyConnection,
    product_id: i64,
    size: Option<&SizeLabel>,
    who: WhoIsTold,
) -> Result<Vec<DueAlert>, sqlx::Error> {
    let only_accounts = match who {
        WhoIsTold::Nobody => return Ok(Vec::new()),
        WhoIsTold::Everyone => "",
        WhoIsTold::AccountHoldersOnly => " AND c.id IS NOT NULL",
    };
    let rows = sqlx::query(&format!(
        "SELECT a.id, a.email, COALESCE(c.locale, a.locale) AS locale, p.name, p.name_fr, a.cancel_token \
         FROM stock_alerts a JOIN products p ON p.id = a.product_id \
         LEFT JOIN customers c ON c.email_key = a.email_key \
         WHERE a.product_id = $1 AND a.size = $2{only_accounts} ORDER BY a.id"
    ))
    .bind(product_id)
    .bind(size.map_or("", SizeLabel::as_str))
    .fetch_all(&mut *conn)
    .await?;
    let mut due = Vec::with_capacity(rows.len());
    for row in rows {
        let id: i64 = row.try_get("id")?;
        if !cancel(conn, id).await? {
            continue;
        }
        let raw: String = row.try_get("email")?;
        let email =
            Email::parse(&raw).map_err(|_| sqlx::Error::Decode(format!("corrupt alert address {id}").into()))?;
        let locale = stored_locale(&row)?;
        let product_name = row.try_get(if locale == Locale::Fr { "name_fr" } else { "name" })?;
        due.push(DueAlert { email, locale, product_name, cancel_token: row.try_get("cancel_token")? });
    }
    Ok(due)
}

/// How many alerts wait for each (product id, size): for the staff's stock page.
pub async fn waiting_counts(db: &super::Db) -> Result<Vec<(i64, String, i64)>, sqlx::Error> {
    sqlx::query("SELECT product_id, size, COUNT(*) AS waiting FROM stock_alerts GROUP BY product_id, size")
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|r| Ok((r.try_get("product_id")?, r.try_get("size")?, r.try_get("waiting")?)))
        .collect()
}

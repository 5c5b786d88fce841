//! Client service's inbox: contact messages, callback requests, and
//! customers' requests to change or cancel an order, each open until a
//! member of staff marks it handled.

use super::Db;
use crate::domain::{
    account::Email,
    locale::Locale,
    service::{ContactTopic, RequestKind, RequestState},
};
use sqlx::{any::AnyRow, AnyConnection, Row};

/// A request to write; the fields its kind does not use stay empty.
#[derive(Clone, Debug, Default)]
pub struct NewRequest<'a> {
    pub topic: Option<ContactTopic>,
    pub customer_id: Option<i64>,
    pub name: &'a str,
    pub email: Option<&'a Email>,
    /// In E.164.
    pub phone: &'a str,
    pub slot_at: Option<i64>,
    pub order_id: Option<i64>,
    /// An order named that is not the sender's, as typed.
    pub order_text: &'a str,
    /// The piece it is about, and its size ('' for none).
    pub product_id: Option<i64>,
    pub size: &'a str,
    pub message: &'a str,
}

/// Writes a request of `kind`, inside the caller's transaction; its id.
pub async fn insert(
    conn: &mut AnyConnection,
    kind: RequestKind,
    request: &NewRequest<'_>,
    locale: Locale,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let row = sqlx::query(
        "INSERT INTO service_requests (kind, topic, customer_id, name, email, email_key, phone, slot_at, \
         order_id, order_text, product_id, size, message, locale, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id",
    )
    .bind(kind.tag())
    .bind(request.topic.map_or("", ContactTopic::tag))
    .bind(request.customer_id)
    .bind(request.name)
    .bind(request.email.map_or("", Email::as_str))
    .bind(request.email.map(Email::lookup_key).unwrap_or_default())
    .bind(request.phone)
    .bind(request.slot_at)
    .bind(request.order_id)
    .bind(request.order_text)
    .bind(request.product_id)
    .bind(request.size)
    .bind(request.message)
    .bind(locale.tag())
    .bind(now)
    .fetch_one(conn)
    .await?;
    row.try_get("id")
}

/// A request as the inbox shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InboxRow {
    pub id: i64,
    pub kind: RequestKind,
    pub topic: Option<ContactTopic>,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub slot_at: Option<i64>,
    /// The order's reference when linked, else what was typed ('' for none).
    pub order: String,
    pub order_linked: bool,
    pub order_id: Option<i64>,
    /// The piece's slug and name in the reader's language, and the size.
    pub product: Option<(String, String)>,
    pub size: String,
    pub message: String,
    /// The language the customer wrote in.
    pub locale: Locale,
    pub created_at: i64,
    /// When, and by whom, it was handled.
    pub handled: Option<(i64, String)>,
}

/// The most requests one view of the inbox lists.
pub const INBOX_LIMIT: i64 = 200;

/// The inbox, of one kind or all, open or handled. Open requests come in
/// the order they need attention: callbacks by their slot, the rest by
/// when they arrived, oldest first; handled ones latest handled first.
pub async fn inbox(
    db: &Db,
    kind: Option<RequestKind>,
    state: RequestState,
    locale: Locale,
) -> Result<Vec<InboxRow>, sqlx::Error> {
    let (filter, order) = match state {
        RequestState::Open => ("r.handled_at IS NULL", "COALESCE(r.slot_at, r.created_at), r.id"),
        RequestState::Handled => ("r.handled_at IS NOT NULL", "r.handled_at DESC, r.id DESC"),
    };
    let rows = sqlx::query(&format!(
        "{} WHERE {filter} AND ($1 = '' OR r.kind = $1) ORDER BY {order} LIMIT {INBOX_LIMIT}",
        select(locale)
    ))
    .bind(kind.map_or("", RequestKind::tag))
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(inbox_row).collect()
}

/// One request, for the staff action on it.
pub async fn by_id(conn: &mut AnyConnection, id: i64, locale: Locale) -> Result<Option<InboxRow>, sqlx::Error> {
    let row = sqlx::query(&format!("{} WHERE r.id = $1", select(locale))).bind(id).fetch_optional(conn).await?;
    row.as_ref().map(inbox_row).transpose()
}

/// The inbox's query up to its `WHERE`: a request with its order's
/// reference and its piece named in `locale`.
fn select(locale: Locale) -> String {
    let l = super::products::text_column(locale);
    format!(
        "SELECT r.id, r.kind, r.topic, r.name, r.email, r.phone, r.slot_at, r.order_id, o.reference, r.order_text, \
         p.slug, p.name{l} AS product_name, r.size, r.message, r.locale, r.created_at, r.handled_at, \
         r.handled_by_email FROM service_requests r \
         LEFT JOIN orders o ON o.id = r.order_id LEFT JOIN products p ON p.id = r.product_id"
    )
}

fn inbox_row(row: &AnyRow) -> Result<InboxRow, sqlx::Error> {
    let corrupt =
        |what: &str, value: &str| sqlx::Error::Decode(format!("corrupt {what} in the inbox: {value:?}").into());
    let kind: String = row.try_get("kind")?;
    let topic: String = row.try_get("topic")?;
    let reference: Option<String> = row.try_get("reference")?;
    let slug: Option<String> = row.try_get("slug")?;
    let product_name: Option<String> = row.try_get("product_name")?;
    let handled_at: Option<i64> = row.try_get("handled_at")?;
    Ok(InboxRow {
        id: row.try_get("id")?,
        kind: RequestKind::parse(&kind).ok_or_else(|| corrupt("kind", &kind))?,
        topic: if topic.is_empty() {
            None
        } else {
            Some(ContactTopic::parse(&topic).ok_or_else(|| corrupt("topic", &topic))?)
        },
        name: row.try_get("name")?,
        email: row.try_get("email")?,
        phone: row.try_get("phone")?,
        slot_at: row.try_get("slot_at")?,
        order_linked: reference.is_some(),
        order_id: row.try_get("order_id")?,
        order: match reference {
            Some(reference) => reference,
            None => row.try_get("order_text")?,
        },
        product: slug.zip(product_name),
        size: row.try_get("size")?,
        message: row.try_get("message")?,
        locale: super::customers::stored_locale(row)?,
        created_at: row.try_get("created_at")?,
        handled: match handled_at {
            Some(at) => Some((at, row.try_get("handled_by_email")?)),
            None => None,
        },
    })
}

/// Marks a request handled by a member of staff. False if it already was
/// (by someone else, a moment before): the guarded update lets one through.
pub async fn mark_handled(
    conn: &mut AnyConnection,
    id: i64,
    staff_id: i64,
    staff_email: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE service_requests SET handled_at = $1, handled_by = $2, handled_by_email = $3 \
         WHERE id = $4 AND handled_at IS NULL",
    )
    .bind(now)
    .bind(staff_id)
    .bind(staff_email)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The id of a piece by its slug, if there is one.
pub async fn product_id(conn: &mut AnyConnection, slug: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query("SELECT id FROM products WHERE slug = $1")
        .bind(slug)
        .fetch_optional(conn)
        .await?
        .map(|row| row.try_get("id"))
        .transpose()
}

/// The days client service is closed whatever the weekday, as ISO dates.
pub async fn closed_days(db: &Db) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query("SELECT day FROM service_closed_days ORDER BY day")
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|row| row.try_get("day"))
        .collect()
}

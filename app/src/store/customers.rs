//! Customer accounts: created, found by email, updated, erased.

use super::Db;
use crate::domain::{
    account::Email,
    locale::Locale,
    profile::PersonalDetails,
    rate_limit::{Limit, CALLBACK_PER_NUMBER, PER_ADDRESS, SECOND_FACTOR_PER_ACCOUNT, SIGN_IN_PER_ADDRESS},
};
use sqlx::{AnyConnection, Row};

/// A customer as the account pages show them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Customer {
    pub id: i64,
    pub email: Email,
    pub details: PersonalDetails,
    pub email_verified: bool,
    /// Whether the account has the staff role (PRODUCT.md §9).
    pub is_staff: bool,
    /// The language the customer's emails are written in.
    pub locale: Locale,
}

fn customer(row: &sqlx::any::AnyRow) -> Result<Customer, sqlx::Error> {
    let id: i64 = row.try_get("id")?;
    let email: String = row.try_get("email")?;
    Ok(Customer {
        id,
        email: Email::parse(&email)
            .map_err(|_| sqlx::Error::Decode(format!("corrupt email of customer {id}").into()))?,
        details: PersonalDetails {
            first_name: row.try_get("first_name")?,
            last_name: row.try_get("last_name")?,
            phone: row.try_get("phone")?,
        },
        email_verified: row.try_get::<Option<i64>, _>("email_verified_at")?.is_some(),
        is_staff: row.try_get::<String, _>("role")? == "staff",
        locale: stored_locale(row)?,
    })
}

/// A row's `locale` column, which the schema keeps to `fr` or `en`.
pub(crate) fn stored_locale(row: &sqlx::any::AnyRow) -> Result<Locale, sqlx::Error> {
    let tag: String = row.try_get("locale")?;
    Locale::parse(&tag).ok_or_else(|| sqlx::Error::Decode(format!("corrupt locale {tag:?}").into()))
}

const COLUMNS: &str = "id, email, first_name, last_name, phone, email_verified_at, role, locale";

/// Opens an account. `None` if the address already has one.
pub async fn create(
    conn: &mut AnyConnection,
    email: &Email,
    password_hash: &str,
    details: &PersonalDetails,
    locale: Locale,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let inserted = sqlx::query_scalar(
        "INSERT INTO customers (email, email_key, password_hash, first_name, last_name, phone, created_at, locale) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(email.as_str())
    .bind(email.lookup_key())
    .bind(password_hash)
    .bind(&details.first_name)
    .bind(&details.last_name)
    .bind(details.phone.as_deref())
    .bind(now)
    .bind(locale.tag())
    .fetch_one(conn)
    .await;
    match inserted {
        Ok(id) => Ok(Some(id)),
        // Two registrations racing for one address: the unique key decides.
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Ok(None),
        Err(e) => Err(e),
    }
}

/// Whether an address already has an account.
pub async fn exists(db: &Db, email: &Email) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar("SELECT id FROM customers WHERE email_key = $1")
        .bind(email.lookup_key())
        .fetch_optional(&db.pool)
        .await?;
    Ok(found.is_some())
}

/// The account id and password hash for an address, to check a sign-in.
pub async fn credentials(db: &Db, email: &Email) -> Result<Option<(i64, String)>, sqlx::Error> {
    let row = sqlx::query("SELECT id, password_hash FROM customers WHERE email_key = $1")
        .bind(email.lookup_key())
        .fetch_optional(&db.pool)
        .await?;
    row.map(|r| Ok((r.try_get("id")?, r.try_get("password_hash")?))).transpose()
}

/// The password hash of an account, to check a password re-entered.
pub async fn password_hash(db: &Db, id: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT password_hash FROM customers WHERE id = $1").bind(id).fetch_optional(&db.pool).await
}

/// One customer.
pub async fn get(db: &Db, id: i64) -> Result<Option<Customer>, sqlx::Error> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM customers WHERE id = $1"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
    row.as_ref().map(customer).transpose()
}

/// The customer a live session belongs to, and when the session expires:
/// one query for every signed-in request.
pub async fn by_session(db: &Db, token_digest: &str, now: i64) -> Result<Option<SessionOf>, sqlx::Error> {
    use crate::domain::account::{session_alive, CUSTOMER_SESSION_MAX_SECONDS, STAFF_SESSION_MAX_SECONDS};
    // The absolute lifetime in the query too, so an old session is never read as live.
    let row = sqlx::query(
        "SELECT c.id, c.email, c.first_name, c.last_name, c.phone, c.email_verified_at, c.role, c.locale, \
         s.expires_at, s.created_at, s.password_at, s.second_factor_at FROM sessions s JOIN customers c ON c.id = s.customer_id \
         WHERE s.token_digest = $1 AND s.expires_at > $2 \
         AND s.created_at > (CASE WHEN c.role = 'staff' THEN $3 ELSE $4 END)",
    )
    .bind(token_digest)
    .bind(now)
    .bind(now - STAFF_SESSION_MAX_SECONDS)
    .bind(now - CUSTOMER_SESSION_MAX_SECONDS)
    .fetch_optional(&db.pool)
    .await?;
    let Some(r) = row else { return Ok(None) };
    let mut customer = customer(&r)?;
    let created_at: i64 = r.try_get("created_at")?;
    let staff_role = customer.is_staff;
    // A member of staff acts as staff only once this session has passed
    // the second factor: until then, every staff check (functions, pages,
    // photos, the header's link) sees a customer.
    let second_factor_passed = r.try_get::<Option<i64>, _>("second_factor_at")?.is_some();
    customer.is_staff = staff_role && second_factor_passed;
    let found = SessionOf {
        customer,
        expires_at: r.try_get("expires_at")?,
        created_at,
        password_at: r.try_get::<Option<i64>, _>("password_at")?.unwrap_or(created_at),
        awaiting_second_factor: staff_role && !second_factor_passed,
    };
    Ok(session_alive(found.created_at, found.expires_at, now, staff_role).then_some(found))
}

/// A live session and whose it is.
#[derive(Clone, Debug)]
pub struct SessionOf {
    pub customer: Customer,
    pub expires_at: i64,
    /// When its customer signed in: the absolute lifetime counts from here.
    pub created_at: i64,
    /// When the password was last typed in this session (for the actions that ask again).
    pub password_at: i64,
    /// A member of staff who has typed the password but not yet the second factor.
    pub awaiting_second_factor: bool,
}

impl SessionOf {
    /// Whether the session is a member of staff's, second factor passed or not
    /// (the lifetime is a working day from sign-in either way).
    pub fn staff_role(&self) -> bool {
        self.customer.is_staff || self.awaiting_second_factor
    }
}

/// One customer, inside a transaction.
pub async fn get_in(conn: &mut AnyConnection, id: i64) -> Result<Option<Customer>, sqlx::Error> {
    let row =
        sqlx::query(&format!("SELECT {COLUMNS} FROM customers WHERE id = $1")).bind(id).fetch_optional(conn).await?;
    row.as_ref().map(customer).transpose()
}

/// Sets the language a customer's emails are written in.
pub async fn set_locale(db: &Db, id: i64, locale: Locale) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE customers SET locale = $1 WHERE id = $2").bind(locale.tag()).bind(id).execute(&db.pool).await?;
    Ok(())
}

/// The language emails to an address are written in, if it has an account.
pub async fn locale_of(conn: &mut AnyConnection, email: &Email) -> Result<Option<Locale>, sqlx::Error> {
    let tag: Option<String> = sqlx::query_scalar("SELECT locale FROM customers WHERE email_key = $1")
        .bind(email.lookup_key())
        .fetch_optional(conn)
        .await?;
    Ok(tag.as_deref().and_then(Locale::parse))
}

/// Replaces a customer's personal details.
pub async fn update_details(db: &Db, id: i64, details: &PersonalDetails) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE customers SET first_name = $1, last_name = $2, phone = $3 WHERE id = $4")
        .bind(&details.first_name)
        .bind(&details.last_name)
        .bind(details.phone.as_deref())
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Stores a new password hash.
pub async fn set_password(conn: &mut AnyConnection, id: i64, password_hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE customers SET password_hash = $1 WHERE id = $2")
        .bind(password_hash)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Records that the customer followed the link sent to their address.
pub async fn mark_verified(conn: &mut AnyConnection, id: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE customers SET email_verified_at = $1 WHERE id = $2 AND email_verified_at IS NULL")
        .bind(now)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// What erasing an account leaves to do once its transaction is committed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Erased {
    /// Return photos whose rows were deleted: their files go next.
    pub photo_keys: Vec<String>,
}

/// The orders an account's erasure anonymises: its own, and the guest
/// orders placed with its address once the address was proved its own.
const ERASED_ORDERS: &str = "SELECT id FROM orders WHERE customer_id = $1 OR (customer_id IS NULL AND email_key = \
     (SELECT email_key FROM customers WHERE id = $1 AND email_verified_at IS NOT NULL))";

/// Erases an account and everything personal attached to it, inside the
/// caller's transaction (issue 17, item 3; `server/tests/api/erasure.rs`
/// lists every column that can hold personal data):
/// - orders are kept for the accounts but anonymised, with what the
///   customer wrote in their timeline and their returns, and the returns'
///   photos;
/// - back-in-stock alerts, messages and callback requests to client
///   service, emails to or about the address (sent or waiting), the
///   newsletter subscription and the attempts counted against the
///   address's limits are deleted;
/// - then sessions, emailed links, addresses, and the customer.
///
/// The address is free to register again afterwards.
pub async fn erase(conn: &mut AnyConnection, id: i64) -> Result<Erased, sqlx::Error> {
    let row =
        sqlx::query("SELECT email_key, phone FROM customers WHERE id = $1").bind(id).fetch_optional(&mut *conn).await?;
    let Some(row) = row else { return Ok(Erased::default()) };
    let email_key: String = row.try_get("email_key")?;
    let mut phones: Vec<String> = row.try_get::<Option<String>, _>("phone")?.into_iter().collect();
    // Numbers given for callbacks count against the number's own limit.
    let asked: Vec<String> = sqlx::query_scalar(
        "SELECT phone FROM service_requests WHERE phone IS NOT NULL AND (customer_id = $1 OR email_key = $2)",
    )
    .bind(id)
    .bind(&email_key)
    .fetch_all(&mut *conn)
    .await?;
    phones.extend(asked);

    // What the customer wrote on their orders, and the photos they sent.
    sqlx::query(&format!(
        "UPDATE order_events SET note = '' WHERE actor = 'customer' AND order_id IN ({ERASED_ORDERS})"
    ))
    .bind(id)
    .execute(&mut *conn)
    .await?;
    let returns_of = format!("SELECT id FROM returns WHERE order_id IN ({ERASED_ORDERS})");
    let photo_keys: Vec<String> =
        sqlx::query_scalar(&format!("SELECT object_key FROM return_photos WHERE return_id IN ({returns_of})"))
            .bind(id)
            .fetch_all(&mut *conn)
            .await?;
    sqlx::query(&format!("DELETE FROM return_photos WHERE return_id IN ({returns_of})"))
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sqlx::query(&format!("UPDATE returns SET note = '' WHERE order_id IN ({ERASED_ORDERS})"))
        .bind(id)
        .execute(&mut *conn)
        .await?;
    anonymise_orders(conn, id).await?;
    // Back-in-stock alerts are personal data too, whoever left them for this address.
    sqlx::query("DELETE FROM stock_alerts WHERE email_key = $1").bind(&email_key).execute(&mut *conn).await?;
    // So are messages and callback requests to client service, signed in or not.
    sqlx::query("DELETE FROM service_requests WHERE customer_id = $1 OR email_key = $2")
        .bind(id)
        .bind(&email_key)
        .execute(&mut *conn)
        .await?;
    // Emails hold names, addresses and live links, and client service's
    // copies of the customer's messages hold the messages.
    super::outbox::erase_about(conn, &email_key).await?;
    sqlx::query("DELETE FROM newsletter_subscribers WHERE email_key = $1").bind(&email_key).execute(&mut *conn).await?;
    let mut counted: Vec<(Limit, &str)> = PER_ADDRESS.iter().map(|limit| (*limit, email_key.as_str())).collect();
    counted.extend(phones.iter().map(|phone| (CALLBACK_PER_NUMBER, phone.as_str())));
    let account = id.to_string();
    counted.push((SECOND_FACTOR_PER_ACCOUNT, account.as_str()));
    let browsers = SIGN_IN_PER_ADDRESS.key(&crate::domain::rate_limit::known_browsers_of(&email_key));
    super::rate_limits::erase(conn, &counted, &[browsers]).await?;
    for table in ["sessions", "account_tokens", "addresses"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE customer_id = $1")).bind(id).execute(&mut *conn).await?;
    }
    sqlx::query("DELETE FROM customers WHERE id = $1").bind(id).execute(&mut *conn).await?;
    Ok(Erased { photo_keys })
}

/// Orders are kept for the accounts (PRODUCT.md §4) but lose everything
/// that says who placed them: the customer, the email address, the name,
/// the delivery address, the telephone, and the client an unpaid one came from.
async fn anonymise_orders(conn: &mut AnyConnection, customer_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query(&format!(
        "UPDATE orders SET customer_id = NULL, email = '', email_key = NULL, full_name = '', line1 = '', \
         line2 = NULL, postcode = '', city = '', phone = NULL, held_by = NULL WHERE id IN ({ERASED_ORDERS})"
    ))
    .bind(customer_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Gives or takes away the staff role; `false` when no account has this address.
pub async fn set_staff(db: &Db, email: &Email, staff: bool) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE customers SET role = $1 WHERE email_key = $2")
        .bind(if staff { "staff" } else { "customer" })
        .bind(email.lookup_key())
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected() == 1)
}

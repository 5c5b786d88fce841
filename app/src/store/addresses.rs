//! A customer's delivery addresses. Every query is scoped by the customer:
//! an address id that belongs to someone else is simply not found.

use super::{Backend, Db};
use crate::domain::{
    country::CountryCode,
    profile::{PostalAddress, SavedAddress, MAX_ADDRESSES},
};
use sqlx::Row;

/// What became of a request to add an address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Added {
    Added(i64),
    /// The account already holds [`MAX_ADDRESSES`].
    Full,
}

/// A customer's addresses, the default first.
pub async fn list(db: &Db, customer_id: i64) -> Result<Vec<SavedAddress>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, full_name, line1, line2, postcode, city, country, phone, is_default FROM addresses \
         WHERE customer_id = $1 ORDER BY is_default DESC, id",
    )
    .bind(customer_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            let id: i64 = r.try_get("id")?;
            let country: String = r.try_get("country")?;
            Ok(SavedAddress {
                id,
                is_default: r.try_get::<i64, _>("is_default")? != 0,
                address: PostalAddress {
                    full_name: r.try_get("full_name")?,
                    line1: r.try_get("line1")?,
                    line2: r.try_get("line2")?,
                    postcode: r.try_get("postcode")?,
                    city: r.try_get("city")?,
                    country: CountryCode::parse(&country)
                        .map_err(|_| sqlx::Error::Decode(format!("corrupt country in address {id}").into()))?,
                    phone: r.try_get("phone")?,
                },
            })
        })
        .collect()
}

/// Adds an address. The first one becomes the default; `make_default` moves the default to it.
pub async fn add(
    db: &Db,
    customer_id: i64,
    address: &PostalAddress,
    make_default: bool,
    now: i64,
) -> Result<Added, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    // PostgreSQL reads at READ COMMITTED: lock the customer's row, so that two
    // saves for one account count and insert one after the other and cannot
    // both pass the limit (or both become the first default). SQLite's
    // immediate transaction already lets one writer in at a time.
    if db.backend == Backend::Postgres {
        sqlx::query("SELECT id FROM customers WHERE id = $1 FOR UPDATE")
            .bind(customer_id)
            .fetch_optional(&mut *tx)
            .await?;
    }
    let held: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM addresses WHERE customer_id = $1")
        .bind(customer_id)
        .fetch_one(&mut *tx)
        .await?;
    if usize::try_from(held).unwrap_or(usize::MAX) >= MAX_ADDRESSES {
        return Ok(Added::Full);
    }
    let is_default = make_default || held == 0;
    if is_default {
        clear_default(&mut tx, customer_id).await?;
    }
    let id: i64 = bind_fields(
        sqlx::query(
            "INSERT INTO addresses (full_name, line1, line2, postcode, city, country, phone, customer_id, is_default, \
             created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        ),
        address,
    )
    .bind(customer_id)
    .bind(i64::from(is_default))
    .bind(now)
    .fetch_one(&mut *tx)
    .await?
    .try_get("id")?;
    tx.commit().await?;
    Ok(Added::Added(id))
}

/// Replaces an address's content. False if the customer has no such address.
pub async fn update(
    db: &Db,
    customer_id: i64,
    id: i64,
    address: &PostalAddress,
    make_default: bool,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    if make_default && owns(&mut tx, customer_id, id).await? {
        clear_default(&mut tx, customer_id).await?;
    }
    let done = bind_fields(
        sqlx::query(
            "UPDATE addresses SET full_name = $1, line1 = $2, line2 = $3, postcode = $4, city = $5, country = $6, \
             phone = $7, is_default = CASE WHEN $8 = 1 THEN 1 ELSE is_default END WHERE id = $9 AND customer_id = $10",
        ),
        address,
    )
    .bind(i64::from(make_default))
    .bind(id)
    .bind(customer_id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(done.rows_affected() == 1)
}

/// Removes an address; if it was the default, the oldest remaining one
/// becomes the default. False if the customer has no such address.
pub async fn remove(db: &Db, customer_id: i64, id: i64) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let done = sqlx::query("DELETE FROM addresses WHERE id = $1 AND customer_id = $2")
        .bind(id)
        .bind(customer_id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    let has_default: Option<i64> =
        sqlx::query_scalar("SELECT id FROM addresses WHERE customer_id = $1 AND is_default = 1")
            .bind(customer_id)
            .fetch_optional(&mut *tx)
            .await?;
    if has_default.is_none() {
        sqlx::query(
            "UPDATE addresses SET is_default = 1 WHERE id = \
             (SELECT MIN(id) FROM addresses WHERE customer_id = $1)",
        )
        .bind(customer_id)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(true)
}

/// Makes an address the default. False if the customer has no such address.
pub async fn set_default(db: &Db, customer_id: i64, id: i64) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    if !owns(&mut tx, customer_id, id).await? {
        return Ok(false);
    }
    clear_default(&mut tx, customer_id).await?;
    sqlx::query("UPDATE addresses SET is_default = 1 WHERE id = $1 AND customer_id = $2")
        .bind(id)
        .bind(customer_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(true)
}

type AnyQuery<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>;

/// Binds an address's fields as `$1`…`$7`: full name, two lines, postcode,
/// city, country, telephone — the order both the insert and the update use.
fn bind_fields<'q>(query: AnyQuery<'q>, address: &'q PostalAddress) -> AnyQuery<'q> {
    query
        .bind(&address.full_name)
        .bind(&address.line1)
        .bind(address.line2.as_deref())
        .bind(&address.postcode)
        .bind(&address.city)
        .bind(address.country.as_str())
        .bind(address.phone.as_deref())
}

async fn owns(conn: &mut sqlx::AnyConnection, customer_id: i64, id: i64) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar("SELECT id FROM addresses WHERE id = $1 AND customer_id = $2")
        .bind(id)
        .bind(customer_id)
        .fetch_optional(conn)
        .await?;
    Ok(found.is_some())
}

async fn clear_default(conn: &mut sqlx::AnyConnection, customer_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE addresses SET is_default = 0 WHERE customer_id = $1").bind(customer_id).execute(conn).await?;
    Ok(())
}

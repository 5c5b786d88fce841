//! The audit log of staff actions (PRODUCT.md §9): written inside the
//! transaction of the action it records, read by the audit page, its CSV
//! export and each order's page. The database refuses any change to an
//! entry or its removal (triggers, migration 0016): the application can
//! only append.

use super::{customers::Customer, Db};
use crate::domain::audit::{AuditAction, AuditFilter};
use sqlx::{AnyConnection, Row};
use std::str::FromStr;

/// An entry to write.
pub struct NewEntry<'a> {
    pub staff: &'a Customer,
    pub action: AuditAction,
    /// The order it is about, if any.
    pub order_id: Option<i64>,
    /// The value before and after (a status, a stock count…), in English like the logs; empty when none.
    pub before: String,
    pub after: String,
    /// What else the record says (a reason, a carrier, the piece…).
    pub detail: String,
}

/// Appends an entry, inside the action's transaction.
pub async fn record(conn: &mut AnyConnection, entry: &NewEntry<'_>, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO staff_audit (staff_id, staff_email, action, order_id, before_value, after_value, detail, at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(entry.staff.id)
    .bind(entry.staff.email.as_str())
    .bind(entry.action.as_str())
    .bind(entry.order_id)
    .bind(entry.before.as_str())
    .bind(entry.after.as_str())
    .bind(entry.detail.trim())
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// An entry as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditRow {
    pub at: i64,
    pub staff_email: String,
    pub action: AuditAction,
    /// The order's reference, if the entry is about one.
    pub reference: Option<String>,
    pub before: String,
    pub after: String,
    pub detail: String,
}

const SELECT: &str = "SELECT a.at, a.staff_email, a.action, o.reference, a.before_value, a.after_value, a.detail \
                      FROM staff_audit a LEFT JOIN orders o ON o.id = a.order_id";

fn row(r: &sqlx::any::AnyRow) -> Result<AuditRow, sqlx::Error> {
    let action: String = r.try_get("action")?;
    Ok(AuditRow {
        at: r.try_get("at")?,
        staff_email: r.try_get("staff_email")?,
        action: AuditAction::from_str(&action)
            .map_err(|_| sqlx::Error::Decode(format!("unknown audit action {action:?}").into()))?,
        reference: r.try_get("reference")?,
        before: r.try_get("before_value")?,
        after: r.try_get("after_value")?,
        detail: r.try_get("detail")?,
    })
}

/// The entries the filter asks for, newest first, at most `limit`.
/// `between` is the filter's days as Unix seconds (from included, to excluded).
pub async fn search(
    db: &Db,
    filter: &AuditFilter,
    between: (Option<i64>, Option<i64>),
    limit: i64,
) -> Result<Vec<AuditRow>, sqlx::Error> {
    // The kind's actions come from the enum, never from the request: safe to write into the query.
    let kind = filter.kind.map_or(String::new(), |k| {
        let names: Vec<String> = k.actions().iter().map(|a| format!("'{}'", a.as_str())).collect();
        format!(" AND a.action IN ({})", names.join(", "))
    });
    let rows = sqlx::query(&format!(
        "{SELECT} WHERE ($1 = '' OR LOWER(a.staff_email) = $1) AND a.at >= $2 AND a.at < $3{kind} \
         ORDER BY a.at DESC, a.id DESC LIMIT $4"
    ))
    .bind(filter.staff.clone().unwrap_or_default())
    .bind(between.0.unwrap_or(i64::MIN))
    .bind(between.1.unwrap_or(i64::MAX))
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(row).collect()
}

/// The entries about one order, oldest first (its staff page).
pub async fn of_order(db: &Db, order_id: i64) -> Result<Vec<AuditRow>, sqlx::Error> {
    let rows = sqlx::query(&format!("{SELECT} WHERE a.order_id = $1 ORDER BY a.id"))
        .bind(order_id)
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(row).collect()
}

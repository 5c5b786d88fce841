//! The staff dashboard's counts (PRODUCT.md §9): what waits for the house
//! today, in one query.

use super::Db;
use sqlx::Row;

/// What waits for the house.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Waiting {
    /// Orders placed since midnight in Paris and paid (whatever became of them since).
    pub placed_today: i64,
    pub to_validate: i64,
    pub to_ship: i64,
    /// Returns asked for, not yet approved or rejected.
    pub returns_to_answer: i64,
    /// Returns approved, whose parcel is to be inspected when it arrives.
    pub returns_to_inspect: i64,
    /// Client service requests not yet handled.
    pub inbox_open: i64,
}

/// The counts, `day_start` being midnight in Paris today (Unix seconds).
pub async fn waiting(db: &Db, day_start: i64) -> Result<Waiting, sqlx::Error> {
    let row = sqlx::query(
        "SELECT \
         (SELECT COUNT(*) FROM orders o JOIN order_payments p ON p.order_id = o.id WHERE o.created_at >= $1) \
         AS placed_today, \
         (SELECT COUNT(*) FROM orders WHERE status = 'being_validated') AS to_validate, \
         (SELECT COUNT(*) FROM orders WHERE status IN ('confirmed', 'partially_shipped')) AS to_ship, \
         (SELECT COUNT(*) FROM returns WHERE state = 'requested') AS returns_to_answer, \
         (SELECT COUNT(*) FROM returns WHERE state = 'approved') AS returns_to_inspect, \
         (SELECT COUNT(*) FROM service_requests WHERE handled_at IS NULL) AS inbox_open",
    )
    .bind(day_start)
    .fetch_one(&db.pool)
    .await?;
    Ok(Waiting {
        placed_today: row.try_get("placed_today")?,
        to_validate: row.try_get("to_validate")?,
        to_ship: row.try_get("to_ship")?,
        returns_to_answer: row.try_get("returns_to_answer")?,
        returns_to_inspect: row.try_get("returns_to_inspect")?,
        inbox_open: row.try_get("inbox_open")?,
    })
}

//! The catalogue's version: a number that moves whenever what catalogue
//! pages show changes (pieces, and stock as pages show it: see
//! `domain::availability::shown_stock_changes`), in the same transaction as
//! the change. Servers keep rendered pages until it moves.

use super::Db;
use sqlx::{AnyConnection, Row};

/// Records, inside the caller's transaction, that the catalogue changed.
/// Call it last in the transaction: on PostgreSQL the row stays locked
/// until the commit.
pub async fn bump(conn: &mut AnyConnection) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE catalogue_version SET version = version + 1 WHERE id = 1").execute(conn).await?;
    Ok(())
}

/// The catalogue's version now.
pub async fn read(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query("SELECT version FROM catalogue_version WHERE id = 1").fetch_one(&db.pool).await?.try_get("version")
}

//! Stock per (product, size) as staff see and set it (PRODUCT.md §9).
//! Sales take stock in `orders`; this is the back office's side.

use super::{products::text_column, Db};
use crate::domain::{catalogue::ProductFlags, locale::Locale};
use sqlx::{any::AnyRow, AnyConnection, Row};

/// One (product, size) and its stock. `size` is empty for a one-size piece.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StockRow {
    pub product_id: i64,
    pub slug: String,
    pub name: String,
    pub size: String,
    pub quantity: i64,
    pub flags: ProductFlags,
}

/// The columns [`row`] reads; `s` is stock, `p` products.
const COLUMNS: &str = "p.id, p.slug, s.size, s.quantity, p.online, p.made_to_order, p.personalised, p.members_preview";

fn row(r: &AnyRow) -> Result<StockRow, sqlx::Error> {
    Ok(StockRow {
        product_id: r.try_get("id")?,
        slug: r.try_get("slug")?,
        name: r.try_get("name")?,
        size: r.try_get("size")?,
        quantity: r.try_get("quantity")?,
        flags: super::products::flags(r)?,
    })
}

/// Every (product, size), by product then size as the shop lists them,
/// names in `locale`; `search` narrows to names or slugs containing it.
pub async fn list(db: &Db, locale: Locale, search: Option<&str>) -> Result<Vec<StockRow>, sqlx::Error> {
    let l = text_column(locale);
    let pattern = super::like_contains(search.unwrap_or(""));
    sqlx::query(&format!(
        "SELECT {COLUMNS}, p.name{l} AS name FROM stock s JOIN products p ON p.id = s.product_id \
         WHERE p.name LIKE $1 ESCAPE '\\' OR p.name_fr LIKE $1 ESCAPE '\\' OR p.slug LIKE $1 ESCAPE '\\' \
         ORDER BY p.category, p.position, p.id, s.position, s.size"
    ))
    .bind(pattern)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(row)
    .collect()
}

/// One (product, size), inside a transaction: the product's id and flags
/// and the size's stock. `None` if the piece or the size does not exist.
pub async fn one(conn: &mut AnyConnection, slug: &str, size: &str) -> Result<Option<StockRow>, sqlx::Error> {
    let found = sqlx::query(&format!(
        "SELECT {COLUMNS}, p.name FROM stock s JOIN products p ON p.id = s.product_id WHERE p.slug = $1 AND s.size = $2"
    ))
    .bind(slug)
    .bind(size)
    .fetch_optional(conn)
    .await?;
    found.as_ref().map(row).transpose()
}

/// Sets a (product, size)'s stock from `expected` to `quantity`, inside
/// the caller's transaction. Guarded: false, and nothing written, if the
/// stock is no longer `expected` (another member of staff, or a sale,
/// changed it since the page was read).
pub async fn set_if_unchanged(
    conn: &mut AnyConnection,
    product_id: i64,
    size: &str,
    expected: i64,
    quantity: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE stock SET quantity = $1 WHERE product_id = $2 AND size = $3 AND quantity = $4")
        .bind(quantity)
        .bind(product_id)
        .bind(size)
        .bind(expected)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

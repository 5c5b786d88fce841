//! A piece's pictures for the back office (issue 16 part 2): listed,
//! added, moved, described and removed. Every change is made inside the
//! caller's transaction after [`claim`] moved the piece's revision, so two
//! members of staff working on the same piece cannot interleave: the
//! second is refused with the piece as it is now.

use super::Db;
use crate::domain::piece_picture::{Renditions, MAX_PICTURES};
use crate::pictures::MadePicture;
use sqlx::{any::AnyRow, AnyConnection, Row};

/// A picture as the back office shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredPicture {
    /// From 0, in the order the shop shows them.
    pub position: i64,
    pub src: String,
    pub alt_en: String,
    pub alt_fr: String,
    /// `None` for one of the house's drawings.
    pub renditions: Option<Renditions>,
}

const COLUMNS: &str = "SELECT position, src, alt, alt_fr, stem, widths FROM product_pictures WHERE product_id = $1";

fn picture(r: &AnyRow) -> Result<StoredPicture, sqlx::Error> {
    let stem: Option<String> = r.try_get("stem")?;
    let widths: String = r.try_get("widths")?;
    Ok(StoredPicture {
        position: r.try_get("position")?,
        src: r.try_get("src")?,
        alt_en: r.try_get("alt")?,
        alt_fr: r.try_get("alt_fr")?,
        renditions: stem.and_then(|stem| Renditions::from_stored(&stem, &widths)),
    })
}

/// Every picture of the piece `id`, first first.
pub async fn list(db: &Db, id: i64) -> Result<Vec<StoredPicture>, sqlx::Error> {
    let rows = sqlx::query(&format!("{COLUMNS} ORDER BY position")).bind(id).fetch_all(&db.pool).await?;
    rows.iter().map(picture).collect()
}

/// The picture of the piece `id` at `position`, if there is one.
pub async fn at(conn: &mut AnyConnection, id: i64, position: i64) -> Result<Option<StoredPicture>, sqlx::Error> {
    let row =
        sqlx::query(&format!("{COLUMNS} AND position = $2")).bind(id).bind(position).fetch_optional(&mut *conn).await?;
    row.as_ref().map(picture).transpose()
}

/// How many pictures the piece `id` has.
pub async fn count(conn: &mut AnyConnection, id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM product_pictures WHERE product_id = $1")
        .bind(id)
        .fetch_one(&mut *conn)
        .await
}

/// Moves the piece `id` from `revision` to the next one; `false` if it is
/// no longer at `revision` (someone else changed it since the page).
pub async fn claim(conn: &mut AnyConnection, id: i64, revision: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE products SET revision = revision + 1 WHERE id = $1 AND revision = $2")
        .bind(id)
        .bind(revision)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Adds a picture after the others; `false` if the piece has the most
/// pictures it may have.
pub async fn add(
    conn: &mut AnyConnection,
    id: i64,
    made: &MadePicture,
    alt_en: &str,
    alt_fr: &str,
) -> Result<bool, sqlx::Error> {
    let (count, last): (i64, Option<i64>) =
        sqlx::query_as("SELECT COUNT(*), MAX(position) FROM product_pictures WHERE product_id = $1")
            .bind(id)
            .fetch_one(&mut *conn)
            .await?;
    if usize::try_from(count).unwrap_or(usize::MAX) >= MAX_PICTURES {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO product_pictures (product_id, position, src, alt, alt_fr, stem, widths, width, height) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(id)
    .bind(last.map_or(0, |p| p + 1))
    .bind(made.renditions.src())
    .bind(alt_en)
    .bind(alt_fr)
    .bind(&made.renditions.stem)
    .bind(made.renditions.widths_text())
    .bind(i64::from(made.width))
    .bind(i64::from(made.height))
    .execute(&mut *conn)
    .await?;
    Ok(true)
}

/// Swaps the pictures at positions `a` and `b` (both must exist).
pub async fn swap(conn: &mut AnyConnection, id: i64, a: i64, b: i64) -> Result<(), sqlx::Error> {
    // Through a free position: (product_id, position) is the key.
    for (from, to) in [(a, -1), (b, a), (-1, b)] {
        sqlx::query("UPDATE product_pictures SET position = $1 WHERE product_id = $2 AND position = $3")
            .bind(to)
            .bind(id)
            .bind(from)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Sets the alt texts of the picture at `position`.
pub async fn describe(
    conn: &mut AnyConnection,
    id: i64,
    position: i64,
    alt_en: &str,
    alt_fr: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE product_pictures SET alt = $1, alt_fr = $2 WHERE product_id = $3 AND position = $4")
        .bind(alt_en)
        .bind(alt_fr)
        .bind(id)
        .bind(position)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Removes the picture at `position`; those after it move up one.
pub async fn remove(conn: &mut AnyConnection, id: i64, position: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM product_pictures WHERE product_id = $1 AND position = $2")
        .bind(id)
        .bind(position)
        .execute(&mut *conn)
        .await?;
    // In two steps, through negative positions: a row moved onto another's
    // position before that one moved would break the key on some engines.
    sqlx::query("UPDATE product_pictures SET position = -position WHERE product_id = $1 AND position > $2")
        .bind(id)
        .bind(position)
        .execute(&mut *conn)
        .await?;
    sqlx::query("UPDATE product_pictures SET position = -position - 1 WHERE product_id = $1 AND position < 0")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Whether any piece still shows a picture with this stem (the same
/// upload may serve two pieces).
pub async fn stem_in_use(conn: &mut AnyConnection, stem: &str) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar("SELECT product_id FROM product_pictures WHERE stem = $1 LIMIT 1")
        .bind(stem)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(found.is_some())
}

//! The catalogue as the back office edits it (issue 16 part 1): every
//! piece, published or not, read into `domain::piece_editor`'s draft, and
//! written back under the revision its page showed. The shop's own reading
//! of the catalogue is `products`, which sees published pieces only.

use super::products::{flags, text_column};
use super::Db;
use crate::domain::{
    catalogue::{Category, SizeLabel},
    day::Day,
    locale::Locale,
    money::Money,
    piece_editor::PieceDraft,
    slug::Slug,
};
use sqlx::{any::AnyRow, AnyConnection, Row};

/// A piece as stored: what staff set, the revision a save must name, and
/// its stock per size (`""` for a one-size piece).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredPiece {
    pub id: i64,
    pub draft: PieceDraft,
    pub revision: i64,
    pub published: bool,
    pub stock: Vec<(String, i64)>,
}

/// A line of the back office's list of pieces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PieceLine {
    pub slug: Slug,
    pub name: String,
    pub category: Category,
    pub collection: String,
    pub price: Money,
    pub former_price: Option<Money>,
    pub published: bool,
    pub members_preview: bool,
    pub in_stock: i64,
}

fn corrupt(what: &str, value: &str) -> sqlx::Error {
    sqlx::Error::Decode(format!("corrupt {what} in the catalogue: {value:?}").into())
}

fn slug_of(row: &AnyRow, column: &str) -> Result<Slug, sqlx::Error> {
    let raw: String = row.try_get(column)?;
    Slug::parse(&raw).map_err(|_| corrupt(column, &raw))
}

fn category_of(row: &AnyRow) -> Result<Category, sqlx::Error> {
    let raw: String = row.try_get("category")?;
    Category::from_slug(&raw).ok_or_else(|| corrupt("category", &raw))
}

/// The piece with this slug, published or not.
pub async fn find(db: &Db, slug: &Slug) -> Result<Option<StoredPiece>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT p.id, p.slug, p.category, c.slug AS collection, p.name, p.name_fr, p.description, \
         p.description_fr, p.price_cents, p.former_price_cents, p.online, p.made_to_order, p.personalised, \
         p.members_preview, p.public_from, p.revision, p.published \
         FROM products p JOIN collections c ON c.id = p.collection_id WHERE p.slug = $1",
    )
    .bind(slug.as_str())
    .fetch_optional(&db.pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let id: i64 = row.try_get("id")?;
    let category = category_of(&row)?;
    let materials =
        sqlx::query("SELECT material_slug FROM product_materials WHERE product_id = $1 ORDER BY material_slug")
            .bind(id)
            .fetch_all(&db.pool)
            .await?
            .iter()
            .map(|r| slug_of(r, "material_slug"))
            .collect::<Result<Vec<_>, _>>()?;
    let stock = sqlx::query("SELECT size, quantity FROM stock WHERE product_id = $1 ORDER BY position, size")
        .bind(id)
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|r| Ok((r.try_get::<String, _>("size")?, r.try_get::<i64, _>("quantity")?)))
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let sizes = if category.is_sized() {
        stock
            .iter()
            .map(|(size, _)| SizeLabel::parse(size).map_err(|_| corrupt("size", size)))
            .collect::<Result<Vec<_>, _>>()?
    } else {
        Vec::new()
    };
    let public_from = match row.try_get::<Option<String>, _>("public_from")? {
        Some(raw) => Some(Day::parse(&raw).ok_or_else(|| corrupt("public_from", &raw))?),
        None => None,
    };
    let draft = PieceDraft {
        slug: slug_of(&row, "slug")?,
        category,
        collection: slug_of(&row, "collection")?,
        name_en: row.try_get("name")?,
        name_fr: row.try_get("name_fr")?,
        description_en: row.try_get("description")?,
        description_fr: row.try_get("description_fr")?,
        materials,
        price: Money::from_cents(row.try_get("price_cents")?),
        former_price: row.try_get::<Option<i64>, _>("former_price_cents")?.map(Money::from_cents),
        sizes,
        flags: flags(&row)?,
        public_from,
    };
    Ok(Some(StoredPiece {
        id,
        draft,
        revision: row.try_get("revision")?,
        published: row.try_get::<i64, _>("published")? != 0,
        stock,
    }))
}

/// Every piece, published or not, in the shop's order, names in `locale`.
pub async fn list(db: &Db, locale: Locale) -> Result<Vec<PieceLine>, sqlx::Error> {
    let l = text_column(locale);
    sqlx::query(&format!(
        "SELECT p.slug, p.name{l} AS name, p.category, c.name{l} AS collection, p.price_cents, \
         p.former_price_cents, p.published, p.members_preview, \
         (SELECT CAST(COALESCE(SUM(s.quantity), 0) AS BIGINT) FROM stock s WHERE s.product_id = p.id) AS in_stock \
         FROM products p JOIN collections c ON c.id = p.collection_id ORDER BY p.position, p.id"
    ))
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| {
        Ok(PieceLine {
            slug: slug_of(r, "slug")?,
            name: r.try_get("name")?,
            category: category_of(r)?,
            collection: r.try_get("collection")?,
            price: Money::from_cents(r.try_get("price_cents")?),
            former_price: r.try_get::<Option<i64>, _>("former_price_cents")?.map(Money::from_cents),
            published: r.try_get::<i64, _>("published")? != 0,
            members_preview: r.try_get::<i64, _>("members_preview")? != 0,
            in_stock: r.try_get("in_stock")?,
        })
    })
    .collect()
}

/// A choice on the form: a collection or a material, by slug, named in the page's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    pub slug: Slug,
    pub name: String,
}

/// Every collection, in the house's order.
pub async fn collections(db: &Db, locale: Locale) -> Result<Vec<Choice>, sqlx::Error> {
    choices(db, &format!("SELECT slug, name{} AS name FROM collections ORDER BY position, id", text_column(locale)))
        .await
}

/// Every material the house works, whether or not a piece uses it yet.
pub async fn materials(db: &Db, locale: Locale) -> Result<Vec<Choice>, sqlx::Error> {
    let l = text_column(locale);
    choices(db, &format!("SELECT slug, name{l} AS name FROM materials ORDER BY name{l}")).await
}

async fn choices(db: &Db, sql: &str) -> Result<Vec<Choice>, sqlx::Error> {
    sqlx::query(sql)
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|r| Ok(Choice { slug: slug_of(r, "slug")?, name: r.try_get("name")? }))
        .collect()
}

async fn collection_id(conn: &mut AnyConnection, collection: &Slug) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM collections WHERE slug = $1")
        .bind(collection.as_str())
        .fetch_optional(&mut *conn)
        .await
}

/// Whether every material named is one the house lists.
async fn materials_known(conn: &mut AnyConnection, materials: &[Slug]) -> Result<bool, sqlx::Error> {
    for m in materials {
        let known: Option<String> = sqlx::query_scalar("SELECT slug FROM materials WHERE slug = $1")
            .bind(m.as_str())
            .fetch_optional(&mut *conn)
            .await?;
        if known.is_none() {
            return Ok(false);
        }
    }
    Ok(true)
}

/// What a write did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Written {
    Done,
    /// The collection or a material is not the house's: nothing written.
    UnknownCollection,
    UnknownMaterial,
    /// A piece has this slug already (create), or the piece is no longer at
    /// the revision named (update): nothing written.
    Refused,
    /// A size to take off was put back in stock meanwhile (update), with
    /// what it holds now: nothing written.
    SizeInStock {
        size: String,
        held: i64,
    },
}

fn flag(on: bool) -> i64 {
    i64::from(on)
}

/// Adds a piece, not published, with no stock yet (stock is set on the
/// stock page). It goes last in the shop's order, released `today`.
pub async fn create(conn: &mut AnyConnection, piece: &PieceDraft, today: Day) -> Result<Written, sqlx::Error> {
    let Some(collection) = collection_id(conn, &piece.collection).await? else {
        return Ok(Written::UnknownCollection);
    };
    if !materials_known(conn, &piece.materials).await? {
        return Ok(Written::UnknownMaterial);
    }
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO products (slug, name, name_fr, category, collection_id, description, description_fr, \
         price_cents, former_price_cents, online, made_to_order, personalised, members_preview, public_from, \
         position, released_on, published) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, \
         (SELECT COALESCE(MAX(position), 0) + 1 FROM products), $15, 0) \
         ON CONFLICT (slug) DO NOTHING RETURNING id",
    )
    .bind(piece.slug.as_str())
    .bind(&piece.name_en)
    .bind(&piece.name_fr)
    .bind(piece.category.slug())
    .bind(collection)
    .bind(&piece.description_en)
    .bind(&piece.description_fr)
    .bind(piece.price.cents())
    .bind(piece.former_price.map(Money::cents))
    .bind(flag(piece.flags.online))
    .bind(flag(piece.flags.made_to_order))
    .bind(flag(piece.flags.personalised))
    .bind(flag(piece.flags.members_preview))
    .bind(piece.public_from.map(Day::iso))
    .bind(today.iso())
    .fetch_optional(&mut *conn)
    .await?;
    let Some(id) = id else { return Ok(Written::Refused) };
    write_materials(conn, id, &piece.materials).await?;
    let sizes: Vec<&str> = if piece.category.is_sized() {
        piece.sizes.iter().map(SizeLabel::as_str).collect()
    } else {
        // A one-size piece keeps a single stock row with an empty size.
        vec![""]
    };
    for (position, size) in sizes.iter().enumerate() {
        sqlx::query("INSERT INTO stock (product_id, size, position, quantity) VALUES ($1, $2, $3, 0)")
            .bind(id)
            .bind(*size)
            .bind(position as i64)
            .execute(&mut *conn)
            .await?;
    }
    Ok(Written::Done)
}

/// Sets the piece's materials: those kept keep their place (the product
/// page lists them in it), new ones come after.
async fn write_materials(conn: &mut AnyConnection, id: i64, materials: &[Slug]) -> Result<(), sqlx::Error> {
    let stored: Vec<String> =
        sqlx::query_scalar("SELECT material_slug FROM product_materials WHERE product_id = $1 ORDER BY position")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?;
    for gone in stored.iter().filter(|m| !materials.iter().any(|k| k.as_str() == m.as_str())) {
        sqlx::query("DELETE FROM product_materials WHERE product_id = $1 AND material_slug = $2")
            .bind(id)
            .bind(gone)
            .execute(&mut *conn)
            .await?;
    }
    let new = materials.iter().filter(|m| !stored.iter().any(|s| s == m.as_str()));
    for (next, m) in (stored.len()..).zip(new) {
        sqlx::query("INSERT INTO product_materials (product_id, material_slug, position) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(m.as_str())
            .bind(next as i64)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Saves `piece` over the piece `id` if it is still at `revision`. Sizes
/// no longer offered are taken off only while out of stock; new ones start
/// at nothing in stock. The caller rolls back on anything but `Done`.
pub async fn update(
    conn: &mut AnyConnection,
    id: i64,
    piece: &PieceDraft,
    revision: i64,
) -> Result<Written, sqlx::Error> {
    let Some(collection) = collection_id(conn, &piece.collection).await? else {
        return Ok(Written::UnknownCollection);
    };
    if !materials_known(conn, &piece.materials).await? {
        return Ok(Written::UnknownMaterial);
    }
    let done = sqlx::query(
        "UPDATE products SET name = $1, name_fr = $2, collection_id = $3, description = $4, description_fr = $5, \
         price_cents = $6, former_price_cents = $7, online = $8, made_to_order = $9, personalised = $10, \
         members_preview = $11, public_from = $12, revision = revision + 1 \
         WHERE id = $13 AND revision = $14",
    )
    .bind(&piece.name_en)
    .bind(&piece.name_fr)
    .bind(collection)
    .bind(&piece.description_en)
    .bind(&piece.description_fr)
    .bind(piece.price.cents())
    .bind(piece.former_price.map(Money::cents))
    .bind(flag(piece.flags.online))
    .bind(flag(piece.flags.made_to_order))
    .bind(flag(piece.flags.personalised))
    .bind(flag(piece.flags.members_preview))
    .bind(piece.public_from.map(Day::iso))
    .bind(id)
    .bind(revision)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(Written::Refused);
    }
    write_materials(conn, id, &piece.materials).await?;
    if piece.category.is_sized() {
        let kept: Vec<&str> = piece.sizes.iter().map(SizeLabel::as_str).collect();
        let stored: Vec<String> =
            sqlx::query_scalar("SELECT size FROM stock WHERE product_id = $1").bind(id).fetch_all(&mut *conn).await?;
        for size in stored.iter().filter(|s| !kept.contains(&s.as_str())) {
            // Guarded by the row itself: stock set meanwhile keeps the size.
            let gone = sqlx::query("DELETE FROM stock WHERE product_id = $1 AND size = $2 AND quantity = 0")
                .bind(id)
                .bind(size)
                .execute(&mut *conn)
                .await?;
            if gone.rows_affected() != 1 {
                let held: Option<i64> =
                    sqlx::query_scalar("SELECT quantity FROM stock WHERE product_id = $1 AND size = $2")
                        .bind(id)
                        .bind(size)
                        .fetch_optional(&mut *conn)
                        .await?;
                return Ok(Written::SizeInStock { size: size.clone(), held: held.unwrap_or(0) });
            }
        }
        for (position, size) in kept.iter().enumerate() {
            let moved = sqlx::query("UPDATE stock SET position = $1 WHERE product_id = $2 AND size = $3")
                .bind(position as i64)
                .bind(id)
                .bind(*size)
                .execute(&mut *conn)
                .await?;
            if moved.rows_affected() == 0 {
                sqlx::query("INSERT INTO stock (product_id, size, position, quantity) VALUES ($1, $2, $3, 0)")
                    .bind(id)
                    .bind(*size)
                    .bind(position as i64)
                    .execute(&mut *conn)
                    .await?;
            }
        }
    }
    Ok(Written::Done)
}

/// The sizes of the piece `id` that have stock (`""` for a one-size piece).
pub async fn sizes_in_stock(conn: &mut AnyConnection, id: i64) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT size FROM stock WHERE product_id = $1 AND quantity > 0 ORDER BY position")
        .bind(id)
        .fetch_all(&mut *conn)
        .await
}

/// Publishes or withdraws the piece `id` if it is still at `revision`;
/// `false` if it is not.
pub async fn set_published(
    conn: &mut AnyConnection,
    id: i64,
    revision: i64,
    published: bool,
) -> Result<bool, sqlx::Error> {
    let done =
        sqlx::query("UPDATE products SET published = $1, revision = revision + 1 WHERE id = $2 AND revision = $3")
            .bind(flag(published))
            .bind(id)
            .bind(revision)
            .execute(&mut *conn)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// Whether a members' preview is due to become public (a plain read, so
/// the worker takes the write lock only when there is something to do).
pub async fn any_due(db: &Db, today: Day) -> Result<bool, sqlx::Error> {
    let due: Option<i64> =
        sqlx::query_scalar("SELECT id FROM products WHERE public_from IS NOT NULL AND public_from <= $1 LIMIT 1")
            .bind(today.iso())
            .fetch_optional(&db.pool)
            .await?;
    Ok(due.is_some())
}

/// Makes public the members' previews whose release day has come (Paris
/// `today`): the ids of those released here. Any number of servers may run
/// it at once: a piece already released no longer matches, so each is
/// released (and its alerts sent) by one of them.
pub async fn release_due(conn: &mut AnyConnection, today: Day) -> Result<Vec<i64>, sqlx::Error> {
    let due: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM products WHERE public_from IS NOT NULL AND public_from <= $1 ORDER BY id")
            .bind(today.iso())
            .fetch_all(&mut *conn)
            .await?;
    let mut released = Vec::new();
    for id in due {
        let done = sqlx::query(
            "UPDATE products SET members_preview = 0, public_from = NULL, revision = revision + 1 \
             WHERE id = $1 AND public_from IS NOT NULL AND public_from <= $2",
        )
        .bind(id)
        .bind(today.iso())
        .execute(&mut *conn)
        .await?;
        if done.rows_affected() == 1 {
            released.push(id);
        }
    }
    Ok(released)
}

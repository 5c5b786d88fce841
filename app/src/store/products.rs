//! Reading the catalogue: listings, product pages, collections, materials.

use super::{like_contains, Bind, Db, Sql};
use crate::domain::{
    availability::available_online_now,
    basket::BasketProduct,
    catalogue::{
        Audience, Category, Collection, Material, Picture, ProductCard, ProductDetail, ProductFlags, SizeLabel,
        SizeStock, Stock, AWAITING_PICTURE,
    },
    listing::{ListingFilter, SortOrder},
    locale::Locale,
    money::Money,
    piece_picture::Renditions,
    slug::Slug,
};
use sqlx::{any::AnyRow, Row};

/// A piece's first picture as `pp` (none: its columns are NULL); `p` is products.
const FIRST_PICTURE: &str = "LEFT JOIN product_pictures pp ON pp.product_id = p.id \
     AND pp.position = (SELECT MIN(fp.position) FROM product_pictures fp WHERE fp.product_id = p.id)";

/// Columns every card needs, its texts in `locale`; `p` is products, `c` collections.
fn card_columns(locale: Locale) -> String {
    let l = text_column(locale);
    format!(
        "SELECT p.slug, p.name{l} AS name, p.category, c.name{l} AS collection_name, \
         p.price_cents, p.former_price_cents, p.online, p.made_to_order, p.personalised, p.members_preview, \
         pp.src AS picture_src, pp.alt{l} AS picture_alt, pp.stem AS picture_stem, pp.widths AS picture_widths, \
         (SELECT COALESCE(MAX(s.quantity), 0) FROM stock s WHERE s.product_id = p.id) AS best_stock \
         FROM products p JOIN collections c ON c.id = p.collection_id {FIRST_PICTURE}"
    )
}

/// The ending of a text column in `locale`: the catalogue's original
/// columns hold the English, and `…_fr` beside each the French.
pub(crate) fn text_column(locale: Locale) -> &'static str {
    match locale {
        Locale::Fr => "_fr",
        Locale::En => "",
    }
}

/// A row's text that must be a domain value; a bad one is corrupt data, not bad input.
fn corrupt(what: &str, value: &str) -> sqlx::Error {
    sqlx::Error::Decode(format!("corrupt {what} in the catalogue: {value:?}").into())
}

pub(crate) fn flags(row: &AnyRow) -> Result<ProductFlags, sqlx::Error> {
    Ok(ProductFlags {
        online: row.try_get::<i64, _>("online")? != 0,
        made_to_order: row.try_get::<i64, _>("made_to_order")? != 0,
        personalised: row.try_get::<i64, _>("personalised")? != 0,
        members_preview: row.try_get::<i64, _>("members_preview")? != 0,
    })
}

fn category(row: &AnyRow) -> Result<Category, sqlx::Error> {
    let raw: String = row.try_get("category")?;
    Category::from_slug(&raw).ok_or_else(|| corrupt("category", &raw))
}

fn slug(row: &AnyRow, column: &str) -> Result<Slug, sqlx::Error> {
    let raw: String = row.try_get(column)?;
    Slug::parse(&raw).map_err(|_| corrupt(column, &raw))
}

/// A piece's first picture, or the drawing shown while it has none.
fn first_picture(row: &AnyRow) -> Result<Picture, sqlx::Error> {
    let Some(src) = row.try_get::<Option<String>, _>("picture_src")? else {
        return Ok(Picture::drawing(AWAITING_PICTURE, ""));
    };
    let alt = row.try_get::<Option<String>, _>("picture_alt")?.unwrap_or_default();
    let stem = row.try_get::<Option<String>, _>("picture_stem")?;
    let widths = row.try_get::<Option<String>, _>("picture_widths")?.unwrap_or_default();
    Ok(picture_of(src, alt, stem.as_deref(), &widths))
}

/// A stored picture: uploaded (a stem and its widths) or a drawing.
pub(crate) fn picture_of(src: String, alt: String, stem: Option<&str>, widths: &str) -> Picture {
    match stem.and_then(|stem| Renditions::from_stored(stem, widths)) {
        Some(renditions) => Picture::uploaded(&renditions, alt),
        None => Picture::drawing(src, alt),
    }
}

fn card(row: &AnyRow) -> Result<ProductCard, sqlx::Error> {
    let flags = flags(row)?;
    let best_stock: i64 = row.try_get("best_stock")?;
    // Only "any size in stock" matters to a card, so the best size stands for all.
    let stock = Stock::OneSize(u32::try_from(best_stock).unwrap_or(0));
    Ok(ProductCard {
        slug: slug(row, "slug")?,
        name: row.try_get("name")?,
        category: category(row)?,
        collection_name: row.try_get("collection_name")?,
        price: Money::from_cents(row.try_get("price_cents")?),
        former_price: row.try_get::<Option<i64>, _>("former_price_cents")?.map(Money::from_cents),
        picture: first_picture(row)?,
        available_online_now: available_online_now(flags, &stock),
        flags,
    })
}

/// The condition a piece meets to exist for `audience`: published (a
/// piece being prepared or withdrawn is for staff only), and members'
/// previews for signed-in customers only.
fn shown_to(audience: Audience) -> &'static str {
    match audience {
        Audience::Public => "p.published = 1 AND p.members_preview = 0",
        Audience::Member => "p.published = 1",
    }
}

/// The pieces a listing shows `audience`, filtered and sorted.
pub async fn list(
    db: &Db,
    filter: &ListingFilter,
    audience: Audience,
    locale: Locale,
) -> Result<Vec<ProductCard>, sqlx::Error> {
    let mut sql = Sql::new(&card_columns(locale));
    sql.push(" WHERE ").push(shown_to(audience));
    if let Some(category) = filter.category {
        let p = sql.bind(Bind::Text(category.slug().to_owned()));
        sql.push(&format!(" AND p.category = {p}"));
    }
    if let Some(collection) = &filter.collection {
        let p = sql.bind(Bind::Text(collection.as_str().to_owned()));
        sql.push(&format!(" AND c.slug = {p}"));
    }
    if let Some(material) = &filter.material {
        let p = sql.bind(Bind::Text(material.as_str().to_owned()));
        sql.push(&format!(
            " AND EXISTS (SELECT 1 FROM product_materials pm WHERE pm.product_id = p.id AND pm.material_slug = {p})"
        ));
    }
    if let Some(min) = filter.min_price {
        let p = sql.bind(Bind::Int(min.cents()));
        sql.push(&format!(" AND p.price_cents >= {p}"));
    }
    if let Some(max) = filter.max_price {
        let p = sql.bind(Bind::Int(max.cents()));
        sql.push(&format!(" AND p.price_cents <= {p}"));
    }
    if filter.online_now {
        sql.push(
            " AND p.online = 1 AND (p.made_to_order = 1 \
             OR EXISTS (SELECT 1 FROM stock s WHERE s.product_id = p.id AND s.quantity > 0))",
        );
    }
    if let Some(text) = &filter.text {
        // Both languages are searched: "ring" finds the bagues on the French pages too.
        let p = sql.bind(Bind::Text(like_contains(text.as_str())));
        sql.push(&format!(
            " AND (LOWER(p.name) LIKE {p} ESCAPE '\\' OR LOWER(p.description) LIKE {p} ESCAPE '\\' \
             OR LOWER(p.name_fr) LIKE {p} ESCAPE '\\' OR LOWER(p.description_fr) LIKE {p} ESCAPE '\\' \
             OR LOWER(c.name) LIKE {p} ESCAPE '\\' OR LOWER(c.name_fr) LIKE {p} ESCAPE '\\' \
             OR EXISTS (SELECT 1 FROM product_materials pm JOIN materials m ON m.slug = pm.material_slug \
                        WHERE pm.product_id = p.id \
                        AND (LOWER(m.name) LIKE {p} ESCAPE '\\' OR LOWER(m.name_fr) LIKE {p} ESCAPE '\\')))"
        ));
    }
    sql.push(match filter.sort {
        SortOrder::Featured => " ORDER BY p.position, p.id",
        SortOrder::PriceAscending => " ORDER BY p.price_cents, p.id",
        SortOrder::PriceDescending => " ORDER BY p.price_cents DESC, p.id",
        SortOrder::Newest => " ORDER BY p.released_on DESC, p.id DESC",
    });
    let rows = sql.query().fetch_all(&db.pool).await?;
    rows.iter().map(card).collect()
}

/// The newest pieces that can be bought online now, for the home page
/// (public pieces only: the home page is the same for everyone).
pub async fn highlights(db: &Db, count: i64, locale: Locale) -> Result<Vec<ProductCard>, sqlx::Error> {
    let mut sql = Sql::new(&card_columns(locale));
    sql.push(
        " WHERE p.published = 1 AND p.members_preview = 0 AND p.online = 1 AND (p.made_to_order = 1 \
         OR EXISTS (SELECT 1 FROM stock s WHERE s.product_id = p.id AND s.quantity > 0)) \
         ORDER BY p.released_on DESC, p.id DESC LIMIT ",
    );
    let p = sql.bind(Bind::Int(count));
    sql.push(&p);
    let rows = sql.query().fetch_all(&db.pool).await?;
    rows.iter().map(card).collect()
}

/// One product with everything its page shows, or `None` if there is no
/// such product for `audience`.
pub async fn by_slug(
    db: &Db,
    product: &Slug,
    audience: Audience,
    locale: Locale,
) -> Result<Option<ProductDetail>, sqlx::Error> {
    let l = text_column(locale);
    let row = sqlx::query(&format!(
        "SELECT p.id, p.slug, p.name{l} AS name, p.category, p.description{l} AS description, p.price_cents, \
         p.former_price_cents, p.online, p.made_to_order, p.personalised, p.members_preview, \
         c.slug AS collection_slug, c.name{l} AS collection_name \
         FROM products p JOIN collections c ON c.id = p.collection_id \
         WHERE p.slug = $1 AND {}",
        shown_to(audience)
    ))
    .bind(product.as_str())
    .fetch_optional(&db.pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let id: i64 = row.try_get("id")?;
    let category = category(&row)?;

    let materials = sqlx::query(&format!(
        "SELECT m.name{l} AS name FROM product_materials pm JOIN materials m ON m.slug = pm.material_slug \
         WHERE pm.product_id = $1 ORDER BY pm.position",
    ))
    .bind(id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| r.try_get::<String, _>("name"))
    .collect::<Result<Vec<_>, _>>()?;

    let pictures = sqlx::query(&format!(
        "SELECT src, alt{l} AS alt, stem, widths FROM product_pictures WHERE product_id = $1 ORDER BY position"
    ))
    .bind(id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| {
        let stem: Option<String> = r.try_get("stem")?;
        Ok(picture_of(r.try_get("src")?, r.try_get("alt")?, stem.as_deref(), &r.try_get::<String, _>("widths")?))
    })
    .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let pictures = if pictures.is_empty() { vec![Picture::drawing(AWAITING_PICTURE, "")] } else { pictures };

    let stock_rows = sqlx::query("SELECT size, quantity FROM stock WHERE product_id = $1 ORDER BY position, size")
        .bind(id)
        .fetch_all(&db.pool)
        .await?;
    // One-size pieces keep a single row with an empty size; sized ones a row per size.
    let stock = if category.is_sized() {
        let mut sizes = Vec::with_capacity(stock_rows.len());
        for r in stock_rows.iter() {
            let size: String = r.try_get("size")?;
            let quantity = u32::try_from(r.try_get::<i64, _>("quantity")?).unwrap_or(0);
            sizes.push(SizeStock { size: SizeLabel::parse(&size).map_err(|_| corrupt("size", &size))?, quantity });
        }
        Stock::BySize(sizes)
    } else {
        let mut total = 0u32;
        for r in stock_rows.iter() {
            total = total.saturating_add(u32::try_from(r.try_get::<i64, _>("quantity")?).unwrap_or(0));
        }
        Stock::OneSize(total)
    };

    Ok(Some(ProductDetail {
        slug: slug(&row, "slug")?,
        name: row.try_get("name")?,
        category,
        collection_slug: slug(&row, "collection_slug")?,
        collection_name: row.try_get("collection_name")?,
        description: row.try_get("description")?,
        materials,
        price: Money::from_cents(row.try_get("price_cents")?),
        former_price: row.try_get::<Option<i64>, _>("former_price_cents")?.map(Money::from_cents),
        pictures,
        flags: flags(&row)?,
        stock,
    }))
}

/// Every collection, in the house's order.
pub async fn collections(db: &Db, locale: Locale) -> Result<Vec<Collection>, sqlx::Error> {
    let l = text_column(locale);
    sqlx::query(&format!(
        "SELECT slug, name{l} AS name, tagline{l} AS tagline, picture FROM collections ORDER BY position, id"
    ))
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| {
        let name: String = r.try_get("name")?;
        Ok(Collection {
            slug: slug(r, "slug")?,
            picture: Picture::drawing(r.try_get::<String, _>("picture")?, locale.collection_picture_alt(&name)),
            tagline: r.try_get("tagline")?,
            name,
        })
    })
    .collect()
}

/// Every material some piece `audience` sees is made of, by name.
pub async fn materials(db: &Db, audience: Audience, locale: Locale) -> Result<Vec<Material>, sqlx::Error> {
    let l = text_column(locale);
    sqlx::query(&format!(
        "SELECT m.slug, m.name{l} AS name FROM materials m WHERE EXISTS (SELECT 1 FROM product_materials pm \
         JOIN products p ON p.id = pm.product_id WHERE pm.material_slug = m.slug AND {}) \
         ORDER BY m.name{l}",
        shown_to(audience)
    ))
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| Ok(Material { slug: slug(r, "slug")?, name: r.try_get("name")? }))
    .collect()
}

/// The slugs of every public product, for the sitemap.
pub async fn public_slugs(db: &Db) -> Result<Vec<Slug>, sqlx::Error> {
    sqlx::query("SELECT slug FROM products WHERE published = 1 AND members_preview = 0 ORDER BY position, id")
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|r| slug(r, "slug"))
        .collect()
}

/// The sizes a category's public pieces are made in, as stored (bracelets:
/// whole centimetres), for the size guide.
pub async fn sizes_made(db: &Db, category: crate::domain::catalogue::Category) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query(
        "SELECT DISTINCT s.size FROM stock s JOIN products p ON p.id = s.product_id \
         WHERE p.category = $1 AND p.published = 1 AND p.members_preview = 0 AND s.size <> '' ORDER BY s.size",
    )
    .bind(category.slug())
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| r.try_get("size"))
    .collect()
}

/// The products a basket names that `audience` sees, with what pricing a
/// line needs. Names that match none are simply absent from the answer.
pub async fn for_basket(
    db: &Db,
    slugs: &[Slug],
    audience: Audience,
    locale: Locale,
) -> Result<Vec<BasketProduct>, sqlx::Error> {
    if slugs.is_empty() {
        return Ok(Vec::new());
    }
    let l = text_column(locale);
    let mut sql = Sql::new(&format!(
        "SELECT p.id, p.slug, p.name{l} AS name, p.category, p.price_cents, p.former_price_cents, \
         p.online, p.made_to_order, p.personalised, p.members_preview, \
         pp.src AS picture_src, pp.alt{l} AS picture_alt, pp.stem AS picture_stem, pp.widths AS picture_widths \
         FROM products p {FIRST_PICTURE} WHERE ",
    ));
    sql.push(shown_to(audience)).push(" AND p.slug IN (");
    for (i, s) in slugs.iter().enumerate() {
        let p = sql.bind(Bind::Text(s.as_str().to_owned()));
        sql.push(if i == 0 { "" } else { ", " }).push(&p);
    }
    sql.push(")");
    let rows = sql.query().fetch_all(&db.pool).await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }

    let mut stock_sql = Sql::new("SELECT product_id, size, quantity FROM stock WHERE product_id IN (");
    for (i, row) in rows.iter().enumerate() {
        let p = stock_sql.bind(Bind::Int(row.try_get("id")?));
        stock_sql.push(if i == 0 { "" } else { ", " }).push(&p);
    }
    stock_sql.push(") ORDER BY product_id, position, size");
    let stock_rows = stock_sql.query().fetch_all(&db.pool).await?;

    let mut products = Vec::with_capacity(rows.len());
    for row in &rows {
        let id: i64 = row.try_get("id")?;
        let category = category(row)?;
        let mut sizes = Vec::new();
        let mut one_size = 0u32;
        for s in stock_rows.iter().filter(|s| s.try_get::<i64, _>("product_id").ok() == Some(id)) {
            let quantity = u32::try_from(s.try_get::<i64, _>("quantity")?).unwrap_or(0);
            if category.is_sized() {
                let size: String = s.try_get("size")?;
                sizes.push(SizeStock { size: SizeLabel::parse(&size).map_err(|_| corrupt("size", &size))?, quantity });
            } else {
                one_size = one_size.saturating_add(quantity);
            }
        }
        products.push(BasketProduct {
            id,
            on_sale: row.try_get::<Option<i64>, _>("former_price_cents")?.is_some(),
            slug: slug(row, "slug")?,
            name: row.try_get("name")?,
            category,
            price: Money::from_cents(row.try_get("price_cents")?),
            picture: first_picture(row)?,
            flags: flags(row)?,
            stock: if category.is_sized() { Stock::BySize(sizes) } else { Stock::OneSize(one_size) },
        });
    }
    Ok(products)
}

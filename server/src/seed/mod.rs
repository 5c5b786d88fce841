//! The demo house, Maison Aurèle: loaded into an empty catalogue at start.
//!
//! The catalogue is data (`demo/catalogue.toml`), not code; the pictures are
//! SVG drawings under `public/images`, made by `scripts/draw-pictures.py`.

pub mod shops;

use app::domain::{catalogue::Category, country::CountryCode, money::Money, promo, slug::Slug};
use app::store::Db;
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};

/// The demo catalogue, compiled in so the server needs no data files to start.
const DEMO_CATALOGUE: &str = include_str!("../../demo/catalogue.toml");

/// Why the demo catalogue could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("demo catalogue is malformed: {0}")]
    Parse(#[from] toml::de::Error),
    #[error("demo catalogue: {0}")]
    Invalid(String),
    #[error("database: {0}")]
    Sqlx(#[from] sqlx::Error),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Catalogue {
    materials: Vec<MaterialEntry>,
    collections: Vec<CollectionEntry>,
    products: Vec<ProductEntry>,
    /// Gifts with purchase (PRODUCT.md §2).
    #[serde(default)]
    gifts: Vec<GiftEntry>,
    /// Shipping zones (PRODUCT.md §5).
    #[serde(default)]
    shipping_zones: Vec<ZoneEntry>,
    /// Promo codes (PRODUCT.md §2).
    #[serde(default)]
    promo_codes: Vec<PromoEntry>,
}

/// A text shown to shoppers, in both of the shop's languages: neither may be
/// missing, so that no page shows the other language instead.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Texts {
    en: String,
    fr: String,
}

impl Texts {
    fn is_complete(&self) -> bool {
        !self.en.trim().is_empty() && !self.fr.trim().is_empty()
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ZoneEntry {
    code: String,
    name: Texts,
    /// Whole euros.
    rate: i64,
    min_days: i64,
    max_days: i64,
    countries: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PromoEntry {
    code: String,
    /// Per cent off, or…
    percent: Option<i64>,
    /// …whole euros off.
    fixed: Option<i64>,
    /// YYYY-MM-DD, midnight UTC.
    starts: String,
    ends: Option<String>,
    /// Whole euros.
    min_subtotal: Option<i64>,
}

/// Midnight UTC of an ISO date (`YYYY-MM-DD`) in Unix seconds, by the
/// proleptic Gregorian calendar (H. Hinnant's days-from-civil).
fn unix_midnight(iso: &str) -> Option<i64> {
    let mut parts = iso.splitn(3, '-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    if iso.len() != 10 || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some((era * 146_097 + doe - 719_468) * 86_400)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GiftEntry {
    code: String,
    name: Texts,
    description: Texts,
    /// Whole euros of merchandise from which the gift is offered.
    threshold: i64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MaterialEntry {
    slug: String,
    name: Texts,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CollectionEntry {
    slug: String,
    name: Texts,
    tagline: Texts,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProductEntry {
    slug: String,
    name: Texts,
    category: String,
    collection: String,
    /// Whole euros.
    price: i64,
    /// Whole euros; makes the piece a sale item.
    former_price: Option<i64>,
    materials: Vec<String>,
    description: Texts,
    released: String,
    #[serde(default = "yes")]
    online: bool,
    #[serde(default)]
    made_to_order: bool,
    #[serde(default)]
    personalised: bool,
    #[serde(default)]
    members_preview: bool,
    /// Per size for sized pieces, else the one count.
    #[serde(default)]
    stock: u32,
    /// Sized pieces: the first and last size (French ring size, or wrist cm).
    sizes: Option<[u32; 2]>,
    /// Sizes with no stock left.
    #[serde(default)]
    sold_out: Vec<String>,
    /// Sizes with a single piece left.
    #[serde(default)]
    last_one: Vec<String>,
}

/// Whole euros from the catalogue file as cents; an absurd amount saturates
/// rather than wrap (the catalogue check would not let one through anyway).
fn cents(euros: i64) -> i64 {
    Money::from_euros(euros).map(Money::cents).unwrap_or(i64::MAX)
}

fn yes() -> bool {
    true
}

impl ProductEntry {
    /// (size, quantity) rows for the stock table; `""` is the one size.
    fn stock_rows(&self) -> Vec<(String, i64)> {
        match self.sizes {
            None => vec![(String::new(), i64::from(self.stock))],
            Some([first, last]) => (first..=last)
                .map(|size| {
                    let size = size.to_string();
                    let quantity = if self.sold_out.contains(&size) {
                        0
                    } else if self.last_one.contains(&size) {
                        1
                    } else {
                        i64::from(self.stock)
                    };
                    (size, quantity)
                })
                .collect(),
        }
    }
}

/// Reads and checks the demo catalogue without touching the database.
fn parse_catalogue() -> Result<Catalogue, SeedError> {
    let catalogue: Catalogue = toml::from_str(DEMO_CATALOGUE)?;
    let bad = |what: String| Err(SeedError::Invalid(what));
    let materials: HashSet<&str> = catalogue.materials.iter().map(|m| m.slug.as_str()).collect();
    let collections: HashSet<&str> = catalogue.collections.iter().map(|c| c.slug.as_str()).collect();
    let texts = catalogue
        .materials
        .iter()
        .map(|m| (m.slug.as_str(), &m.name))
        .chain(catalogue.collections.iter().flat_map(|c| [(c.slug.as_str(), &c.name), (c.slug.as_str(), &c.tagline)]))
        .chain(catalogue.products.iter().flat_map(|p| [(p.slug.as_str(), &p.name), (p.slug.as_str(), &p.description)]))
        .chain(catalogue.gifts.iter().flat_map(|g| [(g.code.as_str(), &g.name), (g.code.as_str(), &g.description)]))
        .chain(catalogue.shipping_zones.iter().map(|z| (z.code.as_str(), &z.name)));
    for (owner, text) in texts {
        if !text.is_complete() {
            return bad(format!("{owner}: every text needs both its English and its French"));
        }
    }
    let mut slugs = HashSet::new();
    for p in &catalogue.products {
        if Slug::parse(&p.slug).is_err() || !slugs.insert(p.slug.as_str()) {
            return bad(format!("product slug {:?} is invalid or repeated", p.slug));
        }
        let Some(category) = Category::from_slug(&p.category) else {
            return bad(format!("{}: unknown category {:?}", p.slug, p.category));
        };
        if category.is_sized() != p.sizes.is_some() {
            return bad(format!("{}: rings and bracelets, and only they, have sizes", p.slug));
        }
        if !collections.contains(p.collection.as_str()) {
            return bad(format!("{}: unknown collection {:?}", p.slug, p.collection));
        }
        if let Some(m) = p.materials.iter().find(|m| !materials.contains(m.as_str())) {
            return bad(format!("{}: unknown material {m:?}", p.slug));
        }
        if p.former_price.is_some_and(|f| f <= p.price) {
            return bad(format!("{}: a former price must be above the price", p.slug));
        }
        if p.released.len() != 10 || p.released.as_bytes().get(4) != Some(&b'-') {
            return bad(format!("{}: released must be YYYY-MM-DD", p.slug));
        }
    }
    for g in &catalogue.gifts {
        if Slug::parse(&g.code).is_err() || g.threshold < 0 {
            return bad(format!("gift {:?}: the code must be a slug and the threshold positive", g.code));
        }
    }
    let mut zoned = HashSet::new();
    for z in &catalogue.shipping_zones {
        if Slug::parse(&z.code).is_err() || z.rate < 0 || z.min_days < 1 || z.max_days < z.min_days {
            return bad(format!("shipping zone {:?}: a slug, a rate of 0 or more, 1 <= min_days <= max_days", z.code));
        }
        for c in &z.countries {
            if CountryCode::parse_known(c).is_err() || !zoned.insert(c.as_str()) {
                return bad(format!("shipping zone {:?}: country {c:?} is unknown or in two zones", z.code));
            }
        }
    }
    for p in &catalogue.promo_codes {
        let amount_ok = match (p.percent, p.fixed) {
            (Some(pc), None) => (1..=100).contains(&pc),
            (None, Some(f)) => f > 0,
            _ => false,
        };
        let window_ok = match (unix_midnight(&p.starts), p.ends.as_deref().map(unix_midnight)) {
            (Some(_), None) => true,
            (Some(start), Some(Some(end))) => end > start,
            _ => false,
        };
        if promo::normalise(&p.code).ok().as_deref() != Some(p.code.as_str()) || !amount_ok || !window_ok {
            return bad(format!(
                "promo code {:?}: upper-case code, percent 1–100 or fixed > 0, dates YYYY-MM-DD in order",
                p.code
            ));
        }
    }
    Ok(catalogue)
}

/// Loads the demo catalogue if there are no products yet, in one transaction.
/// Returns how many products it added.
pub async fn seed_demo_if_empty(db: &Db) -> Result<usize, SeedError> {
    let catalogue = parse_catalogue()?;
    let mut tx = db.begin_write().await?;
    let existing: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM products").fetch_one(&mut *tx).await?;
    if existing > 0 {
        return Ok(0);
    }
    for m in &catalogue.materials {
        sqlx::query("INSERT INTO materials (slug, name, name_fr) VALUES ($1, $2, $3)")
            .bind(&m.slug)
            .bind(&m.name.en)
            .bind(&m.name.fr)
            .execute(&mut *tx)
            .await?;
    }
    let mut collection_ids = BTreeMap::new();
    for (position, c) in catalogue.collections.iter().enumerate() {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO collections (slug, name, name_fr, tagline, tagline_fr, picture, position) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(&c.slug)
        .bind(&c.name.en)
        .bind(&c.name.fr)
        .bind(&c.tagline.en)
        .bind(&c.tagline.fr)
        .bind(format!("/images/collections/{}.svg", c.slug))
        .bind(position as i64)
        .fetch_one(&mut *tx)
        .await?;
        collection_ids.insert(c.slug.as_str(), id);
    }
    for (position, p) in catalogue.products.iter().enumerate() {
        let flag = |b: bool| i64::from(b);
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO products (slug, name, name_fr, category, collection_id, description, description_fr, \
             price_cents, former_price_cents, online, made_to_order, personalised, members_preview, position, \
             released_on) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id",
        )
        .bind(&p.slug)
        .bind(&p.name.en)
        .bind(&p.name.fr)
        .bind(&p.category)
        .bind(collection_ids[p.collection.as_str()])
        .bind(&p.description.en)
        .bind(&p.description.fr)
        .bind(cents(p.price))
        .bind(p.former_price.map(cents))
        .bind(flag(p.online))
        .bind(flag(p.made_to_order))
        .bind(flag(p.personalised))
        .bind(flag(p.members_preview))
        .bind(position as i64)
        .bind(&p.released)
        .fetch_one(&mut *tx)
        .await?;
        for (i, m) in p.materials.iter().enumerate() {
            sqlx::query("INSERT INTO product_materials (product_id, material_slug, position) VALUES ($1, $2, $3)")
                .bind(id)
                .bind(m)
                .bind(i as i64)
                .execute(&mut *tx)
                .await?;
        }
        let pictures = [
            (
                format!("/images/products/{}.svg", p.slug),
                format!("{}, front view", p.name.en),
                format!("{}, vue de face", p.name.fr),
            ),
            (
                format!("/images/products/{}-detail.svg", p.slug),
                format!("{}, detail of the setting", p.name.en),
                format!("{}, détail du serti", p.name.fr),
            ),
        ];
        for (i, (src, alt, alt_fr)) in pictures.iter().enumerate() {
            sqlx::query(
                "INSERT INTO product_pictures (product_id, position, src, alt, alt_fr) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(id)
            .bind(i as i64)
            .bind(src)
            .bind(alt)
            .bind(alt_fr)
            .execute(&mut *tx)
            .await?;
        }
        for (i, (size, quantity)) in p.stock_rows().into_iter().enumerate() {
            sqlx::query("INSERT INTO stock (product_id, size, position, quantity) VALUES ($1, $2, $3, $4)")
                .bind(id)
                .bind(size)
                .bind(i as i64)
                .bind(quantity)
                .execute(&mut *tx)
                .await?;
        }
    }
    for g in &catalogue.gifts {
        sqlx::query(
            "INSERT INTO gift_offers (code, name, name_fr, description, description_fr, picture, threshold_cents, active) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, 1)",
        )
        .bind(&g.code)
        .bind(&g.name.en)
        .bind(&g.name.fr)
        .bind(&g.description.en)
        .bind(&g.description.fr)
        .bind(format!("/images/gifts/{}.svg", g.code))
        .bind(cents(g.threshold))
        .execute(&mut *tx)
        .await?;
    }
    for (position, z) in catalogue.shipping_zones.iter().enumerate() {
        sqlx::query(
            "INSERT INTO shipping_zones (code, name, name_fr, rate_cents, min_days, max_days, position) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&z.code)
        .bind(&z.name.en)
        .bind(&z.name.fr)
        .bind(cents(z.rate))
        .bind(z.min_days)
        .bind(z.max_days)
        .bind(position as i64)
        .execute(&mut *tx)
        .await?;
        for c in &z.countries {
            sqlx::query("INSERT INTO shipping_zone_countries (country, zone_code) VALUES ($1, $2)")
                .bind(c)
                .bind(&z.code)
                .execute(&mut *tx)
                .await?;
        }
    }
    for p in &catalogue.promo_codes {
        let (kind, amount) = match (p.percent, p.fixed) {
            (Some(percent), _) => ("percent", percent),
            (None, fixed) => ("fixed", cents(fixed.unwrap_or_default())),
        };
        sqlx::query(
            "INSERT INTO promo_codes (code, kind, amount, starts_at, ends_at, min_subtotal_cents) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&p.code)
        .bind(kind)
        .bind(amount)
        .bind(unix_midnight(&p.starts).unwrap_or_default())
        .bind(p.ends.as_deref().and_then(unix_midnight))
        .bind(p.min_subtotal.map(cents))
        .execute(&mut *tx)
        .await?;
    }
    app::store::catalogue_version::bump(&mut tx).await?;
    tx.commit().await?;
    Ok(catalogue.products.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_become_midnight_utc() {
        assert_eq!(unix_midnight("1970-01-01"), Some(0));
        assert_eq!(unix_midnight("2026-01-01"), Some(1_767_225_600));
        assert_eq!(unix_midnight("2024-02-29"), Some(1_709_164_800));
        for bad in ["2026-13-01", "2026-1-1", "20260101", "", "2026-01-xx"] {
            assert_eq!(unix_midnight(bad), None, "{bad}");
        }
    }

    /// A French description equal to its English one was never translated.
    #[test]
    fn the_demo_catalogue_is_written_in_french_too() {
        let c = parse_catalogue().expect("demo catalogue parses");
        for p in &c.products {
            assert_ne!(p.description.fr, p.description.en, "{}", p.slug);
        }
        for g in &c.gifts {
            assert_ne!(g.description.fr, g.description.en, "{}", g.code);
        }
        for t in c.collections.iter().map(|c| &c.tagline) {
            assert_ne!(t.fr, t.en);
        }
    }

    #[test]
    fn the_demo_catalogue_has_what_the_brief_asks_for() {
        let c = parse_catalogue().expect("demo catalogue parses");
        assert!(c.products.len() >= 40, "{} products", c.products.len());
        assert!(c.collections.len() >= 4);
        for category in Category::ALL {
            assert!(c.products.iter().any(|p| p.category == category.slug()), "{category:?}");
        }
        let rings: Vec<_> = c.products.iter().filter(|p| p.category == "rings").collect();
        assert!(rings.iter().all(|r| r.sizes == Some([48, 60])), "rings come in French sizes 48–60");
        assert!(rings.iter().any(|r| !r.sold_out.is_empty()), "a ring size is out of stock");
        assert!(c.products.iter().any(|p| !p.online), "a boutique-only piece");
        assert!(c.products.iter().any(|p| p.former_price.is_some()), "a sale item");
        assert!(c.products.iter().any(|p| p.made_to_order), "a made-to-order piece");
        assert!(c.products.iter().any(|p| p.personalised), "a personalised piece");
        assert!(c.products.iter().any(|p| p.members_preview), "a members' preview piece");
        assert!(c.gifts.iter().any(|g| g.threshold == 500), "the €500 gift with purchase");
        assert!(c.products.iter().any(|p| p.online && p.price < 500), "a piece under the gift threshold");
    }

    #[test]
    fn every_picture_exists() {
        let c = parse_catalogue().unwrap();
        let public = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../public");
        for p in &c.products {
            for suffix in ["", "-detail"] {
                let file = public.join(format!("images/products/{}{suffix}.svg", p.slug));
                assert!(file.exists(), "missing {}", file.display());
            }
        }
        for g in &c.gifts {
            let file = public.join(format!("images/gifts/{}.svg", g.code));
            assert!(file.exists(), "missing {}", file.display());
        }
        for col in &c.collections {
            let file = public.join(format!("images/collections/{}.svg", col.slug));
            assert!(file.exists(), "missing {}", file.display());
        }
    }
}

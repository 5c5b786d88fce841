//! The gift with purchase on offer: data the house sets, not code.

use super::{products::text_column, Db};
use crate::domain::{catalogue::Picture, gift::GiftOffer, locale::Locale, money::Money, slug::Slug};
use sqlx::Row;

/// The gift offered now, if any. Should the house run several offers, the
/// one with the lowest threshold is the one shoppers are offered.
/// Its texts are in `locale`.
pub async fn current(db: &Db, locale: Locale) -> Result<Option<GiftOffer>, sqlx::Error> {
    let l = text_column(locale);
    let row = sqlx::query(&format!(
        "SELECT code, name{l} AS name, description{l} AS description, picture, threshold_cents FROM gift_offers \
         WHERE active = 1 ORDER BY threshold_cents, code LIMIT 1",
    ))
    .fetch_optional(&db.pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let code: String = row.try_get("code")?;
    let name: String = row.try_get("name")?;
    Ok(Some(GiftOffer {
        code: Slug::parse(&code).map_err(|_| sqlx::Error::Decode(format!("corrupt gift code {code:?}").into()))?,
        picture: Picture::drawing(row.try_get::<String, _>("picture")?, name.clone()),
        description: row.try_get("description")?,
        threshold: Money::from_cents(row.try_get("threshold_cents")?),
        name,
    }))
}

/// A gift offer as the back office edits it: both languages, and the
/// revision every save moves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredGift {
    pub code: String,
    pub picture: String,
    pub terms: crate::domain::gift::GiftTerms,
    pub revision: i64,
}

/// Every gift the house has set up, offered first, then by threshold.
pub async fn all(db: &Db) -> Result<Vec<StoredGift>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT code, picture, name, name_fr, description, description_fr, threshold_cents, active, revision \
         FROM gift_offers ORDER BY active DESC, threshold_cents, code",
    )
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(StoredGift {
                code: row.try_get("code")?,
                picture: row.try_get("picture")?,
                terms: crate::domain::gift::GiftTerms {
                    name_en: row.try_get("name")?,
                    name_fr: row.try_get("name_fr")?,
                    description_en: row.try_get("description")?,
                    description_fr: row.try_get("description_fr")?,
                    threshold: Money::from_cents(row.try_get("threshold_cents")?),
                    offered: row.try_get::<i64, _>("active")? == 1,
                },
                revision: row.try_get("revision")?,
            })
        })
        .collect()
}

/// Saves a gift's texts and terms if it is still at `revision`; `false`
/// when another save came first (nothing is written).
pub async fn update(
    conn: &mut sqlx::AnyConnection,
    code: &str,
    terms: &crate::domain::gift::GiftTerms,
    revision: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE gift_offers SET name = $1, name_fr = $2, description = $3, description_fr = $4, \
         threshold_cents = $5, active = $6, revision = revision + 1 WHERE code = $7 AND revision = $8",
    )
    .bind(&terms.name_en)
    .bind(&terms.name_fr)
    .bind(&terms.description_en)
    .bind(&terms.description_fr)
    .bind(terms.threshold.cents())
    .bind(i64::from(terms.offered))
    .bind(code)
    .bind(revision)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

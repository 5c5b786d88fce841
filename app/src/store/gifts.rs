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
        picture: Picture { src: row.try_get("picture")?, alt: name.clone() },
        description: row.try_get("description")?,
        threshold: Money::from_cents(row.try_get("threshold_cents")?),
        name,
    }))
}

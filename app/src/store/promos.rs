//! Promo codes: data the house sets; the rules are in `domain::promo`.

use super::Db;
use crate::domain::{
    money::Money,
    promo::{Discount, PromoCode},
};
use sqlx::Row;

/// The active code with this (normalised) name, if there is one.
pub async fn find(db: &Db, code: &str) -> Result<Option<PromoCode>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT code, kind, amount, starts_at, ends_at, min_subtotal_cents FROM promo_codes WHERE code = $1 AND active = 1",
    )
    .bind(code)
    .fetch_optional(&db.pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let code: String = row.try_get("code")?;
    let amount: i64 = row.try_get("amount")?;
    let kind: String = row.try_get("kind")?;
    let discount = match kind.as_str() {
        "percent" => Discount::Percent(
            u8::try_from(amount).map_err(|_| sqlx::Error::Decode(format!("promo {code}: bad percent").into()))?,
        ),
        "fixed" => Discount::Fixed(Money::from_cents(amount)),
        other => return Err(sqlx::Error::Decode(format!("promo {code}: unknown kind {other:?}").into())),
    };
    Ok(Some(PromoCode {
        discount,
        starts_at: row.try_get("starts_at")?,
        ends_at: row.try_get("ends_at")?,
        min_subtotal: row.try_get::<Option<i64>, _>("min_subtotal_cents")?.map(Money::from_cents),
        code,
    }))
}

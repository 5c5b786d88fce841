//! Shipping zones and their countries: data the house sets.

use super::products::text_column;
use super::Db;
use crate::domain::{country::CountryCode, locale::Locale, money::Money, shipping::ShippingZone};
use sqlx::Row;

/// Every zone, in the house's order, with its countries; names in `locale`.
pub async fn zones(db: &Db, locale: Locale) -> Result<Vec<ShippingZone>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT code, name{} AS name, rate_cents, min_days, max_days FROM shipping_zones ORDER BY position, code",
        text_column(locale)
    ))
    .fetch_all(&db.pool)
    .await?;
    let members = sqlx::query("SELECT country, zone_code FROM shipping_zone_countries ORDER BY country")
        .fetch_all(&db.pool)
        .await?;
    let days =
        |v: i64| u8::try_from(v).map_err(|_| sqlx::Error::Decode(format!("delivery days {v} out of range").into()));
    rows.iter()
        .map(|r| {
            let code: String = r.try_get("code")?;
            let mut countries = Vec::new();
            for m in members.iter().filter(|m| m.try_get::<String, _>("zone_code").is_ok_and(|z| z == code)) {
                let country: String = m.try_get("country")?;
                countries.push(
                    CountryCode::parse(&country).map_err(|_| {
                        sqlx::Error::Decode(format!("corrupt country {country:?} in zone {code}").into())
                    })?,
                );
            }
            Ok(ShippingZone {
                name: r.try_get("name")?,
                rate: Money::from_cents(r.try_get("rate_cents")?),
                min_days: days(r.try_get("min_days")?)?,
                max_days: days(r.try_get("max_days")?)?,
                countries,
            })
        })
        .collect()
}

/// Sets a zone's rate and delivery days; `false` if there is no such zone.
/// The house's pages and every page's footer state these figures, so the
/// catalogue's version moves in the same transaction (kept pages go).
pub async fn set_zone_terms(db: &Db, code: &str, rate: Money, days: (u8, u8)) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let changed =
        sqlx::query("UPDATE shipping_zones SET rate_cents = $1, min_days = $2, max_days = $3 WHERE code = $4")
            .bind(rate.cents())
            .bind(i64::from(days.0))
            .bind(i64::from(days.1))
            .bind(code)
            .execute(&mut *tx)
            .await?
            .rows_affected()
            == 1;
    if changed {
        // Last: on PostgreSQL the version's row stays locked until the commit.
        super::catalogue_version::bump(&mut tx).await?;
    }
    tx.commit().await?;
    Ok(changed)
}

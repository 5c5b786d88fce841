//! The house's boutiques and its retailers (PRODUCT.md §8), with their
//! weeks of hours, and the places a shopper may type to find the nearest.

use super::Db;
use crate::domain::{
    boutique::{GeoPoint, ShopKind, WeeklyHours},
    country::CountryCode,
};
use sqlx::{any::AnyRow, AnyConnection, Row};
use std::{collections::HashMap, str::FromStr};

/// A shop, as the locator shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Shop {
    pub slug: String,
    pub kind: ShopKind,
    pub name: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub country: CountryCode,
    /// In E.164.
    pub phone: String,
    /// Its IANA zone, checked when it was written.
    pub time_zone: String,
    pub position: GeoPoint,
    pub hours: WeeklyHours,
}

fn corrupt(what: &str, value: &str) -> sqlx::Error {
    sqlx::Error::Decode(format!("corrupt {what} in the shops: {value:?}").into())
}

fn position(row: &AnyRow) -> Result<GeoPoint, sqlx::Error> {
    let (lat, lon): (f64, f64) = (row.try_get("latitude")?, row.try_get("longitude")?);
    GeoPoint::new(lat, lon).map_err(|_| corrupt("position", &format!("{lat}, {lon}")))
}

/// Every shop with its week. The whole list: a house has tens of shops,
/// and "open now" and distances are worked out on them in Rust anyway.
pub async fn all(db: &Db) -> Result<Vec<Shop>, sqlx::Error> {
    let hour_rows = sqlx::query("SELECT shop_id, weekday, spans FROM shop_hours").fetch_all(&db.pool).await?;
    let mut days: HashMap<i64, [String; 7]> = HashMap::new();
    for row in hour_rows {
        let (shop_id, weekday, spans): (i64, i64, String) =
            (row.try_get("shop_id")?, row.try_get("weekday")?, row.try_get("spans")?);
        let week = days.entry(shop_id).or_insert_with(|| std::array::from_fn(|_| "closed".to_owned()));
        match usize::try_from(weekday).ok().and_then(|day| week.get_mut(day)) {
            Some(day) => *day = spans,
            None => return Err(corrupt("weekday", &weekday.to_string())),
        }
    }
    let rows = sqlx::query(
        "SELECT id, slug, kind, name, street, postcode, city, country, phone, time_zone, latitude, longitude \
         FROM shops ORDER BY id",
    )
    .fetch_all(&db.pool)
    .await?;
    rows.into_iter()
        .map(|row| {
            let id: i64 = row.try_get("id")?;
            let (kind, country): (String, String) = (row.try_get("kind")?, row.try_get("country")?);
            let week = days.remove(&id).unwrap_or_else(|| std::array::from_fn(|_| "closed".to_owned()));
            let hours = WeeklyHours::parse(week.each_ref().map(String::as_str))
                .map_err(|problem| corrupt("hours", &problem.to_string()))?;
            Ok(Shop {
                slug: row.try_get("slug")?,
                kind: ShopKind::from_str(&kind).map_err(|_| corrupt("kind", &kind))?,
                name: row.try_get("name")?,
                street: row.try_get("street")?,
                postcode: row.try_get("postcode")?,
                city: row.try_get("city")?,
                country: CountryCode::parse(&country).map_err(|_| corrupt("country", &country))?,
                phone: row.try_get("phone")?,
                time_zone: row.try_get("time_zone")?,
                position: position(&row)?,
                hours,
            })
        })
        .collect()
}

/// A shop to write (the demo data, checked by the caller).
#[derive(Clone, Debug)]
pub struct NewShop<'a> {
    pub slug: &'a str,
    pub kind: ShopKind,
    pub name: &'a str,
    pub street: &'a str,
    pub postcode: &'a str,
    pub city: &'a str,
    pub country: CountryCode,
    pub phone: &'a str,
    pub time_zone: &'a str,
    pub position: GeoPoint,
    /// Monday first, as [`WeeklyHours::parse`] reads them.
    pub hours: [&'a str; 7],
}

/// Writes a shop and its week, inside the caller's transaction.
pub async fn insert(conn: &mut AnyConnection, shop: &NewShop<'_>) -> Result<i64, sqlx::Error> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO shops (slug, kind, name, street, postcode, city, country, phone, time_zone, latitude, longitude) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    )
    .bind(shop.slug)
    .bind(<&str>::from(shop.kind))
    .bind(shop.name)
    .bind(shop.street)
    .bind(shop.postcode)
    .bind(shop.city)
    .bind(shop.country.as_str())
    .bind(shop.phone)
    .bind(shop.time_zone)
    .bind(shop.position.lat())
    .bind(shop.position.lon())
    .fetch_one(&mut *conn)
    .await?;
    for (weekday, spans) in shop.hours.iter().enumerate() {
        sqlx::query("INSERT INTO shop_hours (shop_id, weekday, spans) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(weekday as i64)
            .bind(*spans)
            .execute(&mut *conn)
            .await?;
    }
    Ok(id)
}

/// How many shops there are.
pub async fn count(conn: &mut AnyConnection) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM shops").fetch_one(conn).await
}

/// A place a shopper may type, under one of its names.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub name: String,
    pub country: CountryCode,
    pub position: GeoPoint,
}

/// Writes one of a place's names; `key` is the name folded
/// (`domain::faq::fold_decomposed` of its decomposition).
pub async fn insert_place(
    conn: &mut AnyConnection,
    key: &str,
    name: &str,
    country: CountryCode,
    position: GeoPoint,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO places (name_key, name, country, latitude, longitude) VALUES ($1, $2, $3, $4, $5)")
        .bind(key)
        .bind(name)
        .bind(country.as_str())
        .bind(position.lat())
        .bind(position.lon())
        .execute(conn)
        .await?;
    Ok(())
}

/// The place known by a folded name, if any.
pub async fn place(db: &Db, key: &str) -> Result<Option<Place>, sqlx::Error> {
    let row = sqlx::query("SELECT name, country, latitude, longitude FROM places WHERE name_key = $1")
        .bind(key)
        .fetch_optional(&db.pool)
        .await?;
    row.map(|row| {
        let country: String = row.try_get("country")?;
        Ok(Place {
            name: row.try_get("name")?,
            country: CountryCode::parse(&country).map_err(|_| corrupt("place's country", &country))?,
            position: position(&row)?,
        })
    })
    .transpose()
}

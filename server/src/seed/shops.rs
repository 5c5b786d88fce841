//! The demo house's boutiques and retailers, and the places a shopper may
//! type to find the nearest (`demo/boutiques.toml`): checked whole, then
//! loaded into a database that has no shop yet.

use super::SeedError;
use app::domain::{
    boutique::{GeoPoint, ShopKind, WeeklyHours},
    country::CountryCode,
    local_hours,
    phone::PhoneNumber,
    shop_finder::place_key,
    slug::Slug,
};
use app::store::{shops, Db};
use serde::Deserialize;
use std::{collections::HashSet, str::FromStr};

const DEMO_SHOPS: &str = include_str!("../../demo/boutiques.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ShopsFile {
    shops: Vec<ShopEntry>,
    places: Vec<PlaceEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ShopEntry {
    slug: String,
    kind: String,
    name: String,
    street: String,
    postcode: String,
    city: String,
    country: String,
    phone: String,
    time_zone: String,
    lat: f64,
    lon: f64,
    /// Monday first.
    hours: [String; 7],
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlaceEntry {
    /// The local name first, then the others people write.
    names: Vec<String>,
    country: String,
    lat: f64,
    lon: f64,
}

/// A shop, checked.
struct CheckedShop<'a> {
    entry: &'a ShopEntry,
    kind: ShopKind,
    country: CountryCode,
    phone: PhoneNumber,
    position: GeoPoint,
}

/// A place's name, checked, with the key it is found by.
struct CheckedName<'a> {
    key: String,
    name: &'a str,
    country: CountryCode,
    position: GeoPoint,
}

fn parse() -> Result<ShopsFile, SeedError> {
    Ok(toml::from_str(DEMO_SHOPS)?)
}

fn check_shops(file: &ShopsFile) -> Result<Vec<CheckedShop<'_>>, SeedError> {
    let bad = |slug: &str, what: String| SeedError::Invalid(format!("shop {slug:?}: {what}"));
    let mut slugs = HashSet::new();
    file.shops
        .iter()
        .map(|entry| {
            let slug = entry.slug.as_str();
            if Slug::parse(slug).is_err() || !slugs.insert(slug) {
                return Err(bad(slug, "the slug is invalid or repeated".into()));
            }
            if [&entry.name, &entry.street, &entry.city].iter().any(|text| text.trim().is_empty()) {
                return Err(bad(slug, "a name, a street and a city are needed".into()));
            }
            let kind =
                ShopKind::from_str(&entry.kind).map_err(|_| bad(slug, format!("unknown kind {:?}", entry.kind)))?;
            let country = CountryCode::parse_known(&entry.country).map_err(|e| bad(slug, e.to_string()))?;
            let phone = PhoneNumber::parse(&entry.phone, country).map_err(|e| bad(slug, e.to_string()))?;
            local_hours::zone(&entry.time_zone).map_err(|e| bad(slug, e.to_string()))?;
            WeeklyHours::parse(entry.hours.each_ref().map(String::as_str)).map_err(|e| bad(slug, e.to_string()))?;
            let position = GeoPoint::new(entry.lat, entry.lon).map_err(|e| bad(slug, e.to_string()))?;
            Ok(CheckedShop { entry, kind, country, phone, position })
        })
        .collect()
}

fn check_places(file: &ShopsFile) -> Result<Vec<CheckedName<'_>>, SeedError> {
    let mut keys = HashSet::new();
    let mut names = Vec::new();
    for place in &file.places {
        let first = place.names.first().map_or("", String::as_str);
        let bad = |what: String| SeedError::Invalid(format!("place {first:?}: {what}"));
        let country = CountryCode::parse_known(&place.country).map_err(|e| bad(e.to_string()))?;
        let position = GeoPoint::new(place.lat, place.lon).map_err(|e| bad(e.to_string()))?;
        if place.names.is_empty() {
            return Err(bad("a place needs a name".into()));
        }
        for name in &place.names {
            let key = place_key(&app::api::house::fold(name));
            if key.is_empty() || !keys.insert(key.clone()) {
                return Err(bad(format!("the name {name:?} is empty or another place's")));
            }
            names.push(CheckedName { key, name, country, position });
        }
    }
    Ok(names)
}

/// Loads the demo shops and places if there is no shop yet, in one
/// transaction; how many shops it added.
pub async fn seed_if_empty(db: &Db) -> Result<usize, SeedError> {
    let file = parse()?;
    let (checked, names) = (check_shops(&file)?, check_places(&file)?);
    let mut tx = db.begin_write().await?;
    if shops::count(&mut tx).await? > 0 {
        return Ok(0);
    }
    for shop in &checked {
        let entry = shop.entry;
        let new = shops::NewShop {
            slug: &entry.slug,
            kind: shop.kind,
            name: &entry.name,
            street: &entry.street,
            postcode: &entry.postcode,
            city: &entry.city,
            country: shop.country,
            phone: shop.phone.e164(),
            time_zone: &entry.time_zone,
            position: shop.position,
            hours: entry.hours.each_ref().map(String::as_str),
        };
        shops::insert(&mut tx, &new).await?;
    }
    for name in &names {
        shops::insert_place(&mut tx, &name.key, name.name, name.country, name.position).await?;
    }
    tx.commit().await?;
    Ok(checked.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_shops_are_what_the_brief_asks_for() {
        let file = parse().expect("demo shops parse");
        let shops = check_shops(&file).expect("every shop checks");
        assert!(shops.len() >= 12, "{} shops", shops.len());
        let countries: HashSet<_> = shops.iter().map(|s| s.country).collect();
        assert!(countries.len() >= 5, "{} countries", countries.len());
        assert!(shops.iter().any(|s| s.kind == ShopKind::Retailer), "a retailer");
        assert!(shops.iter().any(|s| s.kind == ShopKind::Boutique), "a boutique");
    }

    /// A shopper who types the city of a shop gets the shops near it.
    #[test]
    fn every_shop_city_is_a_place() {
        let file = parse().unwrap();
        let places = check_places(&file).expect("every place checks");
        let keys: HashSet<_> = places.iter().map(|p| p.key.as_str()).collect();
        for shop in &file.shops {
            let key = place_key(&app::api::house::fold(&shop.city));
            assert!(keys.contains(key.as_str()), "{} is not a place", shop.city);
        }
    }
}

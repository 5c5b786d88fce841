//! The boutique locator (PRODUCT.md §8): the house's boutiques and its
//! retailers, filtered by country, city and "open now" (each on its own
//! clock), nearest first from the shopper's position or a place typed in,
//! and the part of the map that frames them.

use crate::domain::boutique::ShopKind;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The locator's address, in every language.
pub const SHOPS_PATH: &str = "/boutiques";

/// A shop, ready to show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ShopCard {
    pub slug: String,
    pub kind: ShopKind,
    pub name: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub country: String,
    /// `tel:` link, and the number as people read it.
    pub phone_link: String,
    pub phone: String,
    pub open_now: bool,
    /// Each weekday, Monday first: its name and its hours.
    pub week: Vec<(String, String)>,
    /// How far it is, when the list is sorted from somewhere.
    pub distance: Option<String>,
    /// Where its marker goes on the map.
    pub x: f64,
    pub y: f64,
}

/// A country in the filter, with its cities.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CountryChoice {
    pub code: String,
    pub name: String,
    pub cities: Vec<String>,
}

/// What the list is sorted from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum SortedFrom {
    /// The list's own order: by country, then city.
    Nowhere,
    Position {
        x: f64,
        y: f64,
    },
    Place {
        name: String,
        x: f64,
        y: f64,
    },
    /// A place typed in that is not known: the list keeps its order.
    UnknownPlace(String),
}

/// The filters as asked, to put back in the form.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ShopFilters {
    pub country: String,
    pub city: String,
    pub open_now: bool,
    pub near: String,
    /// The position shared, kept while the filters change.
    pub lat: String,
    pub lon: String,
}

/// The locator page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ShopFinder {
    pub shops: Vec<ShopCard>,
    pub total: usize,
    pub countries: Vec<CountryChoice>,
    pub filters: ShopFilters,
    pub sorted_from: SortedFrom,
    /// The map's `viewBox`, framing the shops listed, and its markers' radius.
    pub view_box: String,
    pub marker_radius: f64,
    pub canonical: String,
    /// schema.org `JewelryStore` of every shop listed, as JSON-LD text.
    pub json_ld: String,
}

/// The locator: every field as the form or the position button sends it
/// (`country`, `city`, `open`, `near`, `lat`, `lon`), any of them empty.
/// A field that cannot be read is a 400 that says why.
#[server(endpoint = "shops/find")]
pub async fn find_shops(
    #[server(default)] country: String,
    #[server(default)] city: String,
    #[server(default)] open: String,
    #[server(default)] near: String,
    #[server(default)] lat: String,
    #[server(default)] lon: String,
) -> Result<ShopFinder, AppError> {
    use crate::domain::{
        local_hours,
        map::{project, MapPoint, ViewBox},
        phone::PhoneNumber,
        shop_finder::{nearest_first, place_key, FinderQuery, Origin, FRAMED_NEAREST},
    };
    use crate::store::shops;
    let (db, site) = super::context()?;
    let locale = crate::i18n::use_locale();
    let query = FinderQuery::parse(&country, &city, &open, &near, &lat, &lon)
        .map_err(|problem| super::bad_request(locale.shops_problem(problem)))?;
    let all = shops::all(&db).await?;
    let (origin, sorted_from) = match &query.origin {
        Origin::Unknown => (None, SortedFrom::Nowhere),
        Origin::Position(point) => {
            let MapPoint { x, y } = project(*point);
            (Some(*point), SortedFrom::Position { x, y })
        }
        Origin::Typed(typed) => match shops::place(&db, &place_key(&super::house::fold(typed))).await? {
            Some(place) => {
                let MapPoint { x, y } = project(place.position);
                (Some(place.position), SortedFrom::Place { name: place.name, x, y })
            }
            None => (None, SortedFrom::UnknownPlace(typed.clone())),
        },
    };
    let position_kept = match query.origin {
        Origin::Position(point) => Some(point),
        _ => None,
    };
    let now = jiff::Timestamp::now();
    let country_name = |shop: &shops::Shop| shop.country.display_name_in(locale);
    // The list's own order: by country's name in the page's language, then city, then name.
    let mut ordered: Vec<&shops::Shop> = all.iter().collect();
    ordered.sort_by_cached_key(|shop| (country_name(shop), shop.city.clone(), shop.name.clone()));
    let mut countries: Vec<CountryChoice> = Vec::new();
    for shop in &ordered {
        match countries.last_mut() {
            Some(last) if last.code == shop.country.as_str() => {
                if !last.cities.contains(&shop.city) {
                    last.cities.push(shop.city.clone());
                }
            }
            _ => countries.push(CountryChoice {
                code: shop.country.as_str().to_owned(),
                name: country_name(shop),
                cities: vec![shop.city.clone()],
            }),
        }
    }
    let mut listed: Vec<(&shops::Shop, bool, Option<f64>)> = Vec::new();
    for shop in ordered {
        let open_now = match local_hours::zone(&shop.time_zone) {
            Ok(zone) => local_hours::open_at(&shop.hours, &zone, now),
            Err(error) => {
                tracing::error!(%error, shop = shop.slug, "a shop's time zone is unknown");
                false
            }
        };
        if query.admits(shop.country, &shop.city, open_now) {
            listed.push((shop, open_now, origin.map(|o| o.distance_km(shop.position))));
        }
    }
    let mut by_distance: Vec<((&shops::Shop, bool), Option<f64>)> =
        listed.into_iter().map(|(shop, open, km)| ((shop, open), km)).collect();
    nearest_first(&mut by_distance);
    let canonical = site.url(&locale.href(SHOPS_PATH));
    // The map frames what the shopper is looking at: the list, or, sorted
    // from somewhere, that place and the nearest shops (the others stay on
    // the map, a zoom out away).
    let framed = if origin.is_some() { FRAMED_NEAREST } else { by_distance.len() };
    let mut points: Vec<MapPoint> =
        by_distance.iter().take(framed).map(|((shop, _), _)| project(shop.position)).collect();
    if let Some(origin) = origin {
        points.push(project(origin));
    }
    let view = ViewBox::around(&points);
    let json_ld: Vec<serde_json::Value> =
        by_distance.iter().map(|((shop, _), _)| store_json_ld(shop, &canonical)).collect();
    let cards = by_distance
        .into_iter()
        .map(|((shop, open_now), km)| {
            let MapPoint { x, y } = project(shop.position);
            let phone = PhoneNumber::parse(&shop.phone, shop.country)
                .map(|number| number.international())
                .unwrap_or_else(|_| shop.phone.clone());
            ShopCard {
                slug: shop.slug.clone(),
                kind: shop.kind,
                name: shop.name.clone(),
                street: shop.street.clone(),
                postcode: shop.postcode.clone(),
                city: shop.city.clone(),
                country: shop.country.display_name_in(locale),
                phone_link: format!("tel:{}", shop.phone),
                phone,
                open_now,
                week: (0..7)
                    .map(|day| (locale.weekday_heading(day), locale.shop_day_hours(shop.hours.day(day))))
                    .collect(),
                distance: km.map(|km| locale.shops_distance(km)),
                x,
                y,
            }
        })
        .collect();
    let json_ld = serde_json::json!({ "@context": "https://schema.org", "@graph": json_ld });
    Ok(ShopFinder {
        shops: cards,
        total: all.len(),
        countries,
        filters: ShopFilters {
            country: query.country.map(|c| c.as_str().to_owned()).unwrap_or_default(),
            city: query.city.unwrap_or_default(),
            open_now: query.open_now,
            near: near.trim().to_owned(),
            lat: position_kept.map(|p| p.lat().to_string()).unwrap_or_default(),
            lon: position_kept.map(|p| p.lon().to_string()).unwrap_or_default(),
        },
        sorted_from,
        view_box: view.attribute(),
        marker_radius: view.marker_radius(),
        canonical,
        // `</script>` inside the data would end the element early.
        json_ld: json_ld.to_string().replace('<', "\\u003c"),
    })
}

/// A shop as schema.org's `JewelryStore`, its hours as
/// `OpeningHoursSpecification`, one per weekday and span.
#[cfg(feature = "ssr")]
fn store_json_ld(shop: &crate::store::shops::Shop, page: &str) -> serde_json::Value {
    const DAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    let clock = |m: u16| format!("{:02}:{:02}", m / 60, m % 60);
    let hours: Vec<serde_json::Value> = DAYS
        .iter()
        .enumerate()
        .flat_map(|(day, name)| {
            shop.hours.day(day).iter().map(move |&(opens, closes)| {
                serde_json::json!({
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": format!("https://schema.org/{name}"),
                    "opens": clock(opens),
                    "closes": clock(closes),
                })
            })
        })
        .collect();
    serde_json::json!({
        "@type": "JewelryStore",
        "@id": format!("{page}#{}", shop.slug),
        "name": shop.name,
        "url": format!("{page}#{}", shop.slug),
        "telephone": shop.phone,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": shop.street,
            "postalCode": shop.postcode,
            "addressLocality": shop.city,
            "addressCountry": shop.country.as_str(),
        },
        "geo": { "@type": "GeoCoordinates", "latitude": shop.position.lat(), "longitude": shop.position.lon() },
        "openingHoursSpecification": hours,
    })
}

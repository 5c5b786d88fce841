//! The boutique locator over HTTP (PRODUCT.md §8): filters and sorting as
//! plain GETs (no JavaScript needed), "open now" on each shop's clock, bad
//! input refused with its reason, and schema.org data for every shop.

use crate::common::TestApp;
use app::domain::{
    boutique::{GeoPoint, ShopKind},
    country::CountryCode,
};
use app::store::shops::{self, NewShop};

/// The shops a page lists, by their anchors, in order.
fn listed(html: &str) -> Vec<String> {
    html.split(r#"<li id=""#)
        .skip(1)
        .filter_map(|rest| {
            let (id, after) = rest.split_once('"')?;
            let tag = after.split_once('>')?.0;
            tag.contains(r#"class="shop-entry""#).then(|| id.to_owned())
        })
        .collect()
}

/// The filters' hidden latitude field, as the page writes it.
fn position_field(html: &str) -> String {
    html.split(r#"id="shops-lat""#).nth(1).and_then(|rest| rest.split('>').next()).unwrap_or_default().to_owned()
}

async fn the_list_filters_and_sorts_without_javascript(app: &TestApp) {
    let all = shops::all(&app.db).await.unwrap();
    assert!(all.len() >= 12, "the demo shops are seeded");
    let slugs_where = |keep: &dyn Fn(&shops::Shop) -> bool| -> Vec<String> {
        all.iter().filter(|s| keep(s)).map(|s| s.slug.clone()).collect()
    };

    let (status, html) = app.get("/en/boutiques").await;
    assert_eq!(status, 200);
    let every = listed(&html);
    assert_eq!(every.len(), all.len(), "every shop without a filter");
    assert!(html.contains(&format!("{} boutiques and retailers.", all.len())));
    assert!(html.contains(r#"href="/map/world.svg""#), "the house's own map");
    assert!(html.contains("The house does not know this retailer’s stock"), "a retailer says to call");

    // By country, then by city (as written, whatever the case).
    let (status, html) = app.get("/en/boutiques?country=BE").await;
    assert_eq!(status, 200);
    let mut belgian = listed(&html);
    belgian.sort();
    let mut expected = slugs_where(&|s| s.country.as_str() == "BE");
    expected.sort();
    assert_eq!(belgian, expected);
    assert!(html.contains(&format!("{} of {}.", expected.len(), all.len())));
    let (_, html) = app.get("/en/boutiques?city=lyon").await;
    assert_eq!(listed(&html), slugs_where(&|s| s.city == "Lyon"));
    let (_, html) = app.get("/en/boutiques?country=BE&city=Lyon").await;
    assert!(listed(&html).is_empty() && html.contains("No shop matches these filters."));

    // Nearest first from a place typed in (accents and case do not matter)…
    let brussels = all.iter().find(|s| s.city == "Bruxelles").expect("a shop in Brussels");
    let (_, html) = app.get("/en/boutiques?near=BRUXELLES").await;
    assert_eq!(listed(&html).first(), Some(&brussels.slug));
    assert!(html.contains("Nearest Bruxelles first."));
    // …or from a position, and the distances follow.
    let lyon = all.iter().find(|s| s.city == "Lyon").unwrap();
    let (lat, lon) = (lyon.position.lat() + 0.01, lyon.position.lon());
    let (_, html) = app.get(&format!("/en/boutiques?lat={lat}&lon={lon}")).await;
    let order = listed(&html);
    assert_eq!(order.first(), Some(&lyon.slug));
    let here = GeoPoint::new(lat, lon).unwrap();
    let distances: Vec<f64> =
        order.iter().map(|slug| here.distance_km(all.iter().find(|s| &s.slug == slug).unwrap().position)).collect();
    assert!(distances.windows(2).all(|pair| pair[0] <= pair[1]), "sorted by distance: {distances:?}");
    assert!(html.contains("1.1 km away"), "Lyon's shop is about 1.1 km away");
    // The map frames the shopper's place and the nearest shops, not the world.
    let view_width = |html: &str| -> f64 {
        let map = html.split(r#"id="shop-map""#).nth(1).and_then(|rest| rest.split('>').next()).unwrap();
        let view = map.split(r#"viewBox=""#).nth(1).and_then(|rest| rest.split('"').next()).unwrap();
        view.split(' ').nth(2).unwrap().parse().unwrap()
    };
    assert!(view_width(&html) < 30.0, "the view frames Lyon's region: {}", view_width(&html));
    let (_, everywhere) = app.get("/en/boutiques").await;
    assert!(view_width(&everywhere) > 200.0, "without a place the view frames every shop");
    // The position is kept in the filters' form while they change; with
    // none, the field is disabled so the form sends no empty `lat=`.
    let kept = position_field(&html);
    assert!(kept.contains(&format!(r#"value="{}""#, here.lat())) && !kept.contains("disabled"), "{kept}");
    assert!(position_field(&everywhere).contains("disabled"), "{}", position_field(&everywhere));
    // A place the shop does not know leaves the list in its order, and says so.
    let (status, html) = app.get("/en/boutiques?near=Atlantis").await;
    assert_eq!(status, 200);
    assert_eq!(listed(&html), every);
    assert!(html.contains("We do not know “Atlantis”"));
    // In French too.
    let (_, html) = app.get("/fr/boutiques?near=Bruxelles").await;
    assert!(html.contains("Les plus proches de Bruxelles d’abord."));
    assert!(html.contains("Revendeur agréé") && html.contains("Horaires d’ouverture"));
}
on_both_engines!(filters, the_list_filters_and_sorts_without_javascript);

async fn open_now_is_read_on_each_shops_clock(app: &TestApp) {
    // Two shops of a country no demo shop is in: one always open, one never.
    let monaco = CountryCode::parse("MC").unwrap();
    let mut tx = app.db.begin_write().await.unwrap();
    for (slug, day) in [("always-open", "00:00-24:00"), ("never-open", "closed")] {
        let shop = NewShop {
            slug,
            kind: ShopKind::Retailer,
            name: slug,
            street: "1 avenue de Monte-Carlo",
            postcode: "98000",
            city: "Monaco",
            country: monaco,
            phone: "+37793000000",
            time_zone: "Europe/Monaco",
            position: GeoPoint::new(43.7384, 7.4246).unwrap(),
            hours: [day; 7],
        };
        shops::insert(&mut tx, &shop).await.unwrap();
    }
    tx.commit().await.unwrap();
    let (_, html) = app.get("/en/boutiques?country=MC").await;
    assert_eq!(listed(&html), ["always-open", "never-open"]);
    assert!(html.contains("Open now") && html.contains("Closed now"));
    let (status, html) = app.get("/en/boutiques?country=MC&open=on").await;
    assert_eq!(status, 200);
    assert_eq!(listed(&html), ["always-open"]);
    assert!(html.contains(r#"id="shops-open" name="open" type="checkbox" value="on" checked"#), "the box stays ticked");
}
on_both_engines!(open_now, open_now_is_read_on_each_shops_clock);

async fn bad_input_is_refused_with_its_reason(app: &TestApp) {
    let long = "a".repeat(81);
    for (query, reason) in [
        ("country=XX", "That country is not in the list."),
        ("country=France", "That country is not in the list."),
        ("lat=91&lon=2", "A position is a latitude between -90 and 90"),
        ("lat=north&lon=2", "A position is a latitude between -90 and 90"),
        ("lat=48.8", "A position has a latitude and a longitude."),
        (&format!("near={long}"), "A city’s name is at most 80 characters."),
        (&format!("city={long}"), "A city’s name is at most 80 characters."),
        ("open=maybe", "“Open now” is ticked or not."),
    ] {
        let (status, html) = app.get(&format!("/en/boutiques?{query}")).await;
        assert_eq!(status, 400, "{query}");
        assert!(html.contains(reason), "{query}: {reason}");
    }
    // The server function answers the same way.
    let (status, answer) = app.call("shops/find", &[("country", "XX")]).await;
    assert_eq!(status, 400, "{answer}");
    let (status, answer) = app.call("shops/find", &[("near", "Lyon")]).await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["sorted_from"]["Place"]["name"], "Lyon");
}
on_both_engines!(bad_input, bad_input_is_refused_with_its_reason);

async fn every_shop_is_a_jewelry_store_for_search_engines(app: &TestApp) {
    let (_, html) = app.get("/en/boutiques").await;
    let json = html
        .split(r#"<script type="application/ld+json">"#)
        .filter_map(|rest| rest.split("</script>").next())
        .find(|block| block.contains("JewelryStore"))
        .expect("the shops' JSON-LD");
    let data: serde_json::Value = serde_json::from_str(json).unwrap();
    let stores = data["@graph"].as_array().unwrap();
    assert_eq!(stores.len(), shops::all(&app.db).await.unwrap().len());
    for store in stores {
        assert_eq!(store["@type"], "JewelryStore");
        assert!(store["geo"]["latitude"].is_f64() && store["geo"]["longitude"].is_f64());
        assert!(store["telephone"].as_str().is_some_and(|t| t.starts_with('+')));
        assert_eq!(store["address"]["@type"], "PostalAddress");
        let hours = store["openingHoursSpecification"].as_array().unwrap();
        assert!(!hours.is_empty());
        for spec in hours {
            assert!(spec["dayOfWeek"].as_str().unwrap().starts_with("https://schema.org/"));
            assert!(spec["opens"].as_str().unwrap() < spec["closes"].as_str().unwrap());
        }
    }
}
on_both_engines!(json_ld, every_shop_is_a_jewelry_store_for_search_engines);

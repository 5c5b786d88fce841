//! The basket's server side: re-pricing from the database, flagging lines
//! that cannot be bought, refusing requests that cannot be a basket, the
//! gift rule, and the delivery country's cookie.

use crate::common::TestApp;
use serde_json::{json, Value};

/// Prices a basket for delivery to `country`.
async fn price(app: &TestApp, lines: Value, gift: Value, country: &str) -> (u16, Value) {
    app.call_json("basket/price", &json!({ "basket": { "lines": lines, "gift": gift, "country": country } })).await
}

fn line<'a>(priced: &'a Value, product: &str, size: Option<&str>) -> &'a Value {
    priced["lines"]
        .as_array()
        .expect("lines")
        .iter()
        .find(|l| l["product"] == product && l["size"].as_str() == size)
        .unwrap_or_else(|| panic!("no line {product} {size:?} in {priced}"))
}

async fn prices_come_from_the_database_only(app: &TestApp) {
    let (status, priced) = price(
        app,
        json!([
            // Tampered: a price, a total and a discount the server must ignore.
            { "product": "aube-solitaire-ring", "size": "50", "quantity": 2, "unit_price": 1, "line_total": 2, "discount": 99 },
            { "product": "eclat-silver-hoops", "quantity": 1, "price": 0 }
        ]),
        Value::Null,
        "FR",
    )
    .await;
    assert_eq!(status, 200, "{priced}");
    let ring = line(&priced, "aube-solitaire-ring", Some("50"));
    assert_eq!(ring["unit_price"], 320_000);
    assert_eq!(ring["line_total"], 640_000);
    assert_eq!(ring["problem"], Value::Null);
    assert_eq!(ring["limit"], 2, "two in stock in size 50");
    assert_eq!(ring["sizes"].as_array().map(Vec::len), Some(13), "sizes 48 to 60 to change to");
    let hoops = line(&priced, "eclat-silver-hoops", None);
    assert_eq!(hoops["unit_price"], 28_000);
    assert_eq!(priced["subtotal"], 668_000);
    assert_eq!(priced["checkout_allowed"], true);
    assert_eq!(priced["country_served"], true);
    assert_eq!(priced["gift"], "Offered", "above €500 the gift is offered, not added");
}
on_both_engines!(prices_come_from_the_database, prices_come_from_the_database_only);

async fn lines_that_cannot_be_bought_are_flagged(app: &TestApp) {
    let (status, priced) = price(
        app,
        json!([
            { "product": "aube-solitaire-ring", "size": "54", "quantity": 1 },
            { "product": "aube-solitaire-ring", "size": "52", "quantity": 3 },
            { "product": "aube-solitaire-ring", "size": "47", "quantity": 1 },
            { "product": "aube-band-ring", "quantity": 1 },
            { "product": "constellation-ruby-ring", "size": "52", "quantity": 1 },
            { "product": "constellation-comet-ring", "size": "52", "quantity": 1 },
            { "product": "no-such-piece", "quantity": 1 },
            { "product": "eclat-silver-hoops", "size": "52", "quantity": 1 },
            { "product": "eclat-eternity-ring", "size": "55", "quantity": 5 }
        ]),
        Value::Null,
        "FR",
    )
    .await;
    assert_eq!(status, 200, "{priced}");
    let problem = |p: &str, s: Option<&str>| line(&priced, p, s)["problem"].clone();
    assert_eq!(problem("aube-solitaire-ring", Some("54")), "OutOfStock");
    assert_eq!(problem("aube-solitaire-ring", Some("52")), json!({ "OnlyLeft": 1 }), "quantity over stock");
    assert_eq!(problem("aube-solitaire-ring", Some("47")), json!({ "SizeNotMade": "47" }));
    assert_eq!(problem("aube-band-ring", None), "SizeNeeded");
    assert_eq!(problem("constellation-ruby-ring", Some("52")), "BoutiqueOnly");
    assert_eq!(problem("constellation-comet-ring", Some("52")), "NoLongerOffered", "members' preview");
    assert_eq!(problem("no-such-piece", None), "NoLongerOffered");
    assert_eq!(line(&priced, "no-such-piece", None)["unit_price"], Value::Null);
    assert_eq!(problem("eclat-silver-hoops", Some("52")), json!({ "SizeNotMade": "52" }));
    assert_eq!(problem("eclat-eternity-ring", Some("55")), Value::Null, "made to order: stock does not limit");
    // …so the basket does not call its sizes out of stock.
    assert_eq!(line(&priced, "eclat-eternity-ring", Some("55"))["made_to_order"], true);
    assert_eq!(line(&priced, "aube-solitaire-ring", Some("54"))["made_to_order"], false);
    // Only the line that can be bought counts.
    assert_eq!(priced["subtotal"], 5_600 * 5 * 100);
    assert_eq!(priced["checkout_allowed"], false);
}
on_both_engines!(unavailable_lines_are_flagged, lines_that_cannot_be_bought_are_flagged);

async fn requests_that_cannot_be_a_basket_are_refused(app: &TestApp) {
    let ring = |quantity: Value| json!([{ "product": "aube-solitaire-ring", "size": "50", "quantity": quantity }]);
    let cases = [
        (ring(json!(6)), "FR", "between 1 and 5"),
        (ring(json!(0)), "FR", "between 1 and 5"),
        (ring(json!(-1)), "FR", "between 1 and 5"),
        (json!([{ "product": "Aube Ring; DROP", "quantity": 1 }]), "FR", "not a valid name"),
        (json!([{ "product": "aube-solitaire-ring", "size": "<b>", "quantity": 1 }]), "FR", "not a size"),
        (
            json!([
                { "product": "aube-solitaire-ring", "size": "50", "quantity": 1 },
                { "product": "aube-solitaire-ring", "size": "50", "quantity": 1 }
            ]),
            "FR",
            "twice",
        ),
        (ring(json!(1)), "ZZ", "do not know the country"),
        (ring(json!(1)), "France", "do not know the country"),
    ];
    for (lines, country, says) in cases {
        let (status, body) = price(app, lines.clone(), Value::Null, country).await;
        assert_eq!(status, 400, "{lines} {country}: {body}");
        assert!(body.to_string().contains(says), "{lines} {country} should say {says:?}: {body}");
    }
    let many: Vec<Value> = (0..31).map(|i| json!({ "product": format!("piece-{i}"), "quantity": 1 })).collect();
    let (status, body) = price(app, Value::Array(many), Value::Null, "FR").await;
    assert_eq!(status, 400, "{body}");
    assert!(body.to_string().contains("at most 30"));

    let (status, _) = price(app, json!([]), json!("not a slug!"), "FR").await;
    assert_eq!(status, 400, "a gift code that cannot be one");
    let (status, body) = app.call_json("basket/price", &json!({ "nothing": true })).await;
    assert_eq!(status, 400, "no basket at all: {body}");
    let (status, body) = app.call_json("basket/price", &json!({ "basket": { "lines": "all", "country": "FR" } })).await;
    assert_eq!(status, 400, "lines that are not a list: {body}");
}
on_both_engines!(bad_requests_are_refused, requests_that_cannot_be_a_basket_are_refused);

async fn the_gift_follows_the_threshold(app: &TestApp) {
    let hoops = json!([{ "product": "eclat-silver-hoops", "quantity": 1 }]);
    let (_, priced) = price(app, hoops.clone(), Value::Null, "FR").await;
    assert_eq!(priced["gift"], json!({ "NotYet": { "missing": 22_000 } }), "€280 of €500");
    assert_eq!(priced["gift_offer"]["code"], "leather-pouch");
    assert_eq!(priced["gift_offer"]["threshold"], 50_000);

    let (_, priced) = price(app, hoops.clone(), json!("leather-pouch"), "FR").await;
    assert_eq!(priced["gift"], "Withdrawn", "below the threshold the gift goes");
    assert_eq!(priced["checkout_allowed"], false, "until the basket drops it");

    let two = json!([{ "product": "eclat-silver-hoops", "quantity": 2 }]);
    let (_, priced) = price(app, two.clone(), Value::Null, "FR").await;
    assert_eq!(priced["gift"], "Offered", "€560");
    let (_, priced) = price(app, two, json!("leather-pouch"), "FR").await;
    assert_eq!(priced["gift"], "InBasket");
    assert_eq!(priced["subtotal"], 56_000, "the gift adds nothing");
    assert_eq!(priced["checkout_allowed"], true);

    let (_, priced) = price(app, hoops, json!("gold-watch"), "FR").await;
    assert_eq!(priced["gift"], "Withdrawn", "a gift that is not on offer is not owed");
}
on_both_engines!(gift_with_purchase, the_gift_follows_the_threshold);

async fn a_country_not_served_blocks_checkout(app: &TestApp) {
    let ring = json!([{ "product": "aube-solitaire-ring", "size": "50", "quantity": 1 }]);
    let (status, priced) = price(app, ring, Value::Null, "US").await;
    assert_eq!(status, 200);
    assert_eq!(priced["country"], "US");
    assert_eq!(priced["country_served"], false);
    assert_eq!(priced["checkout_allowed"], false);
    assert_eq!(line(&priced, "aube-solitaire-ring", Some("50"))["problem"], Value::Null, "the piece itself is fine");
}
on_both_engines!(country_not_served, a_country_not_served_blocks_checkout);

async fn the_delivery_country_is_remembered_in_a_cookie(app: &TestApp) {
    // The browser's call (JavaScript): JSON back, and the cookie.
    let response = app
        .client
        .post(format!("{}/api/delivery/country", app.base))
        .header("Accept", "application/json")
        .form(&[("country", "us")])
        .send()
        .await
        .expect("an answer");
    assert_eq!(response.status().as_u16(), 200);
    let cookie = response.headers().get("set-cookie").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert!(cookie.starts_with("vitrine_country=US;") && cookie.contains("Path=/"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax") && cookie.contains("Max-Age=31536000"), "{cookie}");
    assert_eq!(response.text().await.unwrap(), r#""US""#);

    // The first request with the cookie renders the buy area for that country.
    let (status, html) = app.get_with_cookie("/en/products/aube-solitaire-ring?size=50", "vitrine_country=US").await;
    assert_eq!(status, 200);
    assert!(html.contains(r#"data-state="ask-advisor""#), "not served: an advisor");
    assert!(html.contains("not available for delivery to United States"));
    assert!(html.contains(r#"<option value="US" selected"#), "the selector shows the country");
    let (_, html) = app.get_with_cookie("/en/products/aube-solitaire-ring?size=50", "vitrine_country=BE").await;
    assert!(html.contains(r#"data-state="add-to-basket""#), "Belgium is served");
    let (_, html) = app.get_with_cookie("/en/products/aube-solitaire-ring?size=50", "vitrine_country=<script>").await;
    assert!(html.contains(r#"data-state="add-to-basket""#), "an unreadable cookie counts as France");

    // Without JavaScript: a form post, then back to the page it came from.
    let no_redirects = crate::common::client_builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let page = format!("{}/products/aube-solitaire-ring", app.base);
    let response = no_redirects
        .post(format!("{}/api/delivery/country", app.base))
        .header("Accept", "text/html")
        .header("Referer", &page)
        .form(&[("country", "JP")])
        .send()
        .await
        .expect("an answer");
    assert_eq!(response.status().as_u16(), 302);
    let location = response.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert!(location.starts_with(&page), "back to {page}, not {location}");
    assert!(response.headers().get("set-cookie").is_some_and(|c| c.to_str().unwrap_or("").contains("=JP")));

    // A country the selector does not offer sets nothing.
    for bad in ["ZZ", "", "FRA", "<b>"] {
        let response = app
            .client
            .post(format!("{}/api/delivery/country", app.base))
            .header("Accept", "application/json")
            .form(&[("country", bad)])
            .send()
            .await
            .expect("an answer");
        assert_eq!(response.status().as_u16(), 400, "{bad:?}");
        assert!(response.headers().get("set-cookie").is_none(), "{bad:?} sets no cookie");
    }
}
on_both_engines!(delivery_country_cookie, the_delivery_country_is_remembered_in_a_cookie);

async fn the_basket_page_is_served(app: &TestApp) {
    let (status, html) = app.get("/en/basket").await;
    assert_eq!(status, 200);
    assert!(html.contains("<title>Your basket"), "titled");
    assert!(html.contains("needs JavaScript"), "says what it needs without JavaScript");
    assert!(html.contains(r#"class="basket-link""#), "the header links to the basket");
}
on_both_engines!(basket_page, the_basket_page_is_served);

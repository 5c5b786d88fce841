//! Members' preview (PRODUCT.md §1): a preview piece exists for signed-in
//! customers only. They see it listed with its mark, open its page and may
//! buy it; for everyone else it is absent from listings, search, the
//! sitemap and JSON-LD, and its page is a 404. Pages sent to a member are
//! never kept by a cache.

use crate::common::TestApp;
use serde_json::json;

const PREVIEW: &str = "constellation-comet-ring";
const PAGE: &str = "/en/products/constellation-comet-ring";

fn basket() -> serde_json::Value {
    json!({ "basket": { "lines": [{ "product": PREVIEW, "size": "60", "quantity": 1 }], "country": "FR" } })
}

/// A checkout for the preview ring, with a key of its own.
fn order() -> serde_json::Value {
    let request = json!({
        "basket": basket()["basket"],
        "email": "anne@example.com",
        "address": {
            "full_name": "Anne Dupont", "line1": "12 rue de la Paix", "line2": "",
            "postcode": "75002", "city": "Paris", "country": "FR", "phone": "+33 6 12 34 56 78"
        },
        "promo": null,
    });
    json!({ "request": request, "key": uuid::Uuid::new_v4().to_string() })
}

async fn only_members_see_the_preview(app: &TestApp) {
    // Visitors: nowhere to be found.
    let (status, _) = app.get(PAGE).await;
    assert_eq!(status, 404, "a visitor is told the piece does not exist");
    for path in ["/en/shop", "/fr/shop/rings", "/en/collections/constellation", "/fr/shop?q=comet", "/sitemap.xml"] {
        let (status, html) = app.get(path).await;
        assert_eq!(status, 200, "{path}");
        assert!(!html.contains(PREVIEW), "{path} names the preview piece to a visitor");
    }
    let priced = app.post_json("basket/price", &basket(), None).await;
    assert_eq!(priced.status, 200, "{}", priced.body);
    let line = &priced.json()["lines"][0];
    assert_eq!(line["problem"], "NoLongerOffered", "as if unknown: {}", priced.body);
    assert!(line["unit_price"].is_null() && !priced.body.contains("Constellation comet"), "nothing told of it");
    assert_eq!(priced.json()["checkout_allowed"], false);

    // A signed-in customer: listed with its mark, its page, and a basket it may pay for.
    let cookie = app.register(&format!("member-{}@example.com", uuid::Uuid::new_v4())).await;
    let page = app.get_page(PAGE, Some(&cookie)).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("Members&#x27; preview") || page.body.contains("Members' preview"), "the mark");
    assert!(!page.body.contains("application/ld+json"), "no JSON-LD for search engines");
    assert!(page.body.contains(r#"name="robots" content="noindex""#));
    assert_eq!(page.header("cache-control").as_deref(), Some("no-store"), "a member's page is kept by no cache");
    for path in ["/en/shop/rings", "/fr/shop?q=comet"] {
        let listing = app.get_page(path, Some(&cookie)).await;
        assert_eq!(listing.status, 200);
        assert!(listing.body.contains(PREVIEW), "{path} lists the preview piece to a member");
    }
    let priced = app.post_json("basket/price", &basket(), Some(&cookie)).await;
    assert_eq!(priced.status, 200, "{}", priced.body);
    assert!(priced.json()["lines"][0]["problem"].is_null(), "{}", priced.body);
    assert_eq!(priced.json()["checkout_allowed"], true);

    // A guest cannot place an order for it; the member can.
    let guest = app.post_json("checkout/place", &order(), None).await;
    assert!((400..500).contains(&guest.status), "{} {}", guest.status, guest.body);
    let placed = app.post_json("checkout/place", &order(), Some(&cookie)).await;
    assert_eq!(placed.status, 200, "{}", placed.body);
    assert!(placed.json()["reference"].as_str().is_some_and(|r| r.starts_with("MA-")), "{}", placed.body);

    // The sitemap stays public, signed in or not; a visitor still gets the 404.
    let sitemap = app.get_page("/sitemap.xml", Some(&cookie)).await;
    assert!(!sitemap.body.contains(PREVIEW));
    let (status, _) = app.get(PAGE).await;
    assert_eq!(status, 404, "what a member opened is not served to the next visitor");
}

on_both_engines!(members_preview, only_members_see_the_preview);

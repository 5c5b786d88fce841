//! The page cache on two servers sharing one database: public pages are
//! sent from memory, compressed once, revalidated by ETag; a sale made on
//! one server shows on the other's product page within the cache's bound.

use crate::common::{Engine, TestApp};
use app::store::catalogue_version;
use serde_json::json;
use std::time::{Duration, Instant};

const RING: &str = "aube-band-ring";
const PAGE: &str = "/products/aube-band-ring?size=52";

/// What the buy area offers on a page.
pub(crate) fn buy_state(html: &str) -> &str {
    let at = html.find("data-state=\"").expect("a buy area") + 12;
    &html[at..at + html[at..].find('"').expect("the end of the attribute")]
}

/// Sets a size's stock as a restock would: with the catalogue's version.
async fn restock(app: &TestApp, size: &str, quantity: i64) {
    let mut tx = app.db.begin_write().await.unwrap();
    sqlx::query(
        "UPDATE stock SET quantity = $1 WHERE size = $2 AND product_id = (SELECT id FROM products WHERE slug = $3)",
    )
    .bind(quantity)
    .bind(size)
    .bind(RING)
    .execute(&mut *tx)
    .await
    .unwrap();
    catalogue_version::bump(&mut tx).await.unwrap();
    tx.commit().await.unwrap();
}

/// Waits until `server`'s page shows `state`; returns how long it took.
pub(crate) async fn until_shown(server: &TestApp, state: &str) -> Duration {
    let began = Instant::now();
    loop {
        let (status, html) = server.get(PAGE).await;
        assert_eq!(status, 200);
        if buy_state(&html) == state {
            return began.elapsed();
        }
        // Far beyond the bound (server::catalogue_watch::POLL, 100 ms): room for a loaded machine.
        assert!(began.elapsed() < Duration::from_secs(3), "{PAGE} still shows {:?}", buy_state(&html));
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

async fn a_sale_on_one_server_shows_on_the_other(app: &TestApp) {
    let replica = app.spawn_replica().await;
    restock(app, "52", 1).await;
    until_shown(app, "add-to-basket").await;
    until_shown(&replica, "add-to-basket").await;

    // The last ring in size 52 is sold on the first server…
    place_one(app).await;

    // …and both servers' pages say so within the bound.
    let there = until_shown(&replica, "notify").await;
    let here = until_shown(app, "notify").await;
    eprintln!("sold out shown after {there:?} on the replica, {here:?} on the server that sold it");
    replica.finish().await;
}

/// Buys one ring in size 52 through the checkout.
async fn place_one(app: &TestApp) {
    let request = json!({
        "basket": { "lines": [{ "product": RING, "size": "52", "quantity": 1 }], "country": "FR" },
        "email": "anne@example.com",
        "address": {
            "full_name": "Anne Dupont", "line1": "12 impasse du Témoin", "line2": "",
            "postcode": "75002", "city": "Paris", "country": "FR", "phone": "+33 6 12 34 56 78"
        },
        "promo": null,
    });
    let key = uuid::Uuid::new_v4().to_string();
    let placed = app.post_json("checkout/place", &json!({ "request": request, "key": key }), None).await;
    assert_eq!(placed.status, 200, "{}", placed.body);
}

/// The stock counts a page carries (the buy panel's props), however quoted.
fn quantities_shown(html: &str) -> Vec<u32> {
    html.match_indices("quantity")
        .filter_map(|(at, _)| {
            let rest = html[at + 8..].trim_start_matches(['"', '&', 'q', 'u', 'o', 't', ';', ':', ' ']);
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        })
        .collect()
}

async fn sales_that_change_no_page_keep_the_catalogue_version(app: &TestApp) {
    let cap = app::domain::availability::SHOWN_STOCK_CAP;
    restock(app, "52", 40).await;
    let (_, html) = app.get(PAGE).await;
    let shown = quantities_shown(&html);
    assert!(!shown.is_empty(), "the buy panel carries its sizes' stock");
    assert!(shown.iter().all(|&q| q <= cap), "exact counts stay private: {shown:?}");

    restock(app, "52", i64::from(cap) + 1).await;
    let before = catalogue_version::read(&app.db).await.unwrap();
    place_one(app).await;
    assert_eq!(catalogue_version::read(&app.db).await.unwrap(), before, "{} left read as {cap}: no page changed", cap);
    place_one(app).await;
    assert_eq!(catalogue_version::read(&app.db).await.unwrap(), before + 1, "one fewer than {cap} shows");
}

async fn pages_are_sent_compressed_and_revalidated(app: &TestApp) {
    let page = |encoding: &'static str, etag: Option<String>| {
        let mut request = app.client.get(format!("{}/shop/rings", app.base)).header("Accept-Encoding", encoding);
        if let Some(etag) = etag {
            request = request.header("If-None-Match", etag);
        }
        request.send()
    };
    // reqwest decodes nothing here (no decompression features): the bytes are as sent.
    // Pages are kept once the cache has read the catalogue's version, a poll after start.
    let began = Instant::now();
    let plain = loop {
        let answer = page("identity", None).await.unwrap();
        assert_eq!(answer.status(), 200);
        if answer.headers().contains_key("etag") || began.elapsed() > Duration::from_secs(3) {
            break answer;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    let etag = plain.headers()["etag"].to_str().unwrap().to_owned();
    assert!(etag.starts_with("W/\""), "{etag}");
    assert_eq!(plain.headers()["cache-control"], "no-cache");
    // Each answer has a nonce of its own (the Content-Security-Policy's): pages compare without it.
    let nonce_of = |answer: &reqwest::Response| {
        let policy = answer.headers()["content-security-policy"].to_str().unwrap();
        app::content_policy::nonce_of(policy).unwrap().to_owned()
    };
    let plain_nonce = nonce_of(&plain);
    let html = plain.text().await.unwrap().replace(&plain_nonce, "NONCE");
    assert!(html.contains("class=\"listing-header\"") && html.contains("Rings"), "the listing");

    let br = page("gzip, br", None).await.unwrap();
    assert_eq!(br.headers()["content-encoding"], "br");
    assert_eq!(br.headers()["etag"].to_str().unwrap(), etag);
    let br_nonce = nonce_of(&br);
    assert_ne!(br_nonce, plain_nonce);
    let mut decoded = Vec::new();
    brotli::BrotliDecompress(&mut &br.bytes().await.unwrap()[..], &mut decoded).unwrap();
    let decoded = String::from_utf8(decoded).unwrap().replace(&br_nonce, "NONCE");
    assert_eq!(decoded, html, "the brotli form is the same page");

    let gz = page("gzip", None).await.unwrap();
    assert_eq!(gz.headers()["content-encoding"], "gzip");

    let again = page("br", Some(etag.clone())).await.unwrap();
    assert_eq!(again.status(), 304, "a browser that has the page is told so");

    // Signed-in visitors (a session cookie) are never sent a kept page.
    let signed_in = app
        .client
        .get(format!("{}/shop/rings", app.base))
        .header("Cookie", "vitrine_session=not-a-session")
        .send()
        .await
        .unwrap();
    assert_eq!(signed_in.status(), 200);
    assert!(signed_in.headers().get("etag").is_none(), "rendered for it alone");
}

async fn the_delivery_country_is_part_of_the_page(app: &TestApp) {
    let (_, france) = app.get_with_cookie(PAGE, "vitrine_country=FR").await;
    let (_, japan) = app.get_with_cookie(PAGE, "vitrine_country=JP").await;
    let (_, france_again) = app.get_with_cookie(PAGE, "vitrine_country=FR").await;
    assert_ne!(buy_state(&france), "ask-advisor");
    assert_eq!(buy_state(&japan), "ask-advisor", "Japan is not served: the cached French page must not be sent");
    assert_eq!(buy_state(&france_again), buy_state(&france));
}

on_both_engines!(a_sale_on_one_server_shows_on_the_other, a_sale_on_one_server_shows_on_the_other);
on_both_engines!(pages_are_sent_compressed_and_revalidated, pages_are_sent_compressed_and_revalidated);
on_both_engines!(the_delivery_country_is_part_of_the_page, the_delivery_country_is_part_of_the_page);
on_both_engines!(
    sales_that_change_no_page_keep_the_catalogue_version,
    sales_that_change_no_page_keep_the_catalogue_version
);

/// The switch: with the cache off, every page is rendered.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cache_can_be_switched_off() {
    let app = TestApp::spawn_with_cache(Engine::Sqlite, false).await;
    let answer = app.client.get(format!("{}/shop", app.base)).send().await.unwrap();
    assert_eq!(answer.status(), 200);
    assert!(answer.headers().get("etag").is_none());
    app.finish().await;
}

//! The catalogue over HTTP: pages, server functions, filters, search and the
//! unhappy paths, against a real server and a fresh database.

use crate::common::TestApp;
use serde_json::Value;

/// The products of a listing server-function answer: (slug, price in cents, online now).
fn products(answer: &Value) -> Vec<(String, i64, bool)> {
    answer["products"]
        .as_array()
        .unwrap_or_else(|| panic!("no products in {answer}"))
        .iter()
        .map(|p| {
            (
                p["slug"].as_str().unwrap().to_owned(),
                p["price"].as_i64().unwrap(),
                p["available_online_now"].as_bool().unwrap(),
            )
        })
        .collect()
}

/// Calls the listing server function for everything, with query fields.
async fn list(app: &TestApp, query: &[(&str, &str)]) -> (u16, Value) {
    let mut form = vec![("scope", "Everything".to_owned())];
    form.extend(query.iter().map(|(k, v)| (*k, (*v).to_owned())));
    let keys: Vec<String> =
        form.iter().map(|(k, _)| if *k == "scope" { "scope".into() } else { format!("query[{k}]") }).collect();
    let pairs: Vec<(&str, &str)> = keys.iter().map(String::as_str).zip(form.iter().map(|(_, v)| v.as_str())).collect();
    app.call("catalogue/list", &pairs).await
}

fn card_count(html: &str) -> usize {
    html.matches(r#"class="card-name""#).count()
}

async fn health_checks_the_database(app: &TestApp) {
    let (status, body) = app.get("/healthz").await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains(r#""database":"ok""#), "{body}");
}
on_both_engines!(health, health_checks_the_database);

async fn home_shows_collections_and_new_pieces(app: &TestApp) {
    let (status, html) = app.get("/en").await;
    assert_eq!(status, 200);
    for collection in ["Aube", "Rivage", "Lierre", "Constellation", "Éclat"] {
        assert!(html.contains(collection), "{collection} missing");
    }
    assert_eq!(card_count(&html), 8, "eight highlights");
    assert!(html.contains("<title>Fine jewellery from Paris · Maison Aurèle</title>"), "title");
    assert!(html.contains(r#"<meta name="description""#), "description");
    assert!(html.contains(r#"rel="canonical""#), "canonical");
    // The members' preview is never public.
    assert!(!html.contains("Constellation comet ring"));
}
on_both_engines!(home, home_shows_collections_and_new_pieces);

async fn shop_lists_every_public_piece(app: &TestApp) {
    let (status, html) = app.get("/en/shop").await;
    assert_eq!(status, 200);
    assert_eq!(card_count(&html), 42);
    assert!(html.contains("42 pieces"));
    assert!(!html.contains("Constellation comet ring"), "members' preview hidden");
    // Content and prices are in the server's HTML, before any WebAssembly.
    assert!(html.contains("Aube solitaire ring") && html.contains("€3,200"));
}
on_both_engines!(shop, shop_lists_every_public_piece);

async fn categories_and_collections_have_their_pages(app: &TestApp) {
    let (status, html) = app.get("/en/shop/rings").await;
    assert_eq!(status, 200);
    assert_eq!(card_count(&html), 10, "ten public rings");
    assert!(html.contains("<h1>Rings"));
    assert!(!html.contains("Aube sun pendant"));

    let (status, html) = app.get("/en/collections/rivage").await;
    assert_eq!(status, 200);
    assert!(html.contains("Pearls gathered along the Atlantic shore."));
    assert!(html.contains("Rivage pearl strand") && !html.contains("Aube bangle"));

    assert_eq!(app.get("/en/shop/watches").await.0, 404);
    assert_eq!(app.get("/en/collections/nowhere").await.0, 404);
    assert_eq!(app.get("/en/collections/' OR 1=1 --").await.0, 404);
}
on_both_engines!(scopes, categories_and_collections_have_their_pages);

async fn filters_narrow_and_sort(app: &TestApp) {
    let (status, answer) = list(app, &[("min", "1000"), ("max", "2000"), ("sort", "price-asc")]).await;
    assert_eq!(status, 200, "{answer}");
    let found = products(&answer);
    assert!(!found.is_empty());
    assert!(found.iter().all(|(_, cents, _)| (100_000..=200_000).contains(cents)), "{found:?}");
    assert!(found.windows(2).all(|w| w[0].1 <= w[1].1), "ascending prices");

    let (_, answer) = list(app, &[("sort", "price-desc"), ("category", "earrings")]).await;
    let found = products(&answer);
    assert_eq!(found.len(), 12);
    assert!(found.windows(2).all(|w| w[0].1 >= w[1].1), "descending prices");

    let (_, answer) = list(app, &[("sort", "newest")]).await;
    assert_eq!(products(&answer)[0].0, "aube-diamond-lariat", "released most recently");

    let (_, answer) = list(app, &[("material", "pearl"), ("collection", "rivage")]).await;
    let slugs: Vec<String> = products(&answer).into_iter().map(|p| p.0).collect();
    assert!(
        slugs.contains(&"rivage-pearl-strand".to_owned()) && slugs.iter().all(|s| s.starts_with("rivage")),
        "{slugs:?}"
    );

    let (_, answer) = list(app, &[("online", "1")]).await;
    let found = products(&answer);
    assert!(found.iter().all(|p| p.2), "only pieces buyable now");
    let slugs: Vec<&str> = found.iter().map(|p| p.0.as_str()).collect();
    for gone in ["constellation-ruby-ring", "rivage-drop-pendant", "aube-twin-ring", "constellation-sapphire-studs"] {
        assert!(!slugs.contains(&gone), "{gone} is boutique-only or sold out");
    }
    assert!(slugs.contains(&"eclat-collar"), "made to order counts as available");

    // Filters are in the URL of a page too, and fill the form back in.
    let (status, html) = app.get("/en/shop?category=necklaces&material=pearl&sort=price-asc").await;
    assert_eq!(status, 200);
    assert_eq!(card_count(&html), 2);
    assert!(html.contains(r#"<option value="necklaces" selected"#), "the form shows the choice");
}
on_both_engines!(filters, filters_narrow_and_sort);

async fn search_is_literal_and_safe(app: &TestApp) {
    let (_, answer) = list(app, &[("q", "PEARL")]).await;
    let found = products(&answer);
    // Seven pieces carry pearls, found by name, description or the "Akoya pearl" material.
    assert_eq!(found.len(), 7, "{found:?}");

    let (_, answer) = list(app, &[("q", "emerald")]).await;
    assert!(products(&answer).iter().any(|p| p.0 == "lierre-emerald-ring"));

    for hostile in ["' OR 1=1 --", "%", "_", "\\", "\"; DROP TABLE products; --"] {
        let (status, answer) = list(app, &[("q", hostile)]).await;
        assert_eq!(status, 200, "{hostile}: {answer}");
        assert!(products(&answer).is_empty(), "{hostile} matches nothing literally");
        let (status, _) = app.get(&format!("/en/shop?q={}", urlencode(hostile))).await;
        assert_eq!(status, 200, "{hostile} as a page");
    }
    // The catalogue is intact afterwards.
    assert_eq!(products(&list(app, &[]).await.1).len(), 42);
}
on_both_engines!(search, search_is_literal_and_safe);

async fn malformed_filters_get_a_clear_400(app: &TestApp) {
    for (query, says) in [
        ("min=abc", "whole number of euros"),
        ("max=-3", "between 0 and"),
        ("min=900&max=100", "above the highest"),
        ("sort=random", "cannot be sorted"),
        ("category=watches", "no category called"),
        ("online=perhaps", "yes or no"),
        ("material=%3Cscript%3E", "no material called"),
    ] {
        let (status, html) = app.get(&format!("/en/shop?{query}")).await;
        assert_eq!(status, 400, "{query}");
        assert!(html.contains(says), "{query} should say {says:?}");
        assert!(!html.contains("<script>"), "input is escaped");
    }
    let (status, answer) = list(app, &[("max", "1e9")]).await;
    assert_eq!(status, 400, "{answer}");
    assert!(answer.to_string().contains("BadRequest"), "{answer}");

    // A body that is not the server function's arguments at all.
    let (status, _) = app.call("catalogue/list", &[("scope", "Everywhere")]).await;
    assert!((400..500).contains(&status), "status {status}");
    let (status, answer) = app.call("catalogue/product", &[]).await;
    assert!((400..500).contains(&status), "missing argument: {status} {answer}");
}
on_both_engines!(malformed, malformed_filters_get_a_clear_400);

async fn product_pages_show_the_piece_and_the_right_buy_area(app: &TestApp) {
    let (status, html) = app.get("/en/products/aube-solitaire-ring").await;
    assert_eq!(status, 200);
    assert!(html.contains("<h1>Aube solitaire ring") && html.contains("€3,200"));
    assert!(html.contains(r#""@type":"Product""#) && html.contains(r#""price":"3200.00""#), "schema.org JSON-LD");
    assert!(html.contains(r#"data-state="add-to-basket""#) && html.contains("Choose a size"));
    assert!(html.contains(r#"data-size="54""#) && html.contains("out of stock"));

    let (_, html) = app.get("/en/products/aube-solitaire-ring?size=54").await;
    assert!(html.contains(r#"data-state="notify""#), "sold-out size offers an alert");
    let (_, html) = app.get("/en/products/aube-solitaire-ring?size=50").await;
    assert!(html.contains(r#"data-state="add-to-basket""#) && !html.contains("Choose a size"));
    let (status, html) = app.get("/en/products/aube-solitaire-ring?size=%3Cb%3E").await;
    assert_eq!(status, 200, "a nonsense size is no choice");
    assert!(html.contains("Choose a size"));

    let (_, html) = app.get("/en/products/constellation-ruby-ring").await;
    assert!(html.contains(r#"data-state="ask-advisor""#) && html.contains("boutiques only"));
    assert!(html.contains("InStoreOnly"));

    let (_, html) = app.get("/en/products/rivage-drop-pendant").await;
    assert!(html.contains(r#"data-state="notify""#), "sold-out one-size piece");

    let (_, html) = app.get("/en/products/lierre-leaf-ring").await;
    assert!(html.contains(r#"<s class="former-price">"#) && html.contains("€960") && html.contains("€720"));

    let (_, html) = app.get("/en/products/eclat-eternity-ring?size=52").await;
    assert!(html.contains(r#"data-state="add-to-basket""#) && html.contains("Made to order"));

    let (_, html) = app.get("/en/products/eclat-signet-ring").await;
    assert!(html.contains("Personalised pieces cannot be returned"));
}
on_both_engines!(product, product_pages_show_the_piece_and_the_right_buy_area);

async fn unknown_things_are_404(app: &TestApp) {
    for path in [
        "/products/no-such-piece",
        "/products/constellation-comet-ring", // members' preview
        "/products/%27%20OR%201%3D1%20--",
        "/products/UPPER",
        "/no/such/page",
        "/shop/rings/extra",
    ] {
        let (status, html) = app.get(path).await;
        assert_eq!(status, 404, "{path}");
        assert!(html.contains("This page does not exist"), "{path} explains itself");
    }
    let (status, answer) = app.call("catalogue/product", &[("slug", "no-such-piece")]).await;
    assert_eq!(status, 404, "{answer}");
}
on_both_engines!(not_found, unknown_things_are_404);

async fn responses_carry_ids_compression_and_safety_headers(app: &TestApp) {
    let response = app.client.get(format!("{}/shop", app.base)).header("Accept-Encoding", "br").send().await.unwrap();
    let headers = response.headers();
    assert!(headers.contains_key("x-request-id"));
    assert_eq!(headers.get("content-encoding").map(|v| v.to_str().unwrap()), Some("br"));
    assert_eq!(headers.get("x-content-type-options").map(|v| v.to_str().unwrap()), Some("nosniff"));
}
on_both_engines!(headers, responses_carry_ids_compression_and_safety_headers);

async fn sitemap_lists_every_public_page(app: &TestApp) {
    let (status, xml) = app.get("/sitemap.xml").await;
    assert_eq!(status, 200);
    assert_eq!(
        xml.matches("<loc>").count(),
        2 * (4 + 7 + 1 + 4 + 5 + 42),
        "home, shop, ring size, client service, the FAQ and six house pages, the boutiques, categories, \
         collections, products, in both languages"
    );
    for locale in ["fr", "en"] {
        assert!(xml.contains(&format!("<loc>{}/{locale}/ring-size</loc>", app.base)));
        assert!(xml.contains(&format!("<loc>{}/{locale}/contact</loc>", app.base)));
        assert!(xml.contains(&format!("<loc>{}/{locale}/boutiques</loc>", app.base)));
        assert!(xml.contains(&format!("<loc>{}/{locale}/products/aube-solitaire-ring</loc>", app.base)));
    }
    // Each entry names every language of its page.
    let product = xml.split("<url>").find(|u| u.contains("/fr/products/aube-solitaire-ring</loc>")).unwrap();
    for (lang, path) in [("fr", "fr"), ("en", "en")] {
        let link = format!(
            r#"<xhtml:link rel="alternate" hreflang="{lang}" href="{}/{path}/products/aube-solitaire-ring"/>"#,
            app.base
        );
        assert!(product.contains(&link), "{link} in {product}");
    }
    assert!(!xml.contains("constellation-comet-ring"), "no members' preview");
}
on_both_engines!(sitemap, sitemap_lists_every_public_page);

async fn robots_txt_names_the_sitemap_and_keeps_out_of_private_pages(app: &TestApp) {
    let (status, text) = app.get("/robots.txt").await;
    assert_eq!(status, 200);
    assert!(text.starts_with("User-agent: *\n"), "{text}");
    assert!(text.contains(&format!("Sitemap: {}/sitemap.xml\n", app.base)), "{text}");
    for locale in ["fr", "en"] {
        for page in ["account", "orders", "staff", "checkout", "basket"] {
            let private = format!("Disallow: /{locale}/{page}\n");
            assert!(text.contains(&private), "{private:?} in {text}");
        }
    }
    assert!(text.contains("Disallow: /api/\n"), "{text}");
    assert!(
        !text.contains("Disallow: /\n") && !text.contains("/shop") && !text.contains("Disallow: /fr\n"),
        "the catalogue stays open"
    );
}
on_both_engines!(robots, robots_txt_names_the_sitemap_and_keeps_out_of_private_pages);

fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

//! The house's pages and the FAQ over HTTP (PRODUCT.md §8): every page in
//! both languages, figures that follow the data they come from (the
//! footer's too), and the FAQ's search as a plain GET.

use crate::common::TestApp;
use app::{domain::money::Money, store::catalogue_version, store::shipping};

const PAGES: [&str; 7] = ["/faq", "/shipping", "/returns", "/customs", "/care", "/size-guide", "/privacy"];

/// Waits until `path` answers with a page `test` accepts.
async fn until(app: &TestApp, path: &str, what: &str, test: impl Fn(&str) -> bool) -> String {
    app.get_until(path, what, |status, html| status == 200 && test(html)).await
}

/// The opening tag of the FAQ entry `id`.
fn entry<'a>(html: &'a str, id: &str) -> &'a str {
    let at = html.find(&format!(r#"id="{id}" data-faq-item"#)).unwrap_or_else(|| panic!("no question {id}"));
    let start = html[..at].rfind('<').unwrap();
    &html[start..at + html[at..].find('>').unwrap()]
}

fn shown(html: &str, id: &str) -> bool {
    !entry(html, id).contains(" hidden")
}

async fn every_page_is_there_in_both_languages(app: &TestApp) {
    for locale in ["en", "fr"] {
        for path in PAGES {
            let (status, html) = app.get(&format!("/{locale}{path}")).await;
            assert_eq!(status, 200, "/{locale}{path}");
            assert!(html.contains(&format!(r#"<html lang="{locale}""#)), "/{locale}{path}");
            assert!(html.contains("<h1>") && html.contains(r#"rel="canonical""#), "/{locale}{path}");
            assert!(html.contains(r#"<meta name="description""#), "/{locale}{path}");
            assert!(!html.contains("{{"), "/{locale}{path}: a placeholder left");
        }
    }
    // Links in the house's words take the page's language.
    let (_, html) = app.get("/fr/returns").await;
    assert!(html.contains(r#"href="/fr/contact""#), "links to client service in French");
    // The FAQ is described to search engines question by question.
    let (_, html) = app.get("/en/faq").await;
    assert!(html.contains(r#""@type":"FAQPage""#) && html.contains(r#""@type":"Question""#));
    // Every house and catalogue page tells search engines its trail from home.
    for (path, trail) in [
        ("/en/shipping", vec!["Home", "Shipping and delivery"]),
        ("/en/shop", vec!["Home", "All jewellery"]),
        ("/fr/shop/rings", vec!["Accueil", "Tous nos bijoux", "Bagues"]),
        ("/en/products/aube-solitaire-ring", vec!["Home", "Rings", "Aube solitaire ring"]),
    ] {
        let (_, html) = app.get(path).await;
        let start = html.find(r#"{"@context":"https://schema.org","@type":"BreadcrumbList""#).expect(path);
        let data: serde_json::Value =
            serde_json::from_str(&html[start..start + html[start..].find("</script>").unwrap()]).unwrap();
        let names: Vec<&str> =
            data["itemListElement"].as_array().unwrap().iter().map(|i| i["name"].as_str().unwrap()).collect();
        assert_eq!(names, trail, "{path}");
        let last = data["itemListElement"].as_array().unwrap().last().unwrap()["item"].as_str().unwrap().to_owned();
        assert_eq!(last, format!("{}{path}", app.base), "{path}: the last step is the page's canonical address");
    }
    let (_, xml) = app.get("/sitemap.xml").await;
    for path in PAGES {
        assert!(xml.contains(&format!("<loc>{}/fr{path}</loc>", app.base)), "{path} in the sitemap");
    }
}
on_both_engines!(every_page, every_page_is_there_in_both_languages);

async fn figures_come_from_the_data_and_follow_it(app: &TestApp) {
    // What the house configured: the Europe zone and the 12 delivery countries.
    let footer = "Insured delivery to 12 countries, €22.00, in 5–10 business days.";
    let html = until(app, "/en/shipping", "the footer's delivery line", |html| html.contains(footer)).await;
    assert!(html.contains("<td>Europe</td><td>€22.00</td><td>5–10 business days</td>"), "the zones' table");
    assert!(html.contains("Portugal, Slovakia, Slovenia and Spain"), "the delivery countries");
    let (_, faq) = app.get("/en/faq").await;
    assert!(faq.contains("€500.00"), "the gift's threshold");
    let (_, guide) = app.get("/en/size-guide").await;
    assert!(guide.contains("<td>52</td><td>16.6</td>"), "the ring chart the helper uses");
    assert!(guide.contains("<td>16 cm</td>"), "the bracelet sizes made");

    // The house changes the zone's rate and delays: its pages and every footer follow.
    assert!(shipping::set_zone_terms(&app.db, "europe", Money::from_cents(2500), (4, 8)).await.unwrap());
    assert!(!shipping::set_zone_terms(&app.db, "no-such-zone", Money::from_cents(1), (1, 2)).await.unwrap());
    // The table is read at render, the footer's line from the snapshot each
    // server takes of the catalogue's version (`catalogue_watch::POLL`):
    // for up to that bound a page may show the new table beside the old
    // line, never once both have moved.
    let new_line = "Insured delivery to 12 countries, €25.00, in 4–8 business days.";
    let html =
        until(app, "/en/shipping", "the new rate", |html| html.contains("<td>€25.00</td>") && html.contains(new_line))
            .await;
    assert!(html.contains("<td>4–8 business days</td>") && !html.contains("€22.00"), "nothing left of the old terms");
    until(app, "/fr/faq", "the footer's new line in French", |html| {
        html.contains("Livraison assurée dans 12 pays, 25,00\u{a0}€, sous 4 à 8 jours ouvrés.")
    })
    .await;
    // A page kept for visitors (the home page) moves on too.
    until(app, "/en", "the home page's new footer", |html| html.contains("€25.00, in 4–8 business days")).await;

    // With no gift on offer, the FAQ's question about it is left out whole.
    let mut tx = app.db.begin_write().await.unwrap();
    sqlx::query("UPDATE gift_offers SET active = 0").execute(&mut *tx).await.unwrap();
    catalogue_version::bump(&mut tx).await.unwrap();
    tx.commit().await.unwrap();
    let faq = until(app, "/en/faq", "no gift question", |html| !html.contains(r#"id="gift-with-purchase""#)).await;
    assert!(!faq.contains("€500.00"));
    assert!(faq.contains(r#"id="missing-gift""#), "the missing gift is still answered");
}
on_both_engines!(figures, figures_come_from_the_data_and_follow_it);

async fn the_faq_search_works_as_a_plain_get(app: &TestApp) {
    let (status, html) = app.get("/en/faq?q=spam").await;
    assert_eq!(status, 200);
    assert!(shown(&html, "missing-confirmation"));
    assert!(!shown(&html, "promo-codes") && !shown(&html, "cleaning"));
    assert!(html.contains(r#"value="spam""#), "the search is put back in the box");
    // Accents and case do not matter.
    let (_, html) = app.get("/fr/faq?q=INDESIRABLES").await;
    assert!(shown(&html, "missing-confirmation"));
    let (_, html) = app.get("/fr/faq?q=ind%C3%A9sirables%20commande").await;
    assert!(shown(&html, "missing-confirmation"));
    // Nothing found says so, and where to ask.
    let (_, html) = app.get("/en/faq?q=zeppelin").await;
    assert!(!shown(&html, "missing-confirmation"));
    assert!(html.contains("0 questions of") && html.contains(r#"href="/en/contact""#));
    // Every question without a search.
    let (_, html) = app.get("/en/faq").await;
    assert!(shown(&html, "missing-confirmation") && shown(&html, "cleaning"));
    // A search longer than the box takes is refused, and says why.
    let long = "a".repeat(101);
    let (status, html) = app.get(&format!("/en/faq?q={long}")).await;
    assert_eq!(status, 400);
    assert!(html.contains("A search is at most 100 characters"), "the reason");
    // The server function answers the same way.
    let (status, answer) = app.call("house/faq", &[("q", "spam")]).await;
    assert_eq!(status, 200, "{answer}");
    assert!(answer["shown"].as_u64().is_some_and(|n| n >= 1) && answer["total"].as_u64() > answer["shown"].as_u64());
    let (status, answer) = app.call("house/faq", &[("q", &long)]).await;
    assert_eq!(status, 400, "{answer}");
    let (status, _) = app.call("house/page", &[("page", "no-such-page")]).await;
    assert_eq!(status, 400, "an unknown page is bad input");
}
on_both_engines!(faq_search, the_faq_search_works_as_a_plain_get);

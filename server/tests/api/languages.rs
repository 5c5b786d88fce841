//! French and English (PRODUCT.md §11): addresses carry their language,
//! a first visit follows the browser, the choice is remembered, pages say
//! which language they are in and where the other one is, and no English
//! is left on a French page.

use crate::common::{client_builder, TestApp};

/// A browser that does not follow redirects, asking in `accept_language`.
fn browser(accept_language: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(reqwest::header::ACCEPT_LANGUAGE, accept_language.parse().unwrap());
    client_builder().default_headers(headers).redirect(reqwest::redirect::Policy::none()).build().unwrap()
}

async fn location(client: &reqwest::Client, app: &TestApp, path: &str, cookie: Option<&str>) -> (u16, String) {
    let mut request = client.get(format!("{}{path}", app.base));
    if let Some(cookie) = cookie {
        request = request.header("Cookie", cookie);
    }
    let response = request.send().await.unwrap();
    let location = response.headers().get("location").map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
    (response.status().as_u16(), location)
}

async fn a_first_visit_follows_the_browser_then_the_choice(app: &TestApp) {
    let french = browser("fr-FR,fr;q=0.9,en;q=0.8");
    let english = browser("en-GB,en;q=0.9");
    let german = browser("de-DE,de;q=0.9");
    assert_eq!(location(&french, app, "/", None).await, (307, "/fr".to_owned()));
    assert_eq!(location(&english, app, "/", None).await, (307, "/en".to_owned()));
    assert_eq!(location(&german, app, "/", None).await, (307, "/fr".to_owned()), "the house's own language");
    // An old link keeps its page and its filters.
    assert_eq!(
        location(&english, app, "/shop/rings?material=platinum&sort=price-asc", None).await,
        (307, "/en/shop/rings?material=platinum&sort=price-asc".to_owned())
    );
    assert_eq!(
        location(&french, app, "/products/aube-solitaire-ring", None).await.1,
        "/fr/products/aube-solitaire-ring"
    );
    assert_eq!(location(&french, app, "/en/", None).await, (307, "/en".to_owned()));
    // The choice made on the site wins over the browser's.
    assert_eq!(location(&french, app, "/", Some("vitrine_lang=en")).await.1, "/en");
    // The redirect depends on who asks: no shared cache keeps it.
    let response = english.get(format!("{}/", app.base)).send().await.unwrap();
    assert_eq!(response.headers()["cache-control"], "private, no-store");
    // An unknown language is no page; static files are not taken for pages.
    assert_eq!(app.get("/de/shop").await.0, 404);
    assert_eq!(app.get("/favicon.svg").await.0, 200);
    assert_eq!(app.get("/images/products/aube-solitaire-ring.svg").await.0, 200);
}
on_both_engines!(first_visit, a_first_visit_follows_the_browser_then_the_choice);

async fn the_language_read_is_remembered(app: &TestApp) {
    let client = browser("fr");
    let response = client.get(format!("{}/en/shop", app.base)).send().await.unwrap();
    let set: Vec<_> = response.headers().get_all("set-cookie").iter().map(|v| v.to_str().unwrap().to_owned()).collect();
    assert!(set.iter().any(|c| c.starts_with("vitrine_lang=en") && c.contains("Max-Age=31536000")), "{set:?}");
    // Already remembered: nothing to set (twice, so the page cache answers the second).
    for _ in 0..2 {
        let response =
            client.get(format!("{}/en/shop", app.base)).header("Cookie", "vitrine_lang=en").send().await.unwrap();
        assert_eq!(response.status(), 200);
        assert!(response.headers().get("set-cookie").is_none());
    }
    // And the next address without a language follows it.
    assert_eq!(location(&client, app, "/shop", Some("vitrine_lang=en")).await.1, "/en/shop");
}
on_both_engines!(remembered, the_language_read_is_remembered);

async fn a_french_page_is_french_and_names_its_english_twin(app: &TestApp) {
    let (status, html) = app.get("/fr/products/aube-solitaire-ring").await;
    assert_eq!(status, 200);
    assert!(html.contains(r#"<html lang="fr""#), "{}", &html[..200]);
    assert!(html.contains("<h1>Bague solitaire Aube"), "the piece's French name");
    assert!(html.contains("3\u{202f}200,00\u{a0}€"), "French money");
    for (lang, path) in [("fr", "/fr"), ("en", "/en"), ("x-default", "")] {
        // As leptos_meta writes a link's attributes: in alphabetical order.
        let link =
            format!(r#"href="{}{path}/products/aube-solitaire-ring" hreflang="{lang}" rel="alternate""#, app.base);
        assert!(html.contains(&link), "{link}");
    }
    let canonical = format!(r#"href="{}/fr/products/aube-solitaire-ring" rel="canonical""#, app.base);
    assert!(html.contains(&canonical), "{canonical}");
    // The switcher leads to the same page, filters and all.
    let (_, listing) = app.get("/fr/shop?material=platinum").await;
    assert!(listing.contains(r#"href="/en/shop?material=platinum""#), "the switcher keeps the filters");

    let (_, html) = app.get("/en/products/aube-solitaire-ring").await;
    assert!(html.contains(r#"<html lang="en""#));
    assert!(html.contains("<h1>Aube solitaire ring") && html.contains("€3,200.00"));
}
on_both_engines!(french_page, a_french_page_is_french_and_names_its_english_twin);

/// What a page shows a reader: its text, without tags, scripts or styles.
fn visible_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        text.push_str(&rest[..start]);
        text.push(' ');
        rest = &rest[start..];
        let skip_to = ["script", "style"]
            .iter()
            .find_map(|tag| rest.starts_with(&format!("<{tag}")).then(|| format!("</{tag}>")));
        let end = match skip_to {
            Some(close) => rest.find(&close).map(|i| i + close.len()),
            None => rest.find('>').map(|i| i + 1),
        };
        rest = &rest[end.unwrap_or(rest.len())..];
    }
    text.push_str(rest);
    html_escape::decode_html_entities(&text).into_owned()
}

/// Every French public page, read as a visitor and as a signed-in customer,
/// shows none of the shop's English texts (nor its English product names).
async fn no_english_is_left_on_french_pages(app: &TestApp) {
    // The English texts that read differently in French and are long enough
    // not to be a French word too.
    // The house's pages' English ledes and titles too (their words are Markdown files).
    use app::house_pages::{markdown::parts, source, Document};
    use strum::IntoEnumIterator;
    let house: Vec<&str> = app::domain::house_page::HousePage::iter()
        .map(Document::Page)
        .chain([Document::Faq])
        .flat_map(|document| {
            let page = parts(source(document, app::i18n::Locale::En)).unwrap();
            [page.title, page.lede]
        })
        .collect();
    let english: Vec<&str> = app::i18n::all_texts()
        .filter(|(_, fr, en)| fr != en && en.split_whitespace().count() >= 2)
        .map(|(_, _, en)| *en)
        .chain(["Aube solitaire ring", "Rivage pearl", "Add to basket", "Sign in", "Basket"])
        .chain(house)
        .collect();
    let cookie = app.register(&format!("lang-{}@example.com", uuid::Uuid::new_v4())).await;
    let pages = [
        "/fr",
        "/fr/shop",
        "/fr/shop/rings",
        "/fr/collections/rivage",
        "/fr/shop?q=perle&sort=price-asc",
        "/fr/products/aube-solitaire-ring",
        "/fr/products/aube-solitaire-ring?size=54",
        "/fr/products/rivage-pearl-studs",
        "/fr/ring-size",
        "/fr/basket",
        "/fr/checkout",
        "/fr/account/sign-in",
        "/fr/account/register",
        "/fr/account/forgot-password",
        "/fr/contact",
        "/fr/contact?piece=constellation-ruby-ring&size=52",
        "/fr/faq",
        "/fr/faq?q=bague",
        "/fr/shipping",
        "/fr/returns",
        "/fr/customs",
        "/fr/care",
        "/fr/size-guide",
        "/fr/privacy",
        "/fr/no-such-page",
    ];
    let signed_in =
        ["/fr/account", "/fr/account/addresses", "/fr/account/password", "/fr/account/orders", "/fr/account/delete"];
    let mut checked = 0;
    for (path, cookie) in pages.iter().map(|p| (*p, None)).chain(signed_in.iter().map(|p| (*p, Some(cookie.as_str()))))
    {
        let page = app.get_page(path, cookie).await;
        assert!(page.status == 200 || page.status == 404, "{path}: {}", page.status);
        let text = visible_text(&page.body);
        for sentence in &english {
            assert!(!text.contains(sentence), "{path} shows English: {sentence:?}");
        }
        checked += 1;
    }
    assert_eq!(checked, pages.len() + signed_in.len());
}
on_both_engines!(no_english_left, no_english_is_left_on_french_pages);

/// A server function answers in the language of the page that called it.
async fn messages_come_in_the_calling_pages_language(app: &TestApp) {
    let call = |referer: &'static str| {
        let client = browser("en");
        let base = app.base.clone();
        async move {
            let response = client
                .post(format!("{base}/api/catalogue/list"))
                .header("Accept", "application/json")
                .header("Referer", format!("{base}{referer}"))
                .form(&[("scope", "Everything"), ("query[min]", "cheap")])
                .send()
                .await
                .unwrap();
            (response.status().as_u16(), response.text().await.unwrap())
        }
    };
    let (status, french) = call("/fr/shop").await;
    assert_eq!(status, 400, "{french}");
    let (_, english) = call("/en/shop").await;
    assert_ne!(french, english, "{french} / {english}");
    assert!(english.contains("whole number of euros"), "{english}");
}
on_both_engines!(messages, messages_come_in_the_calling_pages_language);

/// Sends a server function's form as a browser on `page` does.
async fn post_from(app: &TestApp, page: &str, endpoint: &str, form: &[(&str, &str)], cookie: Option<&str>) -> u16 {
    let mut request = browser("en")
        .post(format!("{}/api/{endpoint}", app.base))
        .header("Accept", "application/json")
        .header("Referer", format!("{}{page}", app.base))
        .form(form);
    if let Some(cookie) = cookie {
        request = request.header("Cookie", cookie);
    }
    request.send().await.unwrap().status().as_u16()
}

async fn subjects_to(app: &TestApp, to: &str) -> Vec<String> {
    app::store::outbox::recent(&app.db, 100)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.to == to)
        .map(|e| e.subject)
        .collect()
}

/// Emails are written in their recipient's language: a customer's stored
/// preference (from the page they registered on, then their own choice),
/// the language a guest ordered in, the one a subscriber signed up in —
/// whatever language the browser sending the request asks for.
async fn emails_are_written_in_the_recipients_language(app: &TestApp) {
    use app::i18n::Locale::{En, Fr};
    // Registered on a French page: welcomed in French.
    let email = "camille@example.fr";
    let form =
        [("email", email), ("password", crate::common::PASSWORD), ("first_name", "Camille"), ("last_name", "Roux")];
    let client = browser("en");
    let response = client
        .post(format!("{}/api/account/register", app.base))
        .header("Accept", "application/json")
        .header("Referer", format!("{}/fr/account/register", app.base))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok()?.split(';').next().map(str::to_owned))
        .find(|c| c.starts_with("vitrine_session="))
        .expect("a session");
    assert_eq!(subjects_to(app, email).await, [Fr.email_welcome_subject()]);
    // A change of password from an English page: the stored preference holds.
    let change = [("current_password", crate::common::PASSWORD), ("new_password", "another velvet harbour")];
    assert_eq!(post_from(app, "/en/account/password", "account/password", &change, Some(&cookie)).await, 200);
    assert_eq!(subjects_to(app, email).await[0], Fr.email_password_changed_subject());
    // Her own choice then: English, and a bad choice is refused.
    assert_eq!(
        post_from(app, "/fr/account", "account/email-language", &[("language", "de")], Some(&cookie)).await,
        400
    );
    assert_eq!(
        post_from(app, "/fr/account", "account/email-language", &[("language", "en")], Some(&cookie)).await,
        200
    );
    let back = [("current_password", "another velvet harbour"), ("new_password", crate::common::PASSWORD)];
    assert_eq!(post_from(app, "/fr/account/password", "account/password", &back, Some(&cookie)).await, 200);
    assert_eq!(subjects_to(app, email).await[0], En.email_password_changed_subject());

    // A subscriber who signed up on an English page.
    let reader = "reader@example.com";
    let subscribe = [("email", reader), ("intent", "subscribe")];
    assert_eq!(post_from(app, "/en/shop", "newsletter", &subscribe, None).await, 200);
    assert_eq!(subjects_to(app, reader).await, [En.email_newsletter_confirm_subject()]);

    // A guest ordering on a French page, from a browser that asks for English.
    let guest = "guest@example.fr";
    let request = serde_json::json!({
        "request": {
            "basket": { "lines": [{ "product": "eclat-eternity-ring", "size": "52", "quantity": 1 }], "country": "FR" },
            "email": guest,
            "address": {
                "full_name": "Jean Roux", "line1": "3 rue des Orfèvres", "line2": "",
                "postcode": "69002", "city": "Lyon", "country": "FR", "phone": "+33 6 12 34 56 78"
            },
            "promo": null,
        },
        "key": uuid::Uuid::new_v4().to_string(),
    });
    let placed = client
        .post(format!("{}/api/checkout/place", app.base))
        .header("Accept", "application/json")
        .header("Referer", format!("{}/fr/checkout", app.base))
        .json(&request)
        .send()
        .await
        .unwrap();
    assert_eq!(placed.status(), 200);
    let reference: serde_json::Value = placed.json().await.unwrap();
    let reference = reference["reference"].as_str().unwrap().to_owned();
    let order = app::store::outbox::recent(&app.db, 100).await.unwrap().into_iter().find(|e| e.to == guest).unwrap();
    assert_eq!(order.subject, Fr.email_order_received_subject(&reference));
    assert!(order.text_body.contains("Alliance tour complet Éclat"), "the piece named in French: {}", order.text_body);
    assert!(order.text_body.contains(&format!("/fr/orders/{reference}")), "its link is to the French page");
    let stored: String = sqlx::query_scalar("SELECT locale FROM orders WHERE reference = $1")
        .bind(&reference)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(stored, "fr", "later emails about the order follow it");
}
on_both_engines!(emails, emails_are_written_in_the_recipients_language);

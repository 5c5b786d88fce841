//! `/sitemap.xml`: every public page in both languages, and `/robots.txt`,
//! which points search engines at it and away from private pages
//! (PRODUCT.md §11).

use app::{
    config::SiteConfig,
    domain::{
        catalogue::Category,
        house_page::{HousePage, FAQ_PATH},
    },
    i18n::Locale,
    store::products,
    store::Db,
};
use axum::{
    http::{header, StatusCode},
    response::IntoResponse,
    Extension,
};
use strum::IntoEnumIterator;

/// The sitemap, built from the catalogue as it is now.
pub async fn sitemap(Extension(db): Extension<Db>, Extension(site): Extension<SiteConfig>) -> impl IntoResponse {
    // Only the slugs are read: either language's names would do.
    let (collections, slugs) =
        match (products::collections(&db, Locale::DEFAULT).await, products::public_slugs(&db).await) {
            (Ok(c), Ok(s)) => (c, s),
            (Err(error), _) | (_, Err(error)) => {
                tracing::error!(%error, "sitemap: the catalogue could not be read");
                return (StatusCode::SERVICE_UNAVAILABLE, [(header::CONTENT_TYPE, "text/plain")], String::new());
            }
        };
    let mut paths = vec!["/".to_owned(), "/shop".to_owned(), "/ring-size".to_owned(), "/contact".to_owned()];
    paths.push(FAQ_PATH.to_owned());
    paths.push(app::api::shops::SHOPS_PATH.to_owned());
    paths.extend(HousePage::iter().map(HousePage::path));
    paths.extend(Category::ALL.iter().map(|c| format!("/shop/{}", c.slug())));
    paths.extend(collections.iter().map(|c| format!("/collections/{}", c.slug)));
    paths.extend(slugs.iter().map(|s| format!("/products/{s}")));
    let mut xml = String::from(r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    xml.push_str(
        r#"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">"#,
    );
    // Each page once per language, each entry naming all its languages
    // (Google's sitemap form of hreflang).
    for path in &paths {
        let alternates: String = Locale::ALL
            .into_iter()
            .map(|other| {
                format!(
                    r#"<xhtml:link rel="alternate" hreflang="{}" href="{}"/>"#,
                    other.tag(),
                    xml_escape(&site.url(&other.href(path)))
                )
            })
            .collect();
        for locale in Locale::ALL.into_iter() {
            // Slugs are [a-z0-9-] by construction; the origin is configuration.
            let loc = xml_escape(&site.url(&locale.href(path)));
            xml.push_str(&format!("<url><loc>{loc}</loc>{alternates}</url>"));
        }
    }
    xml.push_str("</urlset>");
    (StatusCode::OK, [(header::CONTENT_TYPE, "application/xml")], xml)
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Pages no search engine should visit, in each language: accounts, orders,
/// the basket and checkout (kept in the visitor's browser), the back office.
const PRIVATE_PAGES: [&str; 5] = ["/account", "/orders", "/basket", "/checkout", "/staff"];

/// Paths outside the pages no search engine should visit: server
/// functions, the sandbox gateway and the development mailbox.
const PRIVATE: [&str; 3] = ["/api/", "/sandbox-gateway/", "/dev/"];

/// `/robots.txt`: everything public may be crawled; the sitemap is named
/// with its full address, as the protocol asks.
pub async fn robots(Extension(site): Extension<SiteConfig>) -> impl IntoResponse {
    let mut text = String::from("User-agent: *\n");
    for locale in Locale::ALL.into_iter() {
        for path in PRIVATE_PAGES {
            text.push_str(&format!("Disallow: {}\n", locale.href(path)));
        }
    }
    for path in PRIVATE {
        text.push_str(&format!("Disallow: {path}\n"));
    }
    text.push_str(&format!("\nSitemap: {}\n", site.url("/sitemap.xml")));
    (StatusCode::OK, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text)
}

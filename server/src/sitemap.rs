//! `/sitemap.xml`: every public page, for search engines (PRODUCT.md §11).

use app::{config::SiteConfig, domain::catalogue::Category, store::products, store::Db};
use axum::{
    http::{header, StatusCode},
    response::IntoResponse,
    Extension,
};

/// The sitemap, built from the catalogue as it is now.
pub async fn sitemap(Extension(db): Extension<Db>, Extension(site): Extension<SiteConfig>) -> impl IntoResponse {
    let (collections, slugs) = match (products::collections(&db).await, products::public_slugs(&db).await) {
        (Ok(c), Ok(s)) => (c, s),
        (Err(error), _) | (_, Err(error)) => {
            tracing::error!(%error, "sitemap: the catalogue could not be read");
            return (StatusCode::SERVICE_UNAVAILABLE, [(header::CONTENT_TYPE, "text/plain")], String::new());
        }
    };
    let mut paths = vec!["/".to_owned(), "/shop".to_owned()];
    paths.extend(Category::ALL.iter().map(|c| format!("/shop/{}", c.slug())));
    paths.extend(collections.iter().map(|c| format!("/collections/{}", c.slug)));
    paths.extend(slugs.iter().map(|s| format!("/products/{s}")));
    let mut xml = String::from(r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    xml.push_str(r#"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"#);
    for path in paths {
        // Slugs are [a-z0-9-] by construction; the origin is configuration.
        xml.push_str(&format!("<url><loc>{}</loc></url>", xml_escape(&site.url(&path))));
    }
    xml.push_str("</urlset>");
    (StatusCode::OK, [(header::CONTENT_TYPE, "application/xml")], xml)
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

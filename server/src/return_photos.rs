//! `/returns/photos/{id}`: a return's photo, for the order's customer
//! (signed in, or with the order's `?key=`) and for staff; anyone else gets
//! the same 404 as for a photo that does not exist.

use app::payments::keys::ShopKeys;
use app::photos::PhotoStore;
use app::store::Db;
use axum::{
    extract::{Path, Query},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    Extension,
};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct Link {
    key: Option<String>,
}

pub async fn serve(
    Extension(db): Extension<Db>,
    Extension(keys): Extension<ShopKeys>,
    Extension(photos): Extension<PhotoStore>,
    Extension(site): Extension<app::config::SiteConfig>,
    Path(id): Path<String>,
    Query(link): Query<Link>,
    headers: HeaderMap,
) -> Response {
    let keys = match keys.get(&db).await {
        Ok(keys) => keys.clone(),
        Err(error) => {
            tracing::error!(%error, "the shop's keys could not be read");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    match app::api::returns::photo(&db, &keys, &photos, &headers, site.is_https(), &id, link.key.as_deref()).await {
        Ok(Some((content_type, bytes))) => (
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_str(&content_type).unwrap_or(HeaderValue::from_static("image/jpeg")),
                ),
                // Personal: no shared cache keeps it.
                (header::CACHE_CONTROL, HeaderValue::from_static("private, no-store")),
                (header::CONTENT_DISPOSITION, HeaderValue::from_static("inline")),
            ],
            bytes,
        )
            .into_response(),
        Ok(None) => (StatusCode::NOT_FOUND, "This photo does not exist.").into_response(),
        Err(_) => (StatusCode::INTERNAL_SERVER_ERROR, "Please try again in a moment.").into_response(),
    }
}

/// A multipart body must say its boundary: Leptos's multipart decoding
/// assumes one, so a request without it is answered 400 here, before it.
pub async fn require_boundary(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let content_type = request.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    if content_type.trim_start().to_ascii_lowercase().starts_with("multipart/")
        && multer::parse_boundary(content_type).is_err()
    {
        return (StatusCode::BAD_REQUEST, "A multipart form must say its boundary.").into_response();
    }
    next.run(request).await
}

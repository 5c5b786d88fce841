//! The site's static files: the front end (`/pkg`: the WebAssembly, its
//! JavaScript and the stylesheet) and `public/` (pictures, the favicon).
//!
//! The release build pre-compresses every file (`.br`, `.gz` beside it), so
//! they are sent as they are, never compressed per request. Their cache
//! lifetime follows their names: a release build's `/pkg` names carry a hash
//! of the content, so a browser may keep them for a year; anything else may
//! change under the same name, so it is kept a day and revalidated.

use axum::{
    body::Body,
    extract::{Request, State},
    http::{header, HeaderValue, StatusCode},
    middleware::{self, Next},
    response::Response,
    Router,
};
use tower_http::services::ServeDir;

/// For a year, never revalidated: the name changes when the content does.
const HASHED: HeaderValue = HeaderValue::from_static("public, max-age=31536000, immutable");
/// A day, then revalidated (`Last-Modified`).
const PLAIN: HeaderValue = HeaderValue::from_static("public, max-age=86400");
/// Development builds rewrite `/pkg` under the same names at every change.
const DEVELOPMENT: HeaderValue = HeaderValue::from_static("no-cache");

/// Serves the files under `site_root`; `not_found` answers everything else.
/// `hashed` says whether `/pkg`'s names carry content hashes (release builds).
pub fn service(site_root: &str, hashed: bool, not_found: Router) -> Router {
    let files = ServeDir::new(site_root).precompressed_br().precompressed_gzip().fallback(not_found);
    Router::new().fallback_service(files).layer(middleware::from_fn_with_state(hashed, cache_lifetime))
}

async fn cache_lifetime(State(hashed): State<bool>, request: Request, next: Next) -> Response<Body> {
    let pkg = request.uri().path().starts_with("/pkg/");
    let mut response = next.run(request).await;
    // Only files found: the not-found page is rendered per request.
    if matches!(response.status(), StatusCode::OK | StatusCode::PARTIAL_CONTENT | StatusCode::NOT_MODIFIED) {
        let lifetime = match (pkg, hashed) {
            (true, true) => HASHED,
            (true, false) => DEVELOPMENT,
            (false, _) => PLAIN,
        };
        response.headers_mut().insert(header::CACHE_CONTROL, lifetime);
    }
    response
}

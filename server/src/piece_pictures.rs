//! `/media/pictures/{name}`: the catalogue's uploaded pictures, from the
//! object store. A name holds a hash of the picture and never changes
//! meaning, so browsers and shared caches may keep it for a year.

use app::domain::piece_picture::FileName;
use app::photos::PhotoStore;
use axum::{
    extract::Path,
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    Extension,
};

pub async fn serve(Extension(photos): Extension<PhotoStore>, Path(name): Path<String>) -> Response {
    let Some(name) = FileName::parse(&name) else { return not_found() };
    match photos.find(&app::pictures::key(&name)).await {
        Ok(Some(bytes)) => (
            [
                (header::CONTENT_TYPE, HeaderValue::from_static(name.format.content_type())),
                (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=31536000, immutable")),
            ],
            bytes,
        )
            .into_response(),
        Ok(None) => not_found(),
        Err(error) => {
            tracing::error!(%error, "a picture could not be read from the store");
            (StatusCode::SERVICE_UNAVAILABLE, "Please try again in a moment.").into_response()
        }
    }
}

fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        [(header::CACHE_CONTROL, HeaderValue::from_static("no-store"))],
        "This picture does not exist.",
    )
        .into_response()
}

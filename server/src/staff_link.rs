//! Marks page requests made by a signed-in member of staff, so the header
//! links to the back office for them alone (PRODUCT.md §9). The mark only
//! decides a link: every staff page and function checks the role itself.
//!
//! Only page loads (GET, HTML) that carry a session cookie are looked up:
//! a visitor who is not signed in costs nothing, and their pages, which the
//! page cache keeps, never carry the link.

use app::shopper::StaffVisitor;
use app::store::{customers, unix_now, Db};
use axum::{
    extract::Request,
    http::{header, Method},
    middleware::Next,
    response::Response,
};

/// Middleware: adds [`StaffVisitor`] to a staff member's page requests.
pub async fn mark(db: Db, secure: bool, mut request: Request, next: Next) -> Response {
    let page_load = request.method() == Method::GET
        && request
            .headers()
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|accept| accept.contains("text/html"));
    if page_load {
        if let Some(token) = app::api::session::token_from_headers(request.headers(), secure) {
            match customers::by_session(&db, &token.digest(), unix_now()).await {
                Ok(Some(session)) if session.customer.is_staff => {
                    request.extensions_mut().insert(StaffVisitor);
                }
                Ok(_) => {}
                // The page renders without the link; the page itself will say what is wrong.
                Err(error) => tracing::warn!(%error, "could not tell whether the visitor is staff"),
            }
        }
    }
    next.run(request).await
}

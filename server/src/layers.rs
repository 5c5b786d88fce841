//! HTTP middleware: request ids, request logs, compression, security
//! headers and (for the client-only build) CORS.

use crate::{config::Config, page_cache::PageCache};
use axum::{
    http::{header, HeaderName, HeaderValue, Method, Request, StatusCode},
    response::Response,
    Router,
};
use tower::ServiceBuilder;
use tower_http::{
    compression::CompressionLayer,
    cors::{AllowOrigin, CorsLayer},
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer},
    set_header::SetResponseHeaderLayer,
    timeout::TimeoutLayer,
    trace::TraceLayer,
    CompressionLevel,
};

/// Longest a request may take before it is answered 408. Pages render in
/// milliseconds: the bound is a backstop, so that a request stuck on a
/// database that stopped answering cannot hold its connection for ever.
const REQUEST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(15);

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Wraps the router in the layers every response goes through; `pages`
/// answers public pages from memory (outside compression: it keeps them
/// compressed already).
pub fn apply(app: Router, config: &Config, pages: Option<PageCache>) -> Router {
    let security = ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")))
        .layer(axum::middleware::from_fn(content_policy_fallback))
        // Served over HTTPS, browsers are told to come back only that way
        // for two years (issue 17); over plain HTTP the header means nothing.
        .option_layer(config.public_url().starts_with("https://").then(|| {
            SetResponseHeaderLayer::if_not_present(
                header::STRICT_TRANSPORT_SECURITY,
                HeaderValue::from_static("max-age=63072000; includeSubDomains"),
            )
        }));

    let app = app
        .layer(security)
        // Dynamic answers are compressed as they go: brotli's default quality
        // (11) costs far more time than it saves bytes on a small answer.
        .layer(CompressionLayer::new().br(true).gzip(true).quality(CompressionLevel::Precise(4)))
        .layer(TimeoutLayer::with_status_code(axum::http::StatusCode::REQUEST_TIMEOUT, REQUEST_TIMEOUT));
    let app = match cors(&config.cors_origins) {
        Some(cors) => app.layer(cors),
        None => app,
    };
    let app = match pages {
        Some(pages) => app.layer(axum::middleware::from_fn_with_state(pages, crate::page_cache::serve)),
        None => app,
    };
    // Around the page cache: a kept page is the same for everyone, the
    // cookie remembering its language is not.
    let secure = config.public_url().starts_with("https://");
    let app =
        app.layer(axum::middleware::from_fn(move |request, next| crate::language::remember(secure, request, next)));
    // Outermost: every log line of a request carries its id, and the id is echoed back.
    app.layer(
        ServiceBuilder::new()
            .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
            .layer(TraceLayer::new_for_http().make_span_with(|request: &Request<_>| {
                let id = request.headers().get(REQUEST_ID).and_then(|v| v.to_str().ok()).unwrap_or("-");
                // The address without its secrets (tokens and keys of emailed links).
                let uri = crate::log_redaction::loggable(request.uri());
                tracing::info_span!("request", method = %request.method(), uri = %uri, request_id = %id)
            }))
            .layer(PropagateRequestIdLayer::new(REQUEST_ID)),
    )
}

/// Every HTML answer has a Content-Security-Policy: the app's pages send
/// their own (with the render's nonce, `app::content_policy`); the few the
/// server writes itself (the development mailbox, a one-click answer) run
/// no script and get one that allows none. A 304 gets none: the browser
/// keeps the page with the policy its nonce matches.
async fn content_policy_fallback(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let mut response = next.run(request).await;
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if html
        && response.status() != StatusCode::NOT_MODIFIED
        && !response.headers().contains_key(header::CONTENT_SECURITY_POLICY)
    {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(app::content_policy::WITHOUT_SCRIPTS));
    }
    response
}

/// CORS for the listed origins only: the Trunk build calls the server functions cross-origin.
fn cors(origins: &[String]) -> Option<CorsLayer> {
    let origins: Vec<HeaderValue> = origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()).collect();
    (!origins.is_empty()).then(|| {
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(origins))
            .allow_methods([Method::GET, Method::POST])
            .allow_headers([header::CONTENT_TYPE, header::ACCEPT])
    })
}

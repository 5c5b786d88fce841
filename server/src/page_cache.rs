//! Rendered pages kept for visitors who are not signed in.
//!
//! A catalogue page is the same for every such visitor with the same
//! address and delivery country, and it changes only when the catalogue
//! does. So the first render of a page is kept, compressed once per
//! encoding, and sent as it is until the catalogue's version moves.
//!
//! The version lives in the database (`catalogue_version`), bumped in the
//! transaction of every change to stock or pieces. Every server process
//! reads it each [`crate::catalogue_watch::POLL`]: a change shows on every replica within that
//! bound (plus one render), whichever process made it. A page rendered
//! while the version moved is tagged with the version read before it began,
//! so it can never outlive the change it may have missed.

use crate::catalogue_watch::{CatalogueWatch, Snapshot};
use crate::page_body::PageBody;
use app::content_policy;
use app::shopper::country::from_cookie_header;
use axum::{
    body::{Body, Bytes},
    extract::{Request, State},
    http::{header, HeaderMap, HeaderValue, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use std::{
    hash::{Hash, Hasher},
    sync::{
        atomic::{AtomicBool, AtomicU64, Ordering},
        Arc, Weak,
    },
};
use tokio::sync::watch;

/// The memory the kept pages may take, in bytes (every encoding counted).
const CAPACITY: u64 = 64 * 1024 * 1024;

/// The longest page kept; anything larger is sent and forgotten.
const LARGEST_PAGE: usize = 2 * 1024 * 1024;

/// The cookie of a signed-in browser (over HTTP; `SECURE_COOKIE` over
/// HTTPS): its pages are rendered for it alone.
const SESSION_COOKIE: &str = app::api::session::COOKIE;

/// The pages kept, and the catalogue version they were rendered at.
#[derive(Clone)]
pub struct PageCache {
    inner: Arc<Inner>,
}

struct Inner {
    pages: quick_cache::sync::Cache<Key, Arc<Page>, ByBytes>,
    /// Moves whenever the database's catalogue version does.
    epoch: AtomicU64,
    /// Whether the version was read on the last try: until it is (at start,
    /// or while the database does not answer), nothing is kept or sent from memory.
    known: AtomicBool,
}

/// What a kept page depends on: its path and query, and the delivery country.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Key {
    path_and_query: String,
    country: Option<String>,
}

/// A kept page: the rendered response's headers and body, its compressed
/// forms made on first demand, and its Content-Security-Policy. Every
/// answer gets a nonce of its own, in the policy and in the body (a nonce
/// sent twice would let a script injected into the page read it and run).
struct Page {
    epoch: u64,
    headers: HeaderMap,
    etag: HeaderValue,
    body: PageBody,
    /// The policy around its nonce, if the page had one.
    policy: Option<(String, String)>,
}

/// Weighs a kept page by its bytes.
#[derive(Clone)]
struct ByBytes;

impl quick_cache::Weighter<Key, Arc<Page>> for ByBytes {
    fn weight(&self, key: &Key, page: &Arc<Page>) -> u64 {
        // Compressed forms are a fraction of the page: count them as one more copy at most.
        (key.path_and_query.len() + 2 * page.body.kept_bytes()) as u64
    }
}

/// How a kept page is sent: the encodings a browser may ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

impl PageCache {
    /// An empty cache following the catalogue's snapshots (for as long as
    /// the cache is in use).
    pub fn start(catalogue: &CatalogueWatch) -> PageCache {
        let cache = PageCache {
            inner: Arc::new(Inner {
                pages: quick_cache::sync::Cache::with_weighter(4096, CAPACITY, ByBytes),
                epoch: AtomicU64::new(0),
                known: AtomicBool::new(false),
            }),
        };
        tokio::spawn(follow_catalogue(Arc::downgrade(&cache.inner), catalogue.subscribe()));
        cache
    }
}

/// Moves the epoch whenever the catalogue version moves. While the
/// version is unknown (at start, after a failed read), pages are rendered
/// afresh until it reads again.
async fn follow_catalogue(cache: Weak<Inner>, mut snapshots: watch::Receiver<Option<Snapshot>>) {
    let mut seen = None;
    loop {
        let now = snapshots.borrow_and_update().as_ref().map(|snapshot| snapshot.version);
        let Some(cache) = cache.upgrade() else { return };
        if now != seen {
            cache.epoch.fetch_add(1, Ordering::AcqRel);
            seen = now;
        }
        cache.known.store(now.is_some(), Ordering::Release);
        drop(cache);
        if snapshots.changed().await.is_err() {
            return;
        }
    }
}

/// The middleware: answers from the cache, or renders and keeps the page.
pub async fn serve(State(cache): State<PageCache>, mut request: Request, next: Next) -> Response {
    let key = key_for(request.method(), request.uri().path(), request.uri().query(), request.headers());
    let Some(key) = key.filter(|_| cache.inner.known.load(Ordering::Acquire)) else {
        return next.run(request).await;
    };
    let encoding = Encoding::accepted(request.headers());
    let epoch = cache.inner.epoch.load(Ordering::Acquire);
    if let Some(page) = cache.inner.pages.get(&key).filter(|page| page.epoch == epoch) {
        return page.respond(encoding, request.headers());
    }
    // Rendered uncompressed: the kept page is compressed here, once per encoding.
    let conditions = request.headers().clone();
    request.headers_mut().remove(header::ACCEPT_ENCODING);
    let response = next.run(request).await;
    if !keepable(&response) {
        return response;
    }
    let (parts, body) = response.into_parts();
    let body = match axum::body::to_bytes(body, LARGEST_PAGE).await {
        Ok(body) => body,
        Err(error) => {
            tracing::error!(%error, "a rendered page could not be read");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let page = Arc::new(Page::new(epoch, parts.headers, body));
    cache.inner.pages.insert(key, page.clone());
    page.respond(encoding, &conditions)
}

/// The key of a page that may be kept, or `None`: only `GET`/`HEAD` of the
/// pages that are the same for every visitor who is not signed in.
fn key_for(method: &Method, path: &str, query: Option<&str>, headers: &HeaderMap) -> Option<Key> {
    if !(method == Method::GET || method == Method::HEAD) || !is_public_page(path) {
        return None;
    }
    if [SESSION_COOKIE, app::api::session::SECURE_COOKIE]
        .iter()
        .any(|name| app::shopper::request_cookie(headers, name).is_some())
    {
        return None;
    }
    let path_and_query = match query {
        Some(query) => format!("{path}?{query}"),
        None => path.to_owned(),
    };
    // A cookie that names no country renders as none at all.
    let country = from_cookie_header(headers).map(|c| c.as_str().to_owned());
    Some(Key { path_and_query, country })
}

/// The pages whose HTML depends only on their address, the catalogue and
/// the delivery country (the basket lives in the browser).
fn is_public_page(path: &str) -> bool {
    // Every page is under its language; the rest of its path says which page.
    let Some((_, path)) = app::i18n::Locale::split_path(path) else { return false };
    let one_segment =
        |prefix: &str| path.strip_prefix(prefix).is_some_and(|rest| !rest.is_empty() && !rest.contains('/'));
    matches!(
        path,
        "/" | "/shop"
            | "/ring-size"
            | "/basket"
            | "/checkout"
            | "/account/sign-in"
            | "/account/register"
            | "/account/forgot-password"
            // The house's pages: their figures move with the catalogue's version.
            | "/faq"
            | "/shipping"
            | "/returns"
            | "/customs"
            | "/care"
            | "/size-guide"
            | "/privacy"
    ) || one_segment("/shop/")
        || one_segment("/collections/")
        || one_segment("/products/")
}

/// Whether a rendered response may be kept for everyone: a whole HTML page
/// that sets no cookie.
fn keepable(response: &Response) -> bool {
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    response.status() == StatusCode::OK
        && html
        && !response.headers().contains_key(header::SET_COOKIE)
        && !response.headers().contains_key(header::CONTENT_ENCODING)
}

impl Page {
    fn new(epoch: u64, mut headers: HeaderMap, identity: Bytes) -> Page {
        for name in [header::CONTENT_LENGTH, header::TRANSFER_ENCODING, header::DATE, header::VARY] {
            headers.remove(name);
        }
        let mut hasher = std::hash::DefaultHasher::new();
        identity.hash(&mut hasher);
        // Weak: the same page under every encoding.
        let etag = HeaderValue::from_str(&format!("W/\"{:016x}\"", hasher.finish()))
            .unwrap_or_else(|_| HeaderValue::from_static("W/\"0\""));
        let policy = headers.remove(content_policy::HEADER).and_then(|v| v.to_str().ok().map(str::to_owned));
        let nonce = policy.as_deref().and_then(content_policy::nonce_of).map(str::to_owned);
        let policy = policy.zip(nonce.as_deref()).and_then(|(policy, nonce)| {
            let (before, after) = policy.split_once(nonce)?;
            Some((before.to_owned(), after.to_owned()))
        });
        Page { epoch, headers, etag, body: PageBody::cut(identity, nonce.as_deref()), policy }
    }

    /// The page as `encoding`, or "not modified" for a browser that has it.
    fn respond(&self, encoding: Encoding, request: &HeaderMap) -> Response {
        let mut headers = self.headers.clone();
        headers.insert(header::ETAG, self.etag.clone());
        // Browsers check each time (cheaply: see the ETag); shared caches must
        // tell apart encodings and delivery countries.
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding, cookie"));
        // A browser that has the page keeps it with the policy it came with:
        // a 304 sends no policy (it would replace the one the page's nonce matches).
        let known = request.get_all(header::IF_NONE_MATCH).iter().any(|tags| {
            tags.to_str().is_ok_and(|tags| tags.split(',').any(|t| t.trim() == self.etag.to_str().unwrap_or_default()))
        });
        if known {
            let mut response = StatusCode::NOT_MODIFIED.into_response();
            *response.headers_mut() = headers;
            return response;
        }
        let nonce = leptos::nonce::Nonce::new();
        if let Some((before, after)) = &self.policy {
            if let Ok(policy) = HeaderValue::from_str(&format!("{before}{}{after}", &*nonce)) {
                headers.insert(content_policy::HEADER, policy);
            }
        }
        let body = match encoding {
            Encoding::Brotli => {
                headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("br"));
                self.body.brotli(&nonce)
            }
            Encoding::Gzip => {
                headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
                self.body.gzip(&nonce)
            }
            Encoding::Identity => self.body.identity(&nonce),
        };
        let mut response = Response::new(Body::from(body));
        *response.headers_mut() = headers;
        response
    }
}

impl Encoding {
    /// The best encoding the request accepts: brotli, then gzip, else none.
    fn accepted(headers: &HeaderMap) -> Encoding {
        let mut accepted = (false, false);
        for value in headers.get_all(header::ACCEPT_ENCODING) {
            let Ok(value) = value.to_str() else { continue };
            for item in value.split(',') {
                let mut parts = item.split(';');
                let name = parts.next().unwrap_or_default().trim();
                // `q=0` means "not this one".
                let refused = parts.any(|p| {
                    p.trim().strip_prefix("q=").is_some_and(|q| q.trim().parse::<f32>().is_ok_and(|q| q <= 0.0))
                });
                match name {
                    "br" if !refused => accepted.0 = true,
                    "gzip" if !refused => accepted.1 = true,
                    _ => {}
                }
            }
        }
        match accepted {
            (true, _) => Encoding::Brotli,
            (false, true) => Encoding::Gzip,
            _ => Encoding::Identity,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(header::HeaderName::from_bytes(name.as_bytes()).unwrap(), value.parse().unwrap());
        }
        map
    }

    #[test]
    fn catalogue_pages_are_kept_for_visitors_not_signed_in() {
        let none = HeaderMap::new();
        for path in [
            "/fr",
            "/en",
            "/fr/shop",
            "/en/shop/rings",
            "/fr/collections/aube",
            "/en/products/aube-solitaire-ring",
            "/fr/ring-size",
        ] {
            assert!(key_for(&Method::GET, path, None, &none).is_some(), "{path}");
        }
        assert!(key_for(&Method::HEAD, "/fr", None, &none).is_some());
        for path in [
            "/fr/account",
            "/en/account/orders",
            "/fr/orders/MA-1",
            "/en/staff/orders",
            "/api/catalogue/home",
            "/fr/products/a/b",
            // Without a language: a redirect that depends on the visitor.
            "/",
            "/shop",
            "/de/shop",
        ] {
            assert!(key_for(&Method::GET, path, None, &none).is_none(), "{path}");
        }
        assert!(key_for(&Method::POST, "/fr", None, &none).is_none());
        let signed_in = headers(&[("cookie", "vitrine_country=BE; vitrine_session=abc")]);
        assert!(key_for(&Method::GET, "/fr", None, &signed_in).is_none());
    }

    #[test]
    fn the_key_holds_the_query_and_the_delivery_country() {
        let be = headers(&[("cookie", "a=1; vitrine_country=BE")]);
        let key = key_for(&Method::GET, "/en/shop", Some("sort=price-asc"), &be).unwrap();
        assert_eq!(key.path_and_query, "/en/shop?sort=price-asc");
        assert_eq!(key.country.as_deref(), Some("BE"));
        // An unreadable country is no country: the page renders for France, like none.
        let bad = headers(&[("cookie", "vitrine_country=<script>")]);
        assert_eq!(key_for(&Method::GET, "/fr/shop", None, &bad).unwrap().country, None);
    }

    #[test]
    fn brotli_is_preferred_then_gzip() {
        assert_eq!(Encoding::accepted(&headers(&[("accept-encoding", "gzip, deflate, br")])), Encoding::Brotli);
        assert_eq!(Encoding::accepted(&headers(&[("accept-encoding", "gzip")])), Encoding::Gzip);
        assert_eq!(Encoding::accepted(&headers(&[("accept-encoding", "br;q=0, gzip;q=0.5")])), Encoding::Gzip);
        assert_eq!(Encoding::accepted(&HeaderMap::new()), Encoding::Identity);
        assert_eq!(Encoding::accepted(&headers(&[("accept-encoding", "identity")])), Encoding::Identity);
    }

    #[tokio::test]
    async fn each_answer_of_a_kept_page_has_its_own_nonce_in_every_encoding() {
        use std::io::Read;
        let rendered = "RENDEREDNONCE0000000000";
        let page = format!(
            "<!DOCTYPE html><html><head><script nonce=\"{rendered}\">boot()</script></head><body>{}</body></html>",
            "Aube solitaire ring · ".repeat(200)
        );
        let mut kept = headers(&[("content-type", "text/html; charset=utf-8")]);
        kept.insert(content_policy::HEADER, content_policy::for_page(rendered, false).parse().unwrap());
        let page_kept = Page::new(1, kept, Bytes::from(page.clone()));
        let mut seen = vec![rendered.to_owned()];
        for encoding in [Encoding::Brotli, Encoding::Gzip, Encoding::Identity, Encoding::Brotli] {
            let response = page_kept.respond(encoding, &HeaderMap::new());
            let policy = response.headers()[content_policy::HEADER].to_str().unwrap().to_owned();
            let nonce = content_policy::nonce_of(&policy).unwrap().to_owned();
            assert!(!seen.contains(&nonce), "{nonce} sent before");
            let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
            let mut body = String::new();
            match encoding {
                Encoding::Brotli => brotli::Decompressor::new(&bytes[..], 4096).read_to_string(&mut body).map(drop),
                Encoding::Gzip => flate2::read::GzDecoder::new(&bytes[..]).read_to_string(&mut body).map(drop),
                Encoding::Identity => (&bytes[..]).read_to_string(&mut body).map(drop),
            }
            .unwrap();
            assert_eq!(body, page.replace(rendered, &nonce));
            if encoding == Encoding::Brotli {
                assert!(bytes.len() < page.len() / 10, "{} bytes", bytes.len());
            }
            seen.push(nonce);
        }
        // A browser that has the page is told so without a policy.
        let etag = page_kept.etag.clone();
        let not_modified = page_kept.respond(Encoding::Brotli, &headers(&[("if-none-match", etag.to_str().unwrap())]));
        assert_eq!(not_modified.status(), StatusCode::NOT_MODIFIED);
        assert!(!not_modified.headers().contains_key(content_policy::HEADER));
    }

    #[test]
    fn only_whole_html_pages_without_cookies_are_kept() {
        let page = |status: StatusCode, pairs: &[(&str, &str)]| {
            let mut response = Response::new(Body::empty());
            *response.status_mut() = status;
            *response.headers_mut() = headers(pairs);
            response
        };
        assert!(keepable(&page(StatusCode::OK, &[("content-type", "text/html; charset=utf-8")])));
        assert!(!keepable(&page(StatusCode::NOT_FOUND, &[("content-type", "text/html")])));
        assert!(!keepable(&page(StatusCode::FOUND, &[("content-type", "text/html")])));
        assert!(!keepable(&page(StatusCode::OK, &[("content-type", "application/json")])));
        assert!(!keepable(&page(StatusCode::OK, &[("content-type", "text/html"), ("set-cookie", "a=b")])));
    }
}

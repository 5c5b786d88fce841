//! The shop's two languages at the HTTP level (PRODUCT.md §11): every page
//! lives under `/fr/…` and `/en/…`; an address without a language is sent
//! on to the visitor's; the language a page is read in is remembered.

use app::i18n::{self, Locale};
use axum::{
    extract::Request,
    http::{header, HeaderValue, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use leptos_axum::AxumRouteListing;

/// The app's routes as axum serves them: Leptos lists each page once,
/// under `/{lang}`; axum gets it once per language, so that a path with
/// any other first segment (`/images/…`, `/favicon.svg`) is never taken
/// for a page.
pub fn per_language(routes: Vec<AxumRouteListing>) -> Vec<AxumRouteListing> {
    routes
        .into_iter()
        .flat_map(|route| {
            let Some(rest) = route.path().strip_prefix("/{lang}") else {
                return vec![route];
            };
            Locale::ALL
                .into_iter()
                .map(|locale| {
                    let path = format!("/{}{rest}", locale.tag());
                    AxumRouteListing::new(path, route.mode().clone(), route.methods(), Vec::new())
                })
                .collect()
        })
        .collect()
}

/// The same pages without their language (`/`, `/shop/{category}`…): the
/// addresses to send on to a language.
pub fn unprefixed(routes: &[AxumRouteListing]) -> Vec<String> {
    let mut paths: Vec<String> = routes
        .iter()
        .filter_map(|route| route.path().strip_prefix("/{lang}"))
        .map(|rest| if rest.is_empty() { "/".to_owned() } else { rest.to_owned() })
        .collect();
    paths.sort();
    paths.dedup();
    paths
}

/// Sends an address without a language (an old link, a typed `/shop`) to
/// the same page in the visitor's language: the one they chose before,
/// else their browser's first that the shop writes in, else French. Also
/// `/fr/` to `/fr`.
pub async fn send_on(request: Request) -> Response {
    let (parts, _) = request.into_parts();
    let path_and_query = parts.uri.path_and_query().map_or("/", |pq| pq.as_str());
    let target = match Locale::split_path(parts.uri.path()) {
        Some((locale, "/")) => locale.href(parts.uri.query().map(|q| format!("?{q}")).as_deref().unwrap_or("")),
        _ => Locale::of_request(&parts).href(path_and_query),
    };
    let mut response = (StatusCode::TEMPORARY_REDIRECT, [(header::LOCATION, target)]).into_response();
    // The answer depends on who asks: no shared cache may keep it.
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    headers.insert(header::VARY, HeaderValue::from_static("Accept-Language, Cookie"));
    response
}

/// Remembers the language of each page read, so that the next address
/// without one (and the emails the visitor asks for) follow it. Set around
/// the page cache, which keeps pages that set no cookie.
pub async fn remember(secure: bool, request: Request, next: Next) -> Response {
    let read = (request.method() == Method::GET)
        .then(|| Locale::split_path(request.uri().path()).map(|(locale, _)| locale))
        .flatten();
    let remembered = app::shopper::request_cookie(request.headers(), i18n::COOKIE);
    let mut response = next.run(request).await;
    let Some(locale) = read else { return response };
    let is_page = response.status().is_success()
        && response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"));
    if is_page && remembered.as_deref() != Some(locale.tag()) {
        if let Ok(value) = HeaderValue::from_str(&locale.set_cookie(secure)) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing(path: &str) -> AxumRouteListing {
        AxumRouteListing::new(path.to_owned(), Default::default(), [leptos_router::Method::Get], Vec::new())
    }

    #[test]
    fn each_page_is_served_once_per_language() {
        let routes = per_language(vec![listing("/{lang}"), listing("/{lang}/shop/{category}"), listing("/other")]);
        let paths: Vec<_> = routes.iter().map(AxumRouteListing::path).collect();
        assert_eq!(paths, ["/fr", "/en", "/fr/shop/{category}", "/en/shop/{category}", "/other"]);
    }

    #[test]
    fn pages_without_their_language_are_known() {
        let paths = unprefixed(&[listing("/{lang}"), listing("/{lang}/shop"), listing("/{lang}/shop")]);
        assert_eq!(paths, ["/", "/shop"]);
    }
}

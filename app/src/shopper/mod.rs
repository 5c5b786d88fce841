//! What belongs to the shopper and lives in their browser: the basket and
//! the delivery country. Both are provided as context to every page. And
//! whether the visitor is staff, for the header.

pub mod basket_store;
pub mod country;

/// The value of the request cookie `name`, among all `Cookie` headers.
#[cfg(feature = "ssr")]
pub fn request_cookie(headers: &http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(cookie::Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == name)
        .map(|c| c.value().to_owned())
}

/// The `Set-Cookie` value remembering a shopper's preference (a country, a
/// language) for a year, site-wide. Not a secret: a choice.
#[cfg(feature = "ssr")]
pub fn preference_cookie(name: &'static str, value: String, secure: bool) -> String {
    cookie::Cookie::build((name, value))
        .path("/")
        .max_age(cookie::time::Duration::days(365))
        .same_site(cookie::SameSite::Lax)
        .secure(secure)
        .build()
        .to_string()
}

/// Put on a page request by the server when a signed-in member of staff
/// makes it, for the header's link to the back office. Only requests that
/// carry a session are looked at, and no cache keeps their pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StaffVisitor;

/// Whether the page being rendered is for a member of staff.
pub fn is_staff_visitor() -> bool {
    #[cfg(feature = "ssr")]
    {
        leptos::prelude::use_context::<http::request::Parts>()
            .is_some_and(|parts| parts.extensions.get::<StaffVisitor>().is_some())
    }
    #[cfg(not(feature = "ssr"))]
    false
}

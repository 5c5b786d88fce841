//! The browsers an account signed in from before, and how the sign-in
//! limit treats them (issue 17's lock-out design). Server only.
//!
//! Five wrong passwords for one address within 15 minutes close sign-in
//! to that address, so a stranger cannot guess it. Counted for the address
//! alone, that would also let the stranger keep its owner out for as long
//! as they keep trying. So a browser that signed in to the account before
//! carries a mark (a cookie, signed for that address) and is counted
//! apart, under its own five: strangers' failures never close it. A new
//! browser shares the address's count; the owner can still open a reset
//! link, which clears that count.

use crate::config::SiteConfig;
use crate::error::AppError;
use crate::payments::keys::Keys;

/// The mark's cookie. HttpOnly, SameSite=Lax; over HTTPS Secure and
/// `__Host-` prefixed, as the session's.
pub const COOKIE: &str = "vitrine_device";
pub const SECURE_COOKIE: &str = "__Host-vitrine_device";

/// How long a browser stays known without signing in again: 400 days,
/// the longest browsers keep a cookie.
const MAX_AGE_SECONDS: i64 = 400 * 24 * 60 * 60;

fn cookie_name(secure: bool) -> &'static str {
    if secure {
        SECURE_COOKIE
    } else {
        COOKIE
    }
}

/// What the per-address sign-in limit counts this request under: the
/// address, or the address and the browser when the request carries a
/// mark for that address.
pub fn limit_subject(keys: &Keys, site: &SiteConfig, address: &str) -> String {
    let mark = leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| crate::shopper::request_cookie(&parts.headers, cookie_name(site.is_https())));
    match mark.and_then(|mark| keys.known_device(&mark, address)) {
        Some(device) => format!("{}{device}", crate::domain::rate_limit::known_browsers_of(address)),
        None => address.to_owned(),
    }
}

/// Marks this browser as one the account at `address` signs in from.
pub fn remember(keys: &Keys, site: &SiteConfig, address: &str) -> Result<(), AppError> {
    let secure = site.is_https();
    let cookie = cookie::Cookie::build((cookie_name(secure), keys.known_device_mark(address)))
        .path("/")
        .http_only(true)
        .same_site(cookie::SameSite::Lax)
        .secure(secure)
        .max_age(cookie::time::Duration::seconds(MAX_AGE_SECONDS))
        .build();
    super::session::append_header(http::header::SET_COOKIE, &cookie.to_string())
}

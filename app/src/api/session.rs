//! Who is signed in: the session cookie, read, started, renewed and ended;
//! and the client a request comes from, for rate limits. Server only.

use crate::auth::token::Token;
use crate::config::{ClientIp, SiteConfig};
use crate::domain::{
    account::{session_expiry, session_needs_renewal, SESSION_SECONDS},
    catalogue::Audience,
    rate_limit::Limit,
};
use crate::error::AppError;
use crate::i18n::use_locale;
use crate::store::{
    customers::{self, Customer},
    rate_limits, sessions, Db,
};
use leptos::prelude::use_context;

/// The session cookie. HttpOnly (scripts never see it), SameSite=Lax (other
/// sites cannot post forms with it), and over HTTPS Secure and named
/// [`SECURE_COOKIE`].
pub const COOKIE: &str = "vitrine_session";
/// The session cookie's name over HTTPS: browsers accept a `__Host-` cookie
/// only if it is Secure, for the whole site and from this host itself, so
/// a neighbouring subdomain cannot plant a session of its choosing (issue 17).
pub const SECURE_COOKIE: &str = "__Host-vitrine_session";

/// The session cookie's name on a site served over HTTPS (`secure`) or not.
pub fn cookie_name(secure: bool) -> &'static str {
    if secure {
        SECURE_COOKIE
    } else {
        COOKIE
    }
}

/// A signed-in customer and the token of their session.
pub struct SignedIn {
    pub customer: Customer,
    pub token: Token,
    /// When the password was last typed in this session.
    pub password_at: i64,
    /// A member of staff who has not yet typed the second factor: a customer until then.
    pub awaiting_second_factor: bool,
}

fn request_parts() -> Option<http::request::Parts> {
    use_context::<http::request::Parts>()
}

/// The session token the request carries, if it is shaped like one of
/// ours; over HTTPS (`secure`) only from the `__Host-` cookie.
pub fn token_from_headers(headers: &http::HeaderMap, secure: bool) -> Option<Token> {
    crate::shopper::request_cookie(headers, cookie_name(secure)).and_then(|value| Token::parse(&value))
}

/// The `Set-Cookie` value for a session (`Some`) or its removal (`None`).
pub fn cookie_value(token: Option<&Token>, secure: bool) -> String {
    let name = cookie_name(secure);
    let builder = cookie::Cookie::build((name, token.map(|t| t.as_str().to_owned()).unwrap_or_default()))
        .path("/")
        .http_only(true)
        .same_site(cookie::SameSite::Lax)
        .secure(secure);
    match token {
        Some(_) => builder.max_age(cookie::time::Duration::seconds(SESSION_SECONDS)),
        None => builder.max_age(cookie::time::Duration::ZERO).expires(cookie::time::OffsetDateTime::UNIX_EPOCH),
    }
    .build()
    .to_string()
}

/// Adds a header to the response being built.
pub(crate) fn append_header(name: http::HeaderName, value: &str) -> Result<(), AppError> {
    let Some(response) = use_context::<leptos_axum::ResponseOptions>() else {
        tracing::error!("no response options to set a header on");
        return Err(AppError::Internal);
    };
    let value = http::HeaderValue::from_str(value).map_err(|error| {
        tracing::error!(%error, "not a header value");
        AppError::Internal
    })?;
    response.append_header(name, value);
    Ok(())
}

fn set_cookie(site: &SiteConfig, token: Option<&Token>) -> Result<(), AppError> {
    append_header(http::header::SET_COOKIE, &cookie_value(token, site.is_https()))
}

/// Personal pages and answers must never be kept by a shared cache.
pub fn no_store() {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.insert_header(http::header::CACHE_CONTROL, http::HeaderValue::from_static("no-store"));
    }
}

/// The signed-in customer, if any. Renews a session that is being used.
pub async fn current(db: &Db, site: &SiteConfig, now: i64) -> Result<Option<SignedIn>, AppError> {
    let Some(token) = request_parts().and_then(|parts| token_from_headers(&parts.headers, site.is_https())) else {
        return Ok(None);
    };
    let Some(session) = customers::by_session(db, &token.digest(), now).await? else { return Ok(None) };
    // Renewed while used, never past the session's absolute end.
    let renewed = session_expiry(session.created_at, now, session.staff_role());
    if session_needs_renewal(session.expires_at, now) && renewed > session.expires_at {
        sessions::renew(db, &token, renewed).await?;
        set_cookie(site, Some(&token))?;
    }
    Ok(Some(SignedIn {
        customer: session.customer,
        token,
        password_at: session.password_at,
        awaiting_second_factor: session.awaiting_second_factor,
    }))
}

/// Who is looking at the catalogue: a member when signed in. What a member
/// is sent may hold members' preview pieces, so no cache may keep it.
pub async fn audience(db: &Db, site: &SiteConfig, now: i64) -> Result<Audience, AppError> {
    let signed_in = current(db, site, now).await?.is_some();
    if signed_in {
        no_store();
    }
    Ok(Audience::of(signed_in))
}

/// The signed-in customer, or a 401 asking to sign in. The answer is never cached.
pub async fn require(db: &Db, site: &SiteConfig, now: i64) -> Result<SignedIn, AppError> {
    no_store();
    current(db, site, now)
        .await?
        .ok_or_else(|| AppError::Unauthorized(use_locale().account_sign_in_required().to_owned()).respond())
}

/// A signed-in member of staff: 401 when signed out, 403 for a customer.
/// Every staff page and server function starts here (PRODUCT.md §9).
pub async fn require_staff(db: &Db, site: &SiteConfig, now: i64) -> Result<SignedIn, AppError> {
    // Until the second factor is typed, a member of staff is only a customer (401 asking for the code).
    let signed_in = require_whole(db, site, now).await?;
    if !signed_in.customer.is_staff {
        tracing::warn!(customer = signed_in.customer.id, "a customer called a staff function");
        return Err(AppError::Forbidden(use_locale().account_staff_only().to_owned()).respond());
    }
    Ok(signed_in)
}

/// Before a sensitive action (a refund, a price, a promo code, a staff
/// change): the password must have been typed in this session within
/// [`STEP_UP_SECONDS`](crate::domain::second_factor::STEP_UP_SECONDS), or be
/// typed again now (`password`, the form's field). A stolen session that is
/// a quarter of an hour old cannot move money. Wrong passwords count
/// against the account's sign-in limit.
pub async fn require_recent_password(
    db: &Db,
    signed_in: &SignedIn,
    password: Option<String>,
    now: i64,
) -> Result<(), AppError> {
    use crate::domain::{rate_limit::SIGN_IN_PER_ADDRESS, second_factor::password_recent};
    let t = use_locale();
    if password_recent(signed_in.password_at, now) {
        return Ok(());
    }
    let Some(password) = password.filter(|p| !p.is_empty()) else {
        return Err(AppError::Forbidden(t.staff_password_again().to_owned()).respond());
    };
    let address = signed_in.customer.email.lookup_key();
    let attempt = attempt(db, &[(SIGN_IN_PER_ADDRESS, address.as_str())], now).await?;
    let stored = customers::password_hash(db, signed_in.customer.id).await?.unwrap_or_default();
    if !super::password_matches(password, stored).await? {
        attempt.keep();
        return Err(AppError::Forbidden(t.staff_password_again_wrong().to_owned()).respond());
    }
    attempt.forgive(db).await?;
    sessions::password_typed(db, &signed_in.token, now).await?;
    Ok(())
}

/// Whether a sensitive action would ask for the password now (pages show its field then).
pub fn password_needed(signed_in: &SignedIn, now: i64) -> bool {
    !crate::domain::second_factor::password_recent(signed_in.password_at, now)
}

/// Starts a session for a customer, inside the caller's transaction, and
/// sets its cookie. The token is always new: a session id fixed before
/// sign-in (by an attacker, say) is never promoted, and the browser's old
/// session, if any, is ended.
pub async fn start(
    conn: &mut sqlx::AnyConnection,
    site: &SiteConfig,
    customer_id: i64,
    now: i64,
) -> Result<Token, AppError> {
    if let Some(old) = request_parts().and_then(|parts| token_from_headers(&parts.headers, site.is_https())) {
        sessions::end(conn, &old).await?;
    }
    sessions::prune(conn, now).await?;
    let token = Token::generate();
    sessions::create(conn, &token, customer_id, now, now + SESSION_SECONDS).await?;
    set_cookie(site, Some(&token))?;
    Ok(token)
}

/// The signed-in customer, refusing a member of staff who has typed the
/// password but not the second factor: for what a stolen password alone
/// must not do (change the password, erase the account).
pub async fn require_whole(db: &Db, site: &SiteConfig, now: i64) -> Result<SignedIn, AppError> {
    let signed_in = require(db, site, now).await?;
    if signed_in.awaiting_second_factor {
        return Err(AppError::SecondFactor(use_locale().staff_second_factor_needed().to_owned()).respond());
    }
    Ok(signed_in)
}

/// Ends the browser's session and removes its cookie.
pub async fn end(db: &Db, site: &SiteConfig) -> Result<(), AppError> {
    if let Some(token) = request_parts().and_then(|parts| token_from_headers(&parts.headers, site.is_https())) {
        let mut conn = db.pool.acquire().await?;
        sessions::end(&mut conn, &token).await?;
    }
    set_cookie(site, None)
}

/// Removes the session cookie without touching the database (the session is already gone).
pub fn forget_cookie(site: &SiteConfig) -> Result<(), AppError> {
    set_cookie(site, None)
}

/// The client the request comes from, as the server determined it and as
/// per-client limits count it (an IPv6 client by its /64: see
/// [`crate::domain::rate_limit::client_key`]).
pub fn client() -> String {
    request_parts()
        .and_then(|parts| parts.extensions.get::<ClientIp>().copied())
        .map(|ip| crate::domain::rate_limit::client_key(ip.0))
        .unwrap_or_else(|| "unknown".to_owned())
}

/// An attempt counted under rate limits before the work they limit.
#[must_use = "an attempt that succeeds where only failures count must be forgiven"]
pub struct Attempt {
    counted: Vec<rate_limits::Counted>,
}

/// Counts this attempt against each limit first, then refuses with a 429
/// if any is now over: attempts sent all at once cannot slip under a limit
/// together, on one server or on several (the count is in the database).
/// Of any number sent at once, at most `max` pass: each passed attempt
/// stays counted, and each one sees every attempt counted before it.
pub async fn attempt(db: &Db, checks: &[(Limit, &str)], now: i64) -> Result<Attempt, AppError> {
    let mut counted = Vec::with_capacity(checks.len());
    let mut over = None;
    for (limit, subject) in checks {
        let (row, allowed) = rate_limits::count_then_allows(db, *limit, subject, now).await?;
        counted.push(row);
        if !allowed && over.is_none() {
            over = Some(*limit);
        }
    }
    if let Some(limit) = over {
        // A refused attempt did nothing, so it does not count: the window
        // runs from the last attempt that was let through, and hammering
        // a closed door does not keep it closed for longer.
        Attempt { counted }.forgive(db).await?;
        tracing::warn!(action = limit.action, "rate limit reached");
        return Err(AppError::TooManyAttempts(limit.message(use_locale())).respond());
    }
    Ok(Attempt { counted })
}

impl Attempt {
    /// Uncounts a successful attempt, where only failures count (a right
    /// password): signing in every day never nears the limit.
    pub async fn forgive(self, db: &Db) -> Result<(), AppError> {
        for counted in self.counted {
            rate_limits::forget(db, counted).await?;
        }
        Ok(())
    }

    /// Leaves the attempt counted (every try counts, or this one failed).
    pub fn keep(self) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_session_cookie_is_http_only_lax_and_secure_over_https() {
        let token = Token::generate();
        let set = cookie_value(Some(&token), true);
        assert!(set.starts_with(&format!("__Host-vitrine_session={}", token.as_str())), "{set}");
        for part in ["HttpOnly", "SameSite=Lax", "Secure", "Path=/", "Max-Age=2592000"] {
            assert!(set.contains(part), "{set}");
        }
        let plain = cookie_value(Some(&token), false);
        assert!(!plain.contains("Secure") && plain.starts_with("vitrine_session="), "{plain}");
        let gone = cookie_value(None, false);
        assert!(gone.contains("Max-Age=0") && gone.starts_with("vitrine_session=;"), "{gone}");
    }

    #[test]
    fn only_a_well_formed_token_is_read() {
        let token = Token::generate();
        let mut headers = http::HeaderMap::new();
        headers.insert(http::header::COOKIE, format!("a=1; vitrine_session={}", token.as_str()).parse().unwrap());
        assert_eq!(token_from_headers(&headers, false), Some(token.clone()));
        // Over HTTPS a plain-named cookie (a neighbour could have set it) is not ours.
        assert_eq!(token_from_headers(&headers, true), None);
        let secure = format!("__Host-vitrine_session={}", token.as_str());
        headers.insert(http::header::COOKIE, secure.parse().unwrap());
        assert_eq!(token_from_headers(&headers, true), Some(token));
        headers.insert(http::header::COOKIE, "vitrine_session=forged".parse().unwrap());
        assert_eq!(token_from_headers(&headers, false), None);
    }
}

//! Server functions, one file per feature. Thin: parse the input into domain
//! types, call the store, map errors to [`crate::error::AppError`].

pub mod account;
pub mod addresses;
pub mod basket;
pub mod catalogue;
pub mod checkout;
pub mod delivery;
pub mod house;
#[cfg(feature = "ssr")]
pub mod known_device;
pub mod newsletter;
pub mod orders;
pub mod password;
pub mod returns;
pub mod service;
#[cfg(feature = "ssr")]
pub mod session;
pub mod shops;
pub mod staff;
pub mod staff_access;
pub mod staff_audit;
pub mod staff_gift;
pub mod staff_pictures;
pub mod staff_pieces;
pub mod staff_promos;
pub mod staff_service;
pub mod staff_stock;
pub mod stock_alerts;

/// The request's database and site settings, provided by the server.
#[cfg(feature = "ssr")]
pub(crate) fn context() -> Result<(crate::store::Db, crate::config::SiteConfig), crate::error::AppError> {
    use leptos::prelude::use_context;
    match (use_context::<crate::store::Db>(), use_context::<crate::config::SiteConfig>()) {
        (Some(db), Some(site)) => Ok((db, site)),
        _ => {
            tracing::error!("the database or site settings were not provided to the app");
            Err(crate::error::AppError::Internal)
        }
    }
}

/// The shop's keys (order links, the sandbox's callback secret), provided by the server.
#[cfg(feature = "ssr")]
pub(crate) async fn shop_keys(db: &crate::store::Db) -> Result<crate::payments::keys::Keys, crate::error::AppError> {
    let shop = leptos::prelude::use_context::<crate::payments::keys::ShopKeys>().ok_or_else(|| {
        tracing::error!("the shop's keys were not provided to the app");
        crate::error::AppError::Internal
    })?;
    Ok(shop.get(db).await?.clone())
}

/// Whether the request is a plain HTML form posted to a server function
/// without JavaScript: Leptos answers it with a redirect (back to the page,
/// or where [`leptos_axum::redirect`] says), never with the function's value.
#[cfg(feature = "ssr")]
pub(crate) fn posted_without_javascript() -> bool {
    leptos::prelude::use_context::<http::request::Parts>().is_some_and(|parts| {
        parts.uri.path().starts_with("/api/")
            && parts
                .headers
                .get(http::header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|accept| accept.contains("text/html"))
    })
}

/// A 400 whose message is the problem's own words.
#[cfg(feature = "ssr")]
pub(crate) fn bad_request(problem: impl std::fmt::Display) -> crate::error::AppError {
    crate::error::AppError::BadRequest(problem.to_string()).respond()
}

/// A 400 about one field of the form, by its name there.
#[cfg(feature = "ssr")]
pub(crate) fn invalid_field(field: &str, problem: impl std::fmt::Display) -> crate::error::AppError {
    crate::error::AppError::Invalid { field: field.to_owned(), message: problem.to_string() }.respond()
}

/// Runs an argon2 computation through the one bounded queue
/// ([`crate::auth::password_queue`]); a full queue is a 429 that asks to
/// try again in a few seconds.
#[cfg(feature = "ssr")]
pub(crate) async fn password_work<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, crate::error::AppError> {
    crate::auth::password_queue::run(work).await.map_err(|_| {
        tracing::warn!("the password queue is full");
        if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            response.insert_header(http::header::RETRY_AFTER, http::HeaderValue::from_static("2"));
        }
        crate::error::AppError::TooManyAttempts(crate::i18n::use_locale().error_busy().to_owned()).respond()
    })
}

/// Hashes a new password when its turn comes; a failure is ours (a 500).
#[cfg(feature = "ssr")]
pub(crate) async fn hash_password(
    password: crate::domain::account::NewPassword,
) -> Result<String, crate::error::AppError> {
    password_work(move || crate::auth::password::hash(&password)).await?.map_err(|error| {
        tracing::error!(%error, "a password could not be hashed");
        crate::error::AppError::Internal
    })
}

/// Whether a password matches a stored hash, checked off the async threads.
#[cfg(feature = "ssr")]
pub(crate) async fn password_matches(password: String, stored: String) -> Result<bool, crate::error::AppError> {
    password_work(move || crate::auth::password::verify(&password, &stored)).await
}

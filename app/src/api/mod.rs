//! Server functions, one file per feature. Thin: parse the input into domain
//! types, call the store, map errors to [`crate::error::AppError`].

pub mod basket;
pub mod catalogue;
pub mod delivery;

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

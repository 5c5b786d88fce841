//! Choosing the delivery country. A plain form post works without
//! JavaScript (the server sets the cookie and sends the shopper back); with
//! JavaScript the page updates in place.

use crate::domain::country::CountryCode;
use crate::error::AppError;
use leptos::prelude::*;

/// Remembers the shopper's delivery country in a cookie and returns it.
/// A code the selector does not offer is a 400 and sets nothing.
#[server(endpoint = "delivery/country")]
pub async fn choose_delivery_country(country: String) -> Result<CountryCode, AppError> {
    use crate::shopper::country::set_cookie;
    let (_, site) = super::context()?;
    let country = CountryCode::parse_known(&country)
        .map_err(|error| AppError::BadRequest(crate::i18n::use_locale().basket_unknown_country(&error.0)).respond())?;
    super::session::append_header(
        http::header::SET_COOKIE,
        &set_cookie(country, site.public_url.starts_with("https://")),
    )?;
    Ok(country)
}

//! The shopper's delivery country (PRODUCT.md §1): remembered in a cookie so
//! that the server renders the right buy area on the very first request.

use crate::domain::country::{CountryCode, DeliveryCountries};
use leptos::prelude::*;

/// The cookie the delivery country is remembered in. Not a secret: a preference.
pub const COOKIE: &str = "vitrine_country";

/// The delivery country and the list the house ships to, for every page the
/// server renders. Choosing another country posts a form, which sets the
/// cookie and brings the shopper back: the page is rendered again for it,
/// and the islands on it are told the answer as their props.
#[derive(Clone, Copy, Debug)]
pub struct DeliveryCountry {
    /// The country chosen (France until the shopper chooses).
    pub chosen: CountryCode,
    served: StoredValue<DeliveryCountries>,
}

impl DeliveryCountry {
    /// Sets up the delivery country for the page, from the request's cookie.
    pub fn provide() -> Self {
        let (chosen, served) = initial();
        let this = DeliveryCountry { chosen, served: StoredValue::new(served) };
        provide_context(this);
        this
    }

    /// The page's delivery country, set up by [`DeliveryCountry::provide`].
    pub fn expect() -> Self {
        expect_context()
    }

    /// Whether pieces may be bought online for the chosen country.
    pub fn is_served(&self) -> bool {
        self.served.with_value(|list| list.allows(self.chosen))
    }
}

/// The country from the request's cookie (or France), and the deployment's delivery list.
fn initial() -> (CountryCode, DeliveryCountries) {
    #[cfg(feature = "ssr")]
    {
        let served = use_context::<crate::config::SiteConfig>()
            .map(|site| site.delivery_countries)
            .unwrap_or_else(DeliveryCountries::house_default);
        let chosen = use_context::<http::request::Parts>()
            .and_then(|parts| from_cookie_header(&parts.headers))
            .unwrap_or(CountryCode::FRANCE);
        (chosen, served)
    }
    // A client-only build has no server render to agree with.
    #[cfg(not(feature = "ssr"))]
    (CountryCode::FRANCE, DeliveryCountries::house_default())
}

/// The delivery country remembered in a request's cookies, if it is a readable one.
#[cfg(feature = "ssr")]
pub fn from_cookie_header(headers: &http::HeaderMap) -> Option<CountryCode> {
    super::request_cookie(headers, COOKIE).and_then(|value| CountryCode::parse_known(&value).ok())
}

/// The `Set-Cookie` value remembering a country for a year.
#[cfg(feature = "ssr")]
pub fn set_cookie(country: CountryCode, secure: bool) -> String {
    super::preference_cookie(COOKIE, country.as_str().to_owned(), secure)
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn the_cookie_is_read_among_others() {
        let mut headers = http::HeaderMap::new();
        headers.insert(http::header::COOKIE, "a=1; vitrine_country=us; b=2".parse().unwrap());
        assert_eq!(from_cookie_header(&headers), CountryCode::parse("US").ok());
    }

    #[test]
    fn a_bad_cookie_is_no_choice() {
        for value in ["vitrine_country=ZZ", "vitrine_country=", "vitrine_country=<script>", "other=FR"] {
            let mut headers = http::HeaderMap::new();
            headers.insert(http::header::COOKIE, value.parse().unwrap());
            assert_eq!(from_cookie_header(&headers), None, "{value}");
        }
    }

    #[test]
    fn the_cookie_lasts_a_year_site_wide() {
        let set = set_cookie(CountryCode::FRANCE, true);
        assert!(set.starts_with("vitrine_country=FR"), "{set}");
        for part in ["Path=/", "Max-Age=31536000", "SameSite=Lax", "Secure"] {
            assert!(set.contains(part), "{set}");
        }
    }
}

//! Settings the app reads on the server, provided as context by `server`.

use crate::domain::{account::Email, country::DeliveryCountries};

/// What the pages need to know about this deployment.
#[derive(Clone, Debug)]
pub struct SiteConfig {
    /// The public origin, without a trailing slash, for canonical URLs.
    pub public_url: String,
    /// Where pieces may be bought online for delivery.
    pub delivery_countries: DeliveryCountries,
    /// Client service's address: shown beside the contact form, and where
    /// contact messages are forwarded.
    pub service_email: Email,
}

impl SiteConfig {
    /// Whether the site is served over HTTPS (its cookies are then
    /// `Secure`, the session's `__Host-` prefixed, and HSTS is sent).
    pub fn is_https(&self) -> bool {
        self.public_url.starts_with("https://")
    }

    /// The absolute URL of a path on this site.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.public_url, path)
    }
}

/// The address of the client a request came from, as the server worked it
/// out (the peer, or the proxy's `X-Forwarded-For` when configured to trust
/// it). Rate limits count attempts per client by it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientIp(pub std::net::IpAddr);

/// How checkout treats payments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PaymentSettings {
    /// How long an unpaid order keeps its pieces, in minutes; `VITRINE_PAYMENT_MINUTES`.
    pub minutes: i64,
    /// What unpaid orders may hold at once; `None` only where
    /// `VITRINE_HOLD_LIMITS=false` switched them off (the order benchmark,
    /// whose crowd of buyers shares one address).
    pub hold_limits: Option<crate::domain::hold::HoldLimits>,
}

impl Default for PaymentSettings {
    fn default() -> Self {
        PaymentSettings {
            minutes: crate::domain::checkout::DEFAULT_PAYMENT_MINUTES,
            hold_limits: Some(crate::domain::hold::HOLD_LIMITS),
        }
    }
}

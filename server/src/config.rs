//! Configuration from the environment (and a `.env` file, if present).

use app::domain::{account::Email, country::DeliveryCountries};
use std::net::SocketAddr;

/// Everything the server reads at start.
#[derive(Clone, Debug)]
pub struct Config {
    /// `sqlite://…` (the default, a file under `data/`) or `postgres://…`.
    pub database_url: String,
    /// Where to listen; `LEPTOS_SITE_ADDR`, as cargo-leptos sets it.
    pub addr: SocketAddr,
    /// The public origin for canonical URLs; `VITRINE_PUBLIC_URL`, else
    /// `http://` and the address listened on.
    pub public_url: Option<String>,
    /// `VITRINE_DELIVERY_COUNTRIES`, e.g. `FR,BE,LU`.
    pub delivery_countries: DeliveryCountries,
    /// Origins allowed to call the server functions from a browser
    /// (the Trunk client-only build); `VITRINE_CORS_ORIGINS`, comma-separated.
    pub cors_origins: Vec<String>,
    /// Whether to fill an empty catalogue with the demo house; `VITRINE_SEED_DEMO`.
    pub seed_demo: bool,
    /// Where the outbox worker sends email, e.g. `smtp://user:pass@mail.example.com:587?tls=required`;
    /// `VITRINE_SMTP_URL`. Without it emails wait in the outbox.
    pub smtp_url: Option<String>,
    /// The sender of every email; `VITRINE_MAIL_FROM`.
    pub mail_from: String,
    /// Client service's address, where contact messages are forwarded;
    /// `VITRINE_SERVICE_EMAIL`.
    pub service_email: Email,
    /// Whether `/dev/mailbox` lists the outbox; `VITRINE_DEV_MAILBOX`, off by default.
    pub dev_mailbox: bool,
    /// Whether a reverse proxy in front sets `X-Forwarded-For` (its last
    /// entry is then the client, for rate limits); `VITRINE_TRUST_FORWARDED_FOR`,
    /// off by default: without a proxy, clients could write it themselves.
    pub trust_forwarded_for: bool,
    /// How long an unpaid order keeps its pieces; `VITRINE_PAYMENT_MINUTES`, 15 by default.
    pub payment_minutes: i64,
    /// Whether unpaid orders are limited per client, per email address and
    /// per piece (`app/src/domain/hold.rs`); `VITRINE_HOLD_LIMITS`, on by
    /// default. Only the order benchmark turns them off: its 64 buyers share
    /// one address. Production refuses to start without them.
    pub hold_limits: bool,
    /// How long emails are kept after they are written, sent or not, in
    /// days; `VITRINE_EMAIL_RETENTION_DAYS`, 30 by default. A sent email
    /// keeps no secret of its links even then (`log_redaction::kept_bodies`).
    pub email_retention_days: i64,
    /// The secret the shop's keys (signed order links, the sandbox's callback
    /// signatures) are derived from; `VITRINE_SECRET_KEY`. Without it, keys
    /// are generated on first start and kept in the database.
    pub secret_key: Option<String>,
    /// Whether catalogue pages rendered for visitors who are not signed in
    /// are kept and sent again until the catalogue changes
    /// (`server/src/page_cache.rs`); `VITRINE_PAGE_CACHE`, on by default.
    pub page_cache: bool,
    /// Where return photos are kept (`VITRINE_PHOTO_STORE`): a directory
    /// (default `data/photos`), a `file://` URL, or `s3://bucket/prefix`
    /// with the `AWS_*` variables (`AWS_ENDPOINT` for an S3-compatible service).
    pub photo_store: app::photos::PhotoStore,
}

/// How long emails are kept when `VITRINE_EMAIL_RETENTION_DAYS` is not set.
pub const DEFAULT_EMAIL_RETENTION_DAYS: i64 = 30;

/// The sender used when `VITRINE_MAIL_FROM` is not set.
pub const DEFAULT_MAIL_FROM: &str = "Maison Aurèle <client-service@maison-aurele.example>";

/// Client service's address when `VITRINE_SERVICE_EMAIL` is not set.
pub const DEFAULT_SERVICE_EMAIL: &str = "client-service@maison-aurele.example";

/// A setting that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("configuration: {0}")]
pub struct ConfigError(pub String);

/// Where the server runs: `VITRINE_ENV`, `development` by default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Environment {
    Development,
    Production,
}

impl Environment {
    pub fn parse(raw: Option<&str>) -> Result<Environment, ConfigError> {
        match raw.map(str::trim) {
            None | Some("development") => Ok(Environment::Development),
            Some("production") => Ok(Environment::Production),
            Some(other) => Err(ConfigError(format!("VITRINE_ENV must be development or production, not {other:?}"))),
        }
    }
}

/// Why a production server must not start with this configuration (issue
/// 17): anything here would take no real money or show customers' emails.
pub fn production_refusals(dev_mailbox: bool, hold_limits: bool) -> Vec<&'static str> {
    // The only gateway this build has: its pay page approves test cards.
    let mut refused = vec!["payments go to the sandbox gateway, which takes no real money"];
    if dev_mailbox {
        refused.push("VITRINE_DEV_MAILBOX=true shows every email the shop writes to whoever opens /dev/mailbox");
    }
    if !hold_limits {
        refused.push("VITRINE_HOLD_LIMITS=false lets anyone keep the catalogue sold out with unpaid orders");
    }
    refused
}

/// The database used when `DATABASE_URL` is not set: a file under `data/`.
/// Return photos, beside the embedded database.
pub const DEFAULT_PHOTO_STORE: &str = "data/photos";

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/vitrine.db";

impl Config {
    /// The public origin, without a trailing slash.
    pub fn public_url(&self) -> String {
        self.public_url.clone().unwrap_or_else(|| format!("http://{}", self.addr))
    }

    /// Reads the configuration; `site_addr` is the address Leptos was configured with.
    pub fn from_env(site_addr: SocketAddr) -> Result<Self, ConfigError> {
        // A missing .env is normal; a malformed one is worth a warning.
        if let Err(error) = dotenvy::dotenv() {
            if !error.not_found() {
                eprintln!("warning: .env could not be read: {error}");
            }
        }
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let addr = match var("LEPTOS_SITE_ADDR") {
            Some(raw) => raw.parse().map_err(|_| ConfigError(format!("LEPTOS_SITE_ADDR {raw:?} is not host:port")))?,
            None => site_addr,
        };
        let delivery_countries = match var("VITRINE_DELIVERY_COUNTRIES") {
            Some(raw) => DeliveryCountries::parse_list(&raw)
                .map_err(|e| ConfigError(format!("VITRINE_DELIVERY_COUNTRIES: {e}")))?,
            None => DeliveryCountries::house_default(),
        };
        let flag = |name: &str, default: bool| match var(name).as_deref() {
            None => Ok(default),
            Some("1" | "true" | "yes") => Ok(true),
            Some("0" | "false" | "no") => Ok(false),
            Some(other) => Err(ConfigError(format!("{name} must be true or false, not {other:?}"))),
        };
        let seed_demo = flag("VITRINE_SEED_DEMO", true)?;
        let dev_mailbox = flag("VITRINE_DEV_MAILBOX", false)?;
        let hold_limits = flag("VITRINE_HOLD_LIMITS", true)?;
        if Environment::parse(var("VITRINE_ENV").as_deref())? == Environment::Production {
            let refused = production_refusals(dev_mailbox, hold_limits);
            if !refused.is_empty() {
                return Err(ConfigError(format!("VITRINE_ENV=production refuses to start: {}", refused.join("; "))));
            }
        }
        let trust_forwarded_for = flag("VITRINE_TRUST_FORWARDED_FOR", false)?;
        let page_cache = flag("VITRINE_PAGE_CACHE", true)?;
        let payment_minutes = match var("VITRINE_PAYMENT_MINUTES") {
            None => app::domain::checkout::DEFAULT_PAYMENT_MINUTES,
            Some(raw) => raw.trim().parse::<i64>().ok().filter(|m| (1..=24 * 60).contains(m)).ok_or_else(|| {
                ConfigError(format!("VITRINE_PAYMENT_MINUTES must be 1 to 1440 minutes, not {raw:?}"))
            })?,
        };
        let email_retention_days = match var("VITRINE_EMAIL_RETENTION_DAYS") {
            None => DEFAULT_EMAIL_RETENTION_DAYS,
            Some(raw) => raw.trim().parse::<i64>().ok().filter(|d| (1..=3650).contains(d)).ok_or_else(|| {
                ConfigError(format!("VITRINE_EMAIL_RETENTION_DAYS must be 1 to 3650 days, not {raw:?}"))
            })?,
        };
        let service_email = var("VITRINE_SERVICE_EMAIL").unwrap_or_else(|| DEFAULT_SERVICE_EMAIL.to_owned());
        let service_email = Email::parse(&service_email)
            .map_err(|_| ConfigError(format!("VITRINE_SERVICE_EMAIL {service_email:?} is not an email address")))?;
        let secret_key = var("VITRINE_SECRET_KEY");
        if secret_key.as_ref().is_some_and(|k| k.len() < 32) {
            return Err(ConfigError("VITRINE_SECRET_KEY must be at least 32 characters".into()));
        }
        let photo_store = var("VITRINE_PHOTO_STORE").unwrap_or_else(|| DEFAULT_PHOTO_STORE.to_owned());
        let photo_store = app::photos::PhotoStore::open(&photo_store)
            .map_err(|e| ConfigError(format!("VITRINE_PHOTO_STORE: {e}")))?;
        Ok(Config {
            photo_store,
            database_url: var("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned()),
            public_url: var("VITRINE_PUBLIC_URL").map(|url| url.trim_end_matches('/').to_owned()),
            addr,
            delivery_countries,
            cors_origins: var("VITRINE_CORS_ORIGINS")
                .map(|raw| raw.split(',').map(|o| o.trim().to_owned()).filter(|o| !o.is_empty()).collect())
                .unwrap_or_default(),
            seed_demo,
            smtp_url: var("VITRINE_SMTP_URL"),
            mail_from: var("VITRINE_MAIL_FROM").unwrap_or_else(|| DEFAULT_MAIL_FROM.to_owned()),
            service_email,
            dev_mailbox,
            trust_forwarded_for,
            payment_minutes,
            hold_limits,
            email_retention_days,
            secret_key,
            page_cache,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn production_refuses_the_sandbox_and_the_dev_mailbox() {
        assert_eq!(Environment::parse(None).unwrap(), Environment::Development);
        assert_eq!(Environment::parse(Some("production")).unwrap(), Environment::Production);
        assert!(Environment::parse(Some("prod")).is_err());
        assert_eq!(production_refusals(false, true).len(), 1, "the sandbox gateway");
        assert!(production_refusals(true, true).iter().any(|r| r.contains("VITRINE_DEV_MAILBOX")));
        assert!(production_refusals(false, false).iter().any(|r| r.contains("VITRINE_HOLD_LIMITS")));
    }
}

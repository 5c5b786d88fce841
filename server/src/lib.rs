//! Vitrine's web server: configuration, database, HTTP layers and the Leptos
//! route handler. `main.rs` runs it; integration tests start it in-process
//! on a random port.

pub mod catalogue_watch;
pub mod config;
pub mod db;
pub mod mailer;
pub mod seed;
pub mod telemetry;

mod audit_export;
mod body_limit;
mod client_ip;
mod dev_mailbox;
mod health;
mod language;
mod layers;
mod log_redaction;
mod one_click;
pub mod page_body;
mod page_cache;
mod payment_callback;
mod piece_pictures;
mod return_photos;
mod same_origin;
mod sandbox_gateway;
mod sitemap;
mod staff_link;
mod static_files;
pub mod workers;

use app::{
    config::{PaymentSettings, SiteConfig},
    payments::{keys::ShopKeys, sandbox},
    shell,
    store::Db,
    App,
};
use axum::{routing::get, Router};
use config::Config;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Config(#[from] config::ConfigError),
    #[error(transparent)]
    Db(#[from] db::DbError),
    #[error(transparent)]
    Seed(#[from] seed::SeedError),
    #[error("could not listen on {0}: {1}")]
    Bind(std::net::SocketAddr, std::io::Error),
}

/// Opens the database, migrates it and seeds the demo house when asked.
pub async fn prepare_database(config: &Config) -> Result<Db, StartError> {
    let db = db::connect_and_migrate(&config.database_url).await?;
    if config.seed_demo {
        let added = seed::seed_demo_if_empty(&db).await?;
        if added > 0 {
            tracing::info!(products = added, "seeded the demo catalogue");
        }
        // Apart from the catalogue: a database made before the locator gets its shops too.
        let shops = seed::shops::seed_if_empty(&db).await?;
        if shops > 0 {
            tracing::info!(shops, "seeded the demo boutiques and retailers");
        }
    }
    Ok(db)
}

fn site_config(config: &Config) -> SiteConfig {
    SiteConfig {
        public_url: config.public_url(),
        delivery_countries: config.delivery_countries.clone(),
        service_email: config.service_email.clone(),
    }
}

/// Starts this process's background workers (unpaid orders' expiry, the
/// sandbox gateway's callbacks); call once the listening address is known.
pub fn start_workers(config: &Config, db: &Db) {
    let callback_url = std::env::var("VITRINE_SANDBOX_CALLBACK_URL").unwrap_or_else(|_| {
        // The sandbox reaches this very process, over loopback.
        let mut addr = config.addr;
        if addr.ip().is_unspecified() {
            addr.set_ip(std::net::Ipv4Addr::LOCALHOST.into());
        }
        format!("http://{addr}{}", sandbox::CALLBACK_PATH)
    });
    let retention = workers::Retention { email_days: config.email_retention_days };
    workers::spawn(db.clone(), site_config(config), ShopKeys::new(config.secret_key.clone()), callback_url, retention);
}

/// The app's routes, worked out once per process. Leptos marks the whole
/// process "suppress resource loads" while it walks the routes
/// (`leptos_server`'s `IS_SUPPRESSING_RESOURCE_LOAD`, leptos-rs/leptos#4773),
/// and a page render whose resource starts during that walk waits for ever.
/// One walk, before anything renders, leaves no such window: that matters
/// where one process builds several routers (the integration tests do).
fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// The whole application: pages, server functions, static files, health.
pub fn router(config: &Config, leptos_options: LeptosOptions, db: Db) -> Router {
    let site = site_config(config);
    let keys = ShopKeys::new(config.secret_key.clone());
    let payments = PaymentSettings {
        minutes: config.payment_minutes,
        hold_limits: config.hold_limits.then_some(app::domain::hold::HOLD_LIMITS),
    };
    let catalogue = catalogue_watch::CatalogueWatch::start(db.clone(), config.delivery_countries.clone());
    let photos = config.photo_store.clone();
    let context = {
        let (db, site, keys, catalogue, photos) =
            (db.clone(), site.clone(), keys.clone(), catalogue.clone(), photos.clone());
        move || {
            provide_context(db.clone());
            provide_context(photos.clone());
            provide_context(site.clone());
            provide_context(keys.clone());
            provide_context(payments);
            // The footer's delivery line (none until the first read, within a POLL of starting).
            if let Some(terms) = catalogue.terms() {
                provide_context(terms);
            }
        }
    };
    let listed = route_list();
    let routes = language::per_language(listed.clone());
    let mut app = Router::new();
    // Addresses without a language go on to the visitor's.
    for path in language::unprefixed(&listed) {
        app = app.route(&path, get(language::send_on));
    }
    for locale in app::i18n::Locale::ALL {
        app = app.route(&format!("/{}/", locale.tag()), get(language::send_on));
    }
    if config.dev_mailbox {
        tracing::warn!("the development mailbox is on at /dev/mailbox: it shows every email the shop writes");
        app = app.route("/dev/mailbox", get(dev_mailbox::mailbox));
    }
    let app = app
        .route("/healthz", get(health::healthz))
        .route("/sitemap.xml", get(sitemap::sitemap))
        .route("/robots.txt", get(sitemap::robots))
        .route("/newsletter/one-click", get(one_click::get).post(one_click::post))
        .route("/returns/photos/{id}", get(return_photos::serve))
        .route("/media/pictures/{name}", get(piece_pictures::serve))
        .route("/staff/audit.csv", get(audit_export::export))
        .route("/sandbox-gateway/pay/{id}", get(sandbox_gateway::show).post(sandbox_gateway::pay))
        .route(sandbox::CALLBACK_PATH, axum::routing::post(payment_callback::receive))
        .leptos_routes_with_context(&leptos_options, routes, context.clone(), {
            let options = leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback_service({
            let not_found = Router::new()
                .fallback(leptos_axum::file_and_error_handler_with_context::<LeptosOptions, _>(context, shell))
                .with_state(leptos_options.clone());
            static_files::service(&leptos_options.site_root, leptos_options.hash_files, not_found)
        })
        .layer(axum::middleware::from_fn({
            let db = db.clone();
            let secure = config.public_url().starts_with("https://");
            move |request, next| staff_link::mark(db.clone(), secure, request, next)
        }))
        .layer(axum::Extension(db))
        .layer(axum::Extension(site))
        .layer(axum::Extension(keys))
        .layer(axum::Extension(photos))
        .layer(axum::middleware::from_fn(return_photos::require_boundary))
        .layer(axum::middleware::from_fn(body_limit::bounded))
        .layer(axum::middleware::from_fn({
            let mut origins = config.cors_origins.clone();
            origins.push(config.public_url());
            let allowed = same_origin::Allowed(std::sync::Arc::new(origins));
            move |request, next| same_origin::guard(allowed.clone(), request, next)
        }))
        .layer(axum::middleware::from_fn({
            let trust = config.trust_forwarded_for;
            move |request, next| client_ip::record(trust, request, next)
        }))
        .with_state(leptos_options);
    let pages = config.page_cache.then(|| page_cache::PageCache::start(&catalogue));
    layers::apply(app, config, pages)
}

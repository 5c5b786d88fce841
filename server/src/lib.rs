//! Vitrine's web server: configuration, database, HTTP layers and the Leptos
//! route handler. `main.rs` runs it; integration tests start it in-process
//! on a random port.

pub mod config;
pub mod db;
pub mod mailer;
pub mod seed;
pub mod telemetry;

mod client_ip;
mod dev_mailbox;
mod health;
mod layers;
mod one_click;
mod same_origin;
mod sitemap;

use app::{config::SiteConfig, shell, store::Db, App};
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
    }
    Ok(db)
}

/// The whole application: pages, server functions, static files, health.
pub fn router(config: &Config, leptos_options: LeptosOptions, db: Db) -> Router {
    let site = SiteConfig { public_url: config.public_url(), delivery_countries: config.delivery_countries.clone() };
    let context = {
        let (db, site) = (db.clone(), site.clone());
        move || {
            provide_context(db.clone());
            provide_context(site.clone());
        }
    };
    let routes = generate_route_list(App);
    let mut app = Router::new();
    if config.dev_mailbox {
        tracing::warn!("the development mailbox is on at /dev/mailbox: it shows every email the shop writes");
        app = app.route("/dev/mailbox", get(dev_mailbox::mailbox));
    }
    let app = app
        .route("/healthz", get(health::healthz))
        .route("/sitemap.xml", get(sitemap::sitemap))
        .route("/newsletter/one-click", get(one_click::get).post(one_click::post))
        .leptos_routes_with_context(&leptos_options, routes, context.clone(), {
            let options = leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<LeptosOptions, _>(context, shell))
        .layer(axum::Extension(db))
        .layer(axum::Extension(site))
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
    layers::apply(app, config)
}

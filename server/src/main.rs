//! Starts Vitrine: `cargo leptos watch` in development, the binary in production.

use leptos::config::get_configuration;
use server::{config::Config, prepare_database, router, telemetry, StartError};
use std::process::ExitCode;
use tokio::net::TcpListener;

#[tokio::main]
async fn main() -> ExitCode {
    telemetry::init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("staff") {
        return staff_command(&args[1..]).await;
    }
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(%error, "Vitrine could not start");
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Starts this process's outbox worker, if SMTP is configured. Every
/// replica may run one: the outbox's claims keep an email from going twice.
fn start_mailer(config: &Config, db: &app::store::Db) -> Result<(), StartError> {
    let Some(url) = &config.smtp_url else {
        tracing::warn!("VITRINE_SMTP_URL is not set: emails are kept in the outbox, not sent");
        return Ok(());
    };
    let worker = format!("worker-{}", uuid::Uuid::new_v4().simple());
    let mailer =
        server::mailer::Mailer::new(url, &config.mail_from, worker).map_err(|e| config::ConfigError(e.to_string()))?;
    mailer.spawn(db.clone());
    Ok(())
}

async fn run() -> Result<(), StartError> {
    // LEPTOS_* variables (set by cargo-leptos, which also bakes the output
    // name into the binary) say where the site's files are.
    let leptos = get_configuration(None).map_err(|e| config::ConfigError(format!("Leptos settings: {e}")))?;
    let mut options = leptos.leptos_options;
    let mut config = Config::from_env(options.site_addr)?;
    let db = prepare_database(&config).await?;
    start_mailer(&config, &db)?;
    let listener = TcpListener::bind(config.addr).await.map_err(|e| StartError::Bind(config.addr, e))?;
    // Port 0 asks for any free port: from here on, the one we got.
    if let Ok(actual) = listener.local_addr() {
        config.addr = actual;
    }
    options.site_addr = config.addr;
    server::start_workers(&config, &db);
    let app = router(&config, options, db);
    tracing::info!("Vitrine is serving Maison Aurèle on http://{}", config.addr);
    // Scripts read this line to learn the address.
    println!("Vitrine is serving Maison Aurèle on http://{}", config.addr);
    // The peer's address is kept for the rate limits (see client_ip.rs).
    axum::serve(listener, app.into_make_service_with_connect_info::<std::net::SocketAddr>())
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(|e| StartError::Bind(config.addr, e))?;
    tracing::info!("Vitrine stopped");
    Ok(())
}

use server::config;

/// `server staff add|remove EMAIL`: gives or takes away the staff role of a
/// registered account. Staff accounts are made this way, by someone with
/// access to the server and its database, never by a default password.
/// `server staff reset-second-factor EMAIL`: a lost phone — forgets the
/// authenticator and recovery codes and ends the account's sessions, so
/// the member of staff enrols again at their next sign-in.
async fn staff_command(args: &[String]) -> ExitCode {
    const USAGE: &str =
        "usage: server staff add|remove|reset-second-factor EMAIL (the account must be registered first)";
    if let [verb, email] = args {
        if verb == "reset-second-factor" {
            return reset_second_factor(email, USAGE).await;
        }
    }
    let (grant, email) = match args {
        [verb, email] if verb == "add" => (true, email),
        [verb, email] if verb == "remove" => (false, email),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let Ok(email) = app::domain::account::Email::parse(email) else {
        eprintln!("{email:?} is not an email address\n{USAGE}");
        return ExitCode::from(2);
    };
    let addr = std::net::SocketAddr::from(([127, 0, 0, 1], 0));
    let outcome = async {
        let config = Config::from_env(addr)?;
        let db = server::db::connect_and_migrate(&config.database_url).await?;
        let changed = app::store::customers::set_staff(&db, &email, grant).await.map_err(server::db::DbError::from)?;
        Ok::<_, StartError>(changed)
    }
    .await;
    match outcome {
        Ok(true) => {
            let what = if grant { "now has" } else { "no longer has" };
            println!("{} {what} the staff role.", email.as_str());
            ExitCode::SUCCESS
        }
        Ok(false) => {
            eprintln!("No account is registered with {}: register it on the site first.", email.as_str());
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn reset_second_factor(email: &str, usage: &str) -> ExitCode {
    let Ok(email) = app::domain::account::Email::parse(email) else {
        eprintln!("{email:?} is not an email address\n{usage}");
        return ExitCode::from(2);
    };
    let addr = std::net::SocketAddr::from(([127, 0, 0, 1], 0));
    let outcome = async {
        let config = Config::from_env(addr)?;
        let db = server::db::connect_and_migrate(&config.database_url).await?;
        let found = app::store::customers::credentials(&db, &email).await.map_err(server::db::DbError::from)?;
        let Some((id, _)) = found else { return Ok::<_, StartError>(None) };
        let mut tx = db.begin_write().await.map_err(server::db::DbError::from)?;
        let had = app::store::second_factors::reset(&mut tx, id).await.map_err(server::db::DbError::from)?;
        app::store::sessions::end_all_for(&mut tx, id, None).await.map_err(server::db::DbError::from)?;
        tx.commit().await.map_err(server::db::DbError::from)?;
        Ok(Some(had))
    }
    .await;
    match outcome {
        Ok(Some(had)) => {
            let what = if had { "The authenticator of" } else { "No authenticator was enrolled for" };
            println!(
                "{what} {} is forgotten and its sessions ended: it enrols again at the next sign-in.",
                email.as_str()
            );
            ExitCode::SUCCESS
        }
        Ok(None) => {
            eprintln!("No account is registered with {}.", email.as_str());
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Resolves on Ctrl-C or SIGTERM, so in-flight requests finish before exit.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}

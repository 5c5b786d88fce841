//! Opening the database, migrating it, and seeding the demo catalogue.

use app::store::{Backend, Db};
use sqlx::any::AnyPoolOptions;
use std::{str::FromStr, time::Duration};

/// Why the database could not be made ready.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("DATABASE_URL must start with sqlite: or postgres:, not {0:?}")]
    UnsupportedUrl(String),
    #[error("could not create the database folder {0}: {1}")]
    Folder(String, std::io::Error),
    #[error("database: {0}")]
    Sqlx(#[from] sqlx::Error),
    #[error("migrations: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

/// Connects, creating the SQLite file (and its folder) when needed, and
/// brings the schema up to date.
pub async fn connect_and_migrate(url: &str) -> Result<Db, DbError> {
    sqlx::any::install_default_drivers();
    let (backend, url) = if url.starts_with("sqlite:") {
        (Backend::Sqlite, prepare_sqlite(url)?)
    } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
        (Backend::Postgres, url.to_owned())
    } else {
        return Err(DbError::UnsupportedUrl(url.chars().take(20).collect()));
    };
    let options = AnyPoolOptions::new().acquire_timeout(Duration::from_secs(5));
    let pool = match backend {
        // SQLite allows one writer; a small pool avoids needless lock waits.
        // Its settings belong to each connection, not to the file: set them
        // on every new one (WAL lets readers go on while one request writes;
        // foreign keys are off by default; a writer waits its turn instead
        // of failing at once).
        Backend::Sqlite => options.max_connections(4).after_connect(|conn, _| {
            Box::pin(async move {
                for pragma in ["PRAGMA journal_mode = WAL", "PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 5000"] {
                    sqlx::query(pragma).execute(&mut *conn).await?;
                }
                Ok(())
            })
        }),
        Backend::Postgres => options.max_connections(16),
    }
    .connect(&url)
    .await?;
    let db = Db { pool, backend };
    match backend {
        Backend::Sqlite => sqlx::migrate!("./migrations/sqlite").run(&db.pool).await?,
        Backend::Postgres => sqlx::migrate!("./migrations/postgres").run(&db.pool).await?,
    }
    Ok(db)
}

/// Makes sure the folder of a SQLite file exists and the file is created on first use.
fn prepare_sqlite(url: &str) -> Result<String, DbError> {
    let path = url.trim_start_matches("sqlite:").trim_start_matches("//");
    let file = path.split('?').next().unwrap_or_default();
    if file != ":memory:" && !file.is_empty() {
        if let Some(parent) = std::path::Path::new(file).parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| DbError::Folder(parent.display().to_string(), e))?;
        }
    }
    // Validate with the SQLite driver's own parser before handing it to `Any`.
    sqlx::sqlite::SqliteConnectOptions::from_str(url)?;
    Ok(if url.contains("mode=") {
        url.to_owned()
    } else if url.contains('?') {
        format!("{url}&mode=rwc")
    } else {
        format!("{url}?mode=rwc")
    })
}

/// Whether the database answers: the health check.
pub async fn ping(db: &Db) -> Result<(), sqlx::Error> {
    sqlx::query("SELECT 1").execute(&db.pool).await.map(|_| ())
}

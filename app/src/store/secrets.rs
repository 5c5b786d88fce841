//! Secrets the shop generates for itself, shared by every replica.

use super::{unix_now, Db};

/// The secret called `name`, created with `generate` if there is none yet.
/// Two replicas starting together agree: the first insert wins, both read it.
pub async fn get_or_create(db: &Db, name: &str, generate: impl FnOnce() -> String) -> Result<String, sqlx::Error> {
    sqlx::query("INSERT INTO shop_secrets (name, value, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING")
        .bind(name)
        .bind(generate())
        .bind(unix_now())
        .execute(&db.pool)
        .await?;
    sqlx::query_scalar("SELECT value FROM shop_secrets WHERE name = $1").bind(name).fetch_one(&db.pool).await
}

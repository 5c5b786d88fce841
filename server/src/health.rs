//! `/healthz`: is this replica able to serve? It checks the database.

use app::store::Db;
use axum::{http::StatusCode, response::IntoResponse, Extension, Json};
use serde::Serialize;

#[derive(Serialize)]
struct Health {
    status: &'static str,
    database: &'static str,
}

/// 200 when the database answers, 503 otherwise (so a load balancer stops sending traffic).
pub async fn healthz(Extension(db): Extension<Db>) -> impl IntoResponse {
    match crate::db::ping(&db).await {
        Ok(()) => (StatusCode::OK, Json(Health { status: "ok", database: "ok" })),
        Err(error) => {
            tracing::error!(%error, "health check: the database does not answer");
            (StatusCode::SERVICE_UNAVAILABLE, Json(Health { status: "unavailable", database: "unreachable" }))
        }
    }
}

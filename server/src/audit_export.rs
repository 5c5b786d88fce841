//! `/staff/audit.csv`: the audit log as CSV, with the audit page's filters
//! (`staff`, `kind`, `from`, `to`), every matching entry, oldest first, for
//! a spreadsheet or an auditor. For staff past the second factor only (401
//! signed out, 403 anyone else); never cached. The quoting is the `csv`
//! crate's, and a cell that a spreadsheet would run as a formula is
//! defused (`domain::audit::csv_cell`).

use app::domain::{audit::csv_cell, locale::Locale};
use app::store::{audit, customers, unix_now, Db};
use axum::{
    extract::Query,
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    Extension,
};
use serde::Deserialize;

/// The most entries one export holds.
const EXPORT_LIMIT: i64 = 200_000;

#[derive(Deserialize)]
pub struct Filters {
    staff: Option<String>,
    kind: Option<String>,
    from: Option<String>,
    to: Option<String>,
}

pub async fn export(
    Extension(db): Extension<Db>,
    Extension(site): Extension<app::config::SiteConfig>,
    headers: HeaderMap,
    Query(filters): Query<Filters>,
) -> Response {
    // The answers are for staff's tools, in English like the log itself.
    let t = Locale::En;
    let private = [(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"))];
    let session = match app::api::session::token_from_headers(&headers, site.is_https()) {
        Some(token) => customers::by_session(&db, &token.digest(), unix_now()).await,
        None => Ok(None),
    };
    match session {
        Ok(Some(session)) if session.customer.is_staff => {}
        Ok(Some(_)) => return (StatusCode::FORBIDDEN, private, t.account_staff_only()).into_response(),
        Ok(None) => return (StatusCode::UNAUTHORIZED, private, t.account_sign_in_required()).into_response(),
        Err(error) => {
            tracing::error!(%error, "the session could not be read");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    }
    let filter = match app::domain::audit::AuditFilter::parse(
        filters.staff.as_deref(),
        filters.kind.as_deref(),
        filters.from.as_deref(),
        filters.to.as_deref(),
    ) {
        Ok(filter) => filter,
        Err(problem) => return (StatusCode::BAD_REQUEST, private, t.audit_filter_problem(problem)).into_response(),
    };
    let mut rows = match audit::search(&db, &filter, app::api::staff_audit::bounds(&filter), EXPORT_LIMIT + 1).await {
        Ok(rows) => rows,
        Err(error) => {
            tracing::error!(%error, "the audit log could not be read");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    // Every matching entry or none: never a file that silently lacks the oldest.
    if rows.len() > usize::try_from(EXPORT_LIMIT).unwrap_or(usize::MAX) {
        return (StatusCode::BAD_REQUEST, private, t.audit_export_too_many()).into_response();
    }
    rows.reverse();
    match to_csv(&rows) {
        Ok(body) => {
            let name =
                format!("attachment; filename=\"vitrine-audit-{}.csv\"", jiff::Timestamp::now().strftime("%Y-%m-%d"));
            (
                [
                    (header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8")),
                    (header::CACHE_CONTROL, HeaderValue::from_static("private, no-store")),
                    (
                        header::CONTENT_DISPOSITION,
                        HeaderValue::from_str(&name).unwrap_or(HeaderValue::from_static("attachment")),
                    ),
                ],
                body,
            )
                .into_response()
        }
        Err(error) => {
            tracing::error!(%error, "the audit log could not be written as CSV");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// The rows as CSV, with a header line; times in UTC (ISO 8601).
fn to_csv(rows: &[audit::AuditRow]) -> Result<Vec<u8>, csv::Error> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(["at_utc", "staff", "kind", "action", "order", "before", "after", "detail"])?;
    for r in rows {
        let at = jiff::Timestamp::from_second(r.at).map(|t| t.to_string()).unwrap_or_default();
        out.write_record([
            at,
            csv_cell(&r.staff_email),
            r.action.kind().as_str().to_owned(),
            r.action.as_str().to_owned(),
            r.reference.clone().unwrap_or_default(),
            csv_cell(&r.before),
            csv_cell(&r.after),
            csv_cell(&r.detail),
        ])?;
    }
    out.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

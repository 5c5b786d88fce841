//! The audit log page (PRODUCT.md §9, issue 16 part 4): every staff action,
//! filtered by member of staff, kind and dates, newest first. The CSV
//! export of the same filters is `server/src/audit_export.rs`.

use crate::domain::audit::AuditAction;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// How many entries the page shows at most (the export has them all).
pub const PAGE_LIMIT: usize = 500;

/// An entry as the page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntryView {
    /// When, in Paris.
    pub at: String,
    pub staff: String,
    pub action: AuditAction,
    pub reference: Option<String>,
    pub before: String,
    pub after: String,
    pub detail: String,
}

/// The page: the entries, and whether there were more than it shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPageView {
    pub entries: Vec<AuditEntryView>,
    pub more: bool,
}

/// The entries the filters ask for (each optional; 400 for one that cannot be read).
#[server(endpoint = "staff/audit")]
pub async fn staff_audit(
    staff: Option<String>,
    kind: Option<String>,
    from: Option<String>,
    to: Option<String>,
) -> Result<AuditPageView, AppError> {
    use crate::store::{audit, unix_now};
    let (db, site) = super::context()?;
    super::session::require_staff(&db, &site, unix_now()).await?;
    let filter = read_filter(staff.as_deref(), kind.as_deref(), from.as_deref(), to.as_deref())?;
    let limit = i64::try_from(PAGE_LIMIT + 1).unwrap_or(i64::MAX);
    let mut rows = audit::search(&db, &filter, bounds(&filter), limit).await?;
    let more = rows.len() > PAGE_LIMIT;
    rows.truncate(PAGE_LIMIT);
    Ok(AuditPageView {
        entries: rows
            .into_iter()
            .map(|r| AuditEntryView {
                at: super::orders::access::paris(r.at),
                staff: r.staff_email,
                action: r.action,
                reference: r.reference,
                before: r.before,
                after: r.after,
                detail: r.detail,
            })
            .collect(),
        more,
    })
}

/// Reads the filters, or says in the page's language why not (400).
#[cfg(feature = "ssr")]
pub fn read_filter(
    staff: Option<&str>,
    kind: Option<&str>,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<crate::domain::audit::AuditFilter, AppError> {
    crate::domain::audit::AuditFilter::parse(staff, kind, from, to)
        .map_err(|problem| super::bad_request(crate::i18n::use_locale().audit_filter_problem(problem)))
}

/// The filter's days as Unix seconds: from the start of `from` to the end of `to`, in Paris.
#[cfg(feature = "ssr")]
pub fn bounds(filter: &crate::domain::audit::AuditFilter) -> (Option<i64>, Option<i64>) {
    use crate::domain::local_hours::paris_day_bounds;
    (filter.from.map(|d| paris_day_bounds(d).0), filter.to.map(|d| paris_day_bounds(d).1))
}

//! The service inbox (PRODUCT.md §9), for staff: contact messages,
//! callback requests, and customers' requests about their orders, each
//! marked handled with who and when. Every function checks the staff role;
//! every mark goes to the audit log.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A request as the inbox shows it, every text said on the server in the
/// reader's language (times in Paris): the island only lays them out, so
/// the browser needs no decoder for the kinds, topics and languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxEntry {
    pub id: i64,
    /// `contact`, `callback`, `order_change` or `order_cancel`.
    pub kind: String,
    /// Its kind, and a message's topic.
    pub heading: String,
    /// When it came, and the language it was written in.
    pub received: String,
    /// Name, address and telephone, those given.
    pub from: String,
    /// A callback's slot: "Call on …".
    pub call_at: Option<String>,
    /// The order's reference, and the staff's page of it when linked.
    pub order: Option<(String, Option<String>)>,
    /// The piece's page (without language) and what the request says of it.
    pub piece: Option<(String, String)>,
    /// What the customer wrote, as written: the page escapes it.
    pub message: String,
    /// Who handled it and when.
    pub handled: Option<String>,
}

/// The inbox: `kind` one of `contact`, `callback`, `order_change`,
/// `order_cancel` (all when empty); `state` `open` (the default) or `handled`.
#[server(endpoint = "staff/service")]
pub async fn service_inbox(kind: Option<String>, state: Option<String>) -> Result<Vec<InboxEntry>, AppError> {
    use crate::domain::service::{RequestKind, RequestState};
    use crate::store::{service_requests, unix_now};
    let (db, site) = super::context()?;
    super::session::require_staff(&db, &site, unix_now()).await?;
    let t = crate::i18n::use_locale();
    let kind = match kind.as_deref().map(str::trim).filter(|k| !k.is_empty()) {
        None => None,
        Some(raw) => {
            Some(RequestKind::parse(raw).ok_or_else(|| super::invalid_field("kind", t.inbox_filter_unknown()))?)
        }
    };
    let state = match state.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => RequestState::Open,
        Some(raw) => RequestState::parse(raw).ok_or_else(|| super::invalid_field("state", t.inbox_filter_unknown()))?,
    };
    let hours = super::service::opening::hours(&db).await?;
    let rows = service_requests::inbox(&db, kind, state, t).await?;
    Ok(rows.into_iter().map(|row| entry(row, &hours, t)).collect())
}

/// Marks a request handled by the member of staff signed in; the answer
/// says who and when (posted from the inbox's plain form, the handled list). A request someone else marked first is a 409 that
/// names them.
#[server(endpoint = "staff/service/handled")]
pub async fn mark_handled(id: String) -> Result<String, AppError> {
    use crate::domain::audit::AuditAction;
    use crate::store::{
        audit::{self, NewEntry},
        service_requests, unix_now,
    };
    let (db, site) = super::context()?;
    let now = unix_now();
    let staff = super::session::require_staff(&db, &site, now).await?.customer;
    let t = crate::i18n::use_locale();
    let id: i64 = id.trim().parse().map_err(|_| super::bad_request(t.error_not_found()))?;
    let mut tx = db.begin_write().await?;
    let request = service_requests::by_id(&mut tx, id, t).await?.ok_or_else(|| AppError::NotFound.respond())?;
    if !service_requests::mark_handled(&mut tx, id, staff.id, staff.email.as_str(), now).await? {
        tx.rollback().await?;
        let by = request.handled.map(|(_, by)| by).unwrap_or_default();
        return Err(AppError::Conflict(t.inbox_already_handled(&by)).respond());
    }
    let entry = NewEntry {
        staff: &staff,
        action: AuditAction::ServiceHandled,
        order_id: request.order_id,
        before: "open".into(),
        after: "handled".into(),
        detail: format!("{} #{id}", request.kind.tag()),
    };
    audit::record(&mut tx, &entry, now).await?;
    tx.commit().await?;
    tracing::info!(request = id, staff = staff.id, "service request handled");
    // The inbox posts a plain form: it then shows the handled requests,
    // this one first.
    if super::posted_without_javascript() {
        leptos_axum::redirect(&t.href(&format!("/staff/service?kind={}&state=handled", request.kind.tag())));
    }
    Ok(t.inbox_handled_by(staff.email.as_str(), &super::orders::access::paris(now)))
}

#[cfg(feature = "ssr")]
fn entry(
    row: crate::store::service_requests::InboxRow,
    hours: &crate::domain::opening_hours::OpeningHours,
    t: crate::i18n::Locale,
) -> InboxEntry {
    use super::orders::access::paris;
    use super::service::opening;
    let phone = (!row.phone.is_empty()).then(|| {
        crate::domain::phone::PhoneNumber::parse(&row.phone, crate::domain::country::CountryCode::FRANCE)
            .map(|p| p.international())
            .unwrap_or_else(|_| row.phone.clone())
    });
    let from = [Some(row.name), Some(row.email), phone]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let heading = match row.topic {
        Some(topic) => format!("{} · {}", t.request_kind(row.kind), t.contact_topic(topic)),
        None => t.request_kind(row.kind).to_owned(),
    };
    let order = (!row.order.is_empty()).then(|| {
        if row.order_linked {
            let page = t.href(&format!("/staff/orders/{}", row.order));
            (row.order, Some(page))
        } else {
            (format!("{} {}", row.order, t.inbox_order_not_linked()), None)
        }
    });
    let size = (!row.size.is_empty()).then_some(row.size.as_str());
    InboxEntry {
        id: row.id,
        kind: row.kind.tag().to_owned(),
        heading,
        received: format!("{} · {}", paris(row.created_at), t.inbox_written_in(row.locale)),
        from,
        call_at: row.slot_at.map(|at| t.inbox_call_at(&opening::label(hours, opening::timestamp(at), t))),
        order,
        piece: row.product.map(|(slug, name)| {
            (t.href(&super::stock_alerts::product_path(&slug, &row.size)), t.contact_about_piece(&name, size))
        }),
        message: row.message,
        handled: row.handled.map(|(at, by)| t.inbox_handled_by(&by, &paris(at))),
    }
}

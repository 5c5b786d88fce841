//! Returns (PRODUCT.md §7): the customer's form (signed in, or through the
//! order's emailed link), its photos, the printable slip; and staff's
//! queue and steps. Every function reaches the order as the order page
//! does: another customer's return is a 404.

use super::orders::LineReturns;
use crate::domain::{
    money::Money,
    returns::{PostagePaidBy, ReturnReason, ReturnState},
};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};
use serde::{Deserialize, Serialize};

/// A return, as the order page and staff see it. Its words come written in
/// the request's language (as `OrderView.estimate` does): the order page's
/// islands then carry no returns texts of their own (bench/README.md).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnView {
    pub number: String,
    pub state: ReturnState,
    /// Where it stands, in words.
    pub state_said: String,
    pub reason: ReturnReason,
    pub reason_said: String,
    /// Paris time, as written on the page.
    pub asked_at: String,
    /// "1 × Aube ring (52)".
    pub contents: Vec<String>,
    pub gift_back: bool,
    pub note: String,
    pub rejection: Option<String>,
    pub postage_paid_by: Option<PostagePaidBy>,
    pub postage_said: Option<String>,
    /// The photos' addresses (with the order's key, for a guest).
    pub photos: Vec<String>,
    /// What the rule gives back for it.
    pub proposed: Money,
    /// The slip's address, once approved.
    pub slip: Option<String>,
}

/// A return as the order page lists it, written in the request's
/// language: the order page's islands carry no returns texts or types of
/// their own (the first-load budget, bench/README.md).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnNote {
    pub number: String,
    pub asked_at: String,
    /// Where it stands, in words.
    pub state: String,
    /// "1 × Aube ring (size 52) — It does not fit".
    pub summary: String,
    /// The house's reason, when rejected.
    pub rejection: Option<String>,
    pub gift_back: bool,
    /// The slip's address, once approved.
    pub slip: Option<String>,
    /// The photos' addresses.
    pub photos: Vec<String>,
}

impl From<ReturnView> for ReturnNote {
    fn from(r: ReturnView) -> ReturnNote {
        ReturnNote {
            summary: format!("{} — {}", r.contents.join(", "), r.reason_said),
            number: r.number,
            asked_at: r.asked_at,
            state: r.state_said,
            rejection: r.rejection,
            gift_back: r.gift_back,
            slip: r.slip,
            photos: r.photos,
        }
    }
}

/// A line on the returns form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormLine {
    pub id: i64,
    /// "Aube ring (52)".
    pub name: String,
    /// Pieces that may still go back.
    pub left: u32,
    /// What the order page says of it.
    pub returns: LineReturns,
    /// Whether it may go back now, for some reason.
    pub open: bool,
}

/// What the returns form needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnFormView {
    pub reference: String,
    pub lines: Vec<FormLine>,
    /// The form's own key: sending it twice makes one return.
    pub form_key: String,
}

/// What the printable slip says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlipView {
    pub number: String,
    pub reference: String,
    pub customer: String,
    pub send_to: Vec<String>,
    pub contents: Vec<String>,
    pub gift_back: bool,
    /// False until the return is approved: the slip says so instead.
    pub approved: bool,
}

/// A return in staff's queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnRow {
    pub number: String,
    pub reference: String,
    pub state: ReturnState,
    pub reason: ReturnReason,
    pub customer: String,
    pub updated_at: String,
}

/// A return for staff: the request, its photos, and its order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffReturnView {
    pub ret: ReturnView,
    pub reference: String,
    pub customer: String,
    pub email: String,
    /// Whether a refund would ask for the password again now (typed more than 15 minutes ago).
    pub password_needed: bool,
}

/// Where returned pieces go: the house's returns workshop (the demo house's).
pub const RETURNS_ADDRESS: [&str; 4] =
    ["Maison Aurèle — Service des retours", "18 rue de la Paix", "75002 Paris", "France"];

/// The returns form of an order: its lines, and which may go back now.
#[server(endpoint = "returns/form")]
pub async fn return_form(reference: String, key: Option<String>) -> Result<ReturnFormView, AppError> {
    use crate::store::{orders, unix_now};
    let (db, site) = super::context()?;
    let order = super::orders::access::reach(&db, &site, &reference, key.as_deref()).await?;
    super::session::no_store();
    let t = crate::i18n::use_locale();
    let lines = orders::lines(&db, order.id, t).await?;
    let delivered = crate::returns::delivered_at(&db, order.id).await?;
    let now = unix_now();
    Ok(ReturnFormView {
        reference: order.reference.as_str().to_owned(),
        lines: lines
            .iter()
            .filter(|l| !l.is_gift)
            .map(|l| {
                let returns = super::orders::access::line_returns(l.kind, delivered, now);
                let open =
                    matches!(returns, LineReturns::Until { .. } | LineReturns::FinalSale { fault_until: Some(_), .. });
                let size = if l.size.is_empty() { String::new() } else { t.order_size_mark(&l.size) };
                FormLine {
                    id: l.id,
                    name: format!("{}{size}", l.name),
                    left: l.quantity.saturating_sub(l.returned),
                    returns,
                    open: open && l.returned < l.quantity,
                }
            })
            .collect(),
        form_key: uuid::Uuid::new_v4().simple().to_string(),
    })
}

/// The most a text field of the form may hold, in bytes.
#[cfg(feature = "ssr")]
const MAX_FIELD_BYTES: usize = 8 * 1024;

/// Asks for a return: a multipart form (the photos are files) with
/// `reference`, `key` (a guest's), `form_key`, `reason`, `condition`,
/// `note`, `line-<id>` = pieces, and up to 5 `photos`. The answer is what
/// the page says; a refusal is a 400 that says why, and nothing is stored.
#[server(endpoint = "returns/request", input = MultipartFormData)]
pub async fn request_return(data: MultipartData) -> Result<String, AppError> {
    use crate::domain::returns::{RequestProblem, MAX_PHOTOS, MAX_PHOTO_BYTES};
    use crate::photos::{clean_all, PhotoProblem, PhotoStore};
    use crate::returns::ReturnForm;
    use crate::store::unix_now;
    use std::str::FromStr;
    let t = crate::i18n::use_locale();
    let unreadable = || super::bad_request(t.return_form_unreadable());
    let photo_problem = |problem: PhotoProblem| super::invalid_field("photos", t.return_photo_problem(problem));
    let Some(mut form) = data.into_inner() else { return Err(unreadable()) };
    let mut text = std::collections::HashMap::<String, String>::new();
    let mut photos: Vec<Vec<u8>> = Vec::new();
    // Read as it arrives, never more than the limits allow: a sixth photo
    // or an eleventh megabyte stops the reading there.
    while let Some(mut field) = form.next_field().await.map_err(|_| unreadable())? {
        let name = field.name().unwrap_or_default().to_owned();
        let is_photo = name == "photos";
        let limit = if is_photo { MAX_PHOTO_BYTES } else { MAX_FIELD_BYTES };
        let mut bytes = Vec::new();
        while let Some(chunk) = field.chunk().await.map_err(|_| unreadable())? {
            if bytes.len() + chunk.len() > limit {
                return Err(if is_photo { photo_problem(PhotoProblem::TooLarge) } else { unreadable() });
            }
            bytes.extend_from_slice(&chunk);
        }
        if is_photo {
            // A file input left empty still sends a part, with no bytes.
            if bytes.is_empty() {
                continue;
            }
            if photos.len() == MAX_PHOTOS {
                return Err(photo_problem(PhotoProblem::TooMany));
            }
            photos.push(bytes);
        } else if text.len() < 200 {
            text.insert(name, String::from_utf8(bytes).map_err(|_| unreadable())?);
        } else {
            return Err(unreadable());
        }
    }
    let field = |name: &str| text.get(name).map(String::as_str).unwrap_or_default();
    let reason = ReturnReason::from_str(field("reason"))
        .map_err(|_| super::invalid_field("reason", t.return_choose_reason()))?;
    let mut lines = Vec::new();
    for (name, value) in &text {
        if let Some(id) = name.strip_prefix("line-") {
            let id: i64 = id.parse().map_err(|_| unreadable())?;
            let value = value.trim();
            let pieces: u32 = if value.is_empty() { 0 } else { value.parse().map_err(|_| unreadable())? };
            lines.push((id, pieces));
        }
    }
    lines.sort_unstable();
    let form_key = field("form_key").trim().to_owned();
    if form_key.is_empty() || form_key.len() > 64 || !form_key.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(unreadable());
    }
    let (db, site) = super::context()?;
    let key = Some(field("key")).filter(|k| !k.is_empty());
    let order = super::orders::access::reach(&db, &site, field("reference"), key).await?;
    let form = ReturnForm {
        lines,
        reason,
        condition_confirmed: matches!(field("condition"), "on" | "true" | "1"),
        note: field("note").to_owned(),
        key: format!("{}-{form_key}", order.id),
    };
    let photos = clean_all(photos).await.map_err(photo_problem)?;
    let store = use_context::<PhotoStore>().ok_or_else(|| {
        tracing::error!("the photo store was not provided to the app");
        AppError::Internal
    })?;
    let keys = super::shop_keys(&db).await?;
    match crate::returns::request(&db, &store, &keys, &site, &order, &form, photos, unix_now()).await? {
        Ok(number) => {
            // The form is posted without JavaScript: on to the order, where the return shows.
            if super::posted_without_javascript() {
                let path = match key {
                    Some(key) => format!("/orders/{}?key={key}", order.reference.as_str()),
                    None => format!("/orders/{}", order.reference.as_str()),
                };
                leptos_axum::redirect(&t.href(&path));
            }
            Ok(t.return_requested_now(number.as_str()))
        }
        Err(problem @ RequestProblem::TooMany { left: 0 }) => {
            Err(AppError::Conflict(t.return_problem(problem)).respond())
        }
        Err(problem) => Err(super::bad_request(t.return_problem(problem))),
    }
}

/// The printable slip of a return of an order this request may see.
#[server(endpoint = "returns/slip")]
pub async fn return_slip(number: String, key: Option<String>) -> Result<SlipView, AppError> {
    use crate::domain::returns::{ReturnNumber, ReturnState};
    use crate::store::{orders, returns};
    let (db, site) = super::context()?;
    let not_found = || AppError::NotFound.respond();
    let number = ReturnNumber::parse(&number).ok_or_else(not_found)?;
    let order = super::orders::access::reach(&db, &site, number.order().as_str(), key.as_deref()).await?;
    super::session::no_store();
    let ret = returns::by_number(&db, &number).await?.filter(|r| r.order_id == order.id).ok_or_else(not_found)?;
    let t = crate::i18n::use_locale();
    let lines = orders::lines(&db, order.id, t).await?;
    Ok(SlipView {
        number: ret.number.as_str().to_owned(),
        reference: order.reference.as_str().to_owned(),
        customer: order.full_name.clone(),
        send_to: RETURNS_ADDRESS.iter().map(|l| (*l).to_owned()).collect(),
        contents: crate::returns::contents(t, &lines, &ret.lines).split(", ").map(str::to_owned).collect(),
        gift_back: ret.gift_back,
        approved: !matches!(ret.state, ReturnState::Requested | ReturnState::Rejected),
    })
}

/// Returns, waiting longest first, optionally in one state (`requested`…).
#[server(endpoint = "staff/returns")]
pub async fn staff_returns(state: Option<String>) -> Result<Vec<ReturnRow>, AppError> {
    use crate::store::{returns, unix_now};
    use std::str::FromStr;
    let (db, site) = super::context()?;
    super::session::require_staff(&db, &site, unix_now()).await?;
    let t = crate::i18n::use_locale();
    let state = match state.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(raw) => Some(ReturnState::from_str(raw).map_err(|_| super::bad_request(t.staff_return_unknown_state()))?),
    };
    Ok(returns::queue(&db, state, 500)
        .await?
        .into_iter()
        .map(|r| ReturnRow {
            number: r.number.as_str().to_owned(),
            reference: r.reference,
            state: r.state,
            reason: r.reason,
            customer: r.customer,
            updated_at: super::orders::access::paris(r.updated_at),
        })
        .collect())
}

/// One return for staff, with its photos.
#[server(endpoint = "staff/return")]
pub async fn staff_return(number: String) -> Result<StaffReturnView, AppError> {
    use crate::store::unix_now;
    let (db, site) = super::context()?;
    let now = unix_now();
    let me = super::session::require_staff(&db, &site, now).await?;
    let (order, ret) = staff::find(&db, &number).await?;
    let t = crate::i18n::use_locale();
    let lines = crate::store::orders::lines(&db, order.id, t).await?;
    Ok(StaffReturnView {
        ret: view(&ret, &lines, None, None),
        reference: order.reference.as_str().to_owned(),
        customer: order.full_name.clone(),
        email: order.email.clone(),
        password_needed: super::session::password_needed(&me, now),
    })
}

/// Accepts a requested return: the customer gets the instructions and the slip.
#[server(endpoint = "staff/return-approve")]
pub async fn staff_return_approve(number: String) -> Result<(), AppError> {
    staff::act(&number, crate::returns::StaffStep::Approve).await
}

/// Rejects a return (when asked, or at inspection), with the reason the customer reads.
#[server(endpoint = "staff/return-reject")]
pub async fn staff_return_reject(number: String, reason: String) -> Result<(), AppError> {
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > 500 {
        return Err(super::invalid_field("reason", crate::i18n::use_locale().staff_return_reason_needed()));
    }
    staff::act(&number, crate::returns::StaffStep::Reject { reason: reason.to_owned() }).await
}

/// Marks an approved return received and inspected, saying who pays its postage.
#[server(endpoint = "staff/return-receive")]
pub async fn staff_return_receive(number: String, postage: String) -> Result<(), AppError> {
    use std::str::FromStr;
    let postage = PostagePaidBy::from_str(postage.trim())
        .map_err(|_| super::invalid_field("postage", crate::i18n::use_locale().staff_return_unknown_postage()))?;
    staff::act(&number, crate::returns::StaffStep::Receive { postage }).await
}

/// Refunds a received return: the amount the rule proposes, or less with a
/// reason. Money leaves the house: the password is asked again if it was
/// typed more than 15 minutes ago (`password`).
#[server(endpoint = "staff/return-refund")]
pub async fn staff_return_refund(
    number: String,
    amount: String,
    reason: String,
    password: Option<String>,
) -> Result<(), AppError> {
    use crate::store::unix_now;
    let (db, site) = super::context()?;
    let now = unix_now();
    let me = super::session::require_staff(&db, &site, now).await?;
    super::session::require_recent_password(&db, &me, password, now).await?;
    let t = crate::i18n::use_locale();
    let amount = Money::parse_euros(amount.trim())
        .ok_or_else(|| super::invalid_field("amount", t.staff_return_not_an_amount()))?;
    if reason.chars().count() > 500 {
        return Err(super::invalid_field("reason", t.staff_return_reason_needed()));
    }
    staff::act(&number, crate::returns::StaffStep::Refund { amount, reason: reason.trim().to_owned() }).await
}

/// A return as pages show it; `key` is a guest's order key, for the photos' addresses.
#[cfg(feature = "ssr")]
pub(crate) fn view(
    ret: &crate::store::returns::StoredReturn,
    lines: &[crate::store::orders::StoredLine],
    key: Option<&str>,
    slip: Option<String>,
) -> ReturnView {
    let t = crate::i18n::use_locale();
    let with_key = |path: String| match key {
        Some(key) => format!("{path}?key={key}"),
        None => path,
    };
    ReturnView {
        number: ret.number.as_str().to_owned(),
        state: ret.state,
        state_said: t.return_state(ret.state).to_owned(),
        reason: ret.reason,
        reason_said: t.return_reason(ret.reason).to_owned(),
        postage_said: ret.postage_paid_by.map(|p| t.return_postage(p).to_owned()),
        asked_at: super::orders::access::paris(ret.created_at),
        contents: ret
            .lines
            .iter()
            .map(|l| crate::returns::contents(t, lines, std::slice::from_ref(l)))
            .filter(|c| !c.is_empty())
            .collect(),
        gift_back: ret.gift_back,
        note: ret.note.clone(),
        rejection: ret.rejection.clone(),
        postage_paid_by: ret.postage_paid_by,
        photos: ret.photos.iter().map(|id| with_key(format!("/returns/photos/{id}"))).collect(),
        proposed: ret.proposed,
        slip,
    }
}

/// A photo's bytes, for the order's customer (signed in, or with the
/// order's key) and for staff; `None` for anyone else, who get a 404.
#[cfg(feature = "ssr")]
pub async fn photo(
    db: &crate::store::Db,
    keys: &crate::payments::keys::Keys,
    store: &crate::photos::PhotoStore,
    headers: &http::HeaderMap,
    secure: bool,
    id: &str,
    key: Option<&str>,
) -> Result<Option<(String, Vec<u8>)>, AppError> {
    use crate::store::{customers, orders, returns, unix_now};
    if id.len() != 32 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    let Some(photo) = returns::photo(db, id).await? else { return Ok(None) };
    let Some(order) = orders::by_id(db, photo.order_id).await? else { return Ok(None) };
    let me = match super::session::token_from_headers(headers, secure) {
        Some(token) => customers::by_session(db, &token.digest(), unix_now()).await?.map(|s| s.customer),
        None => None,
    };
    if !super::orders::access::may_see(keys, me.as_ref(), &order, key) {
        return Ok(None);
    }
    match store.get(&photo.object_key).await {
        Ok(bytes) => Ok(Some((photo.content_type, bytes))),
        Err(error) => {
            tracing::error!(%error, id, "a return photo is missing from the store");
            Ok(None)
        }
    }
}

#[cfg(feature = "ssr")]
mod staff {
    use super::*;
    use crate::domain::returns::ReturnNumber;
    use crate::store::{orders, orders::OrderHead, returns, returns::StoredReturn, unix_now, Db};

    pub async fn find(db: &Db, number: &str) -> Result<(OrderHead, StoredReturn), AppError> {
        let not_found = || AppError::NotFound.respond();
        let number = ReturnNumber::parse(number).ok_or_else(not_found)?;
        let ret = returns::by_number(db, &number).await?.ok_or_else(not_found)?;
        let order = orders::by_reference(db, &number.order()).await?.ok_or_else(not_found)?;
        Ok((order, ret))
    }

    /// Checks the role, then moves the return; a refusal is a 409 saying why.
    pub async fn act(number: &str, step: crate::returns::StaffStep) -> Result<(), AppError> {
        let (db, site) = crate::api::context()?;
        let now = unix_now();
        let staff = crate::api::session::require_staff(&db, &site, now).await?;
        let (order, ret) = find(&db, number).await?;
        let keys = crate::api::shop_keys(&db).await?;
        match crate::returns::act(&db, &keys, &site, &staff.customer, &order, &ret, &step, now).await? {
            Ok(()) => Ok(()),
            Err(refused @ crate::returns::StepRefused::Adjust(_)) => {
                Err(super::super::invalid_field("amount", refused.message(crate::i18n::use_locale())))
            }
            Err(refused) => Err(AppError::Conflict(refused.message(crate::i18n::use_locale())).respond()),
        }
    }
}

//! Returns as the shop runs them (PRODUCT.md §7): a customer's request,
//! checked by `domain::returns`, written with its photos, its timeline entry
//! and its email in one transaction; then each staff step (approve, reject,
//! receive, refund), moved by the return's state machine with a guarded
//! update, written in the timeline and the audit log, and emailed to the
//! customer in their language. Server only.

use crate::config::SiteConfig;
use crate::domain::{
    account::Email,
    money::Money,
    order_status::{Actor, OrderStatus, TimelineKind},
    refund::RefundReason,
    returns::{
        adjust_refund, check_request, gift_comes_back, refund_for, AdjustProblem, PaidLine, PostagePaidBy,
        RequestProblem, ReturnAction, ReturnAsk, ReturnNumber, ReturnReason, ReturnState, ReturnStep, ReturnableLine,
    },
};
use crate::i18n::Locale;
use crate::payments::keys::Keys;
use crate::photos::{CleanPhoto, PhotoStore};
use crate::store::{
    customers::Customer,
    orders::{self, OrderHead, StoredLine},
    outbox,
    refunds::{NewRefund, Requested},
    returns::{self as stored, NewPhoto, NewReturn, Opened, StepFields, StoredReturn},
    Db,
};

/// What the customer's form asks.
#[derive(Clone, Debug)]
pub struct ReturnForm {
    /// (line id, pieces)
    pub lines: Vec<(i64, u32)>,
    pub reason: ReturnReason,
    pub condition_confirmed: bool,
    pub note: String,
    /// The form's own key: the same form sent twice is one return.
    pub key: String,
}

/// When the order was delivered, if it was: its first Delivered entry.
pub async fn delivered_at(db: &Db, order_id: i64) -> Result<Option<i64>, sqlx::Error> {
    let events = orders::events(db, order_id).await?;
    Ok(events
        .iter()
        .find(|e| e.status == OrderStatus::Delivered && e.refund.is_none() && e.return_step.is_none())
        .map(|e| e.at))
}

/// The order's lines as a return request sees them.
pub fn returnable(lines: &[StoredLine]) -> Vec<ReturnableLine> {
    lines
        .iter()
        .map(|l| ReturnableLine { id: l.id, kind: l.kind, quantity: l.quantity, returned: l.returned })
        .collect()
}

/// What returning `asked` gives back, by the rule (`domain::returns::refund_for`).
pub fn proposed(order: &OrderHead, lines: &[StoredLine], asked: &[(i64, u32)]) -> Money {
    let paid: Vec<PaidLine> = lines.iter().map(|l| PaidLine { unit: l.unit, quantity: l.quantity }).collect();
    let returned: Vec<(usize, u32)> =
        asked.iter().filter_map(|(id, pieces)| lines.iter().position(|l| l.id == *id).map(|i| (i, *pieces))).collect();
    refund_for(&paid, order.totals.discount, &returned)
}

/// Writes a customer's return request, or says why it cannot be made.
#[allow(clippy::too_many_arguments)]
pub async fn request(
    db: &Db,
    photo_store: &PhotoStore,
    keys: &Keys,
    site: &SiteConfig,
    order: &OrderHead,
    form: &ReturnForm,
    photos: Vec<CleanPhoto>,
    now: i64,
) -> Result<Result<ReturnNumber, RequestProblem>, sqlx::Error> {
    // The same form again (a double click, a retry) is the return it made,
    // whatever the rule would now say of pieces it already took.
    if let Some(number) = stored::number_by_key(&mut *db.pool.acquire().await?, &form.key).await? {
        return Ok(Ok(number));
    }
    let lines = orders::lines(db, order.id, order.locale).await?;
    let ask = ReturnAsk { reason: form.reason, photos: photos.len(), condition_confirmed: form.condition_confirmed };
    let delivered = delivered_at(db, order.id).await?;
    let note = form.note.trim();
    if let Err(problem) = check_request(&returnable(&lines), &form.lines, ask, note.chars().count(), delivered, now) {
        return Ok(Err(problem));
    }
    let mut asked: Vec<(i64, u32)> = form.lines.iter().copied().filter(|(_, n)| *n > 0).collect();
    let amount = proposed(order, &lines, &asked);
    let mut tx = db.begin_write().await?;
    // The gift rule: the pieces kept fall below the gift's threshold, so the gift goes back too.
    let mut gift_back = false;
    if let Some(gift) = lines.iter().find(|l| l.is_gift && l.returned < l.quantity) {
        let kept: Money = lines
            .iter()
            .filter(|l| !l.is_gift)
            .map(|l| {
                let going = asked.iter().find(|(id, _)| *id == l.id).map_or(0, |(_, n)| *n);
                l.unit.times(l.quantity.saturating_sub(l.returned).saturating_sub(going))
            })
            .fold(Money::ZERO, Money::plus);
        if let Some(threshold) = stored::gift_threshold(&mut tx, gift.id, &gift.name).await? {
            if gift_comes_back(kept, threshold) {
                asked.push((gift.id, gift.quantity - gift.returned));
                gift_back = true;
            }
        }
    }
    let new = NewReturn {
        order_id: order.id,
        reference: &order.reference,
        key: &form.key,
        reason: form.reason,
        note,
        lines: &asked,
        gift_back,
        proposed: amount,
    };
    let (id, number) = match stored::open(&mut tx, &new, now).await? {
        Opened::New { id, number } => (id, number),
        Opened::Already { number } => return Ok(Ok(number)),
        // Another request took the pieces meanwhile; the transaction is dropped, nothing is written.
        Opened::NotEnoughLeft => return Ok(Err(RequestProblem::TooMany { left: 0 })),
    };
    let mut kept_keys = Vec::new();
    for (position, photo) in photos.into_iter().enumerate() {
        let photo_id = uuid::Uuid::new_v4().simple().to_string();
        let object_key = format!("returns/{}/{photo_id}.jpg", number.as_str());
        let bytes = photo.jpeg.len();
        if let Err(error) = photo_store.put(&object_key, photo.jpeg).await {
            tracing::error!(%error, "a return photo could not be stored");
            forget(photo_store, &kept_keys).await;
            return Err(sqlx::Error::Io(std::io::Error::other(error.to_string())));
        }
        kept_keys.push(object_key.clone());
        let photo = NewPhoto { id: &photo_id, object_key: &object_key, content_type: "image/jpeg", bytes };
        stored::add_photo(&mut tx, id, position, &photo, now).await?;
    }
    stored::add_event(&mut tx, order.id, order.status, Actor::Customer, id, ReturnStep::Requested, now).await?;
    if let Ok(to) = Email::parse(&order.email) {
        let locale = order.locale;
        let contents = contents(locale, &lines, &asked);
        let said = locale.return_requested_email(number.as_str(), &contents);
        let email = crate::emails::about_return(
            locale,
            &to,
            &locale.return_email_subject(ReturnStep::Requested, number.as_str()),
            &said,
            site,
            (locale.email_order_see_link(), &keys.order_path(&order.reference)),
        );
        outbox::enqueue(&mut tx, &email, now).await?;
    }
    if let Err(error) = tx.commit().await {
        forget(photo_store, &kept_keys).await;
        return Err(error);
    }
    tracing::info!(order = %order.reference, %number, "return requested");
    Ok(Ok(number))
}

async fn forget(photo_store: &PhotoStore, keys: &[String]) {
    for key in keys {
        photo_store.forget(key).await;
    }
}

/// "1 × Aube ring (52), 1 × Leather pouch", in `locale`.
pub fn contents(locale: Locale, lines: &[StoredLine], asked: &[(i64, u32)]) -> String {
    asked
        .iter()
        .filter_map(|(id, pieces)| {
            let line = lines.iter().find(|l| l.id == *id)?;
            let size = if line.size.is_empty() { String::new() } else { locale.order_size_mark(&line.size) };
            Some(format!("{pieces} × {}{size}", line.name))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// What staff do, with what they type.
#[derive(Clone, Debug)]
pub enum StaffStep {
    Approve,
    Reject { reason: String },
    Receive { postage: PostagePaidBy },
    Refund { amount: Money, reason: String },
}

impl StaffStep {
    fn action(&self) -> ReturnAction {
        match self {
            StaffStep::Approve => ReturnAction::Approve,
            StaffStep::Reject { .. } => ReturnAction::Reject,
            StaffStep::Receive { .. } => ReturnAction::MarkReceived,
            StaffStep::Refund { .. } => ReturnAction::Refund,
        }
    }

    /// What the audit log calls it.
    fn audit_action(&self) -> crate::domain::audit::AuditAction {
        use crate::domain::audit::AuditAction;
        match self {
            StaffStep::Approve => AuditAction::ReturnApprove,
            StaffStep::Reject { .. } => AuditAction::ReturnReject,
            StaffStep::Receive { .. } => AuditAction::ReturnReceive,
            StaffStep::Refund { .. } => AuditAction::ReturnRefund,
        }
    }
}

/// Why a staff step did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepRefused {
    /// The return's state does not allow it.
    NotNow(ReturnState),
    /// Someone moved the return first.
    Raced,
    Adjust(AdjustProblem),
    /// The payment has not that much left to give back.
    Refund(crate::domain::refund::RefundRefusal),
}

impl StepRefused {
    pub fn message(&self, locale: Locale) -> String {
        match self {
            StepRefused::NotNow(state) => locale.return_not_now(*state),
            StepRefused::Raced => locale.order_raced().to_owned(),
            StepRefused::Adjust(problem) => locale.return_adjust_problem(*problem),
            StepRefused::Refund(refusal) => locale.refund_refusal(*refusal),
        }
    }
}

/// Moves a return one step, for a member of staff.
#[allow(clippy::too_many_arguments)]
pub async fn act(
    db: &Db,
    keys: &Keys,
    site: &SiteConfig,
    staff: &Customer,
    order: &OrderHead,
    ret: &StoredReturn,
    step: &StaffStep,
    now: i64,
) -> Result<Result<(), StepRefused>, sqlx::Error> {
    let Some(to) = ret.state.after(step.action()) else {
        return Ok(Err(StepRefused::NotNow(ret.state)));
    };
    let mut tx = db.begin_write().await?;
    let mut fields = StepFields::default();
    let mut refunded = None;
    let refund_key = format!("return-{}", ret.number.as_str());
    match step {
        StaffStep::Reject { reason } => fields.rejection = Some(reason.trim()),
        StaffStep::Receive { postage } => fields.postage_paid_by = Some(*postage),
        StaffStep::Refund { amount, reason } => {
            let amount = match adjust_refund(ret.proposed, *amount, reason) {
                Ok(amount) => amount,
                Err(problem) => return Ok(Err(StepRefused::Adjust(problem))),
            };
            let refund = NewRefund { order_id: order.id, key: &refund_key, amount, reason: RefundReason::Return };
            match crate::refunds::issue(&mut tx, order, order.status, Actor::Staff, &refund, now).await? {
                Ok(Requested::New(id) | Requested::Already(id)) => {
                    fields.refund = Some((id, reason.trim()));
                    refunded = Some(amount);
                }
                Err(refusal) => return Ok(Err(StepRefused::Refund(refusal))),
            }
        }
        StaffStep::Approve => {}
    }
    if !stored::advance(&mut tx, ret.id, ret.state, to, &fields, now).await? {
        return Ok(Err(StepRefused::Raced));
    }
    let timeline_step = match step {
        StaffStep::Approve => Some(ReturnStep::Approved),
        StaffStep::Reject { .. } => Some(ReturnStep::Rejected),
        StaffStep::Receive { .. } => Some(ReturnStep::Received),
        // The refund writes its own entry.
        StaffStep::Refund { .. } => None,
    };
    if let Some(timeline_step) = timeline_step {
        stored::add_event(&mut tx, order.id, order.status, Actor::Staff, ret.id, timeline_step, now).await?;
    }
    // The audit log is a record, kept in English like the logs.
    let detail = match step {
        StaffStep::Approve => format!("{}: approved", ret.number),
        StaffStep::Reject { reason } => format!("{}: rejected: {}", ret.number, reason.trim()),
        StaffStep::Receive { postage } => {
            format!("{}: received; return postage paid by {}", ret.number, postage.as_str())
        }
        StaffStep::Refund { reason, .. } => {
            let amount = refunded.unwrap_or(Money::ZERO);
            let lower = if amount < ret.proposed {
                format!(" (proposed {}; {})", ret.proposed.decimal(), reason.trim())
            } else {
                String::new()
            };
            format!("{}: refunded {}{lower}", ret.number, amount.decimal())
        }
    };
    let entry = crate::store::audit::NewEntry {
        staff,
        action: step.audit_action(),
        order_id: Some(order.id),
        before: ret.state.as_str().to_owned(),
        after: to.as_str().to_owned(),
        detail,
    };
    crate::store::audit::record(&mut tx, &entry, now).await?;
    if let Ok(to) = Email::parse(&order.email) {
        let locale = order.locale;
        let order_path = keys.order_path(&order.reference);
        let number = ret.number.as_str();
        let see = locale.email_order_see_link();
        let (subject, said, label, link) = match step {
            StaffStep::Approve => {
                let slip = slip_path(keys, &order.reference, &ret.number);
                (
                    locale.return_email_subject(ReturnStep::Approved, number),
                    locale.return_approved_email(number, ret.gift_back),
                    locale.return_print_slip(),
                    slip,
                )
            }
            StaffStep::Reject { reason } => (
                locale.return_email_subject(ReturnStep::Rejected, number),
                locale.return_rejected_email(number, reason.trim()),
                see,
                order_path,
            ),
            StaffStep::Receive { postage } => (
                locale.return_email_subject(ReturnStep::Received, number),
                locale.return_received_email(number, *postage),
                see,
                order_path,
            ),
            StaffStep::Refund { .. } => {
                let amount = refunded.unwrap_or(Money::ZERO);
                let said = locale.order_timeline_says(
                    TimelineKind::RefundIssued { reason: RefundReason::Return, amount },
                    "",
                    None,
                );
                (locale.email_refund_issued_subject(order.reference.as_str()), said, see, order_path)
            }
        };
        let email = crate::emails::about_return(locale, &to, &subject, &said, site, (label, &link));
        outbox::enqueue(&mut tx, &email, now).await?;
    }
    tx.commit().await?;
    tracing::info!(order = %order.reference, number = %ret.number, staff = staff.id, state = to.as_str(), "staff moved a return");
    Ok(Ok(()))
}

/// The printable slip's address, with the order's link key (the email's
/// reader may not be signed in).
pub fn slip_path(keys: &Keys, reference: &crate::domain::checkout::OrderRef, number: &ReturnNumber) -> String {
    let order_path = keys.order_path(reference);
    let key = order_path.split_once("?key=").map(|(_, k)| k).unwrap_or_default();
    format!("/returns/{}/slip?key={key}", number.as_str())
}

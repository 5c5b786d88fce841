//! The back office's promo codes (PRODUCT.md §2 and §9, issue 16 part 3):
//! list, create, edit and end, with how often each was used. The rules of
//! what may change are `domain::promo_editor`'s; every save is a sensitive
//! action (the password again after 15 minutes) and goes in the audit log.

use crate::domain::promo_editor::{DiscountKind, PromoForm, PromoPhase};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A code as the back office shows it, and as its form is filled.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromoRow {
    pub code: String,
    pub kind: DiscountKind,
    /// As the form's field reads it: `10` (per cent) or `50.00` (euros).
    pub amount: String,
    /// `YYYY-MM-DD`, Paris days.
    pub first_day: String,
    pub last_day: Option<String>,
    /// In euros, as the form's field reads it.
    pub minimum: Option<String>,
    /// The terms in a sentence, in the page's language.
    pub terms_said: String,
    pub phase: PromoPhase,
    /// Orders placed with it.
    pub uses: u64,
    /// What a save expects to replace.
    pub revision: i64,
}

/// The list of codes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromosView {
    pub codes: Vec<PromoRow>,
    /// Whether saving asks for the password again.
    pub password_needed: bool,
    /// Today in Paris, `YYYY-MM-DD`: the new code form's first day.
    pub today: String,
}

/// One code's page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromoView {
    pub row: PromoRow,
    pub password_needed: bool,
}

#[cfg(feature = "ssr")]
mod shown {
    use super::*;
    use crate::domain::{
        local_hours::paris_day_of,
        promo::{Discount, PromoCode},
        promo_editor::phase,
    };
    use crate::store::promos::StoredPromo;

    fn iso(at: i64) -> String {
        paris_day_of(at).map(|d| d.iso()).unwrap_or_default()
    }

    /// The code as pages show it, at `now`.
    pub fn row(stored: &StoredPromo, now: i64) -> PromoRow {
        let code = &stored.promo;
        PromoRow {
            code: code.code.clone(),
            kind: DiscountKind::of(code.discount),
            amount: match code.discount {
                Discount::Percent(p) => p.to_string(),
                Discount::Fixed(m) => m.decimal(),
            },
            first_day: iso(code.starts_at),
            // The window ends at the first second after its last day.
            last_day: code.ends_at.map(|end| iso(end - 1)),
            minimum: code.min_subtotal.map(|m| m.decimal()),
            terms_said: terms_said(code),
            phase: phase(code, now),
            uses: u64::try_from(stored.uses).unwrap_or(0),
            revision: stored.revision,
        }
    }

    /// The terms in the page's language, for the list and for a refusal that says what changed.
    pub fn terms_said(code: &PromoCode) -> String {
        use crate::api::orders::access::paris_date;
        let t = crate::i18n::use_locale();
        t.staff_promo_terms(
            code.discount,
            &paris_date(code.starts_at),
            code.ends_at.map(|end| paris_date(end - 1)).as_deref(),
            code.min_subtotal,
        )
    }
}

/// Every code, newest window first, with its uses.
#[server(endpoint = "staff/promos")]
pub async fn staff_promos() -> Result<PromosView, AppError> {
    use crate::domain::local_hours::paris_day_of;
    use crate::store::{promos, unix_now};
    let (db, site) = super::context()?;
    let now = unix_now();
    let me = super::session::require_staff(&db, &site, now).await?;
    let codes = promos::list(&db).await?.iter().map(|p| shown::row(p, now)).collect();
    Ok(PromosView {
        codes,
        password_needed: super::session::password_needed(&me, now),
        today: paris_day_of(now).map(|d| d.iso()).unwrap_or_default(),
    })
}

/// One code, for its page; 404 for a code the house does not have.
#[server(endpoint = "staff/promo")]
pub async fn staff_promo(code: String) -> Result<PromoView, AppError> {
    use crate::domain::promo::normalise;
    use crate::store::{promos, unix_now};
    let (db, site) = super::context()?;
    let now = unix_now();
    let me = super::session::require_staff(&db, &site, now).await?;
    let code = normalise(&code).map_err(|_| AppError::NotFound.respond())?;
    let stored = promos::find(&db, &code).await?.ok_or_else(|| AppError::NotFound.respond())?;
    Ok(PromoView { row: shown::row(&stored, now), password_needed: super::session::password_needed(&me, now) })
}

/// Creates a code (`revision` empty) or saves one at `revision`. A code
/// already used keeps its terms: only its last day may change. A save after
/// another member of staff's (or a first order's) is refused (409) with
/// the code as it is now; nothing is written.
#[server(endpoint = "staff/promos/save")]
pub async fn staff_save_promo(
    terms: PromoForm,
    revision: Option<String>,
    password: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::{
        audit::AuditAction,
        local_hours::{paris_day_bounds, paris_day_of},
        promo_editor::{check_change, same_terms, summary, PromoDraft},
    };
    use crate::store::{audit, promos, unix_now};
    let (db, site) = super::context()?;
    let now = unix_now();
    let me = super::session::require_staff(&db, &site, now).await?;
    let t = crate::i18n::use_locale();
    let draft = PromoDraft::parse(&terms).map_err(|p| refused(p, t))?;
    let revision = match revision.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
        None => None,
        Some(raw) => Some(raw.parse::<i64>().map_err(|_| super::bad_request(t.staff_promo_bad_revision()))?),
    };
    let before = match revision {
        Some(_) => Some(promos::find(&db, &draft.code).await?.ok_or_else(|| AppError::NotFound.respond())?),
        None => None,
    };
    let promo = match &before {
        Some(before) => draft.into_edit_of(&before.promo, paris_day_bounds, paris_day_of),
        None => draft.into_code(paris_day_bounds),
    };
    if let (Some(before), Some(revision)) = (&before, revision) {
        if before.revision != revision {
            return Err(changed(&before.promo.code, &before.promo));
        }
        let uses = u64::try_from(before.uses).unwrap_or(0);
        check_change(&before.promo, &promo, uses, now).map_err(|p| refused(p, t))?;
    }
    super::session::require_recent_password(&db, &me, password, now).await?;

    let mut tx = db.begin_write().await?;
    let (written, action) = match (&before, revision) {
        (Some(before), Some(revision)) => (
            promos::update(&mut tx, &promo, revision, same_terms(&before.promo, &promo)).await?,
            AuditAction::PromoChanged,
        ),
        _ => (promos::create(&mut tx, &promo, now).await?, AuditAction::PromoCreated),
    };
    if !written {
        tx.rollback().await?;
        return Err(match promos::find(&db, &promo.code).await? {
            // Its page was current, but an order used it meanwhile: its terms are fixed now.
            Some(now_is) if revision == Some(now_is.revision) && now_is.uses > 0 => {
                refused(crate::domain::promo_editor::PromoProblem::UsedTermsFixed, t)
            }
            Some(now_is) if revision.is_some() => changed(&promo.code, &now_is.promo),
            // A new code's name is taken (by a code switched off, too).
            _ if revision.is_none() => AppError::Conflict(t.staff_promo_exists(&promo.code)).respond(),
            _ => AppError::NotFound.respond(),
        });
    }
    let entry = audit::NewEntry {
        staff: &me.customer,
        action,
        order_id: None,
        before: before.as_ref().map(|b| summary(&b.promo, utc)).unwrap_or_default(),
        after: summary(&promo, utc),
        detail: promo.code.clone(),
    };
    audit::record(&mut tx, &entry, now).await?;
    tx.commit().await?;
    tracing::info!(code = %promo.code, staff = me.customer.id, action = action.as_str(), "promo code saved");
    leptos_axum::redirect(&t.href(&format!("/staff/promos/{}?saved=1", promo.code)));
    Ok(())
}

/// An instant as the audit log writes it: UTC, RFC 3339.
#[cfg(feature = "ssr")]
fn utc(at: i64) -> String {
    jiff::Timestamp::from_second(at).map_or_else(|_| at.to_string(), |t| t.to_string())
}

/// A field refused, named as the form posts it (`terms[amount]`).
#[cfg(feature = "ssr")]
fn refused(problem: crate::domain::promo_editor::PromoProblem, t: crate::i18n::Locale) -> AppError {
    super::invalid_field(&format!("terms[{}]", problem.field()), t.staff_promo_problem(problem))
}

/// The refusal of a save that came after someone else's: what the code is now.
#[cfg(feature = "ssr")]
fn changed(code: &str, now_is: &crate::domain::promo::PromoCode) -> AppError {
    let t = crate::i18n::use_locale();
    AppError::Conflict(t.staff_promo_changed(code, &shown::terms_said(now_is))).respond()
}

/// Ends a code now: it keeps its terms and its history, and checkout reads
/// it as expired. Refused (409) if the code changed since the page showed it.
#[server(endpoint = "staff/promos/end")]
pub async fn staff_end_promo(code: String, revision: String, password: Option<String>) -> Result<(), AppError> {
    use crate::domain::{
        audit::AuditAction,
        promo::normalise,
        promo_editor::{ended, phase, same_terms, summary},
    };
    use crate::store::{audit, promos, unix_now};
    let (db, site) = super::context()?;
    let now = unix_now();
    let me = super::session::require_staff(&db, &site, now).await?;
    let t = crate::i18n::use_locale();
    let code = normalise(&code).map_err(|_| AppError::NotFound.respond())?;
    let revision: i64 = revision.trim().parse().map_err(|_| super::bad_request(t.staff_promo_bad_revision()))?;
    let before = promos::find(&db, &code).await?.ok_or_else(|| AppError::NotFound.respond())?;
    if before.revision != revision {
        return Err(changed(&code, &before.promo));
    }
    if phase(&before.promo, now) == PromoPhase::Ended {
        return Err(AppError::Conflict(t.staff_promo_already_ended(&code)).respond());
    }
    super::session::require_recent_password(&db, &me, password, now).await?;
    let after = ended(&before.promo, now);
    let mut tx = db.begin_write().await?;
    // Ending a running code keeps its terms; ending one not yet started moves
    // its start, which the row refuses if an order used it meanwhile (409).
    if !promos::update(&mut tx, &after, revision, same_terms(&before.promo, &after)).await? {
        tx.rollback().await?;
        let now_is = promos::find(&db, &code).await?.ok_or_else(|| AppError::NotFound.respond())?;
        return Err(changed(&code, &now_is.promo));
    }
    let entry = audit::NewEntry {
        staff: &me.customer,
        action: AuditAction::PromoEnded,
        order_id: None,
        before: summary(&before.promo, utc),
        after: summary(&after, utc),
        detail: code.clone(),
    };
    audit::record(&mut tx, &entry, now).await?;
    tx.commit().await?;
    tracing::info!(%code, staff = me.customer.id, "promo code ended");
    leptos_axum::redirect(&t.href(&format!("/staff/promos/{code}?ended=1")));
    Ok(())
}

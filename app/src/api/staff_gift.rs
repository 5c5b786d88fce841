//! The back office's gift with purchase (PRODUCT.md §2 and §9, issue 16
//! part 3): its names and descriptions in both languages, the subtotal it
//! is offered from, and whether it is offered. A save is a sensitive action
//! (the password again after 15 minutes), goes in the audit log, and moves
//! the catalogue's version: pages that name the threshold change at once.

use crate::domain::gift::GiftForm;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A gift as its form is filled.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GiftRow {
    pub code: String,
    pub picture: String,
    pub name_en: String,
    pub name_fr: String,
    pub description_en: String,
    pub description_fr: String,
    /// In euros, as the form's field reads it.
    pub threshold: String,
    pub offered: bool,
    /// What a save expects to replace.
    pub revision: i64,
}

/// The gift page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GiftsView {
    pub gifts: Vec<GiftRow>,
    pub password_needed: bool,
}

/// Every gift the house has set up, the one offered first.
#[server(endpoint = "staff/gifts")]
pub async fn staff_gifts() -> Result<GiftsView, AppError> {
    use crate::store::{gifts, unix_now};
    let (db, site) = super::context()?;
    let now = unix_now();
    let me = super::session::require_staff(&db, &site, now).await?;
    let gifts = gifts::all(&db)
        .await?
        .into_iter()
        .map(|g| GiftRow {
            code: g.code,
            picture: g.picture,
            threshold: g.terms.threshold.decimal(),
            offered: g.terms.offered,
            name_en: g.terms.name_en,
            name_fr: g.terms.name_fr,
            description_en: g.terms.description_en,
            description_fr: g.terms.description_fr,
            revision: g.revision,
        })
        .collect();
    Ok(GiftsView { gifts, password_needed: super::session::password_needed(&me, now) })
}

/// Saves a gift at `revision`. A save after another member of staff's is
/// refused (409) with the gift as it is now; nothing is written.
#[server(endpoint = "staff/gifts/save")]
pub async fn staff_save_gift(
    code: String,
    revision: String,
    gift: GiftForm,
    password: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::{audit::AuditAction, gift::GiftTerms};
    use crate::store::{audit, catalogue_version, gifts, unix_now};
    let (db, site) = super::context()?;
    let now = unix_now();
    let me = super::session::require_staff(&db, &site, now).await?;
    let t = crate::i18n::use_locale();
    let terms = GiftTerms::parse(&gift)
        .map_err(|p| super::invalid_field(&format!("gift[{}]", p.field()), t.staff_gift_problem(p)))?;
    let revision: i64 = revision.trim().parse().map_err(|_| super::bad_request(t.staff_promo_bad_revision()))?;
    let before = gifts::all(&db).await?.into_iter().find(|g| g.code == code.trim());
    let Some(before) = before else { return Err(AppError::NotFound.respond()) };
    let refused = |now_is: &gifts::StoredGift| {
        AppError::Conflict(t.staff_gift_changed(&t.staff_gift_terms(&now_is.terms))).respond()
    };
    if before.revision != revision {
        return Err(refused(&before));
    }
    super::session::require_recent_password(&db, &me, password, now).await?;
    let mut tx = db.begin_write().await?;
    if !gifts::update(&mut tx, &before.code, &terms, revision).await? {
        tx.rollback().await?;
        let now_is = gifts::all(&db).await?.into_iter().find(|g| g.code == before.code);
        return Err(now_is.as_ref().map_or_else(|| AppError::NotFound.respond(), refused));
    }
    let entry = audit::NewEntry {
        staff: &me.customer,
        action: AuditAction::GiftChanged,
        order_id: None,
        before: before.terms.summary(),
        after: terms.summary(),
        detail: before.code.clone(),
    };
    audit::record(&mut tx, &entry, now).await?;
    // Pages that name the gift or its threshold (the FAQ) are rendered again.
    catalogue_version::bump(&mut tx).await?;
    tx.commit().await?;
    tracing::info!(gift = %before.code, staff = me.customer.id, "gift saved");
    leptos_axum::redirect(&t.href("/staff/gift?saved=1"));
    Ok(())
}

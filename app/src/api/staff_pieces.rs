//! The back office's catalogue editor (PRODUCT.md §1 and §9, issue 16
//! part 1): list the pieces, create one, edit one, publish and withdraw.
//! What a piece may be is `domain::piece_editor`'s; a save names the
//! revision its page showed, so the second of two staff editing a piece is
//! refused with what the first changed. A price set or changed is a
//! sensitive action (the password again after 15 minutes); every write goes
//! in the audit log and moves the catalogue's version, so every server
//! renders its pages again.

use crate::domain::{
    catalogue::Category,
    money::Money,
    piece_editor::{PieceForm, PieceState},
};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A collection or material on the form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PieceChoice {
    pub slug: String,
    pub name: String,
}

/// A line of the list of pieces.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PieceRow {
    pub slug: String,
    pub name: String,
    pub category: Category,
    pub collection: String,
    pub price: Money,
    pub former_price: Option<Money>,
    pub state: PieceState,
    /// Every size together.
    pub in_stock: i64,
}

/// The list of pieces, and what the new piece's form offers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PiecesView {
    pub pieces: Vec<PieceRow>,
    pub collections: Vec<PieceChoice>,
    pub materials: Vec<PieceChoice>,
    pub password_needed: bool,
}

/// One piece's page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PieceView {
    pub form: PieceForm,
    pub name: String,
    pub category: Category,
    pub state: PieceState,
    /// What a save expects to replace.
    pub revision: i64,
    /// The piece as this page shows it, sent back with a save: a refused
    /// save says what changed since.
    pub seen: String,
    /// Per size (`""` for a one-size piece).
    pub stock: Vec<(String, i64)>,
    /// First first; none: the shop shows a placeholder drawing.
    pub pictures: Vec<super::staff_pictures::PictureRow>,
    pub collections: Vec<PieceChoice>,
    pub materials: Vec<PieceChoice>,
    pub password_needed: bool,
}

/// What a page showed of a piece, as its form sends it back.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seen {
    pub piece: PieceForm,
    pub published: bool,
}

#[cfg(feature = "ssr")]
async fn choices(
    db: &crate::store::Db,
    locale: crate::domain::locale::Locale,
) -> Result<(Vec<PieceChoice>, Vec<PieceChoice>), AppError> {
    use crate::store::pieces;
    let choice = |c: pieces::Choice| PieceChoice { slug: c.slug.as_str().to_owned(), name: c.name };
    Ok((
        pieces::collections(db, locale).await?.into_iter().map(choice).collect(),
        pieces::materials(db, locale).await?.into_iter().map(choice).collect(),
    ))
}

/// Every piece, published or not, in the shop's order.
#[server(endpoint = "staff/pieces")]
pub async fn staff_pieces() -> Result<PiecesView, AppError> {
    use crate::store::{pieces, unix_now};
    let (db, site) = super::context()?;
    let now = unix_now();
    let me = super::session::require_staff(&db, &site, now).await?;
    let t = crate::i18n::use_locale();
    let pieces = pieces::list(&db, t)
        .await?
        .into_iter()
        .map(|p| PieceRow {
            slug: p.slug.as_str().to_owned(),
            name: p.name,
            category: p.category,
            collection: p.collection,
            price: p.price,
            former_price: p.former_price,
            state: PieceState::of(p.published, p.members_preview),
            in_stock: p.in_stock,
        })
        .collect();
    let (collections, materials) = choices(&db, t).await?;
    Ok(PiecesView { pieces, collections, materials, password_needed: super::session::password_needed(&me, now) })
}

/// One piece, for its page; 404 for a piece the house does not have.
#[server(endpoint = "staff/piece")]
pub async fn staff_piece(slug: String) -> Result<PieceView, AppError> {
    use crate::domain::slug::Slug;
    use crate::store::{pieces, unix_now};
    let (db, site) = super::context()?;
    let now = unix_now();
    let me = super::session::require_staff(&db, &site, now).await?;
    let t = crate::i18n::use_locale();
    let slug = Slug::parse(slug.trim()).map_err(|_| AppError::NotFound.respond())?;
    let stored = pieces::find(&db, &slug).await?.ok_or_else(|| AppError::NotFound.respond())?;
    let form = stored.draft.form();
    let seen = serde_json::to_string(&Seen { piece: form.clone(), published: stored.published }).map_err(|error| {
        tracing::error!(%error, "a piece's page could not be written");
        AppError::Internal.respond()
    })?;
    let (collections, materials) = choices(&db, t).await?;
    Ok(PieceView {
        name: match t {
            crate::domain::locale::Locale::Fr => stored.draft.name_fr.clone(),
            crate::domain::locale::Locale::En => stored.draft.name_en.clone(),
        },
        category: stored.draft.category,
        state: PieceState::of(stored.published, stored.draft.flags.members_preview),
        revision: stored.revision,
        seen,
        stock: stored.stock,
        pictures: super::staff_pictures::rows(crate::store::piece_pictures::list(&db, stored.id).await?),
        form,
        collections,
        materials,
        password_needed: super::session::password_needed(&me, now),
    })
}

/// A field refused, named as the form posts it (`piece[price]`).
#[cfg(feature = "ssr")]
fn refused(problem: crate::domain::piece_editor::PieceProblem) -> AppError {
    let t = crate::i18n::use_locale();
    super::invalid_field(&format!("piece[{}]", problem.field()), t.staff_piece_problem(problem))
}

/// The refusal of a save that came after someone else's: the parts of the
/// piece that changed since the page showed it (`seen`), if it says.
#[cfg(feature = "ssr")]
fn changed(seen: Option<&str>, now_is: &crate::store::pieces::StoredPiece) -> AppError {
    use crate::domain::piece_editor::{changes, PieceDraft, PieceField};
    let t = crate::i18n::use_locale();
    let seen = seen.and_then(|raw| serde_json::from_str::<Seen>(raw).ok());
    let fields: Vec<PieceField> = match &seen {
        Some(seen) => {
            // The page's own day: a release day it showed was ahead then.
            let long_ago = crate::domain::day::Day { year: 2000, month: 1, day: 1 };
            let mut fields =
                PieceDraft::parse(&seen.piece, long_ago).map(|was| changes(&was, &now_is.draft)).unwrap_or_default();
            if seen.published != now_is.published {
                fields.push(PieceField::Publication);
            }
            fields
        }
        None => Vec::new(),
    };
    AppError::Conflict(t.staff_piece_changed(&fields)).respond()
}

/// Parses a revision field.
#[cfg(feature = "ssr")]
fn revision_of(raw: &str) -> Result<i64, AppError> {
    raw.trim().parse().map_err(|_| super::bad_request(crate::i18n::use_locale().staff_promo_bad_revision()))
}

/// Creates a piece (`revision` empty: not published, no stock yet) or
/// saves one at `revision`. Each bad field is a 400 naming it; a save after
/// another's is a 409 saying what changed; nothing is written either way.
#[server(endpoint = "staff/pieces/save")]
pub async fn staff_save_piece(
    piece: PieceForm,
    revision: Option<String>,
    seen: Option<String>,
    password: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::{
        audit::AuditAction,
        local_hours::paris_day_of,
        piece_editor::{check_change, sizes_removed, summary, PieceDraft, PieceProblem},
    };
    use crate::store::{audit, catalogue_version, pieces, pieces::Written, unix_now};
    let (db, site) = super::context()?;
    let now = unix_now();
    let me = super::session::require_staff(&db, &site, now).await?;
    let t = crate::i18n::use_locale();
    let today = paris_day_of(now).ok_or_else(|| AppError::Internal.respond())?;
    let draft = PieceDraft::parse(&piece, today).map_err(refused)?;
    let revision = match revision.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
        None => None,
        Some(raw) => Some(revision_of(raw)?),
    };
    let Some(revision) = revision else {
        // A new piece: its price is set, a sensitive action.
        super::session::require_recent_password(&db, &me, password, now).await?;
        let mut tx = db.begin_write().await?;
        match pieces::create(&mut tx, &draft, today).await? {
            Written::Done => {}
            Written::UnknownCollection => return Err(refused(PieceProblem::Collection)),
            Written::UnknownMaterial => return Err(refused(PieceProblem::Materials)),
            Written::Refused | Written::SizeInStock { .. } => {
                return Err(AppError::Conflict(t.staff_piece_exists(draft.slug.as_str())).respond())
            }
        }
        let entry = audit::NewEntry {
            staff: &me.customer,
            action: AuditAction::PieceCreated,
            order_id: None,
            before: String::new(),
            after: summary(&draft, false),
            detail: draft.slug.as_str().to_owned(),
        };
        audit::record(&mut tx, &entry, now).await?;
        tx.commit().await?;
        tracing::info!(piece = %draft.slug, staff = me.customer.id, "piece created");
        leptos_axum::redirect(&t.href(&format!("/staff/pieces/{}?created=1", draft.slug)));
        return Ok(());
    };

    let before = pieces::find(&db, &draft.slug).await?.ok_or_else(|| AppError::NotFound.respond())?;
    if before.revision != revision {
        return Err(changed(seen.as_deref(), &before));
    }
    check_change(&before.draft, &draft).map_err(refused)?;
    for size in sizes_removed(&before.draft, &draft) {
        let held = before.stock.iter().find(|(s, _)| s == size.as_str()).map_or(0, |(_, q)| *q);
        if held > 0 {
            return Err(super::invalid_field("piece[sizes]", t.staff_piece_size_in_stock(size.as_str(), held)));
        }
    }
    if draft == before.draft {
        leptos_axum::redirect(&t.href(&format!("/staff/pieces/{}?saved=1", draft.slug)));
        return Ok(());
    }
    if before.draft.reprices(&draft) {
        super::session::require_recent_password(&db, &me, password, now).await?;
    }
    let mut tx = db.begin_write().await?;
    match pieces::update(&mut tx, before.id, &draft, revision).await? {
        Written::Done => {}
        Written::UnknownCollection => return Err(refused(PieceProblem::Collection)),
        Written::UnknownMaterial => return Err(refused(PieceProblem::Materials)),
        Written::Refused => {
            tx.rollback().await?;
            let now_is = pieces::find(&db, &draft.slug).await?.ok_or_else(|| AppError::NotFound.respond())?;
            return Err(changed(seen.as_deref(), &now_is));
        }
        Written::SizeInStock { size, held } => {
            // Stock set on the stock page since this page was read.
            tx.rollback().await?;
            return Err(super::invalid_field("piece[sizes]", t.staff_piece_size_in_stock(&size, held)));
        }
    }
    let entry = audit::NewEntry {
        staff: &me.customer,
        action: AuditAction::PieceChanged,
        order_id: None,
        before: summary(&before.draft, before.published),
        after: summary(&draft, before.published),
        detail: draft.slug.as_str().to_owned(),
    };
    audit::record(&mut tx, &entry, now).await?;
    catalogue_version::bump(&mut tx).await?;
    tx.commit().await?;
    tracing::info!(piece = %draft.slug, staff = me.customer.id, "piece saved");
    leptos_axum::redirect(&t.href(&format!("/staff/pieces/{}?saved=1", draft.slug)));
    Ok(())
}

/// Puts a piece on the shop (`publish` true) or takes it off, if it is
/// still at `revision`. A withdrawn piece keeps its orders, its stock and
/// its alerts; to shoppers it no longer exists (a basket holding it is told
/// it is no longer available). Published again with stock, its waiting
/// alerts are sent.
#[server(endpoint = "staff/pieces/publish")]
pub async fn staff_publish_piece(
    slug: String,
    revision: String,
    publish: bool,
    seen: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::{audit::AuditAction, piece_editor::summary, slug::Slug};
    use crate::store::{audit, catalogue_version, pieces, unix_now};
    let (db, site) = super::context()?;
    let now = unix_now();
    let me = super::session::require_staff(&db, &site, now).await?;
    let t = crate::i18n::use_locale();
    let slug = Slug::parse(slug.trim()).map_err(|_| AppError::NotFound.respond())?;
    let revision = revision_of(&revision)?;
    let before = pieces::find(&db, &slug).await?.ok_or_else(|| AppError::NotFound.respond())?;
    if before.revision != revision {
        return Err(changed(seen.as_deref(), &before));
    }
    let said = if publish { "published=1" } else { "withdrawn=1" };
    if before.published != publish {
        let mut tx = db.begin_write().await?;
        if !pieces::set_published(&mut tx, before.id, revision, publish).await? {
            tx.rollback().await?;
            let now_is = pieces::find(&db, &slug).await?.ok_or_else(|| AppError::NotFound.respond())?;
            return Err(changed(seen.as_deref(), &now_is));
        }
        // Stock that came back while the piece was off the shop told no one
        // (there was no page to send them to): published, it does now.
        let mut alerts_sent = 0;
        if publish {
            for size in pieces::sizes_in_stock(&mut tx, before.id).await? {
                alerts_sent += crate::restock::send_alerts(&mut tx, &site, before.id, &size, now).await?;
            }
        }
        let entry = audit::NewEntry {
            staff: &me.customer,
            action: if publish { AuditAction::PiecePublished } else { AuditAction::PieceWithdrawn },
            order_id: None,
            before: summary(&before.draft, before.published),
            after: summary(&before.draft, publish),
            detail: if publish {
                format!("{slug}; {alerts_sent} back-in-stock email(s)")
            } else {
                slug.as_str().to_owned()
            },
        };
        audit::record(&mut tx, &entry, now).await?;
        catalogue_version::bump(&mut tx).await?;
        tx.commit().await?;
        tracing::info!(piece = %slug, staff = me.customer.id, publish, "piece published or withdrawn");
    }
    leptos_axum::redirect(&t.href(&format!("/staff/pieces/{slug}?{said}")));
    Ok(())
}

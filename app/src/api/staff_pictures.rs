//! A piece's pictures in the back office (PRODUCT.md §9, issue 16 part
//! 2): upload one, move it, describe it in both languages, remove it.
//! Each form names the piece's revision its page showed, like the piece's
//! own form, so staff working on the same piece never undo each other
//! silently; every change goes to the audit log and moves the catalogue's
//! version (the shop shows it at once, on every server).

use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};
use serde::{Deserialize, Serialize};

/// A picture on its piece's page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PictureRow {
    pub position: i64,
    /// The smallest file, for the page's thumbnail.
    pub thumbnail: String,
    pub alt_en: String,
    pub alt_fr: String,
    /// One of the house's drawings, not an upload.
    pub drawing: bool,
}

#[cfg(feature = "ssr")]
pub(crate) fn rows(pictures: Vec<crate::store::piece_pictures::StoredPicture>) -> Vec<PictureRow> {
    use crate::domain::piece_picture::Format;
    pictures
        .into_iter()
        .map(|p| PictureRow {
            position: p.position,
            thumbnail: p.renditions.as_ref().map_or(p.src.clone(), |r| r.url(r.widths[0], Format::Jpeg)),
            alt_en: p.alt_en,
            alt_fr: p.alt_fr,
            drawing: p.renditions.is_none(),
        })
        .collect()
}

/// The most bytes a text field of the upload may hold.
#[cfg(feature = "ssr")]
const MAX_FIELD_BYTES: usize = 4 * 1024;

/// The piece `slug` if its page is still current (at `revision`): a 404
/// if there is no such piece, a 409 if it moved on since.
#[cfg(feature = "ssr")]
async fn current(
    db: &crate::store::Db,
    slug: &crate::domain::slug::Slug,
    revision: i64,
) -> Result<crate::store::pieces::StoredPiece, AppError> {
    let piece = crate::store::pieces::find(db, slug).await?.ok_or_else(|| AppError::NotFound.respond())?;
    if piece.revision != revision {
        return Err(changed());
    }
    Ok(piece)
}

/// Someone else changed the piece since the page was read.
#[cfg(feature = "ssr")]
fn changed() -> AppError {
    AppError::Conflict(crate::i18n::use_locale().staff_pictures_changed().to_owned()).respond()
}

#[cfg(feature = "ssr")]
fn picture_problem(problem: crate::domain::piece_picture::PictureProblem) -> AppError {
    let t = crate::i18n::use_locale();
    super::invalid_field(problem.field(), t.staff_picture_problem(problem))
}

#[cfg(feature = "ssr")]
fn back_to(slug: &crate::domain::slug::Slug, said: &str) {
    let t = crate::i18n::use_locale();
    leptos_axum::redirect(&t.href(&format!("/staff/pieces/{slug}?{said}#pictures")));
}

/// Adds a picture to a piece: a multipart form with `slug`, `revision`,
/// `alt_en`, `alt_fr` and the file as `picture` (a JPEG, PNG or WebP by
/// its bytes, at least 400 pixels a side). A refusal is a 400 naming the
/// field, and nothing is kept.
#[server(endpoint = "staff/pieces/pictures/add", input = MultipartFormData)]
pub async fn staff_add_picture(data: MultipartData) -> Result<(), AppError> {
    use crate::domain::{
        audit::AuditAction,
        piece_picture::{parse_alt, PictureProblem, MAX_PICTURE_BYTES},
        slug::Slug,
    };
    use crate::photos::PhotoStore;
    use crate::store::{audit, catalogue_version, piece_pictures, unix_now};
    let (db, site) = super::context()?;
    let now = unix_now();
    let t = crate::i18n::use_locale();
    let unreadable = || super::bad_request(t.staff_picture_form_unreadable());
    let Some(mut form) = data.into_inner() else { return Err(unreadable()) };
    let me = match super::session::require_staff(&db, &site, now).await {
        Ok(me) => me,
        Err(refused) => {
            // The browser is still sending the picture: read it through (no
            // further than a picture may be) so that it reads the refusal
            // ("please sign in again") rather than a connection cut under it.
            let mut left = MAX_PICTURE_BYTES + 64 * 1024;
            while let Ok(Some(mut field)) = form.next_field().await {
                while let Ok(Some(chunk)) = field.chunk().await {
                    left = left.saturating_sub(chunk.len());
                    if left == 0 {
                        return Err(refused);
                    }
                }
            }
            return Err(refused);
        }
    };
    let mut text = std::collections::HashMap::<String, String>::new();
    let mut file: Option<Vec<u8>> = None;
    // Read as it arrives, never past the limits.
    while let Some(mut field) = form.next_field().await.map_err(|_| unreadable())? {
        let name = field.name().unwrap_or_default().to_owned();
        let is_file = name == "picture";
        let limit = if is_file { MAX_PICTURE_BYTES } else { MAX_FIELD_BYTES };
        let mut bytes = Vec::new();
        while let Some(chunk) = field.chunk().await.map_err(|_| unreadable())? {
            if bytes.len() + chunk.len() > limit {
                return Err(if is_file { picture_problem(PictureProblem::TooLarge) } else { unreadable() });
            }
            bytes.extend_from_slice(&chunk);
        }
        if is_file {
            if file.is_some() {
                return Err(unreadable());
            }
            file = Some(bytes);
        } else if text.len() < 10 {
            text.insert(name, String::from_utf8(bytes).map_err(|_| unreadable())?);
        } else {
            return Err(unreadable());
        }
    }
    let field = |name: &str| text.get(name).map(String::as_str).unwrap_or_default();
    let slug = Slug::parse(field("slug").trim()).map_err(|_| AppError::NotFound.respond())?;
    let revision: i64 = field("revision").trim().parse().map_err(|_| unreadable())?;
    let alt_en = parse_alt(field("alt_en"), PictureProblem::AltEn).map_err(picture_problem)?;
    let alt_fr = parse_alt(field("alt_fr"), PictureProblem::AltFr).map_err(picture_problem)?;
    let made = crate::pictures::make_off_thread(file.unwrap_or_default()).await.map_err(picture_problem)?;
    let store = use_context::<PhotoStore>().ok_or_else(|| {
        tracing::error!("the photo store was not provided to the app");
        AppError::Internal.respond()
    })?;
    // The files first: a row never names a file that is not there. Their
    // names are the picture's hash, so writing them again is harmless.
    crate::pictures::store(&store, &made).await.map_err(|error| {
        tracing::error!(%error, "a picture could not be written to the store");
        AppError::Internal.respond()
    })?;
    let written = async {
        let piece = current(&db, &slug, revision).await?;
        let mut tx = db.begin_write().await?;
        // Guarded by the row itself: a change committed since the read above loses us the claim.
        if !piece_pictures::claim(&mut tx, piece.id, revision).await? {
            return Err(changed());
        }
        if !piece_pictures::add(&mut tx, piece.id, &made, &alt_en, &alt_fr).await? {
            return Err(picture_problem(PictureProblem::TooMany));
        }
        let entry = audit::NewEntry {
            staff: &me.customer,
            action: AuditAction::PictureAdded,
            order_id: None,
            before: String::new(),
            after: format!("{} ({}); en: {alt_en}; fr: {alt_fr}", made.renditions.stem, made.renditions.widths_text()),
            detail: slug.as_str().to_owned(),
        };
        audit::record(&mut tx, &entry, now).await?;
        catalogue_version::bump(&mut tx).await?;
        tx.commit().await?;
        Ok::<(), AppError>(())
    }
    .await;
    // Dropped without a commit, the transaction rolled back.
    if let Err(error) = written {
        // Unless another picture already shows these very pixels.
        if !piece_pictures::stem_in_use(&mut *db.pool.acquire().await?, &made.renditions.stem).await? {
            crate::pictures::forget(&store, &crate::pictures::names(&made.files)).await;
        }
        return Err(error);
    }
    tracing::info!(piece = %slug, staff = me.customer.id, stem = %made.renditions.stem, "picture added");
    back_to(&slug, "picture=added");
    Ok(())
}

/// Moves a picture up or down, saves its alt texts, or removes it
/// (`action`: `up`, `down`, `alt`, `remove`), if the piece is still at
/// `revision`.
#[server(endpoint = "staff/pieces/pictures/change")]
pub async fn staff_change_picture(
    slug: String,
    revision: String,
    position: String,
    action: String,
    alt_en: Option<String>,
    alt_fr: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::{
        audit::AuditAction,
        piece_picture::{parse_alt, PictureAction, PictureProblem},
        slug::Slug,
    };
    use crate::photos::PhotoStore;
    use crate::store::{audit, catalogue_version, piece_pictures, unix_now};
    let (db, site) = super::context()?;
    let now = unix_now();
    let me = super::session::require_staff(&db, &site, now).await?;
    let t = crate::i18n::use_locale();
    let unreadable = || super::bad_request(t.staff_picture_form_unreadable());
    let slug = Slug::parse(slug.trim()).map_err(|_| AppError::NotFound.respond())?;
    let revision: i64 = revision.trim().parse().map_err(|_| unreadable())?;
    let position: i64 = position.trim().parse().map_err(|_| unreadable())?;
    let action: PictureAction = action.trim().parse().map_err(|_| unreadable())?;
    let alts = match action {
        PictureAction::Alt => Some((
            parse_alt(alt_en.as_deref().unwrap_or_default(), PictureProblem::AltEn).map_err(picture_problem)?,
            parse_alt(alt_fr.as_deref().unwrap_or_default(), PictureProblem::AltFr).map_err(picture_problem)?,
        )),
        _ => None,
    };
    let piece = current(&db, &slug, revision).await?;
    let mut tx = db.begin_write().await?;
    // Guarded by the row itself: a change committed since the read above loses us the claim.
    let picture = match piece_pictures::claim(&mut tx, piece.id, revision).await? {
        true => piece_pictures::at(&mut tx, piece.id, position).await?,
        false => None,
    };
    let Some(picture) = picture else {
        tx.rollback().await?;
        return Err(changed());
    };
    let last = piece_pictures::count(&mut tx, piece.id).await? - 1;
    let describe = |p: &piece_pictures::StoredPicture| {
        let what = p.renditions.as_ref().map_or(p.src.clone(), |r| r.stem.clone());
        format!("#{} {what}; en: {}; fr: {}", p.position + 1, p.alt_en, p.alt_fr)
    };
    let (audit_action, after, said) = match action {
        PictureAction::Up | PictureAction::Down => {
            let to = if action == PictureAction::Up { position - 1 } else { position + 1 };
            if !(0..=last).contains(&to) {
                // Already first (or last): nothing to do, nothing written.
                tx.rollback().await?;
                back_to(&slug, "picture=moved");
                return Ok(());
            }
            piece_pictures::swap(&mut tx, piece.id, position, to).await?;
            (AuditAction::PictureMoved, format!("#{}", to + 1), "picture=moved")
        }
        PictureAction::Alt => {
            let (en, fr) = alts.unwrap_or_default();
            piece_pictures::describe(&mut tx, piece.id, position, &en, &fr).await?;
            let now_is = piece_pictures::StoredPicture { alt_en: en, alt_fr: fr, ..picture.clone() };
            (AuditAction::PictureDescribed, describe(&now_is), "picture=described")
        }
        PictureAction::Remove => {
            piece_pictures::remove(&mut tx, piece.id, position).await?;
            (AuditAction::PictureRemoved, String::new(), "picture=removed")
        }
    };
    let entry = audit::NewEntry {
        staff: &me.customer,
        action: audit_action,
        order_id: None,
        before: describe(&picture),
        after,
        detail: slug.as_str().to_owned(),
    };
    audit::record(&mut tx, &entry, now).await?;
    catalogue_version::bump(&mut tx).await?;
    let forget = match (&picture.renditions, action) {
        (Some(renditions), PictureAction::Remove)
            if !piece_pictures::stem_in_use(&mut tx, &renditions.stem).await? =>
        {
            Some(renditions.clone())
        }
        _ => None,
    };
    tx.commit().await?;
    // After the commit: a page rendered before it may still name the files
    // for a moment, and the shop's own pages no longer do.
    if let (Some(renditions), Some(store)) = (forget, use_context::<PhotoStore>()) {
        crate::pictures::forget(&store, &crate::pictures::file_names(&renditions)).await;
    }
    tracing::info!(piece = %slug, staff = me.customer.id, ?action, "picture changed");
    back_to(&slug, said);
    Ok(())
}

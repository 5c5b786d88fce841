//! `/newsletter/one-click?token=…`: the `List-Unsubscribe` address of every
//! newsletter email (RFC 8058). Mail clients POST `List-Unsubscribe=One-Click`
//! to it; a person who opens it in a browser is sent to the unsubscribe page,
//! in their language (the goodbye email too: [`Locale::of_request`]).

use app::i18n::Locale;
use app::store::{unix_now, Db};
use axum::{
    extract::Query,
    http::{request::Parts, StatusCode},
    response::{IntoResponse, Redirect, Response},
    Extension,
};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct Link {
    token: Option<String>,
}

/// The mail client's POST: unsubscribes, answers 200 with no page (the
/// short answers are for the mail client, not for a person).
pub async fn post(Extension(db): Extension<Db>, Query(link): Query<Link>, parts: Parts) -> Response {
    let token = link.token.unwrap_or_default();
    let locale = Locale::of_request(&parts);
    match app::api::newsletter::unsubscribe_by_token(&db, &token, locale, unix_now()).await {
        Ok(Some(_)) => (StatusCode::OK, "Unsubscribed.").into_response(),
        Ok(None) => (StatusCode::NOT_FOUND, "This unsubscribe link is not one of ours.").into_response(),
        Err(_) => (StatusCode::INTERNAL_SERVER_ERROR, "Please try again in a moment.").into_response(),
    }
}

/// A browser's GET: the page that unsubscribes and says so.
pub async fn get(Query(link): Query<Link>, parts: Parts) -> Response {
    // Only a well-formed token goes into the address; the page explains a bad one.
    let token = link.token.as_deref().and_then(app::auth::token::Token::parse);
    let token = token.as_ref().map(|t| t.as_str()).unwrap_or_default();
    let locale = Locale::of_request(&parts);
    Redirect::to(&locale.href(&format!("/newsletter/unsubscribe?token={token}"))).into_response()
}

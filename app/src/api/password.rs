//! Forgotten and changed passwords (PRODUCT.md §4).

use crate::error::AppError;
use leptos::prelude::*;

/// Emails a single-use reset link, if the address has an account. The
/// answer is the same either way.
#[server(endpoint = "account/forgot-password")]
pub async fn request_password_reset(email: String) -> Result<String, AppError> {
    use super::session;
    use crate::domain::{
        account::Email,
        rate_limit::{RESET_PER_ADDRESS, RESET_PER_CLIENT},
    };
    use crate::store::{account_tokens, customers, outbox, unix_now};
    let t = crate::i18n::use_locale();
    let (db, site) = super::context()?;
    let now = unix_now();
    let email = Email::parse(&email).map_err(|p| super::invalid_field("email", t.account_email_problem(&p)))?;
    let (address, client) = (email.lookup_key(), session::client());
    let limits = [(RESET_PER_ADDRESS, address.as_str()), (RESET_PER_CLIENT, client.as_str())];
    session::attempt(&db, &limits, now).await?.keep();
    if let Some((id, _)) = customers::credentials(&db, &email).await? {
        let mut tx = db.begin_write().await?;
        let token = account_tokens::issue(&mut tx, id, account_tokens::Purpose::Reset, now).await?;
        let path = format!("/account/reset-password?token={}", token.as_str());
        outbox::enqueue(&mut tx, &crate::emails::password_reset(t, &email, &site, &path), now).await?;
        tx.commit().await?;
    }
    Ok(t.account_reset_link_sent(email.as_str()))
}

/// Whether a reset link still works, so the page shows the form or says it is dead.
#[server(endpoint = "account/reset-link")]
pub async fn check_reset_link(token: String) -> Result<bool, AppError> {
    use crate::auth::token::Token;
    use crate::store::{account_tokens, unix_now};
    let (db, _) = super::context()?;
    super::session::no_store();
    let Some(token) = Token::parse(&token) else { return Ok(false) };
    Ok(account_tokens::check(&db, &token, account_tokens::Purpose::Reset, unix_now()).await?.is_some())
}

/// Sets a new password from a reset link, ends every session of the
/// account, and sends the shopper to sign in with it.
#[server(endpoint = "account/reset-password")]
pub async fn reset_password(token: String, password: String) -> Result<(), AppError> {
    use crate::auth::token::Token;
    use crate::domain::account::NewPassword;
    use crate::store::{account_tokens, customers, outbox, sessions, unix_now};
    let t = crate::i18n::use_locale();
    let (db, _) = super::context()?;
    let now = unix_now();
    let dead = || super::bad_request(t.account_reset_link_dead());
    let token = Token::parse(&token).ok_or_else(dead)?;
    let id = account_tokens::check(&db, &token, account_tokens::Purpose::Reset, now).await?.ok_or_else(dead)?;
    let customer = customers::get(&db, id).await?.ok_or_else(dead)?;
    // A weak password is refused before the link is used up, so the shopper can try again.
    let password = NewPassword::parse(&password, &customer.email)
        .map_err(|p| super::bad_request(t.account_password_problem(&p)))?;
    let hash = super::hash_password(password).await?;
    let mut tx = db.begin_write().await?;
    account_tokens::consume(&mut tx, &token, account_tokens::Purpose::Reset, now).await?.ok_or_else(dead)?;
    customers::set_password(&mut tx, id, &hash).await?;
    account_tokens::spend_all(&mut tx, id, account_tokens::Purpose::Reset, now).await?;
    // The link reached the inbox: the address is the customer's.
    customers::mark_verified(&mut tx, id, now).await?;
    let ended = sessions::end_all_for(&mut tx, id, None).await?;
    outbox::enqueue(&mut tx, &crate::emails::password_changed(customer.locale, &customer.email), now).await?;
    tx.commit().await?;
    // The link reached the owner's inbox: wrong passwords others typed for
    // the address no longer keep its owner from signing in anywhere.
    let address = customer.email.lookup_key();
    crate::store::rate_limits::clear(&db, crate::domain::rate_limit::SIGN_IN_PER_ADDRESS, &address).await?;
    tracing::info!(customer = id, sessions_ended = ended, "password reset");
    leptos_axum::redirect(&t.href("/account/sign-in?reset=done"));
    Ok(())
}

/// Changes the signed-in customer's password; the current one is required.
/// Every other session of the account ends.
#[server(endpoint = "account/password")]
pub async fn change_password(current_password: String, new_password: String) -> Result<String, AppError> {
    use super::session;
    use crate::domain::{account::NewPassword, rate_limit::SIGN_IN_PER_ADDRESS};
    use crate::store::{customers, outbox, sessions, unix_now};
    let t = crate::i18n::use_locale();
    let (db, site) = super::context()?;
    let now = unix_now();
    // A stolen staff password alone cannot change it.
    let me = session::require_whole(&db, &site, now).await?;
    let address = me.customer.email.lookup_key();
    let attempt = session::attempt(&db, &[(SIGN_IN_PER_ADDRESS, address.as_str())], now).await?;
    let stored = customers::password_hash(&db, me.customer.id).await?.unwrap_or_default();
    if !super::password_matches(current_password, stored).await? {
        attempt.keep();
        return Err(AppError::Unauthorized(t.account_current_password_wrong().to_owned()).respond());
    }
    attempt.forgive(&db).await?;
    let password = NewPassword::parse(&new_password, &me.customer.email)
        .map_err(|p| super::bad_request(t.account_password_problem(&p)))?;
    let hash = super::hash_password(password).await?;
    let mut tx = db.begin_write().await?;
    customers::set_password(&mut tx, me.customer.id, &hash).await?;
    let ended = sessions::end_all_for(&mut tx, me.customer.id, Some(&me.token)).await?;
    outbox::enqueue(&mut tx, &crate::emails::password_changed(me.customer.locale, &me.customer.email), now).await?;
    tx.commit().await?;
    Ok(t.account_password_changed(ended))
}

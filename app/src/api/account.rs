//! Registering, signing in and out, the account's details, confirming the
//! address, and deleting the account (PRODUCT.md §4).

use crate::domain::newsletter::Subscription;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the account pages show about the signed-in customer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountView {
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub phone: Option<String>,
    pub email_verified: bool,
    pub newsletter: Subscription,
    /// The language the house's emails to the customer are written in.
    pub email_language: crate::i18n::Locale,
}

/// Opens an account, signs the new customer in and sends the welcome email
/// (with the link that confirms the address), then goes to `next`.
#[server(endpoint = "account/register")]
pub async fn register(
    email: String,
    password: String,
    first_name: String,
    last_name: String,
    next: Option<String>,
) -> Result<(), AppError> {
    use super::session;
    use crate::domain::{
        account::{Email, NewPassword},
        next_path::NextPath,
        profile::PersonalDetails,
        rate_limit::REGISTER_PER_CLIENT,
    };
    use crate::store::{account_tokens, customers, outbox, unix_now};

    let t = crate::i18n::use_locale();
    let (db, site) = super::context()?;
    let now = unix_now();
    let client = session::client();
    // Every try counts, before anything is read: an address already taken
    // is an answer worth limiting.
    session::attempt(&db, &[(REGISTER_PER_CLIENT, client.as_str())], now).await?.keep();
    let email = Email::parse(&email).map_err(|p| super::invalid_field("email", t.account_email_problem(&p)))?;
    let details = PersonalDetails::parse(&first_name, &last_name, "")
        .map_err(|p| super::invalid_field(p.field.name(), t.account_field_problem(&p)))?;
    let password = NewPassword::parse(&password, &email)
        .map_err(|p| super::invalid_field("password", t.account_password_problem(&p)))?;
    let taken = || super::invalid_field("email", t.account_email_taken());
    if customers::exists(&db, &email).await? {
        return Err(taken());
    }
    let hash = super::hash_password(password).await?;
    let mut tx = db.begin_write().await?;
    let Some(id) = customers::create(&mut tx, &email, &hash, &details, t, now).await? else { return Err(taken()) };
    let verify = account_tokens::issue(&mut tx, id, account_tokens::Purpose::Verify, now).await?;
    let verify_path = format!("/account/verify?token={}", verify.as_str());
    let welcome = crate::emails::welcome(t, &email, &details.first_name, &site, &verify_path);
    outbox::enqueue(&mut tx, &welcome, now).await?;
    session::start(&mut tx, &site, id, now).await?;
    tx.commit().await?;
    tracing::info!(customer = id, "account opened");
    leptos_axum::redirect(&NextPath::parse(next.as_deref()).href(t));
    Ok(())
}

/// Signs a customer in and goes to `next`. A wrong password and an unknown
/// address get the same answer, in about the same time.
#[server(endpoint = "account/sign-in")]
pub async fn sign_in(email: String, password: String, next: Option<String>) -> Result<(), AppError> {
    use super::{bad_request, session};
    use crate::auth::password;
    use crate::domain::{
        account::Email,
        next_path::NextPath,
        rate_limit::{SIGN_IN_PER_ADDRESS, SIGN_IN_PER_CLIENT},
    };
    use crate::store::{customers, unix_now};

    let t = crate::i18n::use_locale();
    let (db, site) = super::context()?;
    let now = unix_now();
    let email = Email::parse(&email).map_err(|p| bad_request(t.account_email_problem(&p)))?;
    let (address, client) = (email.lookup_key(), session::client());
    let keys = super::shop_keys(&db).await?;
    // A browser the account signed in from before is counted apart (the
    // lock-out design: `api::known_device`).
    let subject = super::known_device::limit_subject(&keys, &site, &address);
    let limits = [(SIGN_IN_PER_ADDRESS, subject.as_str()), (SIGN_IN_PER_CLIENT, client.as_str())];
    // Counted before the password is checked, forgiven if it is right.
    let attempt = session::attempt(&db, &limits, now).await?;
    let credentials = customers::credentials(&db, &email).await?;
    let signed_in = match credentials {
        Some((id, stored)) => super::password_matches(password, stored).await?.then_some(id),
        None => {
            super::password_work(move || password::decoy_verify(&password)).await?;
            None
        }
    };
    let Some(id) = signed_in else {
        attempt.keep();
        return Err(AppError::Unauthorized(t.account_sign_in_refused().to_owned()).respond());
    };
    attempt.forgive(&db).await?;
    let mut tx = db.begin_write().await?;
    session::start(&mut tx, &site, id, now).await?;
    let staff = customers::get_in(&mut tx, id).await?.is_some_and(|c| c.is_staff);
    tx.commit().await?;
    super::known_device::remember(&keys, &site, &address)?;
    if staff {
        // Staff type their second factor next, then go where they were
        // going, or to the back office (rather than the account page the
        // sign-in form names when it was given nowhere to go); until they
        // type it, the session is only a customer's.
        let next = NextPath::parse(next.as_deref());
        let next = if next.as_str() == NextPath::ACCOUNT { NextPath::parse(Some("/staff")) } else { next };
        leptos_axum::redirect(&t.href(&format!(
            "/staff/second-factor?next={}",
            crate::domain::next_path::encode_query_value(next.as_str())
        )));
    } else {
        leptos_axum::redirect(&NextPath::parse(next.as_deref()).href(t));
    }
    Ok(())
}

/// Ends this browser's session and goes to the home page.
#[server(endpoint = "account/sign-out")]
pub async fn sign_out() -> Result<(), AppError> {
    let (db, site) = super::context()?;
    super::session::end(&db, &site).await?;
    leptos_axum::redirect(&crate::i18n::use_locale().href("/"));
    Ok(())
}

/// The signed-in customer's account; 401 for anyone else.
#[server(endpoint = "account/me")]
pub async fn my_account() -> Result<AccountView, AppError> {
    use crate::store::{newsletter, unix_now};
    let (db, site) = super::context()?;
    let me = super::session::require(&db, &site, unix_now()).await?.customer;
    let subscription = newsletter::status(&db, &me.email).await?;
    Ok(AccountView {
        email: me.email.to_string(),
        first_name: me.details.first_name,
        last_name: me.details.last_name,
        phone: me.details.phone,
        email_verified: me.email_verified,
        newsletter: subscription,
        email_language: me.locale,
    })
}

/// Sets the language the house's emails to the signed-in customer are
/// written in (`fr` or `en`).
#[server(endpoint = "account/email-language")]
pub async fn set_email_language(language: String) -> Result<String, AppError> {
    use crate::store::{customers, unix_now};
    let t = crate::i18n::use_locale();
    let (db, site) = super::context()?;
    let me = super::session::require(&db, &site, unix_now()).await?.customer;
    let chosen =
        crate::i18n::Locale::parse(&language).ok_or_else(|| super::bad_request(t.account_email_language_unknown()))?;
    customers::set_locale(&db, me.id, chosen).await?;
    Ok(t.account_email_language_saved(chosen))
}

/// Saves the signed-in customer's personal details.
#[server(endpoint = "account/details")]
pub async fn update_details(first_name: String, last_name: String, phone: String) -> Result<String, AppError> {
    use crate::domain::profile::PersonalDetails;
    use crate::store::{customers, unix_now};
    let t = crate::i18n::use_locale();
    let (db, site) = super::context()?;
    let me = super::session::require(&db, &site, unix_now()).await?.customer;
    let details = PersonalDetails::parse(&first_name, &last_name, &phone)
        .map_err(|p| super::invalid_field(p.field.name(), t.account_field_problem(&p)))?;
    customers::update_details(&db, me.id, &details).await?;
    Ok(t.account_details_saved().to_owned())
}

/// Confirms the customer's email address from the welcome email's link.
#[server(endpoint = "account/verify")]
pub async fn verify_email(token: String) -> Result<String, AppError> {
    use crate::auth::token::Token;
    use crate::store::{account_tokens, customers, unix_now};
    let t = crate::i18n::use_locale();
    let (db, _) = super::context()?;
    let dead = || super::bad_request(t.account_verify_link_dead());
    let token = Token::parse(&token).ok_or_else(dead)?;
    let now = unix_now();
    let mut tx = db.begin_write().await?;
    let id = account_tokens::consume(&mut tx, &token, account_tokens::Purpose::Verify, now).await?.ok_or_else(dead)?;
    customers::mark_verified(&mut tx, id, now).await?;
    tx.commit().await?;
    // The page's button posts without JavaScript: back to it, done.
    if super::posted_without_javascript() {
        leptos_axum::redirect(&t.href("/account/verify?done=1"));
    }
    Ok(t.account_verify_done().to_owned())
}

/// Deletes the signed-in customer's account, after the password is entered
/// again: personal data erased, sessions ended, the address free again.
#[server(endpoint = "account/delete")]
pub async fn delete_account(password: String) -> Result<(), AppError> {
    use super::session;
    use crate::domain::rate_limit::SIGN_IN_PER_ADDRESS;
    use crate::store::{customers, outbox, unix_now};
    let t = crate::i18n::use_locale();
    let (db, site) = super::context()?;
    let now = unix_now();
    // A stolen staff password alone cannot erase the account.
    let me = session::require_whole(&db, &site, now).await?.customer;
    let address = me.email.lookup_key();
    // Re-entering a password is a sign-in attempt: the same limit applies.
    let attempt = session::attempt(&db, &[(SIGN_IN_PER_ADDRESS, address.as_str())], now).await?;
    let stored = customers::password_hash(&db, me.id).await?.unwrap_or_default();
    if !super::password_matches(password, stored).await? {
        attempt.keep();
        return Err(AppError::Unauthorized(t.account_delete_password_wrong().to_owned()).respond());
    }
    attempt.forgive(&db).await?;
    let mut tx = db.begin_write().await?;
    let erased = customers::erase(&mut tx, me.id).await?;
    // The one email left about the address: that its account is gone. It
    // holds no link, and goes with the retention period like any other.
    outbox::enqueue(&mut tx, &crate::emails::account_deleted(me.locale, &me.email), now).await?;
    tx.commit().await?;
    // The photos' files once their rows are gone: a file whose deletion
    // fails is logged, and reachable by nobody (no row names it).
    if let Some(photos) = use_context::<crate::photos::PhotoStore>() {
        for key in &erased.photo_keys {
            photos.forget(key).await;
        }
    }
    session::forget_cookie(&site)?;
    tracing::info!(customer = me.id, "account deleted by its owner");
    leptos_axum::redirect(&t.href("/account/deleted"));
    Ok(())
}

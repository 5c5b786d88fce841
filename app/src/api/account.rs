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
}

/// The one answer to a refused sign-in, whether the address has an account or not.
pub const SIGN_IN_REFUSED: &str = "The email address or password is incorrect.";

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
    use super::{bad_request, session};
    use crate::domain::{
        account::{Email, NewPassword},
        next_path::NextPath,
        profile::PersonalDetails,
        rate_limit::REGISTER_PER_CLIENT,
    };
    use crate::store::{account_tokens, customers, outbox, unix_now};

    let (db, site) = super::context()?;
    let now = unix_now();
    let client = session::client();
    let limits = [(REGISTER_PER_CLIENT, client.as_str())];
    session::within_limits(&db, &limits, now).await?;
    let email = Email::parse(&email).map_err(bad_request)?;
    let details = PersonalDetails::parse(&first_name, &last_name, "").map_err(bad_request)?;
    let password = NewPassword::parse(&password, &email).map_err(bad_request)?;
    let taken = || {
        bad_request(
            "An account already exists for this email address. Please sign in, or choose a new password if you have forgotten yours.",
        )
    };
    if customers::exists(&db, &email).await? {
        return Err(taken());
    }
    let hash = super::hash_password(password).await?;
    let mut tx = db.begin_write().await?;
    let Some(id) = customers::create(&mut tx, &email, &hash, &details, now).await? else { return Err(taken()) };
    let verify = account_tokens::issue(&mut tx, id, account_tokens::Purpose::Verify, now).await?;
    let verify_url = site.url(&format!("/account/verify?token={}", verify.as_str()));
    outbox::enqueue(&mut tx, &crate::emails::welcome(&email, &details.first_name, &verify_url), now).await?;
    session::start(&mut tx, &site, id, now).await?;
    tx.commit().await?;
    session::count_attempt(&db, &limits, now).await?;
    tracing::info!(customer = id, "account opened");
    leptos_axum::redirect(NextPath::parse(next.as_deref()).as_str());
    Ok(())
}

/// Signs a customer in and goes to `next`. A wrong password and an unknown
/// address get the same answer, in about the same time.
#[server(endpoint = "account/sign-in")]
pub async fn sign_in(email: String, password: String, next: Option<String>) -> Result<(), AppError> {
    use super::{bad_request, blocking, session};
    use crate::auth::password;
    use crate::domain::{
        account::Email,
        next_path::NextPath,
        rate_limit::{SIGN_IN_PER_ADDRESS, SIGN_IN_PER_CLIENT},
    };
    use crate::store::{customers, unix_now};

    let (db, site) = super::context()?;
    let now = unix_now();
    let email = Email::parse(&email).map_err(bad_request)?;
    let (address, client) = (email.lookup_key(), session::client());
    let limits = [(SIGN_IN_PER_ADDRESS, address.as_str()), (SIGN_IN_PER_CLIENT, client.as_str())];
    session::within_limits(&db, &limits, now).await?;
    let credentials = customers::credentials(&db, &email).await?;
    let signed_in = match credentials {
        Some((id, stored)) => super::password_matches(password, stored).await?.then_some(id),
        None => {
            blocking(move || password::decoy_verify(&password)).await?;
            None
        }
    };
    let Some(id) = signed_in else {
        session::count_attempt(&db, &limits, now).await?;
        return Err(AppError::Unauthorized(SIGN_IN_REFUSED.to_owned()).respond());
    };
    let mut tx = db.begin_write().await?;
    session::start(&mut tx, &site, id, now).await?;
    tx.commit().await?;
    leptos_axum::redirect(NextPath::parse(next.as_deref()).as_str());
    Ok(())
}

/// Ends this browser's session and goes to the home page.
#[server(endpoint = "account/sign-out")]
pub async fn sign_out() -> Result<(), AppError> {
    let (db, site) = super::context()?;
    super::session::end(&db, &site).await?;
    leptos_axum::redirect("/");
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
    })
}

/// Saves the signed-in customer's personal details.
#[server(endpoint = "account/details")]
pub async fn update_details(first_name: String, last_name: String, phone: String) -> Result<String, AppError> {
    use crate::domain::profile::PersonalDetails;
    use crate::store::{customers, unix_now};
    let (db, site) = super::context()?;
    let me = super::session::require(&db, &site, unix_now()).await?.customer;
    let details = PersonalDetails::parse(&first_name, &last_name, &phone).map_err(super::bad_request)?;
    customers::update_details(&db, me.id, &details).await?;
    Ok("Your details are saved.".to_owned())
}

/// Confirms the customer's email address from the welcome email's link.
#[server(endpoint = "account/verify")]
pub async fn verify_email(token: String) -> Result<String, AppError> {
    use crate::auth::token::Token;
    use crate::store::{account_tokens, customers, unix_now};
    let (db, _) = super::context()?;
    let dead = || {
        super::bad_request(
            "This confirmation link does not work any more: it was used already, or is more than a week old.",
        )
    };
    let token = Token::parse(&token).ok_or_else(dead)?;
    let now = unix_now();
    let mut tx = db.begin_write().await?;
    let id = account_tokens::consume(&mut tx, &token, account_tokens::Purpose::Verify, now).await?.ok_or_else(dead)?;
    customers::mark_verified(&mut tx, id, now).await?;
    tx.commit().await?;
    Ok("Thank you: your email address is confirmed.".to_owned())
}

/// Deletes the signed-in customer's account, after the password is entered
/// again: personal data erased, sessions ended, the address free again.
#[server(endpoint = "account/delete")]
pub async fn delete_account(password: String) -> Result<(), AppError> {
    use super::session;
    use crate::domain::rate_limit::SIGN_IN_PER_ADDRESS;
    use crate::store::{customers, newsletter, outbox, unix_now};
    let (db, site) = super::context()?;
    let now = unix_now();
    let me = session::require(&db, &site, now).await?.customer;
    let address = me.email.lookup_key();
    // Re-entering a password is a sign-in attempt: the same limit applies.
    let limits = [(SIGN_IN_PER_ADDRESS, address.as_str())];
    session::within_limits(&db, &limits, now).await?;
    let stored = customers::password_hash(&db, me.id).await?.unwrap_or_default();
    if !super::password_matches(password, stored).await? {
        session::count_attempt(&db, &limits, now).await?;
        return Err(
            AppError::Unauthorized("The password is incorrect. Your account was not deleted.".to_owned()).respond()
        );
    }
    let mut tx = db.begin_write().await?;
    newsletter::erase(&mut tx, &me.email).await?;
    customers::erase(&mut tx, me.id).await?;
    outbox::enqueue(&mut tx, &crate::emails::account_deleted(&me.email), now).await?;
    tx.commit().await?;
    session::forget_cookie(&site)?;
    tracing::info!(customer = me.id, "account deleted by its owner");
    leptos_axum::redirect("/account/deleted");
    Ok(())
}

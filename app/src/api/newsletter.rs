//! The newsletter (PRODUCT.md §4): subscribe and unsubscribe from the
//! footer of every page, double opt-in by an emailed link, one-click
//! unsubscribe from every newsletter email. No account needed.

use crate::error::AppError;
use leptos::prelude::*;

/// Subscribes (`intent` = `subscribe`) or unsubscribes (`unsubscribe`) an
/// address. The answer never says whether the address was on the list.
#[server(endpoint = "newsletter")]
pub async fn newsletter(email: String, intent: String) -> Result<String, AppError> {
    use super::session;
    use crate::auth::token::Token;
    use crate::domain::{
        account::Email,
        newsletter::{on_subscribe, on_unsubscribe, OnSubscribe, OnUnsubscribe},
        rate_limit::{NEWSLETTER_PER_ADDRESS, NEWSLETTER_PER_CLIENT},
    };
    use crate::store::{newsletter, outbox, unix_now};
    let (db, site) = super::context()?;
    let now = unix_now();
    let email = Email::parse(&email).map_err(super::bad_request)?;
    let subscribe = match intent.as_str() {
        "subscribe" => true,
        "unsubscribe" => false,
        _ => return Err(super::bad_request("Please choose to subscribe or to unsubscribe.")),
    };
    let (address, client) = (email.lookup_key(), session::client());
    let limits = [(NEWSLETTER_PER_ADDRESS, address.as_str()), (NEWSLETTER_PER_CLIENT, client.as_str())];
    session::within_limits(&db, &limits, now).await?;
    session::count_attempt(&db, &limits, now).await?;
    let mut tx = db.begin_write().await?;
    let current = newsletter::status_in(&mut tx, &email).await?;
    if subscribe {
        if on_subscribe(current) == OnSubscribe::SendConfirmation {
            let link = Token::generate();
            newsletter::request(&mut tx, &email, &link, now).await?;
            let url = site.url(&format!("/newsletter/confirm?token={}", link.as_str()));
            outbox::enqueue(&mut tx, &crate::emails::newsletter_confirm(&email, &url), now).await?;
        }
        tx.commit().await?;
        Ok(format!(
            "Almost there: please follow the link we have emailed to {email} to confirm. If you are subscribed already, there is nothing more to do."
        ))
    } else {
        let action = on_unsubscribe(current);
        if action != OnUnsubscribe::Nothing {
            newsletter::unsubscribe(&mut tx, &email, now).await?;
        }
        if action == OnUnsubscribe::UnsubscribeAndConfirm {
            outbox::enqueue(&mut tx, &crate::emails::newsletter_goodbye(&email), now).await?;
        }
        tx.commit().await?;
        Ok(format!("{email} will receive no more newsletters. If it was subscribed, a confirmation is on its way."))
    }
}

/// Confirms a subscription from the emailed link, and sends the welcome
/// newsletter email with its one-click unsubscribe link.
#[server(endpoint = "newsletter/confirm")]
pub async fn confirm_newsletter(token: String) -> Result<String, AppError> {
    use crate::auth::token::Token;
    use crate::store::{newsletter, outbox, unix_now};
    let (db, site) = super::context()?;
    let now = unix_now();
    let dead = || {
        super::bad_request(
            "This confirmation link does not work any more: it was used already, or is more than a week old. Please subscribe again from the foot of the page.",
        )
    };
    let token = Token::parse(&token).ok_or_else(dead)?;
    let mut tx = db.begin_write().await?;
    let (email, unsubscribe) = newsletter::confirm(&mut tx, &token, now).await?.ok_or_else(dead)?;
    let (page, one_click) = unsubscribe_urls(&site, &unsubscribe);
    outbox::enqueue(&mut tx, &crate::emails::newsletter_welcome(&email, &page, &one_click), now).await?;
    tx.commit().await?;
    Ok(format!("Thank you: {email} is subscribed to our newsletter."))
}

/// Unsubscribes the address a newsletter email's link was for.
#[server(endpoint = "newsletter/unsubscribe")]
pub async fn unsubscribe_newsletter(token: String) -> Result<String, AppError> {
    let (db, _) = super::context()?;
    match unsubscribe_by_token(&db, &token, crate::store::unix_now()).await? {
        Some(email) => Ok(format!("{email} will receive no more newsletters. A confirmation is on its way.")),
        None => Err(super::bad_request(
            "This unsubscribe link is not one of ours. Please unsubscribe with the form at the foot of the page.",
        )),
    }
}

/// The two unsubscribe addresses of a newsletter email: the page a reader
/// opens, and the one-click address mail clients post to (RFC 8058).
#[cfg(feature = "ssr")]
pub fn unsubscribe_urls(site: &crate::config::SiteConfig, token: &crate::auth::token::Token) -> (String, String) {
    (
        site.url(&format!("/newsletter/unsubscribe?token={}", token.as_str())),
        site.url(&format!("/newsletter/one-click?token={}", token.as_str())),
    )
}

/// Takes the address of an unsubscribe token off the list, with the
/// goodbye email if it was subscribed. `None` for a token that is not ours.
/// Following the link twice is harmless: the second time changes nothing.
#[cfg(feature = "ssr")]
pub async fn unsubscribe_by_token(
    db: &crate::store::Db,
    token: &str,
    now: i64,
) -> Result<Option<crate::domain::account::Email>, AppError> {
    use crate::domain::newsletter::Subscription;
    use crate::store::{newsletter, outbox};
    let Some(token) = crate::auth::token::Token::parse(token) else { return Ok(None) };
    let mut tx = db.begin_write().await?;
    let Some(email) = newsletter::by_unsubscribe_token(&mut tx, &token).await? else { return Ok(None) };
    if newsletter::unsubscribe(&mut tx, &email, now).await? == Subscription::Subscribed {
        outbox::enqueue(&mut tx, &crate::emails::newsletter_goodbye(&email), now).await?;
    }
    tx.commit().await?;
    Ok(Some(email))
}

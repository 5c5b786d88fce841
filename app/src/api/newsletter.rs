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
    let t = crate::i18n::use_locale();
    let (db, site) = super::context()?;
    let now = unix_now();
    let email = Email::parse(&email).map_err(|p| super::invalid_field("email", t.account_email_problem(&p)))?;
    let subscribe = match intent.as_str() {
        "subscribe" => true,
        "unsubscribe" => false,
        _ => return Err(super::bad_request(t.newsletter_choose_intent())),
    };
    let (address, client) = (email.lookup_key(), session::client());
    let limits = [(NEWSLETTER_PER_ADDRESS, address.as_str()), (NEWSLETTER_PER_CLIENT, client.as_str())];
    session::attempt(&db, &limits, now).await?.keep();
    let mut tx = db.begin_write().await?;
    let current = newsletter::status_in(&mut tx, &email).await?;
    if subscribe {
        if on_subscribe(current) == OnSubscribe::SendConfirmation {
            let link = Token::generate();
            newsletter::request(&mut tx, &email, &link, t, now).await?;
            let path = format!("/newsletter/confirm?token={}", link.as_str());
            outbox::enqueue(&mut tx, &crate::emails::newsletter_confirm(t, &email, &site, &path), now).await?;
        }
        tx.commit().await?;
        Ok(t.newsletter_almost_there(email.as_str()))
    } else {
        let action = on_unsubscribe(current);
        if action != OnUnsubscribe::Nothing {
            newsletter::unsubscribe(&mut tx, &email, now).await?;
        }
        if action == OnUnsubscribe::UnsubscribeAndConfirm {
            outbox::enqueue(&mut tx, &crate::emails::newsletter_goodbye(t, &email), now).await?;
        }
        tx.commit().await?;
        Ok(t.newsletter_no_more(email.as_str()))
    }
}

/// Confirms a subscription from the emailed link's page (its button: a
/// GET never confirms, mail scanners open links), and sends the welcome
/// newsletter email with its one-click unsubscribe link.
#[server(endpoint = "newsletter/confirm")]
pub async fn confirm_newsletter(token: String) -> Result<String, AppError> {
    use crate::auth::token::Token;
    use crate::store::{newsletter, outbox, unix_now};
    let t = crate::i18n::use_locale();
    let (db, site) = super::context()?;
    let now = unix_now();
    let dead = || super::bad_request(t.newsletter_confirm_link_dead());
    let token = Token::parse(&token).ok_or_else(dead)?;
    let mut tx = db.begin_write().await?;
    let (email, unsubscribe, language) = newsletter::confirm(&mut tx, &token, now).await?.ok_or_else(dead)?;
    // The newsletter is written in the language the subscriber signed up in.
    let welcome = crate::emails::newsletter_welcome(language, &email, &site, unsubscribe.as_str());
    outbox::enqueue(&mut tx, &welcome, now).await?;
    tx.commit().await?;
    // The page's button posts without JavaScript: back to it, done.
    if super::posted_without_javascript() {
        leptos_axum::redirect(&t.href("/newsletter/confirm?done=1"));
    }
    Ok(t.newsletter_confirmed(email.as_str()))
}

/// Unsubscribes the address a newsletter email's link was for.
#[server(endpoint = "newsletter/unsubscribe")]
pub async fn unsubscribe_newsletter(token: String) -> Result<String, AppError> {
    let t = crate::i18n::use_locale();
    let (db, _) = super::context()?;
    match unsubscribe_by_token(&db, &token, t, crate::store::unix_now()).await? {
        Some(email) => {
            if super::posted_without_javascript() {
                leptos_axum::redirect(&t.href("/newsletter/unsubscribe?done=1"));
            }
            Ok(t.newsletter_unsubscribed(email.as_str()))
        }
        None => Err(super::bad_request(t.newsletter_link_not_ours())),
    }
}

/// Takes the address of an unsubscribe token off the list, with the
/// goodbye email, written in `locale`, if it was subscribed. `None` for a
/// token that is not ours. Following the link twice is harmless: the
/// second time changes nothing.
#[cfg(feature = "ssr")]
pub async fn unsubscribe_by_token(
    db: &crate::store::Db,
    token: &str,
    locale: crate::i18n::Locale,
    now: i64,
) -> Result<Option<crate::domain::account::Email>, AppError> {
    use crate::domain::newsletter::Subscription;
    use crate::store::{newsletter, outbox};
    let Some(token) = crate::auth::token::Token::parse(token) else { return Ok(None) };
    let mut tx = db.begin_write().await?;
    let Some(email) = newsletter::by_unsubscribe_token(&mut tx, &token).await? else { return Ok(None) };
    if newsletter::unsubscribe(&mut tx, &email, now).await? == Subscription::Subscribed {
        outbox::enqueue(&mut tx, &crate::emails::newsletter_goodbye(locale, &email), now).await?;
    }
    tx.commit().await?;
    Ok(Some(email))
}

//! Back-in-stock alerts (PRODUCT.md §8): left from a product page's buy
//! area for an out-of-stock (product, size), shown and cancelled from the
//! link on the confirmation and in the email. No account needed.

use crate::domain::stock_alert::AlertRegistered;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Leaves an alert for `product` in `size` (empty for a one-size piece),
/// to be emailed to `email` once, when it is back in stock.
///
/// Posted by a plain form (the product page's), a new alert sends the
/// shopper to its page, where it can be cancelled; an address already
/// waiting is sent to the same page, saying so. Called from script, it
/// answers which.
#[server(endpoint = "alerts/register")]
pub async fn register_alert(product: String, size: String, email: String) -> Result<AlertRegistered, AppError> {
    use super::session;
    use crate::domain::{
        account::Email,
        catalogue::SizeLabel,
        rate_limit::{ALERT_PER_ADDRESS, ALERT_PER_CLIENT},
        slug::Slug,
        stock_alert::{cancel_path, may_register, AlertRefused},
    };
    use crate::store::{products, stock, stock_alerts, unix_now};
    let t = crate::i18n::use_locale();
    let (db, site) = super::context()?;
    let now = unix_now();
    let email = Email::parse(&email).map_err(|p| super::invalid_field("email", t.account_email_problem(&p)))?;
    let slug = Slug::parse(&product).map_err(|_| AppError::NotFound.respond())?;
    let size = match size.trim() {
        "" => None,
        raw => Some(
            SizeLabel::parse(raw)
                .map_err(|_| super::invalid_field("size", t.alert_refused(AlertRefused::ChooseSize)))?,
        ),
    };
    let (address, client) = (email.lookup_key(), session::client());
    let limits = [(ALERT_PER_ADDRESS, address.as_str()), (ALERT_PER_CLIENT, client.as_str())];
    // Every try counts, counted first: tries sent at once cannot slip under the limit together.
    session::attempt(&db, &limits, now).await?.keep();
    // A members' preview piece does not exist for a visitor who is not signed in.
    let audience = session::audience(&db, &site, now).await?;
    let piece = products::by_slug(&db, &slug, audience, t).await?.ok_or_else(|| AppError::NotFound.respond())?;
    may_register(piece.flags, &piece.stock, size.as_ref()).map_err(|refused| match refused {
        AlertRefused::ChooseSize => super::invalid_field("size", t.alert_refused(refused)),
        AlertRefused::InStock => AppError::Conflict(t.alert_refused(refused).to_owned()).respond(),
        AlertRefused::NotSoldOnline => super::bad_request(t.alert_refused(refused)),
    })?;
    let size_key = size.as_ref().map_or("", SizeLabel::as_str);
    let mut tx = db.begin_write().await?;
    let row = stock::one(&mut tx, slug.as_str(), size_key).await?.ok_or_else(|| AppError::NotFound.respond())?;
    let registered = match stock_alerts::register(&mut tx, row.product_id, size.as_ref(), &email, t, now).await? {
        Some(token) => AlertRegistered::New { cancel: cancel_path(token.as_str()) },
        None => AlertRegistered::Already,
    };
    tx.commit().await?;
    if matches!(registered, AlertRegistered::New { .. }) {
        tracing::info!(product = %slug, size = size_key, "back-in-stock alert left");
    }
    if super::posted_without_javascript() {
        let page = match &registered {
            AlertRegistered::New { cancel } => format!("{cancel}&new=1"),
            AlertRegistered::Already => format!("/alerts/cancel?already={slug}&size={size_key}"),
        };
        leptos_axum::redirect(&t.href(&page));
    }
    Ok(registered)
}

/// A waiting alert as its page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertView {
    pub product_name: String,
    /// The piece's page, in the alert's size.
    pub product_path: String,
    /// Empty for a one-size piece.
    pub size: String,
    pub email: String,
}

/// The alert a link is for; `None` once it has been sent or cancelled.
#[server(endpoint = "alerts/show")]
pub async fn stock_alert(token: String) -> Result<Option<AlertView>, AppError> {
    use crate::auth::token::Token;
    use crate::store::stock_alerts;
    let t = crate::i18n::use_locale();
    let (db, _) = super::context()?;
    // Personal: no shared cache may keep it.
    super::session::no_store();
    let Some(token) = Token::parse(&token) else { return Ok(None) };
    let mut conn = db.pool.acquire().await?;
    let Some(alert) = stock_alerts::by_token(&mut conn, &token, t).await? else { return Ok(None) };
    Ok(Some(AlertView {
        product_path: product_path(&alert.product_slug, &alert.size),
        product_name: alert.product_name,
        size: alert.size,
        email: alert.email,
    }))
}

/// Cancels the alert a link is for. Cancelling twice, or an alert already
/// sent, is harmless: the answer is the same.
#[server(endpoint = "alerts/cancel")]
pub async fn cancel_alert(token: String) -> Result<(), AppError> {
    use crate::auth::token::Token;
    use crate::store::stock_alerts;
    let t = crate::i18n::use_locale();
    let (db, _) = super::context()?;
    let token = Token::parse(&token).ok_or_else(|| super::bad_request(t.alert_link_not_ours()))?;
    let mut tx = db.begin_write().await?;
    if let Some(alert) = stock_alerts::by_token(&mut tx, &token, t).await? {
        stock_alerts::cancel(&mut tx, alert.id).await?;
        tracing::info!(product = %alert.product_slug, "back-in-stock alert cancelled");
    }
    tx.commit().await?;
    // The alert's page posts a plain form: it then says the alert is cancelled.
    if super::posted_without_javascript() {
        leptos_axum::redirect(&t.href("/alerts/cancel?cancelled=1"));
    }
    Ok(())
}

/// A piece's page, in a size if it has one (without language).
pub fn product_path(slug: &str, size: &str) -> String {
    if size.is_empty() {
        format!("/products/{slug}")
    } else {
        format!("/products/{slug}?size={size}")
    }
}

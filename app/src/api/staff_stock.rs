//! The back office's stock (PRODUCT.md §9): stock per (product, size),
//! seen and set by staff. A restock from zero sends the back-in-stock
//! alerts; two members of staff editing at once never overwrite each other.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One (product, size) as the stock page lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockLine {
    pub slug: String,
    pub name: String,
    /// Empty for a one-size piece.
    pub size: String,
    pub quantity: u32,
    /// Alerts waiting for this (product, size).
    pub waiting: u32,
    pub online: bool,
    pub members_preview: bool,
    pub made_to_order: bool,
}

/// Every (product, size) and its stock; `search` narrows by name or slug.
#[server(endpoint = "staff/stock")]
pub async fn staff_stock(search: Option<String>) -> Result<Vec<StockLine>, AppError> {
    use crate::store::{stock, stock_alerts, unix_now};
    let (db, site) = super::context()?;
    super::session::require_staff(&db, &site, unix_now()).await?;
    let t = crate::i18n::use_locale();
    let search = search.as_deref().map(str::trim).filter(|s| !s.is_empty());
    if search.is_some_and(|s| s.chars().count() > 100) {
        return Err(super::invalid_field("search", t.staff_search_too_long()));
    }
    let waiting = stock_alerts::waiting_counts(&db).await?;
    let rows = stock::list(&db, t, search).await?;
    Ok(rows
        .into_iter()
        .map(|r| StockLine {
            waiting: waiting
                .iter()
                .find(|(id, size, _)| *id == r.product_id && *size == r.size)
                .map_or(0, |(_, _, n)| u32::try_from(*n).unwrap_or(u32::MAX)),
            quantity: u32::try_from(r.quantity).unwrap_or(0),
            slug: r.slug,
            name: r.name,
            size: r.size,
            online: r.flags.online,
            members_preview: r.flags.members_preview,
            made_to_order: r.flags.made_to_order,
        })
        .collect())
}

/// What saving a stock did, for the page to say.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockSaved {
    pub quantity: u32,
    pub alerts_sent: u32,
}

/// The most a (product, size) may hold: a typing slip, not a restock, past it.
pub const MAX_STOCK: u32 = 10_000;

/// Sets a (product, size)'s stock to `quantity`. `expected` is the stock
/// the page showed: if it has changed since (another member of staff, a
/// sale), nothing is written and the answer (409) says what it is now.
#[server(endpoint = "staff/stock/set")]
pub async fn staff_set_stock(
    product: String,
    size: String,
    expected: String,
    quantity: String,
) -> Result<StockSaved, AppError> {
    use crate::restock::{set_stock, StockChange, StockSet};
    use crate::store::unix_now;
    let (db, site) = super::context()?;
    let now = unix_now();
    let staff = super::session::require_staff(&db, &site, now).await?;
    let t = crate::i18n::use_locale();
    let count = |raw: &str| raw.trim().parse::<u32>().ok().filter(|n| *n <= MAX_STOCK);
    let quantity =
        count(&quantity).ok_or_else(|| super::invalid_field("quantity", t.staff_stock_invalid(MAX_STOCK)))?;
    let expected = count(&expected).ok_or_else(|| super::bad_request(t.staff_stock_invalid(MAX_STOCK)))?;
    let change = StockChange { slug: product.trim(), size: size.trim(), expected, quantity };
    match set_stock(&db, &site, &staff.customer, change, now).await? {
        StockSet::Saved { alerts_sent } => {
            tracing::info!(product, size, expected, quantity, alerts_sent, staff = staff.customer.id, "stock set");
            Ok(StockSaved { quantity, alerts_sent: u32::try_from(alerts_sent).unwrap_or(u32::MAX) })
        }
        StockSet::Changed { now } => Err(AppError::Conflict(t.staff_stock_changed(now)).respond()),
        StockSet::Unknown => Err(AppError::NotFound.respond()),
    }
}

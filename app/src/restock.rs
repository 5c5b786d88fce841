//! Stock coming back: staff setting a (product, size)'s stock, and the
//! back-in-stock alerts a return from zero sends (PRODUCT.md §8, §9).
//! Server only.
//!
//! Each alert's email is written to the outbox in the transaction that
//! brings the stock back, and the alert is deleted in it: the email is sent
//! if and only if the restock commits, and exactly once, however many
//! restocks or server processes run at once (the stock's guarded update
//! lets one restock from zero through; the alert's delete lets one sender).

use crate::config::SiteConfig;
use crate::domain::audit::AuditAction;
use crate::domain::{
    availability::shown_stock_changes,
    catalogue::SizeLabel,
    stock_alert::{cancel_path, is_restock_from_zero, who_is_told},
};
use crate::store::{
    audit::{self, NewEntry},
    catalogue_version,
    customers::Customer,
    outbox, stock, stock_alerts, Db,
};
use sqlx::{AnyConnection, Row};

/// Sends the alerts waiting for (product, size) that may be told now,
/// inside the caller's transaction. Returns how many emails were written.
pub async fn send_alerts(
    conn: &mut AnyConnection,
    site: &SiteConfig,
    product_id: i64,
    size: &str,
    now: i64,
) -> Result<usize, sqlx::Error> {
    // A piece not published has no page to send anyone to: its alerts wait.
    let row = sqlx::query(
        "SELECT slug, online, made_to_order, personalised, members_preview FROM products \
         WHERE id = $1 AND published = 1",
    )
    .bind(product_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else { return Ok(0) };
    let slug: String = row.try_get("slug")?;
    let flags = crate::store::products::flags(&row)?;
    let size_label = SizeLabel::parse(size).ok();
    let due = stock_alerts::take_due(conn, product_id, size_label.as_ref(), who_is_told(flags)).await?;
    let path = crate::api::stock_alerts::product_path(&slug, size);
    for alert in &due {
        let email = crate::emails::back_in_stock(
            alert.locale,
            &alert.email,
            &alert.product_name,
            size_label.as_ref().map(SizeLabel::as_str),
            site,
            &path,
            &cancel_path(&alert.cancel_token),
        );
        outbox::enqueue(conn, &email, now).await?;
    }
    if !due.is_empty() {
        tracing::info!(product = %slug, size, sent = due.len(), "back-in-stock alerts written");
    }
    Ok(due.len())
}

/// What setting a stock did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StockSet {
    /// Saved; `alerts_sent` emails were written.
    Saved { alerts_sent: usize },
    /// The stock was no longer what the page showed: nothing was written.
    /// `now` is what it is.
    Changed { now: i64 },
    /// No such piece or size.
    Unknown,
}

/// A member of staff's change to one (product, size)'s stock.
#[derive(Clone, Copy, Debug)]
pub struct StockChange<'a> {
    pub slug: &'a str,
    /// Empty for a one-size piece.
    pub size: &'a str,
    /// The stock the page showed.
    pub expected: u32,
    pub quantity: u32,
}

/// Sets a (product, size)'s stock from `expected` to `quantity` for a
/// member of staff, with the alerts a return from zero sends, the
/// catalogue's version when a page changes, and the audit log: all in one
/// transaction.
pub async fn set_stock(
    db: &Db,
    site: &SiteConfig,
    staff: &Customer,
    change: StockChange<'_>,
    now: i64,
) -> Result<StockSet, sqlx::Error> {
    let StockChange { slug, size, expected, quantity } = change;
    let mut tx = db.begin_write().await?;
    let Some(row) = stock::one(&mut tx, slug, size).await? else { return Ok(StockSet::Unknown) };
    if !stock::set_if_unchanged(&mut tx, row.product_id, size, i64::from(expected), i64::from(quantity)).await? {
        // Read again: the guarded update may have lost to a commit after our read.
        let now_is = stock::one(&mut tx, slug, size).await?.map_or(row.quantity, |r| r.quantity);
        return Ok(StockSet::Changed { now: now_is });
    }
    let alerts_sent = if is_restock_from_zero(expected, quantity) {
        send_alerts(&mut tx, site, row.product_id, size, now).await?
    } else {
        0
    };
    let where_ = if size.is_empty() { slug.to_owned() } else { format!("{slug} size {size}") };
    let entry = NewEntry {
        staff,
        action: AuditAction::SetStock,
        order_id: None,
        before: expected.to_string(),
        after: quantity.to_string(),
        detail: format!("{where_}; {alerts_sent} back-in-stock email(s)"),
    };
    audit::record(&mut tx, &entry, now).await?;
    // Last: on PostgreSQL the version's row stays locked until the commit.
    if shown_stock_changes(expected, quantity) {
        catalogue_version::bump(&mut tx).await?;
    }
    tx.commit().await?;
    Ok(StockSet::Saved { alerts_sent })
}

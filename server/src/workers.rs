//! Background work every server process runs, safely side by side with the
//! others (each claim or status change is a guarded update):
//! - cancelling unpaid orders whose time is up, giving their stock back;
//! - sending the refunds the shop asked for to the gateway;
//! - making members' previews public on the release day staff set;
//! - the sandbox gateway's delivery of its signed callbacks to the shop;
//! - deleting what is kept no longer than a while: emails past their
//!   retention period, attempts no rate limit counts any more.

use app::config::SiteConfig;
use app::domain::{checkout::OrderRef, refund::RefundState};
use app::payments::{
    keys::ShopKeys, sandbox::Sandbox, signature, GatewayError, PaymentEvent, PaymentGateway, PaymentOutcome,
    RefundRequest,
};
use app::store::{orders, refunds, sandbox_payments, sandbox_payments::Records, unix_now, Db};
use futures::StreamExt;
use std::time::Duration;

/// How often unpaid orders are looked at: each pass cancels every order
/// overdue, so pieces come back within this of their order's time.
const EXPIRY_EVERY: Duration = Duration::from_secs(10);
/// How often refunds asked for are looked for, to send to the gateway.
const REFUNDS_EVERY: Duration = Duration::from_secs(1);
/// How often members' previews are checked for their release day.
const RELEASES_EVERY: Duration = Duration::from_secs(60);
/// How often emails past their retention and stale attempt counts are deleted.
const RETENTION_EVERY: Duration = Duration::from_secs(10 * 60);
/// How often the sandbox looks for callbacks to send.
const CALLBACKS_EVERY: Duration = Duration::from_millis(500);
/// How many callbacks the sandbox claims at a time, and sends at once: as
/// a processor does, it keeps up with a sale (one at a time, 20 a pass,
/// it fell behind a shop taking hundreds of orders a second).
const CALLBACK_BATCH: i64 = 20;
const CALLBACKS_AT_ONCE: usize = 8;

/// How long personal data the shop writes in passing is kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Retention {
    /// Emails, sent or not, this many days after they were written.
    pub email_days: i64,
}

/// Starts the workers. `callback_url` is where the sandbox reaches the shop.
pub fn spawn(db: Db, site: SiteConfig, keys: ShopKeys, callback_url: String, retention: Retention) {
    let worker = format!("worker-{}", uuid::Uuid::new_v4().simple());
    {
        let db = db.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(RETENTION_EVERY);
            loop {
                tick.tick().await;
                if let Err(error) = forget_what_is_past(&db, retention, unix_now()).await {
                    tracing::error!(%error, "emails past their retention could not be deleted");
                }
            }
        });
    }
    {
        let (db, site, keys) = (db.clone(), site.clone(), keys.clone());
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(EXPIRY_EVERY);
            loop {
                tick.tick().await;
                if let Err(error) = release_overdue(&db, &site, &keys).await {
                    tracing::error!(%error, "unpaid orders could not be released");
                }
            }
        });
    }
    {
        let (db, site, keys) = (db.clone(), site.clone(), keys.clone());
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(REFUNDS_EVERY);
            loop {
                tick.tick().await;
                if let Err(error) = send_due_refunds(&db, &site, &keys).await {
                    tracing::error!(%error, "refunds could not be sent to the gateway");
                }
            }
        });
    }
    {
        let (db, site) = (db.clone(), site.clone());
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(RELEASES_EVERY);
            loop {
                tick.tick().await;
                if let Err(error) = release_previews(&db, &site).await {
                    tracing::error!(%error, "members' previews could not be released");
                }
            }
        });
    }
    tokio::spawn(async move {
        let client = match reqwest::Client::builder().timeout(Duration::from_secs(10)).build() {
            Ok(client) => client,
            Err(error) => {
                tracing::error!(%error, "sandbox gateway: no HTTP client, callbacks will not be sent");
                return;
            }
        };
        let mut tick = tokio::time::interval(CALLBACKS_EVERY);
        loop {
            tick.tick().await;
            if let Err(error) = send_due_callbacks(&db, &keys, &client, &callback_url, &worker).await {
                tracing::error!(%error, "sandbox gateway: callbacks could not be sent");
            }
        }
    });
}

/// One pass of the retention worker: emails written more than the
/// retention period before `now`, and attempts no limit counts any more,
/// are deleted. How many emails were.
pub async fn forget_what_is_past(db: &Db, retention: Retention, now: i64) -> Result<u64, sqlx::Error> {
    let emails = app::store::outbox::purge_written_before(db, now - retention.email_days * 24 * 60 * 60).await?;
    app::store::rate_limits::prune(db, now).await?;
    if emails > 0 {
        tracing::info!(emails, days = retention.email_days, "emails past their retention deleted");
    }
    Ok(emails)
}

/// One pass of the expiry worker.
pub async fn release_overdue(db: &Db, site: &SiteConfig, keys: &ShopKeys) -> Result<usize, sqlx::Error> {
    let keys = keys.get(db).await?.clone();
    app::lifecycle::release_overdue(db, &keys, site, unix_now()).await
}

/// One pass of the release worker: the members' previews whose Paris
/// release day has come become public, the alerts only members could be
/// sent until then go to everyone waiting for a size in stock, and pages
/// are rendered again. How many pieces were released.
pub async fn release_previews(db: &Db, site: &SiteConfig) -> Result<usize, sqlx::Error> {
    let now = unix_now();
    let Some(today) = app::domain::local_hours::paris_day_of(now) else { return Ok(0) };
    if !app::store::pieces::any_due(db, today).await? {
        return Ok(0);
    }
    let mut tx = db.begin_write().await?;
    let released = app::store::pieces::release_due(&mut tx, today).await?;
    let mut alerts_sent = 0;
    for &id in &released {
        for size in app::store::pieces::sizes_in_stock(&mut tx, id).await? {
            alerts_sent += app::restock::send_alerts(&mut tx, site, id, &size, now).await?;
        }
    }
    if !released.is_empty() {
        app::store::catalogue_version::bump(&mut tx).await?;
    }
    tx.commit().await?;
    if !released.is_empty() {
        tracing::info!(released = released.len(), alerts_sent, "members' previews made public");
    }
    Ok(released.len())
}

/// One pass of the shop's refund sender: each refund asked for (and
/// committed) is sent to the gateway. The gateway is idempotent by the
/// refund's key, so a refund sent twice (two processes, a lost answer) is
/// made once.
pub async fn send_due_refunds(db: &Db, site: &SiteConfig, keys: &ShopKeys) -> Result<(), sqlx::Error> {
    let secret = keys.get(db).await?.sandbox_callbacks.clone();
    let gateway = Sandbox { secret: &secret };
    for unsent in refunds::unsent(db, unix_now(), 20).await? {
        let request = RefundRequest { key: &unsent.key, payment_ref: &unsent.payment_ref, amount: unsent.amount };
        match gateway.refund(db, &request, unix_now()).await {
            Ok(started) => {
                tracing::info!(order = %unsent.order_reference, refund = %started.refund_ref, "refund sent to the gateway");
                refunds::mark_accepted(db, unsent.id, &started.refund_ref).await?;
            }
            Err(GatewayError::Refused(why)) => {
                // Asking again will not change it: the refund failed, and staff must take it up.
                tracing::error!(order = %unsent.order_reference, %why, "the gateway refused a refund");
                settle_refused(db, site, keys, &unsent).await?;
            }
            Err(GatewayError::Unavailable(why)) => {
                let wait = 5 * (unsent.attempts + 1).min(60);
                tracing::warn!(order = %unsent.order_reference, %why, wait, "refund not sent, will retry");
                refunds::send_later(db, unsent.id, unix_now() + wait).await?;
            }
        }
    }
    Ok(())
}

/// Settles as failed a refund the gateway would not take.
async fn settle_refused(
    db: &Db,
    site: &SiteConfig,
    keys: &ShopKeys,
    unsent: &refunds::Unsent,
) -> Result<(), sqlx::Error> {
    let keys = keys.get(db).await?.clone();
    let Some(reference) = OrderRef::parse(&unsent.order_reference) else {
        return Ok(());
    };
    let mut tx = db.begin_write().await?;
    let (Some(order), Some(refund)) =
        (orders::by_reference(db, &reference).await?, refunds::by_key(&mut tx, &unsent.key).await?)
    else {
        return tx.rollback().await;
    };
    app::refunds::settle(&mut tx, &keys, site, &order, &refund, RefundState::Failed, unix_now()).await?;
    tx.commit().await
}

/// The event the sandbox tells the shop of a decided payment or refund.
fn event_of(due: &sandbox_payments::DueCallback) -> PaymentEvent {
    let outcome = match due.status.as_str() {
        "authorised" => PaymentOutcome::Authorised,
        "refunded" => PaymentOutcome::Refunded,
        "failed" => PaymentOutcome::RefundFailed,
        _ => PaymentOutcome::Declined,
    };
    PaymentEvent {
        // One id per outcome: a resend after a lost answer is recognised as a replay.
        event_id: format!("evt_{}", due.id),
        order: due.order_reference.clone(),
        payment: due.payment_id.clone(),
        outcome,
        amount_cents: due.amount_cents,
        refund: due.refund_key.clone(),
    }
}

/// One pass of the sandbox's callback delivery: payments' outcomes, then
/// refunds', a batch at a time until none is left, a few at once.
pub async fn send_due_callbacks(
    db: &Db,
    keys: &ShopKeys,
    client: &reqwest::Client,
    url: &str,
    worker: &str,
) -> Result<(), sqlx::Error> {
    let secret = keys.get(db).await?.sandbox_callbacks.clone();
    for records in [Records::Payments, Records::Refunds] {
        loop {
            let claimed = sandbox_payments::claim_due(db, records, worker, unix_now(), CALLBACK_BATCH).await?;
            // Until none is left: a short batch may only mean that another
            // process won some of those read.
            if claimed.is_empty() {
                break;
            }
            let results: Vec<Result<(), sqlx::Error>> = futures::stream::iter(claimed)
                .map(|due| {
                    let secret = &secret;
                    async move { deliver(db, client, url, worker, secret, &due, &event_of(&due)).await }
                })
                .buffer_unordered(CALLBACKS_AT_ONCE)
                .collect()
                .await;
            results.into_iter().collect::<Result<(), _>>()?;
        }
    }
    Ok(())
}

/// Sends one signed callback, and records whether the shop took it.
async fn deliver(
    db: &Db,
    client: &reqwest::Client,
    url: &str,
    worker: &str,
    secret: &[u8],
    due: &sandbox_payments::DueCallback,
    event: &PaymentEvent,
) -> Result<(), sqlx::Error> {
    let body = serde_json::to_vec(event).unwrap_or_default();
    let now = unix_now();
    let sent = client
        .post(url)
        .header("content-type", "application/json")
        .header(signature::HEADER, signature::sign(secret, now, &body))
        .body(body)
        .send()
        .await;
    match sent {
        // A 4xx will not change by retrying (already applied, order gone): done.
        Ok(response) if response.status().is_success() || response.status().is_client_error() => {
            tracing::info!(record = %due.id, status = response.status().as_u16(), "sandbox: callback delivered");
            sandbox_payments::mark_sent(db, due, worker, unix_now()).await
        }
        other => {
            let why = match other {
                Ok(response) => format!("status {}", response.status()),
                Err(error) => error.to_string(),
            };
            let wait = 5 * (due.attempts + 1).min(60);
            tracing::warn!(record = %due.id, %why, wait, "sandbox: callback not delivered, will retry");
            sandbox_payments::retry_later(db, due, worker, unix_now() + wait).await
        }
    }
}

//! Background work every server process runs, safely side by side with the
//! others (each claim or status change is a guarded update):
//! - cancelling unpaid orders whose time is up, giving their stock back;
//! - the sandbox gateway's delivery of its signed callbacks to the shop.

use app::config::SiteConfig;
use app::payments::{keys::ShopKeys, signature, PaymentEvent, PaymentOutcome};
use app::store::{sandbox_payments, unix_now, Db};
use std::time::Duration;

/// How often unpaid orders are looked at.
const EXPIRY_EVERY: Duration = Duration::from_secs(30);
/// How often the sandbox looks for callbacks to send.
const CALLBACKS_EVERY: Duration = Duration::from_millis(500);

/// Starts both workers. `callback_url` is where the sandbox reaches the shop.
pub fn spawn(db: Db, site: SiteConfig, keys: ShopKeys, callback_url: String) {
    let worker = format!("worker-{}", uuid::Uuid::new_v4().simple());
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

/// One pass of the expiry worker.
pub async fn release_overdue(db: &Db, site: &SiteConfig, keys: &ShopKeys) -> Result<usize, sqlx::Error> {
    let keys = keys.get(db).await?.clone();
    app::lifecycle::release_overdue(db, &keys, site, unix_now()).await
}

/// One pass of the sandbox's callback delivery.
pub async fn send_due_callbacks(
    db: &Db,
    keys: &ShopKeys,
    client: &reqwest::Client,
    url: &str,
    worker: &str,
) -> Result<(), sqlx::Error> {
    let secret = keys.get(db).await?.sandbox_callbacks.clone();
    for due in sandbox_payments::claim_due(db, worker, unix_now(), 20).await? {
        let event = PaymentEvent {
            // One id per payment outcome: a resend after a lost answer is recognised as a replay.
            event_id: format!("evt_{}", due.id),
            order: due.order_reference.clone(),
            payment: due.id.clone(),
            outcome: if due.authorised { PaymentOutcome::Authorised } else { PaymentOutcome::Declined },
            amount_cents: due.amount_cents,
        };
        let body = serde_json::to_vec(&event).unwrap_or_default();
        let now = unix_now();
        let sent = client
            .post(url)
            .header("content-type", "application/json")
            .header(signature::HEADER, signature::sign(&secret, now, &body))
            .body(body)
            .send()
            .await;
        match sent {
            // A 4xx will not change by retrying (already applied, order gone): done.
            Ok(response) if response.status().is_success() || response.status().is_client_error() => {
                tracing::info!(payment = %due.id, status = response.status().as_u16(), "sandbox: callback delivered");
                sandbox_payments::mark_sent(db, &due.id, worker, unix_now()).await?;
            }
            other => {
                let why = match other {
                    Ok(response) => format!("status {}", response.status()),
                    Err(error) => error.to_string(),
                };
                let wait = 5 * (due.attempts + 1).min(60);
                tracing::warn!(payment = %due.id, %why, wait, "sandbox: callback not delivered, will retry");
                sandbox_payments::retry_later(db, &due.id, worker, unix_now() + wait).await?;
            }
        }
    }
    Ok(())
}

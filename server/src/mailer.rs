//! The outbox worker: claims due emails and delivers them over SMTP with
//! lettre, as an HTML part and a plain-text part. Every server process may
//! run one; the outbox's claims keep them from sending an email twice.

use app::domain::outbox::OutgoingEmail;
use app::store::{outbox, Db};
use futures::StreamExt;
use lettre::{
    message::{header::ContentType, Mailbox, MultiPart, SinglePart},
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
};
use std::time::Duration;

/// How many emails a worker claims at a time, and sends at once (lettre
/// keeps a pool of SMTP connections). One at a time, a sale writing
/// hundreds of emails a second waited hours in the outbox.
const BATCH: usize = 8;
/// How long a worker holds the emails it claimed before another may take
/// them: three times what a batch may take (one send's timeout, below), so
/// a live worker never loses its claim, and a dead one's emails wait a
/// minute.
const LEASE_SECONDS: i64 = 3 * SEND_TIMEOUT.as_secs() as i64;
/// How long one email may take to send, its whole exchange with the server.
const SEND_TIMEOUT: Duration = Duration::from_secs(20);

/// Delivers emails for one worker.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    worker: String,
}

/// Why the mailer could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum MailerError {
    #[error("VITRINE_SMTP_URL is not a usable SMTP URL: {0}")]
    Url(String),
    #[error("VITRINE_MAIL_FROM is not a mailbox: {0}")]
    From(String),
}

impl Mailer {
    /// A mailer for an SMTP URL (`smtp://host:25`, `smtp://user:pass@host:587?tls=required`,
    /// `smtps://host:465`) and a sender such as `Maison Aurèle <service@example.com>`.
    pub fn new(smtp_url: &str, from: &str, worker: String) -> Result<Mailer, MailerError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url)
            .map_err(|e| MailerError::Url(e.to_string()))?
            .timeout(Some(SEND_TIMEOUT))
            .build();
        let from = from.parse().map_err(|e: lettre::address::AddressError| MailerError::From(e.to_string()))?;
        Ok(Mailer { transport, from, worker })
    }

    /// Sends whatever is due at `now` (Unix seconds), a batch at a time
    /// until none is left, a few emails at once. Returns how many were sent;
    /// failures are recorded in the outbox and retried later.
    pub async fn deliver_due(&self, db: &Db, now: i64) -> Result<usize, sqlx::Error> {
        let began = std::time::Instant::now();
        let mut sent = 0;
        loop {
            // A long pass claims at `now` plus the time it has taken, not at
            // `now`: a claim dated in the past would lapse while its emails
            // are sent. (The time given is kept as the base, so that tests
            // can run the outbox at a moment of their choosing.)
            let now = now + began.elapsed().as_secs() as i64;
            let claimed = outbox::claim_due(db, &self.worker, now, LEASE_SECONDS, BATCH as i64).await?;
            // Until none is left: a batch short of full may only mean that
            // another process won some of the emails read.
            if claimed.is_empty() {
                return Ok(sent);
            }
            // Each email is marked sent as soon as the server took it: a
            // process killed in between sends it again after the lease,
            // with the same Message-ID.
            let results: Vec<Result<bool, sqlx::Error>> = futures::stream::iter(claimed)
                .map(|claimed| self.deliver(db, claimed, now))
                .buffer_unordered(BATCH)
                .collect()
                .await;
            for result in results {
                sent += usize::from(result?);
            }
        }
    }

    /// Sends one claimed email and records the outcome; whether it was sent.
    async fn deliver(&self, db: &Db, claimed: outbox::ClaimedEmail, now: i64) -> Result<bool, sqlx::Error> {
        let message_id = claimed.message_id(self.from.email.domain());
        match self.send(&claimed.email, message_id).await {
            Ok(()) => {
                let kept = crate::log_redaction::kept_bodies(&claimed.email);
                outbox::mark_sent(db, claimed.id, &self.worker, &kept, now).await?;
                Ok(true)
            }
            Err(error) => {
                tracing::warn!(id = claimed.id, attempts = claimed.attempts + 1, %error, "email not delivered; will retry");
                outbox::mark_failed(db, claimed.id, &self.worker, &error, now).await?;
                Ok(false)
            }
        }
    }

    async fn send(&self, email: &OutgoingEmail, message_id: String) -> Result<(), String> {
        let to: Mailbox = email.to.as_str().parse().map_err(|e: lettre::address::AddressError| e.to_string())?;
        let mut builder =
            Message::builder().from(self.from.clone()).to(to).subject(&email.subject).message_id(Some(message_id));
        if let Some(url) = &email.unsubscribe_url {
            // RFC 8058 one-click unsubscribe: mail clients show their own button.
            builder = builder
                .raw_header(lettre::message::header::HeaderValue::new(
                    lettre::message::header::HeaderName::new_from_ascii_str("List-Unsubscribe"),
                    format!("<{url}>"),
                ))
                .raw_header(lettre::message::header::HeaderValue::new(
                    lettre::message::header::HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                    "List-Unsubscribe=One-Click".to_owned(),
                ));
        }
        let message = builder
            .multipart(
                MultiPart::alternative()
                    .singlepart(SinglePart::builder().header(ContentType::TEXT_PLAIN).body(email.text_body.clone()))
                    .singlepart(SinglePart::builder().header(ContentType::TEXT_HTML).body(email.html_body.clone())),
            )
            .map_err(|e| e.to_string())?;
        // lettre's own timeout bounds each read and write, not the whole
        // exchange; the lease assumes the whole of it is bounded.
        match tokio::time::timeout(SEND_TIMEOUT, self.transport.send(message)).await {
            Ok(sent) => sent.map(|_| ()).map_err(|e| e.to_string()),
            Err(_) => Err(format!("no answer from the mail server within {SEND_TIMEOUT:?}")),
        }
    }

    /// Runs for as long as the server does, looking for due emails every few seconds.
    pub fn spawn(self, db: Db) {
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(3));
            loop {
                tick.tick().await;
                if let Err(error) = self.deliver_due(&db, unix_now()).await {
                    tracing::error!(%error, "outbox: the database could not be read");
                }
            }
        });
    }
}

pub use app::store::unix_now;

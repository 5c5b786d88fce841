//! The outbox worker against a real SMTP server on loopback (mailin, from
//! crates.io): multipart messages, the unsubscribe headers, a refused
//! message retried rather than lost, and two workers sending each email once.

use crate::common::TestApp;
use app::domain::{account::Email, outbox::OutgoingEmail};
use app::store::outbox;
use mailin_embedded::{response, Handler, Response, Server};
use server::mailer::Mailer;
use std::sync::{
    atomic::{AtomicUsize, Ordering},
    Arc, Mutex,
};

const NOW: i64 = 1_800_000_000;

/// An SMTP server that keeps what it receives (and for whom) and can
/// refuse the next messages.
#[derive(Clone, Default)]
pub(crate) struct Mailbox {
    received: Arc<Mutex<Vec<String>>>,
    recipients: Arc<Mutex<Vec<(String, String)>>>,
    refuse_next: Arc<AtomicUsize>,
    current: Vec<u8>,
    current_to: Vec<String>,
}

impl Mailbox {
    /// The envelope recipient and the `Message-ID` of every message
    /// received, in order (one per recipient of a message).
    pub(crate) fn recipients(&self) -> Vec<(String, String)> {
        self.recipients.lock().unwrap().clone()
    }
}

/// A message's `Message-ID` header, if it has one.
fn message_id(message: &str) -> String {
    message
        .lines()
        .take_while(|line| !line.is_empty())
        .find_map(|line| line.strip_prefix("Message-ID: "))
        .unwrap_or_default()
        .to_owned()
}

impl Handler for Mailbox {
    /// A refusal comes at the recipient, as a busy or greylisting server does.
    fn rcpt(&mut self, _to: &str) -> Response {
        if self.refuse_next.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1)).is_ok() {
            return response::INTERNAL_ERROR;
        }
        response::OK
    }

    fn data_start(&mut self, _domain: &str, _from: &str, _is8bit: bool, to: &[String]) -> Response {
        self.current.clear();
        self.current_to = to.to_vec();
        response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.current.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        let message = String::from_utf8_lossy(&self.current).into_owned();
        let id = message_id(&message);
        self.recipients.lock().unwrap().extend(self.current_to.drain(..).map(|to| (to, id.clone())));
        self.received.lock().unwrap().push(message);
        response::OK
    }
}

/// Starts the SMTP server on a free loopback port; returns its URL.
pub(crate) fn start_smtp(mailbox: Mailbox) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let mut server = Server::new(mailbox);
    // A connection holds a thread while it lasts: enough for three
    // servers' pools of connections (the cluster tests).
    server.with_name("smtp.test").with_num_threads(48).with_tcp_listener(listener);
    std::thread::spawn(move || {
        let _ = server.serve();
    });
    format!("smtp://127.0.0.1:{port}")
}

fn email(n: usize, unsubscribe: bool) -> OutgoingEmail {
    OutgoingEmail {
        to: Email::parse(&format!("client{n}@example.com")).unwrap(),
        subject: format!("Message {n}"),
        text_body: format!("Plain text {n}: https://shop.example/en/orders/MA-{n}?key=secret{n}"),
        html_body: format!("<p>HTML {n}: <a href=\"/en/account/verify?token=secret{n}&amp;x=1\">verify</a></p>"),
        unsubscribe_url: unsubscribe.then(|| format!("https://shop.example/newsletter/unsubscribe/{n}")),
    }
}

async fn enqueue(app: &TestApp, emails: &[OutgoingEmail]) -> Vec<i64> {
    let mut tx = app.db.pool.begin().await.unwrap();
    let mut ids = Vec::new();
    for e in emails {
        ids.push(outbox::enqueue(&mut tx, e, NOW).await.unwrap());
    }
    tx.commit().await.unwrap();
    ids
}

async fn emails_arrive_whole_and_once(app: &TestApp) {
    let mailbox = Mailbox::default();
    let url = start_smtp(mailbox.clone());
    let emails: Vec<_> = (0..12).map(|n| email(n, n == 0)).collect();
    enqueue(app, &emails).await;
    let a = Mailer::new(&url, "Maison Aurèle <service@maison-aurele.example>", "worker-a".into()).unwrap();
    let b = Mailer::new(&url, "Maison Aurèle <service@maison-aurele.example>", "worker-b".into()).unwrap();
    let (sent_a, sent_b) = tokio::join!(a.deliver_due(&app.db, NOW), b.deliver_due(&app.db, NOW));
    assert_eq!(sent_a.unwrap() + sent_b.unwrap(), 12);
    let received = mailbox.received.lock().unwrap().clone();
    assert_eq!(received.len(), 12, "each email delivered once");
    for n in 0..12 {
        let found = received.iter().filter(|m| m.contains(&format!("Subject: Message {n}\r\n"))).count();
        assert_eq!(found, 1, "message {n}");
    }
    // Each message's id is its outbox row's: a copy sent again after a crash carries the same.
    let mut ids: Vec<String> = received.iter().map(|m| message_id(m)).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 12, "{ids:?}");
    assert!(ids.iter().all(|id| id.starts_with("<outbox.") && id.ends_with("@maison-aurele.example>")), "{ids:?}");
    let first = received.iter().find(|m| m.contains("Subject: Message 0\r\n")).unwrap();
    assert!(first.contains("multipart/alternative"), "{first}");
    assert!(
        first.contains("text/plain") && first.contains("Plain text 0: https://shop.example/en/orders/MA-0?key=secret0")
    );
    assert!(first.contains("text/html") && first.contains("HTML 0"), "{first}");
    assert!(first.contains("List-Unsubscribe: <https://shop.example/newsletter/unsubscribe/0>"), "{first}");
    assert!(first.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
    assert!(first.contains("To: client0@example.com"));
    let other = received.iter().find(|m| m.contains("Subject: Message 1\r\n")).unwrap();
    assert!(!other.contains("List-Unsubscribe"), "only newsletters carry it");
    // Nothing is left to send.
    assert_eq!(a.deliver_due(&app.db, NOW + 3600).await.unwrap(), 0);
    // What is kept of them opens nothing: the links' secrets are left out.
    for kept in outbox::recent(&app.db, 20).await.unwrap() {
        assert!(!kept.text_body.contains("secret") && !kept.html_body.contains("secret"), "{kept:?}");
        assert!(kept.text_body.contains("?key=…") && kept.html_body.contains("?token=…&amp;x=1"), "{kept:?}");
    }
    let links: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE unsubscribe_url IS NOT NULL")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(links, 0, "nor their unsubscribe links");
}
on_both_engines!(delivered_once, emails_arrive_whole_and_once);

async fn a_refused_email_is_retried_not_lost(app: &TestApp) {
    let mailbox = Mailbox::default();
    mailbox.refuse_next.store(1, Ordering::SeqCst);
    let url = start_smtp(mailbox.clone());
    let id = enqueue(app, &[email(1, false)]).await[0];
    let mailer = Mailer::new(&url, "service@maison-aurele.example", "worker".into()).unwrap();

    assert_eq!(mailer.deliver_due(&app.db, NOW).await.unwrap(), 0, "the server said 451");
    let state = outbox::state(&app.db, id).await.unwrap().unwrap();
    assert_eq!(state.attempts, 1);
    assert!(state.last_error.as_deref().unwrap_or_default().contains("451"), "{state:?}");
    assert_eq!(state.sent_at, None);
    assert!(mailbox.received.lock().unwrap().is_empty());

    assert_eq!(mailer.deliver_due(&app.db, NOW + 10).await.unwrap(), 0, "waits for its backoff");
    assert_eq!(mailer.deliver_due(&app.db, NOW + 30).await.unwrap(), 1, "then goes");
    assert_eq!(mailbox.received.lock().unwrap().len(), 1);
    assert_eq!(outbox::state(&app.db, id).await.unwrap().unwrap().sent_at, Some(NOW + 30));
}
on_both_engines!(refused_then_retried, a_refused_email_is_retried_not_lost);

async fn an_unreachable_server_keeps_the_email(app: &TestApp) {
    // A port nobody listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let id = enqueue(app, &[email(2, false)]).await[0];
    let mailer = Mailer::new(&format!("smtp://127.0.0.1:{port}"), "service@maison-aurele.example", "w".into()).unwrap();
    assert_eq!(mailer.deliver_due(&app.db, NOW).await.unwrap(), 0);
    let state = outbox::state(&app.db, id).await.unwrap().unwrap();
    assert_eq!((state.attempts, state.sent_at), (1, None));
    assert!(state.last_error.is_some());
}
on_both_engines!(unreachable_server, an_unreachable_server_keeps_the_email);

#[test]
fn bad_settings_are_refused() {
    assert!(Mailer::new("http://not-smtp", "service@maison-aurele.example", "w".into()).is_err());
    assert!(Mailer::new("smtp://127.0.0.1:25", "not a mailbox", "w".into()).is_err());
}

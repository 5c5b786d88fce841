//! The email outbox on a real database: written in a transaction, claimed
//! by exactly one of several workers, retried with backoff, and a lapsed
//! claim taken over without sending twice.

use crate::common::TestApp;
use app::domain::{account::Email, outbox::OutgoingEmail};
use app::store::outbox;
use std::collections::HashSet;

const NOW: i64 = 1_800_000_000;
const LEASE: i64 = 60;

/// What a worker keeps of a sent email (here, its bodies as they were).
fn kept() -> outbox::KeptBodies {
    outbox::KeptBodies { text_body: "Thank you.".into(), html_body: "<p>Thank you.</p>".into() }
}

fn email(n: usize) -> OutgoingEmail {
    OutgoingEmail {
        to: Email::parse(&format!("client{n}@example.com")).unwrap(),
        subject: format!("Your order {n}"),
        text_body: "Thank you.".into(),
        html_body: "<p>Thank you.</p>".into(),
        unsubscribe_url: None,
    }
}

async fn enqueue(app: &TestApp, count: usize) -> Vec<i64> {
    let mut tx = app.db.pool.begin().await.unwrap();
    let mut ids = Vec::new();
    for n in 0..count {
        ids.push(outbox::enqueue(&mut tx, &email(n), NOW).await.unwrap());
    }
    tx.commit().await.unwrap();
    ids
}

async fn each_email_is_claimed_by_one_worker(app: &TestApp) {
    let ids = enqueue(app, 40).await;
    // Two workers race over the same rows, in small batches.
    let work = |name: &'static str| {
        let db = app.db.clone();
        async move {
            let mut sent = Vec::new();
            loop {
                let batch = outbox::claim_due(&db, name, NOW, LEASE, 3).await.unwrap();
                if batch.is_empty() {
                    break sent;
                }
                for claimed in batch {
                    assert!(outbox::mark_sent(&db, claimed.id, name, &kept(), NOW).await.unwrap());
                    sent.push(claimed.id);
                }
            }
        }
    };
    let (a, b) = tokio::join!(tokio::spawn(work("worker-a")), tokio::spawn(work("worker-b")));
    let (a, b) = (a.unwrap(), b.unwrap());
    let all: Vec<i64> = a.iter().chain(b.iter()).copied().collect();
    let unique: HashSet<i64> = all.iter().copied().collect();
    assert_eq!(all.len(), unique.len(), "no email claimed twice ({} by a, {} by b)", a.len(), b.len());
    assert_eq!(unique, ids.iter().copied().collect(), "every email sent");
    assert!(outbox::claim_due(&app.db, "worker-c", NOW + 10 * LEASE, LEASE, 100).await.unwrap().is_empty());
}
on_both_engines!(claimed_once, each_email_is_claimed_by_one_worker);

async fn a_failed_email_waits_then_is_retried(app: &TestApp) {
    let id = enqueue(app, 1).await[0];
    let claimed = outbox::claim_due(&app.db, "w", NOW, LEASE, 10).await.unwrap();
    assert_eq!(claimed.len(), 1);
    assert_eq!(claimed[0].email, email(0), "what was written is what is sent");
    assert!(outbox::mark_failed(&app.db, id, "w", "450 mailbox busy", NOW).await.unwrap());
    let state = outbox::state(&app.db, id).await.unwrap().unwrap();
    assert_eq!(state.attempts, 1);
    assert_eq!(state.last_error.as_deref(), Some("450 mailbox busy"));
    assert_eq!(state.next_attempt_at, NOW + 30);
    assert_eq!(state.sent_at, None);

    assert!(outbox::claim_due(&app.db, "w", NOW + 29, LEASE, 10).await.unwrap().is_empty(), "not before its time");
    let again = outbox::claim_due(&app.db, "w", NOW + 30, LEASE, 10).await.unwrap();
    assert_eq!(again.iter().map(|c| (c.id, c.attempts)).collect::<Vec<_>>(), vec![(id, 1)]);
    assert!(outbox::mark_failed(&app.db, id, "w", "451 try later", NOW + 30).await.unwrap());
    assert_eq!(outbox::state(&app.db, id).await.unwrap().unwrap().next_attempt_at, NOW + 30 + 60, "backing off");
}
on_both_engines!(retried_with_backoff, a_failed_email_waits_then_is_retried);

async fn a_lapsed_claim_is_taken_over_once(app: &TestApp) {
    let id = enqueue(app, 1).await[0];
    assert_eq!(outbox::claim_due(&app.db, "slow", NOW, LEASE, 10).await.unwrap().len(), 1);
    // While the lease runs, nobody else gets it.
    assert!(outbox::claim_due(&app.db, "other", NOW + LEASE - 1, LEASE, 10).await.unwrap().is_empty());
    // After it, another worker does; the slow one's late outcome is ignored.
    assert_eq!(outbox::claim_due(&app.db, "other", NOW + LEASE + 1, LEASE, 10).await.unwrap().len(), 1);
    assert!(!outbox::mark_sent(&app.db, id, "slow", &kept(), NOW + LEASE + 2).await.unwrap());
    assert!(!outbox::mark_failed(&app.db, id, "slow", "timeout", NOW + LEASE + 2).await.unwrap());
    assert!(outbox::mark_sent(&app.db, id, "other", &kept(), NOW + LEASE + 2).await.unwrap());
    assert!(!outbox::mark_sent(&app.db, id, "other", &kept(), NOW + LEASE + 3).await.unwrap(), "sent once");
    let state = outbox::state(&app.db, id).await.unwrap().unwrap();
    assert_eq!(state.sent_at, Some(NOW + LEASE + 2));
    assert_eq!(state.attempts, 0);
}
on_both_engines!(lapsed_claims, a_lapsed_claim_is_taken_over_once);

async fn a_rolled_back_change_sends_nothing(app: &TestApp) {
    let mut tx = app.db.pool.begin().await.unwrap();
    outbox::enqueue(&mut tx, &email(7), NOW).await.unwrap();
    tx.rollback().await.unwrap();
    assert!(outbox::claim_due(&app.db, "w", NOW, LEASE, 10).await.unwrap().is_empty());
}
on_both_engines!(transactional, a_rolled_back_change_sends_nothing);

async fn the_development_mailbox_shows_emails_only_when_on(engine: crate::common::Engine) {
    let off = TestApp::spawn(engine).await;
    let (status, _) = off.get("/dev/mailbox").await;
    assert_eq!(status, 404, "off by default");
    off.finish().await;

    let app = TestApp::spawn_with(engine, true).await;
    let mut message = email(3);
    message.subject = "Confirm <your> subscription".into();
    message.html_body =
        r#"<p>Click <a href="https://shop.example/newsletter/confirm/abc">here</a>.</p><script>alert(1)</script>"#
            .into();
    let mut tx = app.db.pool.begin().await.unwrap();
    outbox::enqueue(&mut tx, &message, NOW).await.unwrap();
    tx.commit().await.unwrap();
    let (status, html) = app.get("/dev/mailbox").await;
    assert_eq!(status, 200);
    assert!(html.contains("Confirm &lt;your&gt; subscription"), "the subject, escaped: {html}");
    assert!(html.contains("client3@example.com") && html.contains("waiting"));
    assert!(html.contains("https://shop.example/newsletter/confirm/abc"), "the link is there to click");
    assert!(html.contains(r#"sandbox="allow-top-navigation-by-user-activation allow-popups""#), "scripts never run");
    assert!(!html.contains("<script>alert"), "the email's markup stays inside srcdoc, escaped");
    app.finish().await;
}

mod development_mailbox {
    // Named like `on_both_engines!` tests, so `--skip ::postgres` leaves one out.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite() {
        super::the_development_mailbox_shows_emails_only_when_on(crate::common::Engine::Sqlite).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres() {
        if crate::common::postgres_skipped() {
            return;
        }
        super::the_development_mailbox_shows_emails_only_when_on(crate::common::Engine::Postgres).await;
    }
}

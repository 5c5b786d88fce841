//! The newsletter on a real server and database: double opt-in, the
//! one-click unsubscribe of RFC 8058, the footer's unsubscribe, and the
//! emails each step writes to the outbox.

use crate::common::TestApp;
use app::store::outbox;

async fn subjects(app: &TestApp, to: &str) -> Vec<String> {
    let mut subjects: Vec<String> =
        outbox::recent(&app.db, 100).await.unwrap().into_iter().filter(|e| e.to == to).map(|e| e.subject).collect();
    subjects.reverse();
    subjects
}

fn token_after(text: &str, path: &str) -> String {
    let start = text.find(path).unwrap_or_else(|| panic!("{path} in {text}"));
    text[start..].split("token=").nth(1).unwrap().split_whitespace().next().unwrap().to_owned()
}

async fn newest_to(app: &TestApp, to: &str) -> app::store::outbox::OutboxEntry {
    outbox::recent(&app.db, 100).await.unwrap().into_iter().find(|e| e.to == to).expect("an email")
}

async fn subscribe_confirm_and_unsubscribe_in_one_click(app: &TestApp) {
    let asked = app.post_form("newsletter", &[("email", "claire@example.fr"), ("intent", "subscribe")], None).await;
    assert_eq!(asked.status, 200, "{}", asked.body);
    assert!(asked.body.contains("confirm"), "{}", asked.body);
    let confirm = newest_to(app, "claire@example.fr").await;
    assert_eq!(confirm.subject, "Please confirm your subscription");
    let token = token_after(&confirm.text_body, "/newsletter/confirm");

    // Opening the link (as a mail scanner does) only shows the button.
    let page = app.get_page(&format!("/en/newsletter/confirm?token={token}"), None).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Confirm my subscription"), "{}", page.body);
    assert_eq!(subjects(app, "claire@example.fr").await.len(), 1, "nothing confirmed by a GET");
    let confirmed = app.post_form("newsletter/confirm", &[("token", &token)], None).await;
    assert_eq!(confirmed.status, 200);
    assert!(confirmed.body.contains("is subscribed"), "{}", confirmed.body);
    let again = app.post_form("newsletter/confirm", &[("token", &token)], None).await;
    assert_eq!(again.status, 400, "a confirmation link works once");

    // The welcome is the first newsletter email: it carries both unsubscribe ways.
    let welcome = newest_to(app, "claire@example.fr").await;
    assert_eq!(welcome.subject, "You are subscribed to our newsletter");
    let unsubscribe = token_after(&welcome.text_body, "/newsletter/unsubscribe");
    let one_click = app::store::outbox::claim_due(&app.db, "test", i64::MAX / 2, 60, 100).await.unwrap();
    let header = one_click.iter().find_map(|c| c.email.unsubscribe_url.clone()).expect("a List-Unsubscribe address");
    assert!(header.ends_with(&format!("/newsletter/one-click?token={unsubscribe}")), "{header}");

    // A browser opening the header's address is sent to the page.
    let opened = app.get_page(&format!("/newsletter/one-click?token={unsubscribe}"), None).await;
    assert_eq!(opened.status, 303);
    // The mail client's one-click POST unsubscribes.
    let posted = app
        .client
        .post(format!("{}/newsletter/one-click?token={unsubscribe}", app.base))
        .form(&[("List-Unsubscribe", "One-Click")])
        .send()
        .await
        .unwrap();
    assert_eq!(posted.status().as_u16(), 200);
    assert_eq!(
        subjects(app, "claire@example.fr").await,
        ["Please confirm your subscription", "You are subscribed to our newsletter", "You are unsubscribed"]
    );
    // Following the page link afterwards is harmless: no second goodbye.
    let page = app.get_page(&format!("/en/newsletter/unsubscribe?token={unsubscribe}"), None).await;
    assert_eq!(page.status, 200);
    let again = app.post_form("newsletter/unsubscribe", &[("token", &unsubscribe)], None).await;
    assert!(again.body.contains("no more newsletters"), "{}", again.body);
    assert_eq!(subjects(app, "claire@example.fr").await.len(), 3);
    let forged = app.client.post(format!("{}/newsletter/one-click?token=forged", app.base)).send().await.unwrap();
    assert_eq!(forged.status().as_u16(), 404);
}
on_both_engines!(double_opt_in, subscribe_confirm_and_unsubscribe_in_one_click);

async fn the_footer_form_unsubscribes_and_never_tells_who_is_listed(app: &TestApp) {
    app.post_form("newsletter", &[("email", "claire@example.fr"), ("intent", "subscribe")], None).await;
    let token = token_after(&newest_to(app, "claire@example.fr").await.text_body, "/newsletter/confirm");
    app.post_form("newsletter/confirm", &[("token", &token)], None).await;

    let listed = app.post_form("newsletter", &[("email", "claire@example.fr"), ("intent", "unsubscribe")], None).await;
    let unlisted = app.post_form("newsletter", &[("email", "denis@example.fr"), ("intent", "unsubscribe")], None).await;
    assert_eq!((listed.status, unlisted.status), (200, 200));
    assert_eq!(listed.body.replace("claire", "X"), unlisted.body.replace("denis", "X"));
    assert_eq!(subjects(app, "claire@example.fr").await.last().map(String::as_str), Some("You are unsubscribed"));
    assert!(subjects(app, "denis@example.fr").await.is_empty(), "nobody is mailed who never subscribed");

    // Subscribing again after leaving asks for a new confirmation.
    app.post_form("newsletter", &[("email", "claire@example.fr"), ("intent", "subscribe")], None).await;
    assert_eq!(
        subjects(app, "claire@example.fr").await.last().map(String::as_str),
        Some("Please confirm your subscription")
    );

    for (form, status) in [
        (vec![("email", "claire@example.fr"), ("intent", "spam")], 400),
        (vec![("email", "not an address"), ("intent", "subscribe")], 400),
        (vec![("intent", "subscribe")], 400),
    ] {
        assert_eq!(app.post_form("newsletter", &form, None).await.status, status, "{form:?}");
    }
    // One address asked for too often is limited (5 an hour).
    for _ in 0..2 {
        app.post_form("newsletter", &[("email", "claire@example.fr"), ("intent", "subscribe")], None).await;
    }
    let limited = app.post_form("newsletter", &[("email", "claire@example.fr"), ("intent", "subscribe")], None).await;
    assert_eq!(limited.status, 429, "{}", limited.body);
}
on_both_engines!(footer_form, the_footer_form_unsubscribes_and_never_tells_who_is_listed);

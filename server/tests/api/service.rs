//! Client service on a real server and database: a contact message stored
//! and emailed twice (to client service, and acknowledged), linked to the
//! sender's order only; a callback refused outside the hours with the next
//! open slots, then booked on one of them; every bad input a 4xx with
//! nothing written; the bot trap; the rate limits; customers' order
//! requests in the inbox; the inbox closed to anyone but staff, and a
//! request marked handled once, audited.

use crate::common::{TestApp, SERVICE_EMAIL};
use app::domain::service::MIN_FILL_SECONDS;
use app::store::outbox;
use jiff::{civil::Weekday, tz::TimeZone, ToSpan, Zoned};
use serde_json::{json, Value};

/// How many requests the inbox holds, in all.
async fn requests(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM service_requests").fetch_one(&app.db.pool).await.unwrap()
}

async fn subjects_to(app: &TestApp, to: &str) -> Vec<String> {
    outbox::recent(&app.db, 500).await.unwrap().into_iter().filter(|e| e.to == to).map(|e| e.subject).collect()
}

/// A fresh form stamp, read from the page as a browser would, and old
/// enough to pass the minimum fill time.
pub(crate) async fn stamp(app: &TestApp, cookie: Option<&str>) -> String {
    let page = app.get_page("/en/contact", cookie).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert_eq!(page.header("cache-control").as_deref(), Some("no-store"), "the stamp is this render's own");
    let stamp = stamp_in(&page.body);
    tokio::time::sleep(std::time::Duration::from_secs(MIN_FILL_SECONDS as u64 + 1)).await;
    stamp
}

fn stamp_in(html: &str) -> String {
    let at = html.find(r#"name="stamp" value=""#).expect("the form's stamp") + r#"name="stamp" value=""#.len();
    html[at..].split('"').next().unwrap().to_owned()
}

fn contact<'a>(stamp: &'a str, message: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("topic", "product"),
        ("email", "anne@example.fr"),
        ("order", ""),
        ("message", message),
        ("piece", "aube-solitaire-ring"),
        ("size", "52"),
        ("website", ""),
        ("stamp", stamp),
    ]
}

/// `form` with `field` set to `value` (added when absent).
fn with<'a>(form: &[(&'a str, &'a str)], field: &'a str, value: &'a str) -> Vec<(&'a str, &'a str)> {
    let mut form: Vec<_> = form.iter().copied().filter(|(name, _)| *name != field).collect();
    form.push((field, value));
    form
}

async fn a_contact_message_is_stored_forwarded_and_acknowledged(app: &TestApp) {
    let stamp = stamp(app, None).await;
    let form = contact(&stamp, "Is the solitaire\r\nmade in 52?");
    let sent = app.post_form("service/contact", &form, None).await;
    assert_eq!(sent.status, 200, "{}", sent.body);
    assert_eq!(requests(app).await, 1);
    let (kind, topic, size, message, product): (String, String, String, String, Option<i64>) =
        sqlx::query_as("SELECT kind, topic, size, message, product_id FROM service_requests")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!((kind.as_str(), topic.as_str(), size.as_str()), ("contact", "product", "52"));
    assert_eq!(message, "Is the solitaire\nmade in 52?");
    assert!(product.is_some(), "the piece asked about is linked");
    assert_eq!(subjects_to(app, "anne@example.fr").await, ["We have received your message"]);
    let forwarded = outbox::recent(&app.db, 50).await.unwrap().into_iter().find(|e| e.to == SERVICE_EMAIL);
    let forwarded = forwarded.expect("client service is written to");
    // In the house's language, whoever wrote.
    assert_eq!(forwarded.subject, "[Message écrit] anne@example.fr");

    // Every bad input is a 4xx, and nothing is written.
    let too_long = "x".repeat(3_001);
    let long_order = "x".repeat(41);
    for (field, value, status) in [
        ("topic", "", 400),
        ("topic", "birthday", 400),
        ("email", "not an address", 400),
        ("message", "   ", 400),
        ("message", too_long.as_str(), 400),
        ("order", long_order.as_str(), 400),
        ("piece", "no-such-piece", 400),
        ("piece", "../etc", 400),
        // A size the piece is not made in.
        ("size", "99", 400),
        // A members' preview piece does not exist for a visitor.
        ("piece", "constellation-comet-ring", 400),
        // The bot trap: the honeypot, a forged or missing stamp.
        ("website", "http://spam.example", 400),
        ("stamp", "1700000000.forged", 400),
        ("stamp", "", 400),
    ] {
        let answer = app.post_form("service/contact", &with(&form, field, value), None).await;
        assert_eq!(answer.status, status, "{field}={value:.20}: {}", answer.body);
    }
    let missing: Vec<_> = form.iter().copied().filter(|(name, _)| *name != "message").collect();
    assert_eq!(app.post_form("service/contact", &missing, None).await.status, 400, "no message field");
    // A form sent the moment it was served was filled by a program.
    let fresh = stamp_in(&app.get_page("/en/contact", None).await.body);
    assert_eq!(app.post_form("service/contact", &contact(&fresh, "Quick!"), None).await.status, 400);
    assert_eq!(requests(app).await, 1, "refusals write nothing");
    assert_eq!(subjects_to(app, "anne@example.fr").await.len(), 1);
}
on_both_engines!(contact_message, a_contact_message_is_stored_forwarded_and_acknowledged);

async fn an_order_is_linked_only_when_it_is_the_senders(app: &TestApp) {
    let reference = place_order(app, "anne@example.fr", None).await;
    let stamp = stamp(app, None).await;
    let lower = reference.to_lowercase();
    let form = with(&contact(&stamp, "Where is my parcel?"), "order", &lower);
    let mine = app.post_form("service/contact", &with(&form, "topic", "order"), None).await;
    assert_eq!(mine.status, 200, "{}", mine.body);
    let theirs = with(&with(&form, "email", "bruno@example.fr"), "topic", "order");
    assert_eq!(app.post_form("service/contact", &theirs, None).await.status, 200);
    let typed = with(&form, "order", "the one from May");
    assert_eq!(app.post_form("service/contact", &typed, None).await.status, 200);
    let rows: Vec<(String, Option<i64>, String)> =
        sqlx::query_as("SELECT email, order_id, order_text FROM service_requests WHERE kind = 'contact' ORDER BY id")
            .fetch_all(&app.db.pool)
            .await
            .unwrap();
    assert!(rows[0].1.is_some() && rows[0].2.is_empty(), "Anne's order, by her address: {rows:?}");
    assert_eq!((rows[1].1, rows[1].2.as_str()), (None, reference.as_str()), "not Bruno's: kept as text");
    assert_eq!((rows[2].1, rows[2].2.as_str()), (None, "the one from May"));
}
on_both_engines!(order_links, an_order_is_linked_only_when_it_is_the_senders);

/// Places an order for one ring, as a guest or signed in; its reference.
async fn place_order(app: &TestApp, email: &str, cookie: Option<&str>) -> String {
    let request = json!({
        "basket": { "lines": [{ "product": "aube-band-ring", "size": "56", "quantity": 1 }], "country": "FR" },
        "email": email,
        "address": {
            "full_name": "Anne Dupont", "line1": "12 impasse du Témoin", "line2": "",
            "postcode": "75002", "city": "Paris", "country": "FR", "phone": "+33 6 12 34 56 78"
        },
        "promo": null,
    });
    let key = uuid::Uuid::new_v4().to_string();
    let placed = app.post_json("checkout/place", &json!({ "request": request, "key": key }), cookie).await;
    assert_eq!(placed.status, 200, "{}", placed.body);
    placed.json()["reference"].as_str().unwrap().to_owned()
}

/// The next Sunday at least a week ahead, in Paris, as the date field takes it.
pub(crate) fn a_sunday_ahead() -> String {
    let mut day = Zoned::now().with_time_zone(TimeZone::get("Europe/Paris").unwrap()).date() + 7.days();
    while day.weekday() != Weekday::Sunday {
        day = day.tomorrow().unwrap();
    }
    day.to_string()
}

fn callback<'a>(stamp: &'a str, date: &'a str, time: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", "Anne Dupont"),
        ("email", "anne@example.fr"),
        ("phone", "06 12 34 56 78"),
        ("date", date),
        ("time", time),
        ("note", "About a ring"),
        ("website", ""),
        ("stamp", stamp),
    ]
}

async fn a_sunday_is_refused_with_open_slots_and_one_is_booked(app: &TestApp) {
    let stamp = stamp(app, None).await;
    let sunday = a_sunday_ahead();
    let refused = app.post_form("service/callback", &callback(&stamp, &sunday, "11:00"), None).await;
    assert_eq!(refused.status, 400, "{}", refused.body);
    let offered = refused.json()["SlotRefused"]["offered"].as_array().cloned().expect("slots offered");
    assert_eq!(offered.len(), 3, "{}", refused.body);
    let first = offered[0]["value"].as_str().unwrap().to_owned();
    // The Monday after, at opening (or the next open day, for a holiday).
    assert!(first.ends_with("T10:00"), "{first}");
    assert!(offered[0]["label"].as_str().unwrap().contains("10:00"), "{offered:?}");
    assert_eq!(requests(app).await, 0, "a refused slot writes nothing");

    let form = with(&callback(&stamp, &sunday, "11:00"), "offered", &first);
    let booked = app.post_form("service/callback", &form, None).await;
    assert_eq!(booked.status, 200, "{}", booked.body);
    assert_eq!(booked.json()["phone"], Value::String("+33 6 12 34 56 78".into()));
    let (phone, slot_at): (String, i64) =
        sqlx::query_as("SELECT phone, slot_at FROM service_requests WHERE kind = 'callback'")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(phone, "+33612345678", "kept in E.164");
    let local = jiff::Timestamp::from_second(slot_at).unwrap().to_zoned(TimeZone::get("Europe/Paris").unwrap());
    assert_eq!(format!("{}T{:02}:{:02}", local.date(), local.hour(), local.minute()), first);
    assert_eq!(subjects_to(app, "anne@example.fr").await, ["Your callback request"]);
    assert_eq!(subjects_to(app, SERVICE_EMAIL).await, ["[Rappel] Anne Dupont"]);

    // Each field wrong in turn, on an otherwise good request for that slot.
    let (day, time) = first.split_once('T').unwrap();
    let good = callback(&stamp, day, time);
    let yesterday = (Zoned::now().date() - 1.day()).to_string();
    let long_note = "n".repeat(501);
    for (field, value) in [
        ("phone", "hello"),
        ("phone", ""),
        ("name", " "),
        ("email", "nope"),
        ("date", ""),
        ("date", "31/12/2030"),
        ("time", "10:15"),
        ("time", "21:00"),
        ("date", yesterday.as_str()),
        ("note", long_note.as_str()),
        ("offered", "not a slot"),
        ("website", "filled"),
    ] {
        let answer = app.post_form("service/callback", &with(&good, field, value), None).await;
        assert_eq!(answer.status, 400, "{field}={value:.20}: {}", answer.body);
    }
    assert_eq!(requests(app).await, 1, "refusals write nothing");
}
on_both_engines!(callback, a_sunday_is_refused_with_open_slots_and_one_is_booked);

async fn contact_messages_are_rate_limited(app: &TestApp) {
    let stamp = stamp(app, None).await;
    for n in 0..5 {
        let answer = app.post_form("service/contact", &contact(&stamp, "Hello"), None).await;
        assert_eq!(answer.status, 200, "message {n}: {}", answer.body);
    }
    let sixth = app.post_form("service/contact", &contact(&stamp, "Hello"), None).await;
    assert_eq!(sixth.status, 429, "{}", sixth.body);
    assert_eq!(requests(app).await, 5);
}
on_both_engines!(contact_rate_limit, contact_messages_are_rate_limited);

async fn the_inbox_is_for_staff_who_mark_each_request_once(app: &TestApp) {
    // A customer's change request reaches the inbox, with her order.
    let anne = app.register("anne@example.fr").await;
    let reference = place_order(app, "anne@example.fr", Some(&anne)).await;
    let change = app
        .post_form("orders/change", &[("reference", &reference), ("message", "Size 54 instead, please")], Some(&anne))
        .await;
    assert_eq!(change.status, 200, "{}", change.body);
    let cancel = app.post_form("orders/cancel", &[("reference", &reference)], Some(&anne)).await;
    assert_eq!(cancel.status, 200, "{}", cancel.body);

    // Closed to everyone but staff.
    assert_eq!(app.post_form("staff/service", &[], None).await.status, 401);
    assert_eq!(app.post_form("staff/service", &[], Some(&anne)).await.status, 403);
    assert_eq!(app.post_form("staff/service/handled", &[("id", "1")], Some(&anne)).await.status, 403);
    assert_eq!(app.get_page("/en/staff/service", Some(&anne)).await.status, 403);

    let clerk = app.staff("clerk@example.fr").await;
    let inbox = app.post_form("staff/service", &[], Some(&clerk)).await;
    assert_eq!(inbox.status, 200, "{}", inbox.body);
    let entries = inbox.json().as_array().cloned().unwrap();
    let kinds: Vec<&str> = entries.iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["order_change", "order_cancel"]);
    // Linked: the staff's page of the order.
    assert_eq!(entries[0]["order"], json!([reference, format!("/en/staff/orders/{reference}")]));
    assert_eq!(entries[0]["message"], Value::String("Size 54 instead, please".into()));
    let only = app.post_form("staff/service", &[("kind", "order_cancel")], Some(&clerk)).await;
    assert_eq!(only.json().as_array().unwrap().len(), 1);
    for (field, value) in [("kind", "gossip"), ("state", "closed")] {
        assert_eq!(app.post_form("staff/service", &[(field, value)], Some(&clerk)).await.status, 400, "{value}");
    }

    let id = entries[0]["id"].as_i64().unwrap().to_string();
    let done = app.post_form("staff/service/handled", &[("id", &id)], Some(&clerk)).await;
    assert_eq!(done.status, 200, "{}", done.body);
    assert!(done.body.contains("clerk@example.fr"), "{}", done.body);
    let again = app.post_form("staff/service/handled", &[("id", &id)], Some(&clerk)).await;
    assert_eq!(again.status, 409, "{}", again.body);
    assert!(again.body.contains("already been handled by clerk@example.fr"), "{}", again.body);
    assert_eq!(app.post_form("staff/service/handled", &[("id", "x")], Some(&clerk)).await.status, 400);
    assert_eq!(app.post_form("staff/service/handled", &[("id", "999999")], Some(&clerk)).await.status, 404);
    let open = app.post_form("staff/service", &[], Some(&clerk)).await.json();
    assert_eq!(open.as_array().unwrap().len(), 1, "one left open");
    let handled = app.post_form("staff/service", &[("state", "handled")], Some(&clerk)).await.json();
    assert!(handled[0]["handled"].as_str().unwrap().starts_with("Handled by clerk@example.fr"), "{handled}");
    let audited: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM staff_audit WHERE action = 'service_handled'")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(audited, 1);

    // The page shows what a customer wrote as text, never as HTML.
    let stamp = stamp(app, None).await;
    let sent = app.post_form("service/contact", &contact(&stamp, "<script>alert(1)</script>"), None).await;
    assert_eq!(sent.status, 200);
    let page = app.get_page("/en/staff/service?kind=contact", Some(&clerk)).await;
    assert_eq!(page.status, 200);
    assert!(!page.body.contains("<script>alert(1)"), "escaped");
    assert!(page.body.contains("&lt;script&gt;alert(1)"), "{}", page.body);

    // Deleting Anne's account erases her requests.
    let deleted = app.post_form("account/delete", &[("password", crate::common::PASSWORD)], Some(&anne)).await;
    assert_eq!(deleted.status, 200, "{}", deleted.body);
    let hers: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM service_requests WHERE email_key = 'anne@example.fr'")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(hers, 0);
}
on_both_engines!(inbox, the_inbox_is_for_staff_who_mark_each_request_once);

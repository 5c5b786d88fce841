//! Erasure that is complete (issue 17, item 3): every table and column
//! that can hold personal data is listed here, a customer fills as many of
//! them as a shopper can, and once the account is deleted no column of any
//! table holds anything that names them, save the one email that says the
//! account is gone. Emails are kept without their links' secrets once
//! sent, and deleted after the retention period.

use crate::accounts::links_to;
use crate::checkout::{checkout, key, place, set_stock, RING};
use crate::common::{TestApp, PASSWORD};
use crate::returns::{ask, delivered_order, photo_with_gps};
use crate::service::{a_sunday_ahead, stamp};
use app::store::{outbox, Backend};
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// The columns that can hold personal data, table by table, and what
/// deleting an account does to them. A table not listed here holds none
/// (it is in `HOUSE_TABLES`): a new table must be put in one or the other.
const PERSONAL: &[(&str, &[&str], &str)] = &[
    ("customers", &["email", "email_key", "password_hash", "first_name", "last_name", "phone"], "row deleted"),
    ("sessions", &["token_digest"], "rows deleted"),
    ("account_tokens", &["token_digest"], "rows deleted"),
    ("addresses", &["full_name", "line1", "line2", "postcode", "city", "phone"], "rows deleted"),
    ("newsletter_subscribers", &["email", "email_key", "confirm_digest", "unsubscribe_token"], "row deleted"),
    ("rate_events", &["bucket"], "the address's, its browsers' and its numbers' rows deleted; clients' after an hour"),
    (
        "outbox",
        &["to_address", "about_key", "subject", "text_body", "html_body", "unsubscribe_url"],
        "rows to or about the address deleted",
    ),
    (
        "orders",
        &["email", "email_key", "full_name", "line1", "line2", "postcode", "city", "phone", "held_by"],
        "anonymised",
    ),
    ("order_events", &["note"], "the customer's notes emptied"),
    ("returns", &["note"], "emptied"),
    ("return_photos", &["object_key"], "rows and files deleted"),
    ("stock_alerts", &["email", "email_key", "cancel_token"], "rows deleted"),
    ("service_requests", &["name", "email", "email_key", "phone", "order_text", "message"], "rows deleted"),
    ("staff_second_factors", &["secret", "offered_to"], "row deleted (a member of staff's)"),
    ("staff_recovery_codes", &["code_digest"], "rows deleted (a member of staff's)"),
];

/// Tables that hold nothing personal: the house's catalogue, shops and
/// settings, and records that name no one (payments, refunds and shipments
/// by order; staff's own audit log, kept by law, names staff only).
const HOUSE_TABLES: &[&str] = &[
    "catalogue_version",
    "collections",
    "gift_offers",
    "hold_slots",
    "materials",
    "order_lines",
    "order_payments",
    "payment_callbacks",
    "places",
    "product_materials",
    "product_pictures",
    "products",
    "promo_codes",
    "refunds",
    "return_lines",
    "sandbox_payments",
    "sandbox_refunds",
    "service_closed_days",
    "shipment_lines",
    "shipments",
    "shipping_zone_countries",
    "shipping_zones",
    "shop_hours",
    "shop_secrets",
    "shops",
    "staff_audit",
    "stock",
];

const EMAIL: &str = "Zephyrine.Quillard@example.fr";
/// What names the customer, as stored (lower case, spaces left out): her
/// surname (in her address, her name, her messages), her street, her number.
const MARKERS: &[&str] = &["quillard", "verlaque", "698765432"];

/// Every table and its text columns.
async fn text_columns(app: &TestApp) -> Vec<(String, String)> {
    let sql = match app.db.backend {
        Backend::Sqlite => {
            "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite%' AND m.name NOT LIKE '\\_sqlx%' ESCAPE '\\' \
             AND (upper(p.type) LIKE '%TEXT%' OR upper(p.type) LIKE '%CHAR%') ORDER BY 1, 2"
        }
        Backend::Postgres => {
            "SELECT CAST(table_name AS TEXT), CAST(column_name AS TEXT) FROM information_schema.columns \
             WHERE table_schema = 'public' AND table_name NOT LIKE '\\_sqlx%' \
             AND data_type IN ('text', 'character varying') ORDER BY 1, 2"
        }
    };
    sqlx::query_as(sql).fetch_all(&app.db.pool).await.unwrap()
}

/// Every table of the schema.
pub(crate) async fn tables(app: &TestApp) -> BTreeSet<String> {
    let sql = match app.db.backend {
        Backend::Sqlite => {
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' \
             AND name NOT LIKE '\\_sqlx%' ESCAPE '\\'"
        }
        Backend::Postgres => {
            "SELECT CAST(table_name AS TEXT) FROM information_schema.tables WHERE table_schema = 'public' \
             AND table_name NOT LIKE '\\_sqlx%'"
        }
    };
    sqlx::query_scalar(sql).fetch_all(&app.db.pool).await.unwrap().into_iter().collect()
}

/// The (table, column) pairs where a marker stands, leaving out the outbox row `except`.
async fn naming_her(app: &TestApp, except: Option<i64>) -> BTreeSet<(String, String)> {
    let mut found = BTreeSet::new();
    for (table, column) in text_columns(app).await {
        for marker in MARKERS {
            let mut sql = format!(
                r#"SELECT COUNT(*) FROM "{table}" WHERE lower(replace("{column}", ' ', '')) LIKE '%{marker}%'"#
            );
            if let (Some(id), "outbox") = (except, table.as_str()) {
                sql.push_str(&format!(" AND id <> {id}"));
            }
            let hits: i64 = sqlx::query_scalar(&sql).fetch_one(&app.db.pool).await.unwrap();
            if hits > 0 {
                found.insert((table.clone(), column.clone()));
            }
        }
    }
    found
}

/// Her address, in a checkout request.
fn her_checkout(lines: Value) -> Value {
    let mut request = checkout(EMAIL, lines, None);
    request["address"] = json!({
        "full_name": "Zéphyrine Quillard", "line1": "9 impasse Verlaque", "line2": "Bâtiment Quillard",
        "postcode": "13100", "city": "Aix-en-Provence", "country": "FR", "phone": "+33 6 98 76 54 32"
    });
    request
}

async fn every_column_is_listed(app: &TestApp) {
    let listed: BTreeSet<String> =
        PERSONAL.iter().map(|(t, _, _)| (*t).to_owned()).chain(HOUSE_TABLES.iter().map(|t| (*t).to_owned())).collect();
    assert_eq!(tables(app).await, listed, "every table is listed as personal or the house's");
    let columns: BTreeSet<(String, String)> = text_columns(app).await.into_iter().collect();
    for (table, personal, _) in PERSONAL {
        for column in *personal {
            assert!(columns.contains(&((*table).to_owned(), (*column).to_owned())), "{table}.{column} exists");
        }
    }
}

async fn deleting_an_account_leaves_nothing_that_names_her(app: &TestApp) {
    every_column_is_listed(app).await;
    set_stock(app, RING, "50", 5).await;
    let key_of_her = EMAIL.to_lowercase();
    // A guest order first, then the account, its address proved.
    let guest =
        place(app, &her_checkout(json!([{ "product": RING, "size": "50", "quantity": 1 }])), &key(), None).await;
    assert_eq!(guest.status, 200, "{}", guest.body);
    let her = app.register_named(EMAIL, "Zéphyrine", "Quillard").await;
    let token = links_to(app, EMAIL, "/account/verify").await.remove(0);
    assert_eq!(app.post_form("account/verify", &[("token", &token)], None).await.status, 200);
    let address = [
        ("address[full_name]", "Zéphyrine Quillard"),
        ("address[line1]", "9 impasse Verlaque"),
        ("address[postcode]", "13100"),
        ("address[city]", "Aix-en-Provence"),
        ("address[country]", "FR"),
        ("address[phone]", "+33 6 98 76 54 32"),
    ];
    assert_eq!(app.post_form("account/addresses/save", &address, Some(&her)).await.status, 200);
    // A delivered order, sent back with a note and a photo.
    let (reference, _staff, ids) =
        delivered_order(app, &her_checkout(json!([{ "product": RING, "size": "50", "quantity": 1 }])), &her).await;
    let line = format!("line-{}", ids[0]);
    let fields = [(line.as_str(), "1"), ("reason", "defective"), ("note", "Mme Quillard: a claw is bent")];
    let asked = ask(app, &reference, &fields, vec![photo_with_gps()], &her).await;
    assert_eq!(asked.status, 200, "{}", asked.body);
    let photo: String =
        sqlx::query_scalar("SELECT object_key FROM return_photos").fetch_one(&app.db.pool).await.unwrap();
    assert!(app.photos().find(&photo).await.unwrap().is_some());
    // An unpaid order, and a change she asks for on it.
    let one_ring = her_checkout(json!([{ "product": RING, "size": "50", "quantity": 1 }]));
    let unpaid = place(app, &one_ring, &key(), Some(&her)).await;
    assert_eq!(unpaid.status, 200, "{}", unpaid.body);
    let unpaid = unpaid.json()["reference"].as_str().unwrap().to_owned();
    let change = [("reference", unpaid.as_str()), ("message", "Engrave it 'Z. Quillard', please")];
    assert_eq!(app.post_form("orders/change", &change, Some(&her)).await.status, 200);
    // A message and a callback to client service, an alert, the newsletter.
    let stamp = stamp(app, Some(&her)).await;
    let contact = [
        ("topic", "product"),
        ("email", EMAIL),
        ("order", ""),
        ("message", "This is Zéphyrine Quillard: is the band made in 62?"),
        ("piece", ""),
        ("size", ""),
        ("website", ""),
        ("stamp", stamp.as_str()),
    ];
    let sent = app.post_form("service/contact", &contact, Some(&her)).await;
    assert_eq!(sent.status, 200, "{}", sent.body);
    let sunday = a_sunday_ahead();
    let mut callback = vec![
        ("name", "Zéphyrine Quillard"),
        ("email", EMAIL),
        ("phone", "06 98 76 54 32"),
        ("date", sunday.as_str()),
        ("time", "11:00"),
        ("note", "Call Mme Quillard after six"),
        ("website", ""),
        ("stamp", stamp.as_str()),
    ];
    let refused = app.post_form("service/callback", &callback, Some(&her)).await;
    let slot = refused.json()["SlotRefused"]["offered"][0]["value"].as_str().expect(&refused.body).to_owned();
    callback.push(("offered", slot.as_str()));
    let booked = app.post_form("service/callback", &callback, Some(&her)).await;
    assert_eq!(booked.status, 200, "{}", booked.body);
    let alert = [("product", "aube-band-ring"), ("size", "48"), ("email", EMAIL)];
    assert_eq!(app.post_form("alerts/register", &alert, Some(&her)).await.status, 200);
    assert_eq!(app.post_form("newsletter", &[("email", EMAIL), ("intent", "subscribe")], None).await.status, 200);
    // A wrong password once, and a reset link asked for.
    assert_eq!(app.post_form("account/sign-in", &[("email", EMAIL), ("password", "guess")], None).await.status, 401);
    assert_eq!(app.post_form("account/forgot-password", &[("email", EMAIL)], None).await.status, 200);

    // Everything a shopper can fill names her now.
    let before = naming_her(app, None).await;
    for (table, column) in [
        ("customers", "email"),
        ("customers", "last_name"),
        ("addresses", "full_name"),
        ("addresses", "line1"),
        ("addresses", "phone"),
        ("orders", "email"),
        ("orders", "full_name"),
        ("orders", "line1"),
        ("orders", "line2"),
        ("orders", "phone"),
        ("order_events", "note"),
        ("returns", "note"),
        ("service_requests", "name"),
        ("service_requests", "email"),
        ("service_requests", "phone"),
        ("service_requests", "message"),
        ("stock_alerts", "email"),
        ("newsletter_subscribers", "email"),
        ("outbox", "to_address"),
        ("outbox", "about_key"),
        ("outbox", "text_body"),
        ("outbox", "html_body"),
        ("rate_events", "bucket"),
    ] {
        assert!(before.contains(&(table.to_owned(), column.to_owned())), "{table}.{column} before: {before:?}");
    }

    let deleted = app.post_form("account/delete", &[("password", PASSWORD)], Some(&her)).await;
    assert!(deleted.status < 400, "{} {}", deleted.status, deleted.body);
    // One email is left about her: that her account is gone, with no link in it.
    let farewell: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, text_body FROM outbox WHERE about_key = $1 OR lower(to_address) = $1")
            .bind(&key_of_her)
            .fetch_all(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(farewell.len(), 1, "{farewell:?}");
    assert!(!farewell[0].1.contains("?token=") && !farewell[0].1.contains("?key="), "{}", farewell[0].1);
    let after = naming_her(app, Some(farewell[0].0)).await;
    assert!(after.is_empty(), "still naming her: {after:?}");
    // Nor does anything point at her by her address's key or her client.
    for sql in [
        "SELECT COUNT(*) FROM orders WHERE held_by IS NOT NULL OR email_key IS NOT NULL OR customer_id IS NOT NULL",
        "SELECT COUNT(*) FROM return_photos",
        "SELECT COUNT(*) FROM order_events WHERE actor = 'customer' AND note <> ''",
        "SELECT COUNT(*) FROM returns WHERE note <> ''",
    ] {
        assert_eq!(crate::checkout::count(app, sql).await, 0, "{sql}");
    }
    assert!(app.photos().find(&photo).await.unwrap().is_none(), "the photo's file is deleted too");
    // Her orders are kept for the accounts, anonymised.
    assert_eq!(crate::checkout::count(app, "SELECT COUNT(*) FROM orders").await, 3);
}
on_both_engines!(account_deletion, deleting_an_account_leaves_nothing_that_names_her);

async fn emails_are_kept_for_the_retention_period_and_no_longer(app: &TestApp) {
    let now = app::store::unix_now();
    let email = |n: usize| app::domain::outbox::OutgoingEmail {
        to: app::domain::account::Email::parse(&format!("kept{n}@example.fr")).unwrap(),
        subject: format!("Email {n}"),
        text_body: "Hello".into(),
        html_body: "<p>Hello</p>".into(),
        unsubscribe_url: None,
    };
    let mut tx = app.db.pool.begin().await.unwrap();
    let day = 24 * 60 * 60;
    // Written 31 days ago, 29 days ago, and now.
    for (n, written) in [(0, now - 31 * day), (1, now - 29 * day), (2, now)] {
        outbox::enqueue(&mut tx, &email(n), written).await.unwrap();
    }
    sqlx::query("INSERT INTO rate_events (bucket, at) VALUES ('sign-in-client:203.0.113.5', $1)")
        .bind(now - 2 * 60 * 60)
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let retention = server::workers::Retention { email_days: 30 };
    // The server's own retention worker makes a pass as it starts, which
    // on a loaded machine may come only now: one of the two passes deletes
    // the old email, and the other finds nothing left to delete.
    assert!(server::workers::forget_what_is_past(&app.db, retention, now).await.unwrap() <= 1);
    let left: Vec<String> = outbox::recent(&app.db, 10).await.unwrap().into_iter().map(|e| e.subject).collect();
    assert_eq!(left, ["Email 2", "Email 1"]);
    assert_eq!(crate::checkout::count(app, "SELECT COUNT(*) FROM rate_events").await, 0, "an old count names a client");
}
on_both_engines!(email_retention, emails_are_kept_for_the_retention_period_and_no_longer);

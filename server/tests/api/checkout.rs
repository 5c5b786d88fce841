//! Checkout, payments and the order lifecycle on a real server and database,
//! each on SQLite and PostgreSQL: no overselling under a crowd, idempotent
//! placing, the sandbox gateway end to end, signed callbacks refused when
//! tampered, stale or replayed, orders private to their customer, staff
//! functions closed to customers, and the lifecycle staff drive.

use crate::common::{Answer, TestApp, PASSWORD};
use app::payments::{keys::ShopKeys, signature};
use app::store::{outbox, unix_now};
use serde_json::{json, Value};

pub(crate) const RING: &str = "aube-band-ring";

pub(crate) fn checkout(email: &str, lines: Value, promo: Option<&str>) -> Value {
    json!({
        "basket": { "lines": lines, "country": "FR" },
        "email": email,
        "address": {
            "full_name": "Anne Dupont", "line1": "12 impasse du Témoin", "line2": "",
            "postcode": "75002", "city": "Paris", "country": "FR", "phone": "+33 6 12 34 56 78"
        },
        "promo": promo,
    })
}

pub(crate) fn one_ring(size: &str) -> Value {
    json!([{ "product": RING, "size": size, "quantity": 1 }])
}

pub(crate) async fn place(app: &TestApp, request: &Value, key: &str, cookie: Option<&str>) -> Answer {
    app.post_json("checkout/place", &json!({ "request": request, "key": key }), cookie).await
}

/// Places an order as the client at `ip`, with a fresh key (on a server behind a trusted proxy).
pub(crate) async fn place_as(app: &TestApp, ip: &str, request: &Value) -> Answer {
    app.post_json_as(ip, "checkout/place", &json!({ "request": request, "key": key() })).await
}

pub(crate) fn key() -> String {
    uuid::Uuid::new_v4().to_string()
}

pub(crate) async fn set_stock(app: &TestApp, slug: &str, size: &str, quantity: i64) {
    sqlx::query(
        "UPDATE stock SET quantity = $1 WHERE size = $2 AND product_id = (SELECT id FROM products WHERE slug = $3)",
    )
    .bind(quantity)
    .bind(size)
    .bind(slug)
    .execute(&app.db.pool)
    .await
    .unwrap();
}

pub(crate) async fn stock(app: &TestApp, slug: &str, size: &str) -> i64 {
    sqlx::query_scalar(
        "SELECT quantity FROM stock WHERE size = $1 AND product_id = (SELECT id FROM products WHERE slug = $2)",
    )
    .bind(size)
    .bind(slug)
    .fetch_one(&app.db.pool)
    .await
    .unwrap()
}

pub(crate) async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.db.pool).await.unwrap()
}

pub(crate) async fn status_of(app: &TestApp, reference: &str) -> String {
    sqlx::query_scalar("SELECT status FROM orders WHERE reference = $1")
        .bind(reference)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

/// The key in an order's link, read from the newest email about it.
pub(crate) async fn link_key(app: &TestApp, reference: &str) -> String {
    let emails = outbox::recent(&app.db, 200).await.unwrap();
    let body = emails.iter().find(|e| e.text_body.contains(reference)).expect("an email about the order");
    let at = body.text_body.find("?key=").expect("a link with its key") + 5;
    body.text_body[at..].split(|c: char| c.is_whitespace() || c == '&').next().unwrap().to_owned()
}

/// Lets an unpaid order's time for payment run out.
pub(crate) async fn run_out_of_time(app: &TestApp, reference: &str) {
    sqlx::query("UPDATE orders SET pay_by = $1 WHERE reference = $2")
        .bind(unix_now() - 1)
        .bind(reference)
        .execute(&app.db.pool)
        .await
        .unwrap();
}

pub(crate) async fn wait_for_status(app: &TestApp, reference: &str, wanted: &str) {
    for _ in 0..60 {
        if status_of(app, reference).await == wanted {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    panic!("{reference} never became {wanted}; it is {}", status_of(app, reference).await);
}

async fn fifty_buyers_for_five_rings_make_five_orders(app: &TestApp) {
    set_stock(app, RING, "52", 5).await;
    // Fifty shoppers, each on their own connection.
    let buyers = (0..50).map(|i| {
        let request = checkout(&format!("buyer{i}@example.fr"), one_ring("52"), None);
        async move { place_as(app, &format!("192.0.2.{i}"), &request).await }
    });
    let answers = futures::future::join_all(buyers).await;
    let placed = answers.iter().filter(|a| a.status == 200).count();
    let sold_out: Vec<&Answer> = answers.iter().filter(|a| a.status == 409).collect();
    assert_eq!(placed, 5, "{:?}", answers.iter().map(|a| (a.status, &a.body)).collect::<Vec<_>>());
    assert_eq!(sold_out.len(), 45);
    // Told while placing ("has just sold out"), or, for a late buyer whose
    // basket was priced after the last piece went, by the basket check.
    let clear = |a: &&Answer| a.body.contains("has just sold out") || a.body.contains("This size is out of stock");
    assert!(sold_out.iter().all(clear), "{:?}", sold_out.iter().map(|a| &a.body).collect::<Vec<_>>());
    assert_eq!(stock(app, RING, "52").await, 0);
    assert_eq!(count(app, "SELECT COUNT(*) FROM orders").await, 5);
    assert_eq!(count(app, "SELECT COUNT(*) FROM order_lines").await, 5);
}
on_both_engines!(no_overselling, fifty_buyers_for_five_rings_make_five_orders, TestApp::spawn_behind_proxy);

async fn the_same_key_twice_makes_one_order(app: &TestApp) {
    let request = checkout("twice@example.fr", one_ring("56"), None);
    let k = key();
    let first = place(app, &request, &k, None).await;
    assert_eq!(first.status, 200, "{}", first.body);
    let second = place(app, &request, &k, None).await;
    assert_eq!(second.status, 200, "{}", second.body);
    assert_eq!(first.json()["reference"], second.json()["reference"]);
    assert_eq!(first.json()["next_url"], second.json()["next_url"], "the same payment page");
    assert_eq!(count(app, "SELECT COUNT(*) FROM orders").await, 1);
    // The same key sent twice at once: one order, one payment page for both
    // (a second page would take a payment the order does not know).
    let at_once = key();
    let (a, b) = tokio::join!(place(app, &request, &at_once, None), place(app, &request, &at_once, None));
    assert_eq!((a.status, b.status), (200, 200), "{} {}", a.body, b.body);
    assert_eq!(a.json()["reference"], b.json()["reference"]);
    assert_eq!(a.json()["next_url"], b.json()["next_url"]);
    assert_eq!(count(app, "SELECT COUNT(*) FROM orders").await, 2);
    assert_eq!(count(app, "SELECT COUNT(*) FROM sandbox_payments").await, 2);
    // Another shopper cannot use the key to reach that order.
    let stranger = place(app, &checkout("other@example.fr", one_ring("56"), None), &k, None).await;
    assert_eq!(stranger.status, 400);
    assert!(!stranger.body.contains("MA-"));
    // Bad input is refused and writes nothing.
    assert_eq!(place(app, &request, "short", None).await.status, 400);
    let mut bad_country = request.clone();
    bad_country["address"]["country"] = json!("US");
    let refused = place(app, &bad_country, &key(), None).await;
    assert_eq!(refused.status, 400);
    assert!(refused.body.contains("cannot deliver online"), "{}", refused.body);
    let mut no_phone = request.clone();
    no_phone["address"]["phone"] = json!("");
    assert_eq!(place(app, &no_phone, &key(), None).await.status, 400);
    let boutique_only =
        checkout("b@example.fr", json!([{ "product": "constellation-ruby-ring", "size": "52", "quantity": 1 }]), None);
    assert_eq!(place(app, &boutique_only, &key(), None).await.status, 409);
    let expired = place(app, &checkout("c@example.fr", one_ring("56"), Some("ETE2025")), &key(), None).await;
    assert_eq!(expired.status, 400);
    assert!(expired.body.contains("is not valid"), "{}", expired.body);
    assert_eq!(count(app, "SELECT COUNT(*) FROM orders").await, 2);
}
on_both_engines!(idempotent_placing, the_same_key_twice_makes_one_order);

async fn the_quote_prices_everything_on_the_server(app: &TestApp) {
    // €890 + a sale item; BIENVENUE10 needs €300 and skips sale items.
    let lines = json!([
        { "product": RING, "size": "56", "quantity": 1, "price": 1 },
        { "product": "lierre-leaf-ring", "size": "52", "quantity": 1 }
    ]);
    let (status, quote) = app
        .call_json(
            "checkout/quote",
            &json!({ "request": checkout("q@example.fr", lines.clone(), Some("bienvenue10")) }),
        )
        .await;
    assert_eq!(status, 200, "{quote}");
    assert_eq!(quote["promo"], "BIENVENUE10");
    assert_eq!(quote["totals"]["discount"], 8_900, "10% of the non-sale line only");
    assert_eq!(quote["totals"]["shipping"], 2_200);
    let subtotal = quote["totals"]["subtotal"].as_i64().unwrap();
    assert_eq!(quote["totals"]["total"].as_i64().unwrap(), subtotal - 8_900 + 2_200);
    assert_eq!(quote["customs_notice"], Value::Null);
    let (_, refused) =
        app.call_json("checkout/quote", &json!({ "request": checkout("q@example.fr", lines, Some("NOPE1")) })).await;
    assert_eq!(refused["totals"]["discount"], 0);
    assert!(refused["promo_refusal"].as_str().unwrap().contains("The code NOPE1 is not valid"));
}
on_both_engines!(quotes, the_quote_prices_everything_on_the_server);

pub(crate) async fn pay_on_the_sandbox(app: &TestApp, next_url: &str, card: &str) -> Answer {
    let page = app.get_page(next_url, None).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Sandbox payments"));
    let client = crate::common::client_builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let response = client
        .post(format!("{}{next_url}", app.base))
        .form(&[("number", card), ("expiry", "12/39"), ("cvc", "123")])
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    Answer { status, headers, body: response.text().await.unwrap() }
}

async fn the_sandbox_approves_and_declines_by_signed_callback(app: &TestApp) {
    set_stock(app, RING, "58", 2).await;
    let placed = place(app, &checkout("pay@example.fr", one_ring("58"), None), &key(), None).await;
    assert_eq!(placed.status, 200, "{}", placed.body);
    let (reference, next) = (
        placed.json()["reference"].as_str().unwrap().to_owned(),
        placed.json()["next_url"].as_str().unwrap().to_owned(),
    );
    assert!(next.starts_with("/sandbox-gateway/pay/"));
    assert_eq!(stock(app, RING, "58").await, 1, "reserved at once");
    // A card that is not a test card is refused on the gateway's page; nothing moves.
    let wrong = pay_on_the_sandbox(app, &next, "5555 5555 5555 4444").await;
    assert_eq!(wrong.status, 422);
    assert!(wrong.body.contains("only the test cards"));
    let paid = pay_on_the_sandbox(app, &next, "4242 4242 4242 4242").await;
    assert_eq!(paid.status, 303);
    let back = paid.header("location").unwrap();
    assert!(back.contains(&format!("/orders/{reference}?key=")), "{back}");
    wait_for_status(app, &reference, "being_validated").await;
    assert!(!paid.body.contains("4242 4242"), "the card number goes nowhere");
    assert_eq!(count(app, "SELECT COUNT(*) FROM sandbox_payments WHERE card_last4 = '4242'").await, 1);

    let declined = place(app, &checkout("pay@example.fr", one_ring("58"), None), &key(), None).await;
    let (reference, next) = (
        declined.json()["reference"].as_str().unwrap().to_owned(),
        declined.json()["next_url"].as_str().unwrap().to_owned(),
    );
    assert_eq!(stock(app, RING, "58").await, 0);
    let version = app::store::catalogue_version::read(&app.db).await.unwrap();
    assert_eq!(pay_on_the_sandbox(app, &next, "4000 0000 0000 0002").await.status, 303);
    wait_for_status(app, &reference, "cancelled").await;
    assert_eq!(stock(app, RING, "58").await, 1, "a declined payment gives the piece back");
    let now = app::store::catalogue_version::read(&app.db).await.unwrap();
    assert_eq!(now, version + 1, "the size shows in stock again: cached pages go");
    let key = link_key(app, &reference).await;
    let view = app.post_form("orders/view", &[("reference", &reference), ("key", &key)], None).await;
    assert_eq!(view.status, 200, "{}", view.body);
    assert_eq!(view.json()["payment_declined"], true);
    let subjects: Vec<String> = outbox::recent(&app.db, 50)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.to == "pay@example.fr")
        .map(|e| e.subject)
        .collect();
    assert!(subjects.contains(&format!("Your order {reference} is received")), "{subjects:?}");
    assert!(subjects.contains(&format!("Your order {reference}: Cancelled")), "{subjects:?}");
}
on_both_engines!(sandbox_payments, the_sandbox_approves_and_declines_by_signed_callback);

pub(crate) async fn post_callback(app: &TestApp, body: &[u8], header: Option<String>) -> u16 {
    let mut request = app.client.post(format!("{}/payments/sandbox/callback", app.base)).body(body.to_vec());
    if let Some(header) = header {
        request = request.header(signature::HEADER, header);
    }
    request.send().await.unwrap().status().as_u16()
}

async fn bad_callbacks_change_nothing(app: &TestApp) {
    set_stock(app, RING, "60", 1).await;
    let placed = place(app, &checkout("cb@example.fr", one_ring("60"), None), &key(), None).await;
    assert_eq!(placed.status, 200, "{}", placed.body);
    let reference = placed.json()["reference"].as_str().unwrap().to_owned();
    let payment: String = sqlx::query_scalar("SELECT payment_ref FROM orders WHERE reference = $1")
        .bind(&reference)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    let total: i64 = sqlx::query_scalar("SELECT total_cents FROM orders WHERE reference = $1")
        .bind(&reference)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    let secret = ShopKeys::new(None).get(&app.db).await.unwrap().sandbox_callbacks.clone();
    let event = |order: &str, amount: i64| {
        serde_json::to_vec(&json!({
            "event_id": format!("evt_test_{order}_{amount}"), "order": order, "payment": payment,
            "outcome": "authorised", "amount_cents": amount
        }))
        .unwrap()
    };
    let body = event(&reference, total);
    let now = unix_now();
    let events = || count(app, "SELECT COUNT(*) FROM order_events");
    let before = events().await;

    assert_eq!(post_callback(app, &body, None).await, 401, "no signature");
    assert_eq!(post_callback(app, &body, Some(signature::sign(b"not the secret", now, &body))).await, 401, "forged");
    let mut tampered = body.clone();
    tampered.extend_from_slice(b" ");
    assert_eq!(post_callback(app, &tampered, Some(signature::sign(&secret, now, &body))).await, 401, "tampered body");
    assert_eq!(post_callback(app, &body, Some(signature::sign(&secret, now - 3_600, &body))).await, 400, "stale");
    let unknown = event("MA-0000000000", total);
    assert_eq!(post_callback(app, &unknown, Some(signature::sign(&secret, now, &unknown))).await, 404, "unknown order");
    let wrong_amount = event(&reference, total - 1);
    assert_eq!(post_callback(app, &wrong_amount, Some(signature::sign(&secret, now, &wrong_amount))).await, 422);
    assert_eq!(post_callback(app, b"{}", Some(signature::sign(&secret, now, b"{}"))).await, 400, "not an event");
    assert_eq!(status_of(app, &reference).await, "awaiting_payment");
    assert_eq!(events().await, before, "nothing written");

    let signed = signature::sign(&secret, now, &body);
    assert_eq!(post_callback(app, &body, Some(signed.clone())).await, 200);
    assert_eq!(status_of(app, &reference).await, "being_validated");
    let after = events().await;
    assert_eq!(after, before + 1);
    assert_eq!(post_callback(app, &body, Some(signed)).await, 409, "a replay");
    assert_eq!(
        post_callback(app, &body, Some(signature::sign(&secret, now + 1, &body))).await,
        409,
        "re-signed replay"
    );
    assert_eq!(events().await, after, "nothing written by replays");
    assert_eq!(status_of(app, &reference).await, "being_validated");
}
on_both_engines!(callbacks, bad_callbacks_change_nothing);

async fn an_order_is_private_to_its_customer(app: &TestApp) {
    let anne = app.register("anne@example.fr").await;
    let placed = place(app, &checkout("anne@example.fr", one_ring("56"), None), &key(), Some(&anne)).await;
    assert_eq!(placed.status, 200, "{}", placed.body);
    let reference = placed.json()["reference"].as_str().unwrap().to_owned();
    let view = |cookie: Option<&str>, key: Option<&str>| {
        let reference = reference.clone();
        let key = key.map(str::to_owned);
        let cookie = cookie.map(str::to_owned);
        async move {
            let mut form = vec![("reference", reference.clone())];
            if let Some(key) = key {
                form.push(("key", key));
            }
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.post_form("orders/view", &form, cookie.as_deref()).await.status
        }
    };
    assert_eq!(view(Some(&anne), None).await, 200);
    let mine = app.post_form("orders/mine", &[], Some(&anne)).await;
    assert!(mine.body.contains(&reference));
    let bruno = app.register("bruno@example.fr").await;
    assert_eq!(view(Some(&bruno), None).await, 404, "another customer");
    assert!(!app.post_form("orders/mine", &[], Some(&bruno)).await.body.contains(&reference));
    assert_eq!(view(None, None).await, 401, "signed out, no key");
    assert_eq!(view(None, Some("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).await, 401, "a wrong key");
    assert_eq!(view(None, Some(&link_key(app, &reference).await)).await, 200, "the email's link");
    let page = app.get_page(&format!("/en/orders/{reference}"), Some(&bruno)).await;
    assert_eq!(page.status, 404);
    assert!(!page.body.contains("impasse du Témoin"));
    // A cancel request by someone else is refused and changes nothing.
    assert_eq!(app.post_form("orders/cancel", &[("reference", &reference)], Some(&bruno)).await.status, 404);
    assert_eq!(status_of(app, &reference).await, "awaiting_payment");

    // A guest order becomes the account's once its address is verified.
    let guest = place(app, &checkout("claire@example.fr", one_ring("56"), None), &key(), None).await;
    let guest_ref = guest.json()["reference"].as_str().unwrap().to_owned();
    let claire = app.register("claire@example.fr").await;
    assert!(!app.post_form("orders/mine", &[], Some(&claire)).await.body.contains(&guest_ref), "not before verifying");
    sqlx::query("UPDATE customers SET email_verified_at = 1 WHERE email_key = 'claire@example.fr'")
        .execute(&app.db.pool)
        .await
        .unwrap();
    assert!(app.post_form("orders/mine", &[], Some(&claire)).await.body.contains(&guest_ref));

    // Deleting the account keeps the order for the accounts, without who placed it.
    let deleted = app.post_form("account/delete", &[("password", PASSWORD)], Some(&claire)).await;
    assert!(deleted.status < 400, "{} {}", deleted.status, deleted.body);
    let (email, name, line1): (String, String, String) =
        sqlx::query_as("SELECT email, full_name, line1 FROM orders WHERE reference = $1")
            .bind(&guest_ref)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!((email.as_str(), name.as_str(), line1.as_str()), ("", "", ""));
    assert_eq!(status_of(app, &reference).await, "awaiting_payment", "Anne's order is untouched");
}
on_both_engines!(order_privacy, an_order_is_private_to_its_customer);

async fn staff_drive_the_lifecycle_and_customers_cannot(app: &TestApp) {
    set_stock(app, RING, "50", 3).await;
    let lines = json!([
        { "product": RING, "size": "50", "quantity": 2 },
        { "product": "eclat-eternity-ring", "size": "52", "quantity": 1 }
    ]);
    let anne = app.register("anne@example.fr").await;
    let placed = place(app, &checkout("anne@example.fr", lines, None), &key(), Some(&anne)).await;
    assert_eq!(placed.status, 200, "{}", placed.body);
    let reference = placed.json()["reference"].as_str().unwrap().to_owned();
    assert_eq!(stock(app, RING, "50").await, 1, "two reserved; the made-to-order ring takes no stock");
    let r = reference.as_str();
    let ship = |lines: Value| json!({ "reference": r, "carrier": "Colissimo", "tracking_number": "6A12345678", "lines": lines });

    // A customer, and a signed-out visitor, are refused by every staff function.
    for cookie in [Some(anne.as_str()), None] {
        let expected = if cookie.is_some() { 403 } else { 401 };
        assert_eq!(app.post_form("staff/orders", &[], cookie).await.status, expected);
        assert_eq!(app.post_form("staff/order", &[("reference", r)], cookie).await.status, expected);
        assert_eq!(app.post_form("staff/validate", &[("reference", r)], cookie).await.status, expected);
        assert_eq!(app.post_json("staff/ship", &ship(json!([])), cookie).await.status, expected);
        assert_eq!(app.post_form("staff/deliver", &[("reference", r)], cookie).await.status, expected);
        assert_eq!(app.post_form("staff/cancel", &[("reference", r), ("reason", "x")], cookie).await.status, expected);
        assert_eq!(app.get_page("/en/staff/orders", cookie).await.status, if cookie.is_some() { 403 } else { 302 });
    }
    assert_eq!(status_of(app, r).await, "awaiting_payment");

    let staff = app.staff("clerk@maison-aurele.example").await;
    let s = Some(staff.as_str());
    let list = app.post_form("staff/orders", &[("status", "awaiting_payment")], s).await;
    assert_eq!(list.status, 200);
    assert!(list.body.contains(r));
    assert_eq!(app.post_form("staff/orders", &[("status", "lost")], s).await.status, 400);
    // Not paid yet: the house cannot validate.
    let early = app.post_form("staff/validate", &[("reference", r)], s).await;
    assert_eq!(early.status, 409, "{}", early.body);

    // The gateway's approval arrives (as the sandbox would send it).
    let payment: String = sqlx::query_scalar("SELECT payment_ref FROM orders WHERE reference = $1")
        .bind(r)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    sqlx::query("UPDATE sandbox_payments SET status = 'authorised', callback_due_at = $1 WHERE id = $2")
        .bind(unix_now())
        .bind(&payment)
        .execute(&app.db.pool)
        .await
        .unwrap();
    wait_for_status(app, r, "being_validated").await;
    assert_eq!(app.post_form("staff/validate", &[("reference", r)], s).await.status, 200);
    assert_eq!(status_of(app, r).await, "confirmed");

    // After Confirmed, the customer's cancel request is refused with the reason.
    let refused = app.post_form("orders/cancel", &[("reference", r)], Some(&anne)).await;
    assert_eq!(refused.status, 409);
    assert!(refused.body.contains("can no longer be changed or cancelled"), "{}", refused.body);
    let change = app.post_form("orders/change", &[("reference", r), ("message", "size 54 please")], Some(&anne)).await;
    assert_eq!(change.status, 409);

    let view = app.post_form("staff/order", &[("reference", r)], s).await;
    let lines = view.json()["order"]["lines"].as_array().unwrap().clone();
    let (band, eternity) = (lines[0]["id"].as_i64().unwrap(), lines[1]["id"].as_i64().unwrap());
    // Too many, an unknown line, a bad tracking number: refused, nothing shipped.
    assert_eq!(app.post_json("staff/ship", &ship(json!([{ "line": band, "quantity": 3 }])), s).await.status, 400);
    assert_eq!(app.post_json("staff/ship", &ship(json!([{ "line": 999_999, "quantity": 1 }])), s).await.status, 400);
    let mut bad = ship(json!([{ "line": band, "quantity": 2 }]));
    bad["tracking_number"] = json!("<x>");
    assert_eq!(app.post_json("staff/ship", &bad, s).await.status, 400);
    assert_eq!(status_of(app, r).await, "confirmed");

    let partial = app.post_json("staff/ship", &ship(json!([{ "line": band, "quantity": 2 }])), s).await;
    assert_eq!(partial.status, 200, "{}", partial.body);
    assert_eq!(status_of(app, r).await, "partially_shipped");
    let rest = json!({ "reference": r, "carrier": "Chronopost", "tracking_number": "XY987654", "lines": [{ "line": eternity, "quantity": 1 }] });
    assert_eq!(app.post_json("staff/ship", &rest, s).await.status, 200);
    assert_eq!(status_of(app, r).await, "shipped");
    assert_eq!(app.post_form("staff/deliver", &[("reference", r)], s).await.status, 200);
    assert_eq!(status_of(app, r).await, "delivered");
    assert_eq!(app.post_form("staff/cancel", &[("reference", r), ("reason", "too late")], s).await.status, 409);

    // The customer sees the timeline and both tracking numbers; staff see the audit log.
    let mine = app.post_form("orders/view", &[("reference", r)], Some(&anne)).await.json();
    let statuses: Vec<&str> =
        mine["timeline"].as_array().unwrap().iter().map(|e| e["status"].as_str().unwrap()).collect();
    assert_eq!(
        statuses,
        ["AwaitingPayment", "BeingValidated", "Confirmed", "PartiallyShipped", "Shipped", "Delivered"]
    );
    let tracking: Vec<&str> =
        mine["shipments"].as_array().unwrap().iter().map(|s| s["tracking_number"].as_str().unwrap()).collect();
    assert_eq!(tracking, ["6A12345678", "XY987654"]);
    let order_id: i64 =
        sqlx::query_scalar("SELECT id FROM orders WHERE reference = $1").bind(r).fetch_one(&app.db.pool).await.unwrap();
    let audit = app::store::audit::of_order(&app.db, order_id).await.unwrap();
    let actions: Vec<&str> = audit.iter().map(|a| a.action.as_str()).collect();
    assert_eq!(actions, ["validate", "ship", "ship", "mark_delivered"]);
    let moves: Vec<(&str, &str)> = audit.iter().map(|a| (a.before.as_str(), a.after.as_str())).collect();
    assert_eq!(
        moves,
        [
            ("Being validated", "Confirmed"),
            ("Confirmed", "Partially shipped"),
            ("Partially shipped", "Shipped"),
            ("Shipped", "Delivered")
        ]
    );
    // Staff read it on the order's page, each action named.
    let view = app.post_form("staff/order", &[("reference", r)], s).await.json();
    assert_eq!(view["audit"].as_array().unwrap().len(), 4, "{view}");
    let subjects: Vec<String> = outbox::recent(&app.db, 100)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.to == "anne@example.fr")
        .map(|e| e.subject)
        .collect();
    for status in ["Being validated", "Confirmed", "Partially shipped", "Shipped", "Delivered"] {
        assert!(subjects.contains(&format!("Your order {r}: {status}")), "{status}: {subjects:?}");
    }
    assert_eq!(stock(app, RING, "50").await, 1, "shipped pieces are not given back");
}
on_both_engines!(staff_lifecycle, staff_drive_the_lifecycle_and_customers_cannot);

async fn unpaid_orders_expire_once_with_two_workers(app: &TestApp) {
    set_stock(app, RING, "54", 1).await;
    let anne = app.register("anne@example.fr").await;
    let placed = place(app, &checkout("anne@example.fr", one_ring("54"), None), &key(), Some(&anne)).await;
    let reference = placed.json()["reference"].as_str().unwrap().to_owned();
    assert_eq!(stock(app, RING, "54").await, 0);
    // Before Confirmed, the customer may still cancel... but let this one run out of time.
    run_out_of_time(app, &reference).await;
    let site = app.site();
    let keys = ShopKeys::new(None);
    let (a, b) = tokio::join!(
        server::workers::release_overdue(&app.db, &site, &keys),
        server::workers::release_overdue(&app.db, &site, &keys)
    );
    // The server's own expiry worker runs too (every 30 s): whichever of the
    // three gets there first cancels it, and the others see it gone.
    assert!(a.unwrap() + b.unwrap() <= 1, "never cancelled twice");
    assert_eq!(status_of(app, &reference).await, "cancelled");
    assert_eq!(stock(app, RING, "54").await, 1, "given back once");
    assert_eq!(count(app, "SELECT COUNT(*) FROM order_events WHERE status = 'cancelled'").await, 1);

    // A customer's own cancellation before Confirmed works and gives the piece back.
    let again = place(app, &checkout("anne@example.fr", one_ring("54"), None), &key(), Some(&anne)).await;
    let reference = again.json()["reference"].as_str().unwrap().to_owned();
    assert_eq!(stock(app, RING, "54").await, 0);
    let change = app
        .post_form("orders/change", &[("reference", &reference), ("message", "Gift wrap, please")], Some(&anne))
        .await;
    assert_eq!(change.status, 200, "{}", change.body);
    assert_eq!(app.post_form("orders/cancel", &[("reference", &reference)], Some(&anne)).await.status, 200);
    assert_eq!(status_of(app, &reference).await, "cancelled");
    assert_eq!(stock(app, RING, "54").await, 1);
}
on_both_engines!(expiry, unpaid_orders_expire_once_with_two_workers);

async fn the_delayed_card_is_approved_a_few_seconds_later(app: &TestApp) {
    set_stock(app, RING, "48", 1).await;
    let placed = place(app, &checkout("slow@example.fr", one_ring("48"), None), &key(), None).await;
    assert_eq!(placed.status, 200, "{}", placed.body);
    let reference = placed.json()["reference"].as_str().unwrap().to_owned();
    let next = placed.json()["next_url"].as_str().unwrap().to_owned();
    let paid = pay_on_the_sandbox(app, &next, "4000 0000 0000 3220").await;
    assert_eq!(paid.status, 303);
    // The bank has not answered yet: the shopper's page still waits.
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    assert_eq!(status_of(app, &reference).await, "awaiting_payment");
    wait_for_status(app, &reference, "being_validated").await;
    // The gateway's page now says the payment is decided, and takes no second card.
    let again = pay_on_the_sandbox(app, &next, "4242 4242 4242 4242").await;
    assert_eq!(again.status, 303);
    assert_eq!(count(app, "SELECT COUNT(*) FROM order_events WHERE status = 'being_validated'").await, 1);
}
on_both_engines!(delayed_approval, the_delayed_card_is_approved_a_few_seconds_later);

async fn writers_that_read_first_wait_their_turn(app: &TestApp) {
    // Each save reads (how many addresses?) before it writes. On SQLite a
    // deferred transaction doing that fails with SQLITE_BUSY when another
    // writer commits in between; every write transaction is immediate instead.
    let mut cookies = Vec::new();
    for i in 0..8 {
        cookies.push(app.register(&format!("writer{i}@example.fr")).await);
    }
    let saves = cookies.iter().map(|cookie| async move {
        let form = [
            ("address[full_name]", "Anne Dupont"),
            ("address[line1]", "3 rue Vivienne"),
            ("address[postcode]", "75002"),
            ("address[city]", "Paris"),
            ("address[country]", "FR"),
        ];
        app.post_form("account/addresses/save", &form, Some(cookie)).await
    });
    let placing = (0..8).map(|i| {
        let request = checkout(&format!("crowd{i}@example.fr"), one_ring("56"), None);
        async move { place_as(app, &format!("192.0.2.{i}"), &request).await }
    });
    let (saved, placed) = tokio::join!(futures::future::join_all(saves), futures::future::join_all(placing));
    for answer in saved.iter().chain(placed.iter()) {
        assert!(answer.status == 200 || answer.status == 409, "{} {}", answer.status, answer.body);
    }
    assert_eq!(count(app, "SELECT COUNT(*) FROM addresses").await, 8);
}
on_both_engines!(concurrent_writers, writers_that_read_first_wait_their_turn, TestApp::spawn_behind_proxy);

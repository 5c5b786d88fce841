//! Refunds through the gateway (PRODUCT.md §7), each on SQLite and
//! PostgreSQL: a paid order cancelled (by its customer or by the house) is
//! refunded in full and the customer told; a payment authorised after its
//! order expired is refunded; refund callbacks that are forged, replayed or
//! about another refund change nothing; two refunds racing for the same
//! money make one; and the database itself refuses more than the capture.

use crate::checkout::{
    checkout, count, key, link_key, one_ring, pay_on_the_sandbox, place, post_callback, set_stock, status_of,
    wait_for_status, RING,
};
use crate::common::TestApp;
use app::domain::{
    checkout::OrderRef,
    money::Money,
    order_status::{Actor, OrderStatus},
    refund::{RefundReason, RefundRefusal},
};
use app::payments::{keys::ShopKeys, signature};
use app::store::{orders, outbox, refunds, unix_now};
use serde_json::json;

/// Places an order for one ring and pays it on the sandbox: its reference,
/// once the shop has heard the bank say yes.
async fn paid_order(app: &TestApp, email: &str, size: &str, cookie: Option<&str>) -> String {
    set_stock(app, RING, size, 3).await;
    let placed = place(app, &checkout(email, one_ring(size), None), &key(), cookie).await;
    assert_eq!(placed.status, 200, "{}", placed.body);
    let reference = placed.json()["reference"].as_str().unwrap().to_owned();
    let next = placed.json()["next_url"].as_str().unwrap().to_owned();
    assert_eq!(pay_on_the_sandbox(app, &next, "4242 4242 4242 4242").await.status, 303);
    wait_for_status(app, &reference, "being_validated").await;
    reference
}

async fn scalar(app: &TestApp, sql: &str, reference: &str) -> i64 {
    sqlx::query_scalar(sql).bind(reference).fetch_one(&app.db.pool).await.unwrap()
}

/// (captured, refunded) for an order.
pub(crate) async fn balance(app: &TestApp, reference: &str) -> (i64, i64) {
    let captured = scalar(
        app,
        "SELECT p.captured_cents FROM order_payments p JOIN orders o ON o.id = p.order_id WHERE o.reference = $1",
        reference,
    )
    .await;
    let refunded = scalar(
        app,
        "SELECT p.refunded_cents FROM order_payments p JOIN orders o ON o.id = p.order_id WHERE o.reference = $1",
        reference,
    )
    .await;
    (captured, refunded)
}

async fn total(app: &TestApp, reference: &str) -> i64 {
    scalar(app, "SELECT total_cents FROM orders WHERE reference = $1", reference).await
}

/// The states of an order's refunds, oldest first.
async fn refund_states(app: &TestApp, reference: &str) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT r.state FROM refunds r JOIN orders o ON o.id = r.order_id WHERE o.reference = $1 ORDER BY r.id",
    )
    .bind(reference)
    .fetch_all(&app.db.pool)
    .await
    .unwrap()
}

/// Waits for the worker to send the refund and the sandbox's callback to settle it.
pub(crate) async fn wait_for_refund(app: &TestApp, reference: &str, wanted: &str) {
    for _ in 0..60 {
        let states = refund_states(app, reference).await;
        if !states.is_empty() && states.iter().all(|s| s == wanted) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    panic!("the refunds of {reference} are {:?}, not {wanted}", refund_states(app, reference).await);
}

/// The subjects and bodies of the emails sent to `to`.
pub(crate) async fn emails_to(app: &TestApp, to: &str) -> Vec<(String, String)> {
    outbox::recent(&app.db, 200)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.to == to)
        .map(|e| (e.subject, e.text_body))
        .collect()
}

async fn cancelling_a_paid_order_refunds_it_in_full(app: &TestApp) {
    let anne = app.register("anne@example.fr").await;
    let reference = paid_order(app, "anne@example.fr", "52", Some(&anne)).await;
    let paid = total(app, &reference).await;
    assert_eq!(balance(app, &reference).await, (paid, 0), "the capture is on record");

    let cancelled = app.post_form("orders/cancel", &[("reference", &reference)], Some(&anne)).await;
    assert_eq!(cancelled.status, 200, "{}", cancelled.body);
    assert_eq!(status_of(app, &reference).await, "cancelled");
    assert_eq!(balance(app, &reference).await, (paid, paid), "refunded in full in the same change");
    wait_for_refund(app, &reference, "refunded").await;
    assert_eq!(balance(app, &reference).await, (paid, paid));
    assert_eq!(count(app, "SELECT COUNT(*) FROM sandbox_refunds WHERE status = 'refunded'").await, 1);

    // The page shows the refund, and the timeline says each step.
    let view = app.post_form("orders/view", &[("reference", &reference)], Some(&anne)).await;
    assert_eq!(view.status, 200, "{}", view.body);
    let refunds = view.json()["refunds"].as_array().unwrap().clone();
    assert_eq!(refunds.len(), 1);
    assert_eq!(refunds[0]["amount"], paid);
    assert_eq!(refunds[0]["state"], "Refunded");
    assert_eq!(view.json()["payment_declined"], false, "a refund is not a declined payment");
    let kinds: Vec<String> =
        view.json()["timeline"].as_array().unwrap().iter().map(|e| e["kind"].to_string()).collect();
    assert!(kinds.iter().any(|k| k.contains("RefundIssued") && k.contains("OrderCancelled")), "{kinds:?}");
    assert!(kinds.iter().any(|k| k.contains("Refunded")), "{kinds:?}");
    let page = app.get_page(&format!("/en/orders/{reference}"), Some(&anne)).await;
    assert!(page.body.contains("5–10 business days"), "the page says when the money arrives");

    // The cancellation's email says the refund; the refund's says when it arrives and what to do.
    let emails = emails_to(app, "anne@example.fr").await;
    let cancel = emails.iter().find(|(s, _)| s == &format!("Your order {reference}: Cancelled")).expect("cancelled");
    assert!(cancel.1.contains("is being refunded in full"), "{}", cancel.1);
    let made = emails.iter().find(|(s, _)| s == &format!("Your order {reference}: refund made")).expect("refunded");
    assert!(made.1.contains("5–10 business days") && made.1.contains("check with your bank"), "{}", made.1);

    // The house cancels a confirmed order it cannot fulfil: refunded in full too, said in French.
    let staff = app.staff("clerk@maison-aurele.example").await;
    let marie = app.register("marie@example.fr").await;
    let second = paid_order(app, "marie@example.fr", "54", Some(&marie)).await;
    sqlx::query("UPDATE orders SET locale = 'fr' WHERE reference = $1")
        .bind(&second)
        .execute(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(app.post_form("staff/validate", &[("reference", &second)], Some(&staff)).await.status, 200);
    // Money leaves the house: a password typed more than 15 minutes ago is asked again.
    sqlx::query(
        "UPDATE sessions SET password_at = password_at - 901 WHERE customer_id = \
         (SELECT id FROM customers WHERE email = 'clerk@maison-aurele.example')",
    )
    .execute(&app.db.pool)
    .await
    .unwrap();
    let asked =
        app.post_form("staff/cancel", &[("reference", &second), ("reason", "Stone flawed")], Some(&staff)).await;
    assert_eq!(asked.status, 403, "{}", asked.body);
    assert_eq!(balance(app, &second).await.1, 0, "nothing refunded");
    let form = [("reference", second.as_str()), ("reason", "Stone flawed"), ("password", crate::common::PASSWORD)];
    let cancel = app.post_form("staff/cancel", &form, Some(&staff)).await;
    assert_eq!(cancel.status, 200, "{}", cancel.body);
    wait_for_refund(app, &second, "refunded").await;
    let paid = total(app, &second).await;
    assert_eq!(balance(app, &second).await, (paid, paid));
    let emails = emails_to(app, "marie@example.fr").await;
    assert!(emails.iter().any(|(s, b)| s.contains("Annulée") && b.contains("intégralement remboursé")), "{emails:?}");
    assert!(emails.iter().any(|(s, b)| s.contains("remboursement effectué") && b.contains("5 à 10 jours ouvrés")));
    let audit =
        count(app, "SELECT COUNT(*) FROM staff_audit WHERE action = 'cancel' AND detail LIKE '%refunded in full%'");
    assert_eq!(audit.await, 1, "the audit log says the refund");

    // An unpaid order cancelled refunds nothing: nothing was taken.
    let unpaid = place(app, &checkout("anne@example.fr", one_ring("52"), None), &key(), Some(&anne)).await;
    let unpaid = unpaid.json()["reference"].as_str().unwrap().to_owned();
    assert_eq!(app.post_form("orders/cancel", &[("reference", &unpaid)], Some(&anne)).await.status, 200);
    assert!(refund_states(app, &unpaid).await.is_empty());
}
on_both_engines!(cancel_refunds, cancelling_a_paid_order_refunds_it_in_full);

async fn a_payment_authorised_after_its_order_expired_is_refunded(app: &TestApp) {
    set_stock(app, RING, "56", 1).await;
    let placed = place(app, &checkout("late@example.fr", one_ring("56"), None), &key(), None).await;
    assert_eq!(placed.status, 200, "{}", placed.body);
    let reference = placed.json()["reference"].as_str().unwrap().to_owned();
    let next = placed.json()["next_url"].as_str().unwrap().to_owned();
    // The order runs out of time while the shopper is still on the payment page.
    crate::checkout::run_out_of_time(app, &reference).await;
    let site = app::config::SiteConfig {
        public_url: app.base.clone(),
        delivery_countries: app::domain::country::DeliveryCountries::house_default(),
        service_email: app::domain::account::Email::parse("service@example.fr").unwrap(),
    };
    // The server's own expiry worker may pass at the same moment and cancel it first.
    server::workers::release_overdue(&app.db, &site, &ShopKeys::new(None)).await.unwrap();
    assert_eq!(status_of(app, &reference).await, "cancelled");
    assert!(refund_states(app, &reference).await.is_empty(), "nothing was taken yet");

    // Then the bank says yes: the money is given back, not kept.
    assert_eq!(pay_on_the_sandbox(app, &next, "4242 4242 4242 4242").await.status, 303);
    wait_for_refund(app, &reference, "refunded").await;
    let paid = total(app, &reference).await;
    assert_eq!(balance(app, &reference).await, (paid, paid));
    assert_eq!(status_of(app, &reference).await, "cancelled", "the order stays cancelled");
    let reason: String = sqlx::query_scalar("SELECT reason FROM refunds").fetch_one(&app.db.pool).await.unwrap();
    assert_eq!(reason, "late_payment");
    let emails = emails_to(app, "late@example.fr").await;
    let issued = emails.iter().find(|(s, _)| s.ends_with("refund on its way")).expect("told of the refund");
    assert!(issued.1.contains("after this order was cancelled"), "{}", issued.1);
    assert!(emails.iter().any(|(s, _)| s.ends_with("refund made")));
}
on_both_engines!(late_payment_refunds, a_payment_authorised_after_its_order_expired_is_refunded);

async fn forged_replayed_or_foreign_refund_callbacks_change_nothing(app: &TestApp) {
    let reference = paid_order(app, "cb@example.fr", "58", None).await;
    let key_of_link = link_key(app, &reference).await;
    let cancelled = app.post_form("orders/cancel", &[("reference", &reference), ("key", &key_of_link)], None).await;
    assert_eq!(cancelled.status, 200, "{}", cancelled.body);
    wait_for_refund(app, &reference, "refunded").await;
    let paid = total(app, &reference).await;
    let (payment, refund_key): (String, String) = (
        sqlx::query_scalar("SELECT payment_ref FROM orders WHERE reference = $1")
            .bind(&reference)
            .fetch_one(&app.db.pool)
            .await
            .unwrap(),
        sqlx::query_scalar("SELECT idempotency_key FROM refunds").fetch_one(&app.db.pool).await.unwrap(),
    );
    let secret = ShopKeys::new(None).get(&app.db).await.unwrap().sandbox_callbacks.clone();
    let event = |id: &str, outcome: &str, amount: i64, refund: &str| {
        serde_json::to_vec(&json!({
            "event_id": id, "order": reference, "payment": payment,
            "outcome": outcome, "amount_cents": amount, "refund": refund
        }))
        .unwrap()
    };
    let events = || count(app, "SELECT COUNT(*) FROM order_events");
    let sent = || count(app, "SELECT COUNT(*) FROM outbox");
    let (before, emails_before) = (events().await, sent().await);
    let now = unix_now();

    // The sandbox's own event again, re-signed: a replay.
    let replay = event(&format!("evt_{}", sandbox_refund_id(app).await), "refunded", paid, &refund_key);
    assert_eq!(post_callback(app, &replay, Some(signature::sign(&secret, now, &replay))).await, 409);
    // A new event saying it failed after all: the refund is settled already.
    let failed = event("evt_forged_failure", "refund_failed", paid, &refund_key);
    assert_eq!(post_callback(app, &failed, Some(signature::sign(&secret, now, &failed))).await, 409);
    // Forged, stale, for another amount, for a refund that does not exist, or naming none.
    assert_eq!(post_callback(app, &failed, Some(signature::sign(b"not the secret", now, &failed))).await, 401);
    assert_eq!(post_callback(app, &failed, Some(signature::sign(&secret, now - 3_600, &failed))).await, 400);
    let other = event("evt_other_amount", "refund_failed", paid - 1, &refund_key);
    assert_eq!(post_callback(app, &other, Some(signature::sign(&secret, now, &other))).await, 422);
    let unknown = event("evt_unknown", "refund_failed", paid, "no-such-refund");
    assert_eq!(post_callback(app, &unknown, Some(signature::sign(&secret, now, &unknown))).await, 422);
    let nameless = serde_json::to_vec(&json!({
        "event_id": "evt_nameless", "order": reference, "payment": payment,
        "outcome": "refund_failed", "amount_cents": paid
    }))
    .unwrap();
    assert_eq!(post_callback(app, &nameless, Some(signature::sign(&secret, now, &nameless))).await, 400);

    assert_eq!(events().await, before, "no timeline entry written");
    assert_eq!(sent().await, emails_before, "no email written");
    assert_eq!(refund_states(app, &reference).await, ["refunded"]);
    assert_eq!(balance(app, &reference).await, (paid, paid));
}
on_both_engines!(refund_callbacks, forged_replayed_or_foreign_refund_callbacks_change_nothing);

async fn sandbox_refund_id(app: &TestApp) -> String {
    sqlx::query_scalar("SELECT id FROM sandbox_refunds").fetch_one(&app.db.pool).await.unwrap()
}

async fn two_refunds_racing_for_the_same_money_make_one(app: &TestApp) {
    let reference = paid_order(app, "race@example.fr", "60", None).await;
    let paid = total(app, &reference).await;
    let order = orders::by_reference(&app.db, &OrderRef::parse(&reference).unwrap()).await.unwrap().unwrap();
    let refund = |key: &'static str, amount: i64| {
        let (db, order) = (app.db.clone(), order.clone());
        async move {
            let mut tx = db.begin_write().await.unwrap();
            let new = refunds::NewRefund {
                order_id: order.id,
                key,
                amount: Money::from_cents(amount),
                reason: RefundReason::Return,
            };
            let outcome =
                app::refunds::issue(&mut tx, &order, OrderStatus::BeingValidated, Actor::Staff, &new, unix_now())
                    .await
                    .unwrap();
            tx.commit().await.unwrap();
            outcome
        }
    };
    // A double click: the same key twice at once is one refund.
    let (a, b) = tokio::join!(refund("double-click", paid / 2), refund("double-click", paid / 2));
    let mut answers = [a.unwrap(), b.unwrap()];
    answers.sort_by_key(|r| matches!(r, refunds::Requested::Already(_)));
    assert!(matches!(answers, [refunds::Requested::New(_), refunds::Requested::Already(_)]), "{a:?} {b:?}");
    assert_eq!(count(app, "SELECT COUNT(*) FROM refunds").await, 1);
    // Two members of staff refunding what is left, each with their own key: one refund.
    let left = paid - paid / 2;
    let (a, b) = tokio::join!(refund("clerk-one", left), refund("clerk-two", left));
    let refused: Vec<_> = [&a, &b].into_iter().filter_map(|r| r.as_ref().err()).collect();
    assert_eq!(refused, [&RefundRefusal::MoreThanLeft(Money::ZERO)], "{a:?} {b:?}");
    assert_eq!(count(app, "SELECT COUNT(*) FROM refunds").await, 2);
    assert_eq!(balance(app, &reference).await, (paid, paid));
    assert_eq!(
        count(app, "SELECT COUNT(*) FROM order_events WHERE refund_step = 'issued'").await,
        2,
        "one timeline entry per refund"
    );
    // Even a write that skips the rule cannot pass the capture.
    let past = sqlx::query("UPDATE order_payments SET refunded_cents = captured_cents + 1").execute(&app.db.pool).await;
    assert!(past.is_err(), "the database refuses more than the capture");
    wait_for_refund(app, &reference, "refunded").await;
    assert_eq!(count(app, "SELECT COUNT(*) FROM sandbox_refunds WHERE status = 'refunded'").await, 2);
    let sandbox_total = count(app, "SELECT CAST(SUM(amount_cents) AS BIGINT) FROM sandbox_refunds").await;
    assert_eq!(sandbox_total, paid, "the gateway gave back exactly what was paid");
}
on_both_engines!(refund_races, two_refunds_racing_for_the_same_money_make_one);

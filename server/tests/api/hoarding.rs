//! Stock hoarding (issue 17, item 1): unpaid orders are limited per
//! client, per email address and per piece and size, the limits hold when
//! orders are sent all at once, a refused order writes nothing, and the
//! expiry frees every overdue order in one pass.

use crate::checkout::{checkout, count, place_as, set_stock, stock, RING};
use crate::common::TestApp;
use app::domain::hold::HOLD_LIMITS;
use app::payments::keys::ShopKeys;
use app::store::unix_now;
use serde_json::{json, Value};

fn rings(size: &str, quantity: u32) -> Value {
    json!([{ "product": RING, "size": size, "quantity": quantity }])
}

/// Orders, lines, emails and the ring's stock in every size: what a refused order must leave as it was.
async fn footprint(app: &TestApp) -> Vec<i64> {
    let mut all = Vec::new();
    for sql in ["SELECT COUNT(*) FROM orders", "SELECT COUNT(*) FROM order_lines", "SELECT COUNT(*) FROM outbox"] {
        all.push(count(app, sql).await);
    }
    for size in ["50", "52", "54", "56"] {
        all.push(stock(app, RING, size).await);
    }
    all
}

/// Places an order that a limit must refuse: a 429 that says `why`, and
/// nothing written or sent.
async fn refused(app: &TestApp, ip: &str, email: &str, lines: Value, why: &str) {
    let before = footprint(app).await;
    let answer = place_as(app, ip, &checkout(email, lines, None)).await;
    assert_eq!(answer.status, 429, "{}", answer.body);
    assert!(answer.body.contains(why), "{}", answer.body);
    assert_eq!(footprint(app).await, before, "a refused order writes nothing and sends nothing");
}

async fn unpaid_orders_are_limited_per_address_per_client_and_per_piece(app: &TestApp) {
    for size in ["50", "52", "54", "56"] {
        set_stock(app, RING, size, 20).await;
    }
    let (a, b) = ("203.0.113.1", "203.0.113.2");
    // One address waits on two unpaid orders, from any client.
    for _ in 0..HOLD_LIMITS.per_email {
        let placed = place_as(app, a, &checkout("anne@example.fr", rings("50", 1), None)).await;
        assert_eq!(placed.status, 200, "{}", placed.body);
    }
    let why = "2 orders for this email address are already waiting for payment";
    refused(app, b, "Anne@Example.fr", rings("50", 1), why).await;
    refused(app, b, "Anne@Example.fr", rings("50", 1), "try again in 15 minutes").await;

    // One client waits on four, whatever the addresses.
    for who in ["bea", "cara"] {
        let placed = place_as(app, a, &checkout(&format!("{who}@example.fr"), rings("52", 1), None)).await;
        assert_eq!(placed.status, 200, "{}", placed.body);
    }
    refused(app, a, "dora@example.fr", rings("52", 1), "4 orders placed from your connection").await;
    // Another client is not held up by the first one's orders.
    assert_eq!(place_as(app, b, &checkout("dora@example.fr", rings("52", 1), None)).await.status, 200);

    // A client holds one full basket line of a piece in a size, and cannot stack a second order on it.
    let placed = place_as(app, b, &checkout("emma@example.fr", rings("54", 5), None)).await;
    assert_eq!(placed.status, 200, "{}", placed.body);
    refused(app, b, "fanny@example.fr", rings("54", 1), "at most 5 of Aube band in size 54").await;
    // Another size is another piece.
    assert_eq!(place_as(app, b, &checkout("fanny@example.fr", rings("56", 1), None)).await.status, 200);

    // An order that leaves "awaiting payment" stops counting, and its client is forgotten.
    let oldest: String = sqlx::query_scalar(
        "SELECT reference FROM orders WHERE held_by = $1 AND status = 'awaiting_payment' ORDER BY id LIMIT 1",
    )
    .bind(a)
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    crate::checkout::run_out_of_time(app, &oldest).await;
    server::workers::release_overdue(&app.db, &app.site(), &ShopKeys::new(None)).await.unwrap();
    let held_by: Option<String> = sqlx::query_scalar("SELECT held_by FROM orders WHERE reference = $1")
        .bind(&oldest)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(held_by, None, "the client's address is not kept once the order is decided");
    // Client a waits on three now, and anne on one: each has room for one more.
    assert_eq!(place_as(app, a, &checkout("gina@example.fr", rings("52", 1), None)).await.status, 200);
    assert_eq!(place_as(app, a, &checkout("hana@example.fr", rings("52", 1), None)).await.status, 429);
    assert_eq!(place_as(app, b, &checkout("anne@example.fr", rings("56", 1), None)).await.status, 200);
}
on_both_engines!(
    hold_limits,
    unpaid_orders_are_limited_per_address_per_client_and_per_piece,
    TestApp::spawn_behind_proxy
);

async fn orders_sent_all_at_once_pass_the_limits_no_more_than_they_allow(app: &TestApp) {
    set_stock(app, RING, "52", 100).await;
    // Twelve orders at once from one client, each for its own address.
    let crowd = (0..12).map(|i| {
        let request = checkout(&format!("crowd{i}@example.fr"), rings("52", 1), None);
        async move { place_as(app, "198.51.100.7", &request).await }
    });
    let answers = futures::future::join_all(crowd).await;
    let statuses: Vec<u16> = answers.iter().map(|a| a.status).collect();
    let placed = statuses.iter().filter(|s| **s == 200).count();
    assert_eq!(placed, HOLD_LIMITS.per_client as usize, "{statuses:?}");
    assert!(statuses.iter().all(|s| *s == 200 || *s == 429), "{statuses:?}");
    // Twelve at once for one address, each from its own client.
    let crowd = (0..12).map(|i| {
        let request = checkout("same@example.fr", rings("52", 1), None);
        async move { place_as(app, &format!("198.51.100.{}", 100 + i), &request).await }
    });
    let answers = futures::future::join_all(crowd).await;
    let placed = answers.iter().filter(|a| a.status == 200).count();
    assert_eq!(placed, HOLD_LIMITS.per_email as usize, "{:?}", answers.iter().map(|a| a.status).collect::<Vec<_>>());
    let total = HOLD_LIMITS.per_client + HOLD_LIMITS.per_email;
    assert_eq!(count(app, "SELECT COUNT(*) FROM orders").await, i64::from(total));
    assert_eq!(stock(app, RING, "52").await, 100 - i64::from(total), "only the orders placed hold stock");
}
on_both_engines!(
    hold_limits_at_once,
    orders_sent_all_at_once_pass_the_limits_no_more_than_they_allow,
    TestApp::spawn_behind_proxy
);

async fn the_expiry_frees_every_overdue_order_in_one_pass(app: &TestApp) {
    // Without limits (the order benchmark's switch) one client places as
    // many orders as it likes: more than the expiry reads at a time.
    set_stock(app, RING, "52", 150).await;
    for chunk in 0..6 {
        let orders = (0..20).map(|i| {
            let request = checkout(&format!("bench{chunk}-{i}@example.fr"), rings("52", 1), None);
            async move { place_as(app, "192.0.2.1", &request).await }
        });
        for answer in futures::future::join_all(orders).await {
            assert_eq!(answer.status, 200, "{}", answer.body);
        }
    }
    assert_eq!(stock(app, RING, "52").await, 30);
    sqlx::query("UPDATE orders SET pay_by = $1").bind(unix_now() - 1).execute(&app.db.pool).await.unwrap();
    let released = server::workers::release_overdue(&app.db, &app.site(), &ShopKeys::new(None)).await.unwrap();
    // The server's own worker may have taken some first; between them, all are gone.
    assert!(released <= 120, "{released}");
    assert_eq!(count(app, "SELECT COUNT(*) FROM orders WHERE status = 'awaiting_payment'").await, 0);
    assert_eq!(stock(app, RING, "52").await, 150, "every piece given back, once");
    assert_eq!(count(app, "SELECT COUNT(*) FROM orders WHERE held_by IS NOT NULL").await, 0);
}
on_both_engines!(expiry_drains, the_expiry_frees_every_overdue_order_in_one_pass, TestApp::spawn_without_hold_limits);

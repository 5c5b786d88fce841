//! Any replica serves any request (issue 17, item 4): a session made on
//! one works on the others; limits count across them; emails, alerts and
//! expiry happen once; one idempotency key sent to two at once makes one
//! order; a change reaches every replica's cached pages.

use super::Cluster;
use crate::checkout::{checkout, key, one_ring, run_out_of_time, set_stock, stock, RING};
use crate::common::{TestApp, PASSWORD};
use crate::page_cache::until_shown;
use app::domain::rate_limit::SIGN_IN_PER_ADDRESS;
use serde_json::json;
use std::time::{Duration, Instant};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "starts scripts/cluster.sh: needs the release build and nginx (scripts/test.sh runs it)"]
async fn three_replicas_serve_as_one() {
    let cluster = Cluster::start(&[]).await;
    a_session_made_on_one_replica_works_on_the_others(&cluster).await;
    sign_ins_count_across_replicas(&cluster).await;
    one_key_sent_to_two_replicas_at_once_makes_one_order(&cluster).await;
    a_change_reaches_every_replicas_pages(&cluster).await;
    an_alert_is_sent_once(&cluster).await;
    an_unpaid_order_expires_once(&cluster).await;
    every_email_is_delivered_once(&cluster).await;
}

async fn a_session_made_on_one_replica_works_on_the_others(cluster: &Cluster) {
    let [first, second, third] = &cluster.replicas[..] else { unreachable!() };
    let cookie = first.register("traveller@example.fr").await;
    for replica in &cluster.replicas {
        let me = replica.post_form("account/me", &[], Some(&cookie)).await;
        assert_eq!(me.status, 200, "{}: {}", replica.base, me.body);
        assert_eq!(me.json()["email"], "traveller@example.fr");
    }
    // Signed out on the third, the session is gone on the first and second.
    let out = third.post_form("account/sign-out", &[], Some(&cookie)).await;
    assert!(out.status < 400, "{}", out.body);
    for replica in [first, second] {
        assert_eq!(replica.post_form("account/me", &[], Some(&cookie)).await.status, 401, "{}", replica.base);
    }
}

async fn sign_ins_count_across_replicas(cluster: &Cluster) {
    cluster.front.register("guarded@example.fr").await;
    // Thirty wrong passwords at once, spread over the three replicas: the
    // attempts are counted in the shared database before they are judged.
    let tries = (0..30).map(|n| sign_in(&cluster.replicas[n % 3], format!("guess {n}")));
    let statuses: Vec<u16> = futures::future::join_all(tries).await.iter().map(|a| a.status).collect();
    let checked = statuses.iter().filter(|s| **s == 401).count();
    let refused = statuses.iter().filter(|s| **s == 429).count();
    let max = SIGN_IN_PER_ADDRESS.max as usize;
    assert!(checked <= max && checked + refused == 30, "{statuses:?}");
    for n in checked..max {
        assert_eq!(sign_in(&cluster.replicas[n % 3], format!("late guess {n}")).await.status, 401);
    }
    // Now every replica refuses, the right password included.
    for replica in &cluster.replicas {
        assert_eq!(sign_in(replica, PASSWORD.to_owned()).await.status, 429, "{}", replica.base);
    }
}

async fn sign_in(replica: &TestApp, password: String) -> crate::common::Answer {
    replica.post_form("account/sign-in", &[("email", "guarded@example.fr"), ("password", &password)], None).await
}

async fn one_key_sent_to_two_replicas_at_once_makes_one_order(cluster: &Cluster) {
    let [first, second, _] = &cluster.replicas[..] else { unreachable!() };
    set_stock(first, RING, "50", 10).await;
    for round in 0..5 {
        let request = checkout(&format!("twice{round}@example.fr"), one_ring("50"), None);
        let body = json!({ "request": request, "key": key() });
        // Each round as its own client: the limits on unpaid orders stay out of it.
        let ip = format!("198.51.100.{round}");
        let (a, b) = tokio::join!(
            first.post_json_as(&ip, "checkout/place", &body),
            second.post_json_as(&ip, "checkout/place", &body)
        );
        assert_eq!((a.status, b.status), (200, 200), "{} {}", a.body, b.body);
        assert_eq!(a.json()["reference"], b.json()["reference"], "round {round}");
        assert_eq!(a.json()["next_url"], b.json()["next_url"], "one payment page, round {round}");
    }
    let orders = cluster.count("SELECT COUNT(*) FROM orders WHERE email LIKE 'twice%'").await;
    assert_eq!(orders, 5);
    assert_eq!(stock(first, RING, "50").await, 5, "each order reserved its ring once");
    let payments = cluster
        .count("SELECT COUNT(*) FROM sandbox_payments WHERE order_reference IN (SELECT reference FROM orders WHERE email LIKE 'twice%')")
        .await;
    assert_eq!(payments, 5, "one payment opened per order");
}

async fn a_change_reaches_every_replicas_pages(cluster: &Cluster) {
    let clerk = cluster.replicas[1].staff("clerk@maison-aurele.example").await;
    let current = stock(&cluster.front, RING, "52").await.to_string();
    // Staff set one ring in size 52 on the second replica…
    let set = cluster.replicas[1]
        .post_form(
            "staff/stock/set",
            &[("product", RING), ("size", "52"), ("expected", &current), ("quantity", "1")],
            Some(&clerk),
        )
        .await;
    assert_eq!(set.status, 200, "{}", set.body);
    for replica in &cluster.replicas {
        until_shown(replica, "add-to-basket").await;
    }
    // …a shopper buys it through the third…
    let request = checkout("last52@example.fr", json!([{ "product": RING, "size": "52", "quantity": 1 }]), None);
    let placed = cluster.replicas[2]
        .post_json_as("198.51.100.52", "checkout/place", &json!({ "request": request, "key": key() }))
        .await;
    assert_eq!(placed.status, 200, "{}", placed.body);
    // …and every replica's page says it is gone, within the cache's bound.
    for replica in &cluster.replicas {
        let took = until_shown(replica, "notify").await;
        eprintln!("cluster: sold out shown by {} after {took:?}", replica.base);
    }
}

async fn an_alert_is_sent_once(cluster: &Cluster) {
    // The toi et moi ring is out in every size.
    let left = cluster
        .front
        .post_form(
            "alerts/register",
            &[("product", "aube-twin-ring"), ("size", "52"), ("email", "waiting@example.fr")],
            None,
        )
        .await;
    assert_eq!(left.status, 200, "{}", left.body);
    let clerk = cluster.replicas[0].staff("restocker@maison-aurele.example").await;
    // Two restocks at once on two replicas: one wins, and the alert goes once.
    let (a, b) = tokio::join!(restock(&cluster.replicas[0], &clerk, "2"), restock(&cluster.replicas[2], &clerk, "3"));
    let mut statuses = [a, b];
    statuses.sort();
    assert_eq!(statuses, [200, 409]);
    let alerts = cluster.count("SELECT COUNT(*) FROM outbox WHERE to_address = 'waiting@example.fr'").await;
    assert_eq!(alerts, 1, "one alert email");
}

async fn restock(replica: &TestApp, clerk: &str, quantity: &str) -> u16 {
    let form = [("product", "aube-twin-ring"), ("size", "52"), ("expected", "0"), ("quantity", quantity)];
    replica.post_form("staff/stock/set", &form, Some(clerk)).await.status
}

async fn an_unpaid_order_expires_once(cluster: &Cluster) {
    set_stock(&cluster.front, RING, "60", 1).await;
    let request = checkout("late@example.fr", one_ring("60"), None);
    let placed = cluster
        .front
        .post_json_as("198.51.100.60", "checkout/place", &json!({ "request": request, "key": key() }))
        .await;
    assert_eq!(placed.status, 200, "{}", placed.body);
    let reference = placed.json()["reference"].as_str().unwrap().to_owned();
    assert_eq!(stock(&cluster.front, RING, "60").await, 0);
    run_out_of_time(&cluster.front, &reference).await;
    // Each replica's expiry worker looks every 10 s: one of them cancels it…
    let began = Instant::now();
    while crate::checkout::status_of(&cluster.front, &reference).await != "cancelled" {
        assert!(began.elapsed() < Duration::from_secs(40), "{reference} was never released");
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    // …and after every replica has had another pass, it is still once.
    tokio::time::sleep(Duration::from_secs(11)).await;
    assert_eq!(stock(&cluster.front, RING, "60").await, 1, "the ring is given back once");
    let cancelled = cluster
        .count(&format!(
            "SELECT COUNT(*) FROM order_events WHERE status = 'cancelled' AND order_id = (SELECT id FROM orders WHERE reference = '{reference}')"
        ))
        .await;
    assert_eq!(cancelled, 1);
    let emails = cluster.count("SELECT COUNT(*) FROM outbox WHERE to_address = 'late@example.fr'").await;
    assert_eq!(emails, 2, "the order received, then cancelled: one email each");
}

async fn every_email_is_delivered_once(cluster: &Cluster) {
    let took = cluster.settle(Duration::from_secs(60)).await;
    let written: Vec<(String, i64)> =
        sqlx::query_as("SELECT lower(to_address), COUNT(*) FROM outbox GROUP BY lower(to_address)")
            .fetch_all(&cluster.front.db.pool)
            .await
            .unwrap();
    let delivered = cluster.delivered();
    assert!(!written.is_empty());
    for (to, count) in &written {
        let got = delivered.get(to).copied().unwrap_or_default();
        assert_eq!(got, super::Delivered { emails: *count, copies: *count }, "emails to {to}");
    }
    let total: i64 = written.iter().map(|(_, n)| n).sum();
    assert_eq!(delivered.values().map(|d| d.copies).sum::<i64>(), total, "{delivered:?}");
    eprintln!("cluster: {total} emails, each delivered once, all within {took:?}");
}

//! Checkout under a crowd: `buyers` concurrent clients place one-piece
//! orders against a running server until the piece sells out, then price
//! the same basket as often (the reference, measured in the same run).
//! Prints orders per second, latency percentiles, and the oversell count
//! read back from the database (it must be 0). `bench/orders.sh` runs it.
//!
//!   order_bench BASE_URL DATABASE_URL [BUYERS] [STOCK]

use serde_json::json;
use sqlx::any::AnyPoolOptions;
use std::time::{Duration, Instant};

const PRODUCT: &str = "aube-band-ring";
const SIZE: &str = "56";

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[at].as_secs_f64() * 1000.0
}

fn request(i: usize) -> serde_json::Value {
    json!({
        "basket": { "lines": [{ "product": PRODUCT, "size": SIZE, "quantity": 1 }], "country": "FR" },
        "email": format!("buyer{i}@bench.example"),
        "address": { "full_name": "Bench Buyer", "line1": "1 rue du Banc", "postcode": "75001", "city": "Paris",
                     "country": "FR", "phone": "+33 1 00 00 00 00" },
    })
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (base, database_url) = match (args.get(1), args.get(2)) {
        (Some(b), Some(d)) => (b.clone(), d.clone()),
        _ => {
            eprintln!("usage: order_bench BASE_URL DATABASE_URL [BUYERS] [STOCK]");
            std::process::exit(2);
        }
    };
    let buyers: usize = args.get(3).and_then(|a| a.parse().ok()).unwrap_or(64);
    let stock: i64 = args.get(4).and_then(|a| a.parse().ok()).unwrap_or(2000);
    sqlx::any::install_default_drivers();
    let db = AnyPoolOptions::new().max_connections(2).connect(&database_url).await.expect("the database");
    let set_stock =
        "UPDATE stock SET quantity = $1 WHERE size = $2 AND product_id = (SELECT id FROM products WHERE slug = $3)";
    sqlx::query(set_stock).bind(stock).bind(SIZE).bind(PRODUCT).execute(&db).await.expect("stock set");
    let orders_before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM orders").fetch_one(&db).await.unwrap();

    let client = reqwest::Client::builder().pool_max_idle_per_host(buyers).build().unwrap();
    let next = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));

    // Orders: each buyer places orders until the piece is sold out.
    let started = Instant::now();
    let tasks: Vec<_> = (0..buyers)
        .map(|_| {
            let (client, base, next) = (client.clone(), base.clone(), next.clone());
            tokio::spawn(async move {
                let (mut placed, mut sold_out, mut errors, mut latencies) = (0u64, 0u64, 0u64, Vec::new());
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let body =
                        json!({ "request": request(i), "key": format!("bench-{}-{i}", uuid::Uuid::new_v4().simple()) });
                    let t = Instant::now();
                    let answer = client.post(format!("{base}/api/checkout/place")).json(&body).send().await;
                    latencies.push(t.elapsed());
                    match answer.map(|r| r.status().as_u16()) {
                        Ok(200) => placed += 1,
                        Ok(409) => {
                            sold_out += 1;
                            break;
                        }
                        _ => {
                            errors += 1;
                            if errors > 20 {
                                break;
                            }
                        }
                    }
                }
                (placed, sold_out, errors, latencies)
            })
        })
        .collect();
    let (mut placed, mut sold_out, mut errors, mut latencies) = (0u64, 0u64, 0u64, Vec::new());
    for task in tasks {
        let (p, s, e, l) = task.await.unwrap();
        placed += p;
        sold_out += s;
        errors += e;
        latencies.extend(l);
    }
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort();
    let requests = latencies.len();

    // Reference: the same crowd pricing the same basket, as many requests.
    let per_buyer = requests.div_ceil(buyers);
    let started_ref = Instant::now();
    let tasks: Vec<_> = (0..buyers)
        .map(|_| {
            let (client, base) = (client.clone(), base.clone());
            tokio::spawn(async move {
                let mut latencies = Vec::new();
                for _ in 0..per_buyer {
                    let body = json!({ "basket": { "lines": [{ "product": PRODUCT, "size": SIZE, "quantity": 1 }], "country": "FR" } });
                    let t = Instant::now();
                    let _ = client.post(format!("{base}/api/basket/price")).json(&body).send().await;
                    latencies.push(t.elapsed());
                }
                latencies
            })
        })
        .collect();
    let mut reference = Vec::new();
    for task in tasks {
        reference.extend(task.await.unwrap());
    }
    let elapsed_ref = started_ref.elapsed().as_secs_f64();
    reference.sort();

    let left: i64 = sqlx::query_scalar(
        "SELECT quantity FROM stock WHERE size = $1 AND product_id = (SELECT id FROM products WHERE slug = $2)",
    )
    .bind(SIZE)
    .bind(PRODUCT)
    .fetch_one(&db)
    .await
    .unwrap();
    let orders: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM orders").fetch_one(&db).await.unwrap();
    let new_orders = orders - orders_before;
    // Orders beyond the stock, or stock below zero, or answers that disagree with the rows.
    let oversold = (new_orders - stock).max(0) + (-left).max(0) + (new_orders - placed as i64).abs();

    let orders_per_s = placed as f64 / elapsed;
    let reference_per_s = reference.len() as f64 / elapsed_ref;
    println!("buyers {buyers}, stock {stock}: {placed} orders placed, {sold_out} told sold out, {errors} errors, stock left {left}");
    println!(
        "orders: {orders_per_s:.0} orders/s, p50 {:.1} ms, p99 {:.1} ms ({requests} requests in {elapsed:.2} s)",
        percentile(&latencies, 0.50),
        percentile(&latencies, 0.99)
    );
    println!(
        "reference (basket pricing, same crowd): {reference_per_s:.0} req/s, p50 {:.1} ms, p99 {:.1} ms",
        percentile(&reference, 0.50),
        percentile(&reference, 0.99)
    );
    println!("ratio orders/s ÷ pricing req/s: {:.2}×", orders_per_s / reference_per_s);
    println!("oversell: {oversold}");
    if oversold != 0 || errors != 0 {
        std::process::exit(1);
    }
}

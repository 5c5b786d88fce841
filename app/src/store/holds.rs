//! What unpaid orders hold, counted for the limits of
//! [`crate::domain::hold`], inside the transaction that places an order.

use crate::domain::hold::Held;
use sha2::{Digest, Sha256};
use sqlx::AnyConnection;

/// How many lock slots clients and addresses are spread over: two that
/// share a slot only wait for each other, and never count each other.
const SLOTS: u64 = 4096;

/// The slot `holder` (a client key or an email key) locks.
fn slot(holder: &str) -> i64 {
    let digest = Sha256::digest(holder.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    // Less than SLOTS, so it fits.
    i64::try_from(u64::from_be_bytes(first) % SLOTS).unwrap_or(0)
}

/// Locks the slots of `holders` until the transaction ends, so that of two
/// orders placed at once by one client or for one address, the second
/// counts after the first is written (PostgreSQL runs them side by side;
/// SQLite's writers already take turns). In the slots' order, so that two
/// transactions never wait for each other crosswise.
pub async fn take_slots(tx: &mut AnyConnection, holders: &[&str], now: i64) -> Result<(), sqlx::Error> {
    let mut slots: Vec<i64> = holders.iter().map(|h| slot(h)).collect();
    slots.sort_unstable();
    slots.dedup();
    for slot in slots {
        sqlx::query(
            "INSERT INTO hold_slots (slot, taken_at) VALUES ($1, $2) \
             ON CONFLICT (slot) DO UPDATE SET taken_at = excluded.taken_at",
        )
        .bind(slot)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}

/// A piece and size the new order reserves, with its units.
pub struct Reserving<'a> {
    pub product_id: Option<i64>,
    pub name: &'a str,
    pub size: &'a str,
    pub units: u32,
}

/// What `client` and `email_key` hold unpaid, the new order `order_id`
/// (written, its lines not yet) counted in, with `reserving` its pieces.
pub async fn held(
    tx: &mut AnyConnection,
    order_id: i64,
    client: &str,
    email_key: &str,
    reserving: &[Reserving<'_>],
    pay_by: i64,
) -> Result<Held, sqlx::Error> {
    let count =
        |column: &str| format!("SELECT COUNT(*) FROM orders WHERE {column} = $1 AND status = 'awaiting_payment'");
    let client_orders: i64 = sqlx::query_scalar(&count("held_by")).bind(client).fetch_one(&mut *tx).await?;
    let email_orders: i64 = sqlx::query_scalar(&count("email_key")).bind(email_key).fetch_one(&mut *tx).await?;
    let next_lapse: Option<i64> = sqlx::query_scalar(
        "SELECT MIN(pay_by) FROM orders WHERE status = 'awaiting_payment' AND id <> $1 \
         AND (held_by = $2 OR email_key = $3)",
    )
    .bind(order_id)
    .bind(client)
    .bind(email_key)
    .fetch_one(&mut *tx)
    .await?;
    // What the client holds already, by piece and size, in one read (a
    // client holds few unpaid orders: the limit on them sees to it).
    let held_before: Vec<(Option<i64>, String, i64)> = sqlx::query_as(
        "SELECT l.product_id, l.size, CAST(SUM(l.reserved) AS BIGINT) FROM order_lines l \
         JOIN orders o ON o.id = l.order_id WHERE o.held_by = $1 AND o.status = 'awaiting_payment' \
         GROUP BY l.product_id, l.size",
    )
    .bind(client)
    .fetch_all(&mut *tx)
    .await?;
    let units_of = |product_id: Option<i64>, size: &str| -> u32 {
        let before = held_before
            .iter()
            .find(|(id, s, _)| product_id.is_some() && *id == product_id && s == size)
            .map_or(0, |(_, _, units)| u32::try_from(*units).unwrap_or(u32::MAX));
        // The same piece and size twice in one order (not from a basket, which merges them) add up.
        let this_order: u32 =
            reserving.iter().filter(|l| l.product_id == product_id && l.size == size).map(|l| l.units).sum();
        before.saturating_add(this_order)
    };
    let pieces = reserving
        .iter()
        .map(|line| (line.name.to_owned(), line.size.to_owned(), units_of(line.product_id, line.size)))
        .collect();
    let to_u32 = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(Held {
        client_orders: to_u32(client_orders),
        email_orders: to_u32(email_orders),
        pieces,
        next_lapse: next_lapse.unwrap_or(pay_by),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_are_stable_and_spread() {
        assert_eq!(slot("203.0.113.7"), slot("203.0.113.7"));
        let spread: std::collections::HashSet<i64> = (0..200).map(|i| slot(&format!("10.0.0.{i}"))).collect();
        assert!(spread.len() > 180, "{} slots for 200 clients", spread.len());
        assert!(spread.iter().all(|s| (0..4096).contains(s)));
    }
}

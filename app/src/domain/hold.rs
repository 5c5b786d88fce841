//! How much stock unpaid orders may hold (issue 17). Placing an order
//! reserves its pieces until it is paid or its time is up; without limits
//! a script could place order after order (a fresh key each time) and keep
//! the catalogue sold out, emailing any address it likes. So, at any one
//! time, among the orders still waiting for payment:
//! - one client (an address, IPv6 by its /64) has at most [`HoldLimits::per_client`];
//! - one email address has at most [`HoldLimits::per_email`];
//! - one client holds at most [`HoldLimits::per_piece`] of any piece in one
//!   size, across all its orders: no more than a single basket line allows,
//!   so a second order cannot stack the same ring again.
//!
//! A shopper who pays, or whose payment fails, frees their place at once;
//! an abandoned order frees it when its time is up
//! ([`super::checkout::DEFAULT_PAYMENT_MINUTES`]).

use super::basket::MAX_PER_LINE;

/// The limits on what unpaid orders hold at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HoldLimits {
    pub per_client: u32,
    pub per_email: u32,
    pub per_piece: u32,
}

/// The house's limits. A household or an office shares one address, so a
/// client may wait on more orders than one email address may.
pub const HOLD_LIMITS: HoldLimits = HoldLimits { per_client: 4, per_email: 2, per_piece: MAX_PER_LINE };

const _: () = assert!(HOLD_LIMITS.per_client > HOLD_LIMITS.per_email);
// A full basket line must always be placeable.
const _: () = assert!(HOLD_LIMITS.per_piece >= MAX_PER_LINE);

/// What is already waiting for payment, counted with the new order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Held {
    /// Unpaid orders from this client, the new one included.
    pub client_orders: u32,
    /// Unpaid orders for this email address, the new one included.
    pub email_orders: u32,
    /// For each piece and size the new order reserves: (name, size, units
    /// this client would then hold unpaid, the new order's included).
    pub pieces: Vec<(String, String, u32)>,
    /// When the oldest of the client's or the address's unpaid orders
    /// lapses (Unix seconds): when to try again.
    pub next_lapse: i64,
}

/// Why an order may not be placed now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HoldRefusal {
    /// This client already waits on `max` unpaid orders.
    Client { max: u32, retry_minutes: i64 },
    /// This email address already waits on `max` unpaid orders.
    Email { max: u32, retry_minutes: i64 },
    /// This client would hold more than `max` of one piece in one size.
    Piece { name: String, size: String, max: u32, retry_minutes: i64 },
}

impl HoldLimits {
    /// Whether the new order, counted in `held`, stays within the limits at `now`.
    pub fn check(&self, held: &Held, now: i64) -> Result<(), HoldRefusal> {
        // Rounded up, and at least one: "try again in 0 minutes" helps nobody.
        let retry_minutes = ((held.next_lapse - now).max(0) + 59) / 60;
        let retry_minutes = retry_minutes.max(1);
        if held.email_orders > self.per_email {
            return Err(HoldRefusal::Email { max: self.per_email, retry_minutes });
        }
        if held.client_orders > self.per_client {
            return Err(HoldRefusal::Client { max: self.per_client, retry_minutes });
        }
        if let Some((name, size, _)) = held.pieces.iter().find(|(_, _, units)| *units > self.per_piece) {
            return Err(HoldRefusal::Piece {
                name: name.clone(),
                size: size.clone(),
                max: self.per_piece,
                retry_minutes,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn held(client: u32, email: u32, units: u32) -> Held {
        Held {
            client_orders: client,
            email_orders: email,
            pieces: vec![("Aube".into(), "52".into(), units)],
            next_lapse: 1_000 + 14 * 60 + 1,
        }
    }

    #[test]
    fn the_first_orders_go_through_and_the_next_one_waits() {
        let limits = HOLD_LIMITS;
        assert_eq!(limits.check(&held(1, 1, 1), 1_000), Ok(()));
        assert_eq!(limits.check(&held(4, 2, 5), 1_000), Ok(()));
        assert_eq!(limits.check(&held(4, 3, 1), 1_000), Err(HoldRefusal::Email { max: 2, retry_minutes: 15 }));
        assert_eq!(limits.check(&held(5, 1, 1), 1_000), Err(HoldRefusal::Client { max: 4, retry_minutes: 15 }));
        assert_eq!(
            limits.check(&held(2, 2, 6), 1_000),
            Err(HoldRefusal::Piece { name: "Aube".into(), size: "52".into(), max: 5, retry_minutes: 15 })
        );
    }

    #[test]
    fn the_wait_is_never_less_than_a_minute() {
        let mut late = held(9, 9, 1);
        late.next_lapse = 900;
        assert_eq!(HOLD_LIMITS.check(&late, 1_000), Err(HoldRefusal::Email { max: 2, retry_minutes: 1 }));
    }

    proptest! {
        /// Refused exactly when one count is over its limit.
        #[test]
        fn refused_exactly_over_a_limit(client in 1u32..10, email in 1u32..10, units in 0u32..12, lapse in 0i64..4_000) {
            let h = Held { client_orders: client, email_orders: email, pieces: vec![("A".into(), String::new(), units)], next_lapse: lapse };
            let over = client > HOLD_LIMITS.per_client || email > HOLD_LIMITS.per_email || units > HOLD_LIMITS.per_piece;
            let outcome = HOLD_LIMITS.check(&h, 1_000);
            prop_assert_eq!(outcome.is_err(), over);
            if let Err(HoldRefusal::Client { retry_minutes, .. } | HoldRefusal::Email { retry_minutes, .. } | HoldRefusal::Piece { retry_minutes, .. }) = outcome {
                prop_assert!(retry_minutes >= 1);
                prop_assert!(retry_minutes * 60 >= lapse - 1_000);
            }
        }
    }
}

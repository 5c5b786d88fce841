//! The house's promises in days (PRODUCT.md §7, §8): how long an order
//! takes to prepare, how long a piece may be returned, how soon damage must
//! be reported, how long a refund takes to arrive. The house's pages state
//! them from here, and the rules that check them read the same constants.

/// Business days to prepare an order, fewest and most (longer at peak seasons).
pub const PREPARATION_DAYS: (u8, u8) = (3, 4);

/// Days from delivery within which a piece may be returned.
pub const RETURN_WINDOW_DAYS: u16 = 30;

/// Days from delivery within which a damaged or defective piece is reported, with photos.
pub const DEFECT_REPORT_DAYS: u16 = 7;

/// Business days for a refund to reach the customer's account once issued, fewest and most.
pub const REFUND_DELAY_DAYS: (u8, u8) = (5, 10);

// Damage is reported within the return window; ranges run forwards.
const _: () = assert!(DEFECT_REPORT_DAYS <= RETURN_WINDOW_DAYS);
const _: () = assert!(PREPARATION_DAYS.0 <= PREPARATION_DAYS.1 && REFUND_DELAY_DAYS.0 <= REFUND_DELAY_DAYS.1);

//! Back-in-stock alerts (PRODUCT.md §8): when a shopper may leave an
//! address for a (product, size), which restock tells them, and who is
//! told. Decided without a database so every path can be tested.

use super::availability::{buy_area, BuyArea};
use super::catalogue::{ProductFlags, SizeLabel, Stock};
use serde::{Deserialize, Serialize};

/// Why an alert cannot be left for this (product, size).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AlertRefused {
    /// The piece comes in sizes and none (or one it is not made in) was given.
    ChooseSize,
    /// That size can be bought now: there is nothing to wait for.
    InStock,
    /// The piece is sold in boutiques only: a client advisor helps instead.
    NotSoldOnline,
}

/// Whether a shopper may leave an alert for `size` (`None` for a one-size
/// piece): only where the buy area offers one, i.e. that size is out of
/// stock and the piece is sold online. The shopper's delivery country does
/// not matter: an alert is about stock, and the country may change.
pub fn may_register(flags: ProductFlags, stock: &Stock, size: Option<&SizeLabel>) -> Result<(), AlertRefused> {
    let sized = matches!(stock, Stock::BySize(_));
    if sized && stock.quantity_for(size).is_none() || !sized && size.is_some() {
        return Err(if flags.online { AlertRefused::ChooseSize } else { AlertRefused::NotSoldOnline });
    }
    match buy_area(flags, stock, size, true) {
        BuyArea::NotifyWhenBackInStock => Ok(()),
        BuyArea::AddToBasket { .. } => Err(AlertRefused::InStock),
        BuyArea::AskClientAdvisor(_) => Err(AlertRefused::NotSoldOnline),
    }
}

/// Whether stock going from `before` to `after` is a restock from zero:
/// the one change that sends the waiting alerts. A restock that leaves
/// some in stock already sent them (or found none waiting).
pub fn is_restock_from_zero(before: u32, after: u32) -> bool {
    before == 0 && after > 0
}

/// Which waiting alerts a restock sends, by who may buy the piece.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WhoIsTold {
    /// Every alert for the (product, size).
    Everyone,
    /// Only alerts left by an address that has an account: a members'
    /// preview piece is sold to signed-in customers only. The others keep
    /// waiting until the piece is public and restocked again.
    AccountHoldersOnly,
    /// Nobody: a piece taken off the online shop cannot be bought, so its
    /// alerts keep waiting rather than send a shopper to a dead end.
    Nobody,
}

/// Who a restock of a piece with these flags tells.
pub fn who_is_told(flags: ProductFlags) -> WhoIsTold {
    if !flags.online {
        WhoIsTold::Nobody
    } else if flags.members_preview {
        WhoIsTold::AccountHoldersOnly
    } else {
        WhoIsTold::Everyone
    }
}

/// What registering an alert did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AlertRegistered {
    /// A new alert; `cancel` is the path of the page that cancels it.
    New { cancel: String },
    /// This address already waits for this (product, size): nothing written.
    Already,
}

/// The path, without language, of the page that shows and cancels an alert.
pub fn cancel_path(token: &str) -> String {
    format!("/alerts/cancel?token={token}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::SizeStock;
    use proptest::prelude::*;

    fn flags(online: bool, made_to_order: bool, members_preview: bool) -> ProductFlags {
        ProductFlags { online, made_to_order, personalised: false, members_preview }
    }

    fn size(s: &str) -> SizeLabel {
        SizeLabel::parse(s).unwrap()
    }

    fn ring(q52: u32, q54: u32) -> Stock {
        Stock::BySize(vec![
            SizeStock { size: size("52"), quantity: q52 },
            SizeStock { size: size("54"), quantity: q54 },
        ])
    }

    #[test]
    fn an_alert_is_for_an_out_of_stock_size_of_an_online_piece() {
        let online = flags(true, false, false);
        assert_eq!(may_register(online, &ring(0, 2), Some(&size("52"))), Ok(()));
        assert_eq!(may_register(online, &ring(0, 2), Some(&size("54"))), Err(AlertRefused::InStock));
        assert_eq!(may_register(online, &ring(0, 0), None), Err(AlertRefused::ChooseSize));
        assert_eq!(may_register(online, &ring(0, 0), Some(&size("60"))), Err(AlertRefused::ChooseSize));
        assert_eq!(may_register(online, &Stock::OneSize(0), None), Ok(()));
        assert_eq!(may_register(online, &Stock::OneSize(3), None), Err(AlertRefused::InStock));
        assert_eq!(may_register(online, &Stock::OneSize(0), Some(&size("52"))), Err(AlertRefused::ChooseSize));
    }

    #[test]
    fn boutique_only_and_made_to_order_pieces_take_no_alert() {
        let boutique = flags(false, false, false);
        assert_eq!(may_register(boutique, &ring(0, 0), Some(&size("52"))), Err(AlertRefused::NotSoldOnline));
        assert_eq!(may_register(boutique, &ring(0, 0), None), Err(AlertRefused::NotSoldOnline));
        // Made in the size ordered: never out of stock, so nothing to wait for.
        let made = flags(true, true, false);
        assert_eq!(may_register(made, &ring(0, 0), Some(&size("52"))), Err(AlertRefused::InStock));
    }

    #[test]
    fn only_a_restock_from_zero_sends() {
        assert!(is_restock_from_zero(0, 1));
        assert!(is_restock_from_zero(0, 40));
        assert!(!is_restock_from_zero(0, 0));
        assert!(!is_restock_from_zero(2, 5));
        assert!(!is_restock_from_zero(3, 0));
    }

    #[test]
    fn only_those_who_may_buy_are_told() {
        assert_eq!(who_is_told(flags(true, false, false)), WhoIsTold::Everyone);
        assert_eq!(who_is_told(flags(true, false, true)), WhoIsTold::AccountHoldersOnly);
        assert_eq!(who_is_told(flags(false, false, false)), WhoIsTold::Nobody);
        assert_eq!(who_is_told(flags(false, false, true)), WhoIsTold::Nobody);
    }

    proptest! {
        /// An alert is accepted exactly where the product page offers one
        /// for that size, whatever the country.
        #[test]
        fn alerts_match_the_buy_area(q52 in 0u32..3, q54 in 0u32..3, online: bool, made: bool, pick in 0usize..3) {
            let flags = flags(online, made, false);
            let stock = ring(q52, q54);
            let chosen = [Some(size("52")), Some(size("54")), None][pick].clone();
            let offered = buy_area(flags, &stock, chosen.as_ref(), true) == BuyArea::NotifyWhenBackInStock
                && chosen.is_some();
            prop_assert_eq!(may_register(flags, &stock, chosen.as_ref()).is_ok(), offered);
        }
    }
}

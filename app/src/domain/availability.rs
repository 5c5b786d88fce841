//! What a product page's buy area offers (PRODUCT.md §1): exactly one of
//! add to basket, notify me, or ask a client advisor.

use super::catalogue::{ProductFlags, SizeLabel, Stock};
use serde::{Deserialize, Serialize};

/// Why a piece can only be had through a client advisor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AdvisorReason {
    /// The piece is sold in boutiques only.
    BoutiqueOnly,
    /// The shopper's delivery country is not one the house ships to.
    CountryNotServed,
}

/// The one thing the buy area offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BuyArea {
    /// The piece can go in the basket. `needs_size` when a size must be chosen first.
    AddToBasket { needs_size: bool },
    /// The chosen size (or the piece) is out of stock: leave an email for an alert.
    NotifyWhenBackInStock,
    /// Only a client advisor can help, for the reason given.
    AskClientAdvisor(AdvisorReason),
}

/// Decides the buy area for a product, the size the shopper chose (if any)
/// and whether the shopper's delivery country is served.
///
/// A chosen size the product is not made in counts as no choice: the page
/// then asks for a size rather than pretending one exists.
pub fn buy_area(flags: ProductFlags, stock: &Stock, chosen: Option<&SizeLabel>, country_served: bool) -> BuyArea {
    if !flags.online {
        return BuyArea::AskClientAdvisor(AdvisorReason::BoutiqueOnly);
    }
    if !country_served {
        return BuyArea::AskClientAdvisor(AdvisorReason::CountryNotServed);
    }
    match stock {
        Stock::OneSize(quantity) => {
            if *quantity > 0 || flags.made_to_order {
                BuyArea::AddToBasket { needs_size: false }
            } else {
                BuyArea::NotifyWhenBackInStock
            }
        }
        Stock::BySize(sizes) => {
            let chosen = chosen.and_then(|size| sizes.iter().find(|s| &s.size == size));
            match chosen {
                // Made-to-order pieces are made in the size ordered: stock does not limit them.
                Some(s) if s.quantity > 0 || flags.made_to_order => BuyArea::AddToBasket { needs_size: false },
                Some(_) => BuyArea::NotifyWhenBackInStock,
                None if flags.made_to_order || stock.any_in_stock() => BuyArea::AddToBasket { needs_size: true },
                None => BuyArea::NotifyWhenBackInStock,
            }
        }
    }
}

/// Whether a piece can be bought online right now, whatever its size:
/// the "available online now" listing filter.
pub fn available_online_now(flags: ProductFlags, stock: &Stock) -> bool {
    flags.online && (flags.made_to_order || stock.any_in_stock())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::SizeStock;

    fn size(s: &str) -> SizeLabel {
        SizeLabel::parse(s).unwrap()
    }

    fn ring_stock() -> Stock {
        Stock::BySize(vec![SizeStock { size: size("50"), quantity: 2 }, SizeStock { size: size("52"), quantity: 0 }])
    }

    fn flags(online: bool, made_to_order: bool) -> ProductFlags {
        ProductFlags { online, made_to_order, ..ProductFlags::default() }
    }

    const ADD: BuyArea = BuyArea::AddToBasket { needs_size: false };
    const CHOOSE: BuyArea = BuyArea::AddToBasket { needs_size: true };
    const NOTIFY: BuyArea = BuyArea::NotifyWhenBackInStock;
    const BOUTIQUE: BuyArea = BuyArea::AskClientAdvisor(AdvisorReason::BoutiqueOnly);
    const FAR: BuyArea = BuyArea::AskClientAdvisor(AdvisorReason::CountryNotServed);

    /// Every combination of flags, stock, chosen size and country, against the rules.
    #[test]
    fn every_combination_gives_exactly_the_expected_state() {
        let empty_sizes = Stock::BySize(vec![SizeStock { size: size("50"), quantity: 0 }]);
        let stocks: [(&str, Stock); 4] = [
            ("ring", ring_stock()),
            ("ring-sold-out", empty_sizes),
            ("one", Stock::OneSize(1)),
            ("one-out", Stock::OneSize(0)),
        ];
        let choices = [None, Some(size("50")), Some(size("52")), Some(size("99"))];
        for online in [false, true] {
            for made_to_order in [false, true] {
                for served in [false, true] {
                    for (name, stock) in &stocks {
                        for chosen in &choices {
                            let got = buy_area(flags(online, made_to_order), stock, chosen.as_ref(), served);
                            let sized = matches!(stock, Stock::BySize(_));
                            let chosen_qty = chosen.as_ref().and_then(|c| stock.quantity_for(Some(c)));
                            let expected = if !online {
                                BOUTIQUE
                            } else if !served {
                                FAR
                            } else if !sized {
                                if stock.any_in_stock() || made_to_order {
                                    ADD
                                } else {
                                    NOTIFY
                                }
                            } else {
                                match chosen_qty {
                                    Some(q) if q > 0 || made_to_order => ADD,
                                    Some(_) => NOTIFY,
                                    None if made_to_order || stock.any_in_stock() => CHOOSE,
                                    None => NOTIFY,
                                }
                            };
                            assert_eq!(
                                got, expected,
                                "online={online} mto={made_to_order} served={served} stock={name} chosen={chosen:?}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn named_cases_read_as_the_rules_say() {
        let online = flags(true, false);
        assert_eq!(buy_area(online, &ring_stock(), Some(&size("50")), true), ADD);
        assert_eq!(buy_area(online, &ring_stock(), Some(&size("52")), true), NOTIFY);
        assert_eq!(buy_area(online, &ring_stock(), None, true), CHOOSE);
        assert_eq!(buy_area(flags(false, false), &ring_stock(), Some(&size("50")), true), BOUTIQUE);
        assert_eq!(buy_area(online, &Stock::OneSize(4), None, false), FAR);
        assert_eq!(buy_area(flags(true, true), &Stock::OneSize(0), None, true), ADD);
    }

    #[test]
    fn available_now_needs_online_and_stock() {
        assert!(available_online_now(flags(true, false), &ring_stock()));
        assert!(!available_online_now(flags(false, false), &ring_stock()));
        assert!(!available_online_now(flags(true, false), &Stock::OneSize(0)));
        assert!(available_online_now(flags(true, true), &Stock::OneSize(0)));
    }
}

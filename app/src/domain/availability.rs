//! What a product page's buy area offers (PRODUCT.md §1): exactly one of
//! add to basket, notify me, or ask a client advisor.

use super::basket::MAX_PER_LINE;
use super::catalogue::{ProductFlags, SizeLabel, SizeStock, Stock};
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

/// How a size's stock reads on its button.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StockLevel {
    Out,
    LastOne,
    InStock,
}

impl StockLevel {
    pub fn of(quantity: u32) -> Self {
        match quantity {
            0 => StockLevel::Out,
            1 => StockLevel::LastOne,
            _ => StockLevel::InStock,
        }
    }
}

/// The most stock a public page tells apart: past it a size reads "in
/// stock" and the quantity picker stops at [`MAX_PER_LINE`]. Pages carry
/// stock capped here, so the house's exact counts stay private, and a sale
/// that leaves this many or more changes no page (no cached page is thrown
/// away for it).
pub const SHOWN_STOCK_CAP: u32 = MAX_PER_LINE;

/// A stock count as public pages may carry it.
pub fn shown_quantity(quantity: u32) -> u32 {
    quantity.min(SHOWN_STOCK_CAP)
}

/// A product's stock as public pages may carry it.
pub fn shown_stock(stock: &Stock) -> Stock {
    match stock {
        Stock::OneSize(quantity) => Stock::OneSize(shown_quantity(*quantity)),
        Stock::BySize(sizes) => Stock::BySize(
            sizes.iter().map(|s| SizeStock { size: s.size.clone(), quantity: shown_quantity(s.quantity) }).collect(),
        ),
    }
}

/// Whether a size's stock going from `before` to `after` changes what any
/// public page shows.
pub fn shown_stock_changes(before: u32, after: u32) -> bool {
    shown_quantity(before) != shown_quantity(after)
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

    /// Everything a page derives from stock reads the same from the capped
    /// stock: the buy area, the quantity picker's limit and the size's label.
    #[test]
    fn capped_stock_shows_what_the_real_stock_shows() {
        use crate::domain::basket::purchase_limit;
        for quantity in 0..=(SHOWN_STOCK_CAP * 4) {
            let real = Stock::BySize(vec![SizeStock { size: size("50"), quantity }]);
            let shown = shown_stock(&real);
            assert_eq!(StockLevel::of(quantity), StockLevel::of(shown_quantity(quantity)));
            for online in [false, true] {
                for made_to_order in [false, true] {
                    let f = flags(online, made_to_order);
                    for chosen in [None, Some(size("50"))] {
                        assert_eq!(
                            purchase_limit(f, &real, chosen.as_ref()),
                            purchase_limit(f, &shown, chosen.as_ref())
                        );
                        for served in [false, true] {
                            assert_eq!(
                                buy_area(f, &real, chosen.as_ref(), served),
                                buy_area(f, &shown, chosen.as_ref(), served)
                            );
                        }
                    }
                    let one = Stock::OneSize(quantity);
                    assert_eq!(purchase_limit(f, &one, None), purchase_limit(f, &shown_stock(&one), None));
                    assert_eq!(available_online_now(f, &one), available_online_now(f, &shown_stock(&one)));
                }
            }
        }
    }

    #[test]
    fn a_sale_above_the_cap_changes_no_page() {
        assert!(!shown_stock_changes(40, 39));
        assert!(!shown_stock_changes(SHOWN_STOCK_CAP + 1, SHOWN_STOCK_CAP));
        assert!(!shown_stock_changes(7, 7));
        assert!(shown_stock_changes(SHOWN_STOCK_CAP, SHOWN_STOCK_CAP - 1));
        assert!(shown_stock_changes(1, 0));
        assert!(shown_stock_changes(0, 3));
    }
}

//! The gift with purchase (PRODUCT.md §2). The offer itself (which gift,
//! from what subtotal) is data in the database; this is the rule.

use super::catalogue::Picture;
use super::{money::Money, slug::Slug};
use serde::{Deserialize, Serialize};

/// A gift the house offers from a merchandise subtotal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GiftOffer {
    pub code: Slug,
    pub name: String,
    pub description: String,
    pub picture: Picture,
    /// The merchandise subtotal from which the gift is offered.
    pub threshold: Money,
}

/// Where the basket stands with the gift.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum GiftState {
    /// The house offers no gift at the moment.
    NoOffer,
    /// Not yet: this much more would unlock it.
    NotYet { missing: Money },
    /// Offered, waiting for the shopper to take it.
    Offered,
    /// Taken: a €0 line.
    InBasket,
    /// The basket held the gift but no longer qualifies (or the offer changed):
    /// the gift line must go, and the shopper be told.
    Withdrawn,
}

/// Applies the rule: offered at or above the threshold, never added by
/// itself, withdrawn when the subtotal falls below it. `taken` is the gift
/// the basket holds, if any.
///
/// "Above the threshold" is read as "from the threshold": a basket of
/// exactly €500 gets the pouch, as shoppers expect of "from €500".
pub fn gift_state(offer: Option<&GiftOffer>, subtotal: Money, taken: Option<&Slug>) -> GiftState {
    let Some(offer) = offer else {
        return if taken.is_some() { GiftState::Withdrawn } else { GiftState::NoOffer };
    };
    let qualifies = subtotal >= offer.threshold;
    match (qualifies, taken) {
        (true, Some(code)) if *code == offer.code => GiftState::InBasket,
        // A gift that is not the one on offer (an old offer, or tampering) is not owed.
        (_, Some(_)) => GiftState::Withdrawn,
        (true, None) => GiftState::Offered,
        (false, None) => GiftState::NotYet { missing: offer.threshold.less(subtotal) },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn pouch() -> GiftOffer {
        GiftOffer {
            code: Slug::parse("leather-pouch").unwrap(),
            name: "Leather pouch".into(),
            description: "A pouch".into(),
            picture: Picture { src: "/p.svg".into(), alt: "pouch".into() },
            threshold: Money::from_cents(50_000),
        }
    }

    #[test]
    fn offered_from_the_threshold_but_never_added_by_itself() {
        let offer = pouch();
        assert_eq!(
            gift_state(Some(&offer), Money::from_cents(49_999), None),
            GiftState::NotYet { missing: Money::from_cents(1) }
        );
        assert_eq!(gift_state(Some(&offer), Money::from_cents(50_000), None), GiftState::Offered);
        assert_eq!(gift_state(Some(&offer), Money::from_cents(320_000), None), GiftState::Offered);
    }

    #[test]
    fn taken_stays_above_and_is_withdrawn_below() {
        let offer = pouch();
        let code = offer.code.clone();
        assert_eq!(gift_state(Some(&offer), Money::from_cents(60_000), Some(&code)), GiftState::InBasket);
        assert_eq!(gift_state(Some(&offer), Money::from_cents(10_000), Some(&code)), GiftState::Withdrawn);
        assert_eq!(gift_state(Some(&offer), Money::ZERO, Some(&code)), GiftState::Withdrawn);
    }

    #[test]
    fn an_unknown_or_ended_gift_is_withdrawn() {
        let offer = pouch();
        let other = Slug::parse("gold-watch").unwrap();
        assert_eq!(gift_state(Some(&offer), Money::from_cents(90_000), Some(&other)), GiftState::Withdrawn);
        assert_eq!(gift_state(None, Money::from_cents(90_000), Some(&offer.code)), GiftState::Withdrawn);
        assert_eq!(gift_state(None, Money::from_cents(90_000), None), GiftState::NoOffer);
    }

    proptest! {
        /// The gift is in the basket only when the shopper took it and the subtotal qualifies.
        #[test]
        fn in_basket_only_if_taken_and_qualifying(cents in 0i64..2_000_000, taken in any::<bool>()) {
            let offer = pouch();
            let subtotal = Money::from_cents(cents);
            let state = gift_state(Some(&offer), subtotal, taken.then_some(&offer.code));
            prop_assert_eq!(state == GiftState::InBasket, taken && subtotal >= offer.threshold);
            prop_assert_eq!(state == GiftState::Offered, !taken && subtotal >= offer.threshold);
            if let GiftState::NotYet { missing } = state {
                prop_assert_eq!(subtotal.plus(missing), offer.threshold);
            }
        }
    }
}

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

/// The gift form's fields, as staff typed them (issue 16 part 3; posted
/// as `gift[name_en]`…). A field missing from the post reads as empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct GiftForm {
    pub name_en: String,
    pub name_fr: String,
    pub description_en: String,
    pub description_fr: String,
    /// In euros.
    pub threshold: String,
    /// The checkbox: `on` when ticked (the gift is offered), absent otherwise.
    pub offered: String,
}

/// A gift's texts and terms, read from the form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GiftTerms {
    pub name_en: String,
    pub name_fr: String,
    pub description_en: String,
    pub description_fr: String,
    pub threshold: Money,
    pub offered: bool,
}

/// The longest name and description the pages are laid out for.
pub const GIFT_NAME_MAX: usize = 80;
pub const GIFT_DESCRIPTION_MAX: usize = 600;

/// Why the gift form was refused; each names its field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum GiftProblem {
    NameEn,
    NameFr,
    DescriptionEn,
    DescriptionFr,
    Threshold,
}

impl GiftProblem {
    pub fn field(self) -> &'static str {
        self.into()
    }
}

impl GiftTerms {
    /// Reads the form: names and descriptions present in both languages and
    /// not too long, and a threshold in euros (a gift from the first euro is
    /// allowed; a negative one is not).
    pub fn parse(form: &GiftForm) -> Result<GiftTerms, GiftProblem> {
        let text = |raw: &str, max: usize, problem: GiftProblem| {
            let text = raw.trim();
            (!text.is_empty() && text.chars().count() <= max && !text.chars().any(char::is_control))
                .then(|| text.to_owned())
                .ok_or(problem)
        };
        let multiline = |raw: &str, problem: GiftProblem| {
            let text = raw.trim().replace("\r\n", "\n");
            (!text.is_empty()
                && text.chars().count() <= GIFT_DESCRIPTION_MAX
                && !text.chars().any(|c| c.is_control() && c != '\n'))
            .then_some(text)
            .ok_or(problem)
        };
        Ok(GiftTerms {
            name_en: text(&form.name_en, GIFT_NAME_MAX, GiftProblem::NameEn)?,
            name_fr: text(&form.name_fr, GIFT_NAME_MAX, GiftProblem::NameFr)?,
            description_en: multiline(&form.description_en, GiftProblem::DescriptionEn)?,
            description_fr: multiline(&form.description_fr, GiftProblem::DescriptionFr)?,
            threshold: Money::parse_euros(&form.threshold).ok_or(GiftProblem::Threshold)?,
            offered: matches!(form.offered.trim(), "on" | "true" | "1"),
        })
    }

    /// The terms in one line, in English like the logs: the audit log's before and after.
    pub fn summary(&self) -> String {
        format!(
            "{} / {}, from {}, {}; {} / {}",
            self.name_en,
            self.name_fr,
            self.threshold,
            if self.offered { "offered" } else { "not offered" },
            self.description_en,
            self.description_fr,
        )
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
            picture: Picture::drawing("/p.svg", "pouch"),
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

    #[test]
    fn the_gift_form_is_read_in_both_languages() {
        let form = GiftForm {
            name_en: " Leather pouch ".into(),
            name_fr: "Pochette en cuir".into(),
            description_en: "Soft lambskin.\r\nLined.".into(),
            description_fr: "Agneau souple.".into(),
            threshold: "450,00".into(),
            offered: "on".into(),
        };
        let terms = GiftTerms::parse(&form).unwrap();
        assert!(terms.offered);
        assert!(!GiftTerms::parse(&GiftForm { offered: String::new(), ..form.clone() }).unwrap().offered);
        assert_eq!((terms.name_en.as_str(), terms.threshold), ("Leather pouch", Money::from_cents(45_000)));
        assert_eq!(terms.description_en, "Soft lambskin.\nLined.");
        assert_eq!(GiftTerms::parse(&GiftForm { name_fr: " ".into(), ..form.clone() }), Err(GiftProblem::NameFr));
        let long = "x".repeat(GIFT_NAME_MAX + 1);
        assert_eq!(GiftTerms::parse(&GiftForm { name_en: long, ..form.clone() }), Err(GiftProblem::NameEn));
        assert_eq!(
            GiftTerms::parse(&GiftForm { description_fr: "".into(), ..form.clone() }),
            Err(GiftProblem::DescriptionFr)
        );
        assert_eq!(
            GiftTerms::parse(&GiftForm { description_en: "a\u{0}b".into(), ..form.clone() }),
            Err(GiftProblem::DescriptionEn)
        );
        for threshold in ["", "-1", "500 euros", "1e3"] {
            assert_eq!(
                GiftTerms::parse(&GiftForm { threshold: threshold.into(), ..form.clone() }),
                Err(GiftProblem::Threshold),
                "{threshold}"
            );
        }
        assert_eq!(GiftProblem::DescriptionFr.field(), "description_fr");
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

//! Texts of the basket: its page, what is wrong with a line, what was put
//! right in a stored basket, the gift with purchase, and the answers of the
//! server that prices it.

use super::texts;
use crate::domain::basket::{LineProblem, Repair, MAX_LINES, MAX_PER_LINE};
use crate::domain::locale::{Locale, Plural};
use crate::domain::money::Money;

texts! {
    basket_title { fr: "Votre panier", en: "Your basket" }
    basket_meta_description {
        fr: "Les pièces que vous avez choisies chez Maison Aurèle, au prix actuel de la maison, avec le cadeau offert.",
        en: "The pieces you have chosen at Maison Aurèle, re-priced from the house's current prices, with the gift with purchase.",
    }
    basket_empty { fr: "Votre panier est vide.", en: "Your basket is empty." }
    /// The link under an empty basket (basket and checkout pages).
    basket_discover { fr: "Découvrir les bijoux", en: "Discover the jewellery" }
    /// Before the basket's subtotal.
    basket_subtotal { fr: "Sous-total", en: "Subtotal" }
    basket_worked_out_at_checkout {
        fr: "La livraison et un éventuel code promotionnel sont calculés lors de la validation de votre commande.",
        en: "Delivery and any promo code are worked out at checkout.",
    }
    basket_proceed { fr: "Valider ma commande", en: "Proceed to checkout" }
    basket_blocked_by_lines {
        fr: "Pour continuer, veuillez modifier ou retirer les lignes signalées ci-dessus.",
        en: "Please change or remove the lines marked above to continue.",
    }
    basket_blocked_by_country {
        fr: "La commande en ligne n’est pas proposée pour ce pays de livraison.",
        en: "Checkout is not available for this delivery country.",
    }
    basket_size { fr: "Taille", en: "Size" }
    /// The empty choice of a line's size selector.
    basket_choose_size { fr: "Choisir…", en: "Choose…" }
    basket_quantity { fr: "Quantité", en: "Quantity" }
    /// The quantity's "−" button, for screen readers.
    basket_one_fewer { fr: "Une pièce de moins", en: "One fewer" }
    /// The quantity's "+" button, for screen readers.
    basket_one_more { fr: "Une pièce de plus", en: "One more" }
    basket_remove { fr: "Retirer", en: "Remove" }
    /// Under the gift's line in the basket.
    basket_gift_with_order { fr: "Offert avec votre commande", en: "Gift with your order" }
    basket_take_gift { fr: "Ajouter le cadeau à mon panier", en: "Add the gift to my basket" }
    basket_gift_ended {
        fr: "L’offre du cadeau a pris fin\u{a0}: il a été retiré de votre panier.",
        en: "The gift with purchase has ended and has been taken out of your basket.",
    }
    /// A site notice: local storage refused.
    basket_not_saved {
        fr: "Votre navigateur ne nous permet pas d’enregistrer votre panier\u{a0}: il sera perdu lorsque vous quitterez cette page. Autorisez ce site à conserver des données pour le garder.",
        en: "Your browser would not let us save your basket: it will be lost when you leave this page. Allowing this site to store data keeps it.",
    }
}

impl Locale {
    /// The basket page without JavaScript: how else to buy.
    pub fn basket_noscript(self, phone: &str) -> String {
        match self {
            Locale::Fr => format!(
                "Votre panier est conservé dans votre navigateur et nécessite JavaScript. Veuillez l’activer, ou appeler un conseiller clientèle au {phone}."
            ),
            Locale::En => format!(
                "Your basket is kept in your browser and needs JavaScript. Please turn it on, or call a client advisor on {phone}."
            ),
        }
    }

    /// A count of pieces: "1 pièce", "2 pièces"; "1 piece", "2 pieces".
    pub fn basket_pieces(self, n: u64) -> String {
        match (self, self.plural(n)) {
            (Locale::Fr, Plural::One) => format!("{n} pièce"),
            (Locale::Fr, Plural::Many) => format!("{} de pièces", self.number(n)),
            (Locale::Fr, Plural::Other) => format!("{} pièces", self.number(n)),
            (Locale::En, Plural::One) => format!("{n} piece"),
            (Locale::En, _) => format!("{} pieces", self.number(n)),
        }
    }

    /// The basket's warning when pieces cannot be bought online for delivery there.
    pub fn basket_country_not_served(self, country: &str) -> String {
        match self {
            Locale::Fr => format!(
                "L’achat en ligne n’est pas proposé pour le pays de livraison choisi ({country}). Vous pouvez conserver votre panier et choisir un autre pays de livraison ci-dessus, ou\u{a0}:"
            ),
            Locale::En => format!(
                "Online purchase is not available for delivery to {country}. You can keep your basket and choose another delivery country above, or:"
            ),
        }
    }

    /// A size in a line's selector that none are left of.
    pub fn basket_size_out_of_stock(self, size: &str) -> String {
        match self {
            Locale::Fr => format!("{size} (épuisé)"),
            Locale::En => format!("{size} (out of stock)"),
        }
    }

    /// The label of a line's quantity buttons, for screen readers.
    pub fn basket_quantity_of(self, name: &str) -> String {
        match self {
            Locale::Fr => format!("Quantité pour {name}"),
            Locale::En => format!("Quantity of {name}"),
        }
    }

    /// A line's unit price.
    pub fn basket_each(self, price: Money) -> String {
        match self {
            Locale::Fr => format!("{} l’unité", self.money(price)),
            Locale::En => format!("{} each", self.money(price)),
        }
    }

    /// How far the basket is from the gift with purchase.
    pub fn basket_gift_teaser(self, missing: Money, gift: &str, threshold: Money) -> String {
        let (missing, threshold) = (self.money(missing), self.money(threshold));
        match self {
            Locale::Fr => format!(
                "Ajoutez encore {missing} pour recevoir notre {} avec votre commande, un cadeau offert dès {threshold} d’achat.",
                gift.to_lowercase()
            ),
            Locale::En => format!(
                "Add {missing} more to receive our {} with your order, offered from {threshold}.",
                gift.to_lowercase()
            ),
        }
    }

    /// The gift is offered: the shopper may take it.
    pub fn basket_gift_qualifies(self, gift: &str) -> String {
        match self {
            Locale::Fr => format!("Votre commande vous permet de recevoir notre {}.", gift.to_lowercase()),
            Locale::En => format!("Your order qualifies for our {}.", gift.to_lowercase()),
        }
    }

    /// A site notice: the basket no longer qualifies for the gift it held.
    pub fn basket_gift_withdrawn(self, gift: &str, threshold: Money) -> String {
        let threshold = self.money(threshold);
        match self {
            Locale::Fr => format!(
                "Nous avons retiré de votre panier notre {}\u{a0}: ce cadeau accompagne les commandes à partir de {threshold}.",
                gift.to_lowercase()
            ),
            Locale::En => format!(
                "The {} has been taken out of your basket: it is offered with orders from {threshold}.",
                gift.to_lowercase()
            ),
        }
    }

    /// Why a line cannot be bought as it is.
    pub fn basket_problem(self, problem: &LineProblem) -> String {
        match self {
            Locale::Fr => match problem {
                LineProblem::NoLongerOffered => "Cette pièce n’est plus proposée en ligne.".to_owned(),
                LineProblem::BoutiqueOnly => "Cette pièce n’est désormais proposée que dans nos boutiques.".to_owned(),
                LineProblem::SizeNeeded => "Veuillez choisir une taille pour cette pièce.".to_owned(),
                LineProblem::SizeNotMade(size) => format!("Cette pièce n’est pas réalisée en taille {size}."),
                LineProblem::OutOfStock => "Cette taille est épuisée.".to_owned(),
                LineProblem::OnlyLeft(1) => {
                    "Dernière pièce disponible\u{a0}: veuillez ramener la quantité à 1.".to_owned()
                }
                LineProblem::OnlyLeft(n) => {
                    format!(
                        "Plus que {} disponibles\u{a0}: veuillez réduire la quantité.",
                        self.basket_pieces(u64::from(*n))
                    )
                }
            },
            Locale::En => problem.to_string(),
        }
    }

    /// A site notice: what had to be put right in the basket stored in this browser.
    pub fn basket_repair(self, repair: &Repair) -> String {
        match self {
            Locale::Fr => match repair {
                Repair::Unreadable => {
                    "Votre panier enregistré n’a pas pu être lu\u{a0}: nous en avons commencé un nouveau. Nous vous prions de nous en excuser.".to_owned()
                }
                Repair::OtherFormat => "Votre panier enregistré provenait d’une ancienne version de notre site et n’a pas pu être conservé\u{a0}: nous en avons commencé un nouveau.".to_owned(),
                Repair::LinesDropped(1) => {
                    "Un article de votre panier enregistré n’a pas pu être lu et a été retiré.".to_owned()
                }
                Repair::LinesDropped(n) => {
                    format!("{n} articles de votre panier enregistré n’ont pas pu être lus et ont été retirés.")
                }
                Repair::TooManyLines(1) => {
                    format!("Un panier contient au plus {MAX_LINES} pièces différentes\u{a0}: une pièce a été retirée.")
                }
                Repair::TooManyLines(n) => {
                    format!("Un panier contient au plus {MAX_LINES} pièces différentes\u{a0}: {n} pièces ont été retirées.")
                }
                Repair::QuantitiesReduced => format!(
                    "Les quantités supérieures à {MAX_PER_LINE} exemplaires d’une même pièce ont été ramenées à {MAX_PER_LINE}."
                ),
                Repair::LinesMerged => {
                    "La même pièce figurait deux fois dans votre panier\u{a0}: les lignes ont été réunies.".to_owned()
                }
            },
            Locale::En => repair.to_string(),
        }
    }

    /// A basket sent with more lines than a basket may hold.
    pub fn basket_too_many_lines(self) -> String {
        match self {
            Locale::Fr => format!("Un panier contient au plus {MAX_LINES} pièces différentes."),
            Locale::En => format!("A basket holds at most {MAX_LINES} different pieces."),
        }
    }

    /// A line's quantity outside 1 to the per-line cap.
    pub fn basket_bad_quantity(self, asked: i64) -> String {
        match self {
            Locale::Fr => format!("Une quantité doit être comprise entre 1 et {MAX_PER_LINE}, et non {asked}."),
            Locale::En => format!("A quantity must be between 1 and {MAX_PER_LINE}, not {asked}."),
        }
    }

    /// The same piece and size sent twice.
    pub fn basket_listed_twice(self, piece: &str) -> String {
        match self {
            Locale::Fr => format!("Le panier mentionne deux fois {piece} dans la même taille."),
            Locale::En => format!("The basket lists {piece} twice in the same size."),
        }
    }

    /// A piece's name that cannot be one of ours.
    pub fn basket_not_a_piece(self, raw: &str) -> String {
        match self {
            Locale::Fr => format!("«\u{a0}{raw}\u{a0}» n’est pas un nom valide dans une adresse web."),
            Locale::En => format!("'{raw}' is not a valid name in a web address"),
        }
    }

    /// A size that cannot be one.
    pub fn basket_not_a_size(self, raw: &str) -> String {
        match self {
            Locale::Fr => format!("«\u{a0}{raw}\u{a0}» n’est pas une taille."),
            Locale::En => format!("'{raw}' is not a size"),
        }
    }

    /// A delivery country the selector does not offer.
    pub fn basket_unknown_country(self, raw: &str) -> String {
        match self {
            Locale::Fr => {
                format!("Nous ne connaissons pas le pays «\u{a0}{raw}\u{a0}». Veuillez en choisir un dans la liste.")
            }
            Locale::En => format!("We do not know the country '{raw}'. Please choose one from the list."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_are_counted_as_each_language_counts() {
        assert_eq!(Locale::Fr.basket_pieces(1), "1 pièce");
        assert_eq!(Locale::Fr.basket_pieces(0), "0 pièce");
        assert_eq!(Locale::Fr.basket_pieces(2), "2 pièces");
        assert_eq!(Locale::En.basket_pieces(1), "1 piece");
        assert_eq!(Locale::En.basket_pieces(0), "0 pieces");
    }

    #[test]
    fn english_problems_are_the_domains_own_words() {
        for problem in [LineProblem::OutOfStock, LineProblem::OnlyLeft(1), LineProblem::OnlyLeft(3)] {
            assert_eq!(Locale::En.basket_problem(&problem), problem.to_string());
            assert_ne!(Locale::Fr.basket_problem(&problem), problem.to_string());
        }
        assert_eq!(
            Locale::Fr.basket_problem(&LineProblem::OnlyLeft(3)),
            "Plus que 3 pièces disponibles\u{a0}: veuillez réduire la quantité."
        );
    }
}

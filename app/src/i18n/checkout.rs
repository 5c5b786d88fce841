//! Texts of checkout: its steps, shipping, promo codes, and the server's
//! answers while placing an order.

use super::texts;
use crate::domain::hold::HoldRefusal;
use crate::domain::locale::{Locale, Plural};
use crate::domain::money::Money;
use crate::domain::promo::PromoRefusal;

texts! {
    checkout_title { fr: "Validation de la commande", en: "Checkout" }
    checkout_meta_description {
        fr: "Coordonnées de livraison, expédition, code promotionnel et paiement de votre commande Maison Aurèle.",
        en: "Delivery details, shipping, promo code and payment for your Maison Aurèle order.",
    }
    checkout_noscript {
        fr: "La validation de la commande nécessite JavaScript\u{a0}: votre panier est conservé dans votre navigateur.",
        en: "Checkout needs JavaScript: your basket is kept in your browser.",
    }
    checkout_step_details { fr: "1. Coordonnées de livraison", en: "1. Delivery details" }
    checkout_saved_addresses { fr: "Vos adresses enregistrées", en: "Your saved addresses" }
    checkout_email { fr: "Adresse e-mail (pour votre confirmation)", en: "Email address (for your confirmation)" }
    checkout_continue { fr: "Continuer vers la livraison", en: "Continue to shipping" }
    checkout_full_name { fr: "Nom complet", en: "Full name" }
    checkout_line1 { fr: "Adresse", en: "Street address" }
    checkout_line2 { fr: "Complément d’adresse (facultatif)", en: "Address line 2 (optional)" }
    checkout_postcode { fr: "Code postal", en: "Postcode" }
    checkout_city { fr: "Ville", en: "Town or city" }
    checkout_country { fr: "Pays", en: "Country" }
    checkout_phone { fr: "Téléphone (pour le transporteur)", en: "Telephone (for the courier)" }
    checkout_step_shipping { fr: "2. Livraison", en: "2. Shipping" }
    checkout_step_promo { fr: "3. Code promotionnel", en: "3. Promo code" }
    checkout_promo_label {
        fr: "Code promotionnel (un par commande\u{a0}; hors pièces en promotion)",
        en: "Promo code (one per order; not on sale pieces)",
    }
    checkout_apply { fr: "Appliquer", en: "Apply" }
    checkout_step_review { fr: "4. Récapitulatif", en: "4. Review" }
    /// The review table's column of quantities.
    checkout_qty { fr: "Qté", en: "Qty" }
    checkout_price { fr: "Prix", en: "Price" }
    /// After the gift's name in the review.
    checkout_gift_mark { fr: " (cadeau)", en: " (gift)" }
    checkout_step_payment { fr: "5. Paiement", en: "5. Payment" }
    checkout_payment_page {
        fr: "Vous réglerez sur la page sécurisée de notre prestataire de paiement\u{a0}; nous ne voyons jamais le numéro de votre carte.",
        en: "You will pay on our payment provider's secure page; we never see your card number.",
    }
    checkout_opening_payment { fr: "Ouverture de la page de paiement…", en: "Opening the payment page…" }
    checkout_back_to_basket { fr: "Retour à votre panier", en: "Back to your basket" }
    /// The review step, for deliveries outside the EU's customs union.
    checkout_customs_notice {
        fr: "Les droits de douane et taxes d’importation ne sont pas compris dans ce prix\u{a0}: ils restent à votre charge à la livraison.",
        en: "Customs duties and import taxes are not included in this price: they are payable by you on delivery.",
    }
    checkout_phone_needed {
        fr: "Veuillez indiquer un numéro de téléphone\u{a0}: le transporteur pourrait avoir besoin de vous joindre.",
        en: "Please give a telephone number: the carrier may need to call.",
    }
    /// Inside "Your basket has changed (…)", when the gift is the reason.
    checkout_gift_no_longer_offered {
        fr: "le cadeau n’est plus offert pour ce panier",
        en: "the gift is no longer offered for this basket",
    }
    checkout_key_used {
        fr: "Cette clé de commande a déjà été utilisée. Veuillez recharger la page et réessayer.",
        en: "This order key was already used. Please reload the page and try again.",
    }
    checkout_bad_key {
        fr: "La clé de la commande doit compter de 16 à 64 lettres, chiffres ou tirets\u{a0}; veuillez recharger la page et réessayer.",
        en: "The order's key must be 16 to 64 letters, digits or hyphens; please reload the page and try again.",
    }
}

impl Locale {
    /// A saved address offered at the first step.
    pub fn checkout_deliver_to(self, address: &str) -> String {
        match self {
            Locale::Fr => format!("Livrer à {address}"),
            Locale::En => format!("Deliver to {address}"),
        }
    }

    /// A delivery estimate in business days: "5 à 10 jours ouvrés", "5–10 business days".
    pub fn checkout_estimate(self, min_days: i64, max_days: i64) -> String {
        match self {
            Locale::Fr => format!("{min_days} à {max_days}\u{a0}jours ouvrés"),
            Locale::En => format!("{min_days}–{max_days} business days"),
        }
    }

    /// The shipping step: zone, country, price and estimate.
    pub fn checkout_shipping(self, zone: &str, country: &str, price: Money, estimate: &str) -> String {
        let price = self.money(price);
        match self {
            Locale::Fr => format!("Livraison {zone}, {country}\u{a0}: {price}, {estimate}."),
            Locale::En => format!("{zone} delivery to {country}: {price}, {estimate}."),
        }
    }

    pub fn checkout_promo_applied(self, code: &str) -> String {
        match self {
            Locale::Fr => format!("Code {code} appliqué."),
            Locale::En => format!("Code {code} applied."),
        }
    }

    /// The payment button.
    pub fn checkout_pay(self, total: Money) -> String {
        match self {
            Locale::Fr => format!("Payer {}", self.money(total)),
            Locale::En => format!("Pay {}", self.money(total)),
        }
    }

    /// Why a promo code was refused.
    pub fn checkout_promo_refusal(self, refusal: &PromoRefusal) -> String {
        match self {
            Locale::Fr => match refusal {
                PromoRefusal::Malformed => "Veuillez saisir un code de 3 à 32 lettres et chiffres.".to_owned(),
                // Unknown, expired or not yet open read the same: a shopper
                // trying codes learns nothing about which exist (issue 17).
                PromoRefusal::Unknown(code) | PromoRefusal::NotYet(code) | PromoRefusal::Expired(code) => {
                    format!("Le code {code} n’est pas valable. Veuillez le vérifier.")
                }
                PromoRefusal::BelowMinimum { code, minimum, missing } => format!(
                    "Le code {code} nécessite un panier d’au moins {}\u{a0}: ajoutez encore {}.",
                    self.money(*minimum),
                    self.money(*missing)
                ),
                PromoRefusal::OnlySaleItems(code) => format!(
                    "Le code {code} ne s’applique pas aux pièces en promotion, et votre panier ne contient que celles-ci."
                ),
            },
            Locale::En => match refusal {
                PromoRefusal::Unknown(code) | PromoRefusal::NotYet(code) | PromoRefusal::Expired(code) => {
                    format!("The code {code} is not valid. Please check it.")
                }
                // The rest is the refusal's own English.
                other => other.to_string(),
            },
        }
    }

    /// The country chosen for delivery is not served online.
    pub fn checkout_country_not_served(self, country: &str) -> String {
        match self {
            Locale::Fr => format!(
                "Nous ne livrons pas encore en ligne dans ce pays ({country}). Nos conseillers clientèle peuvent vous aider\u{a0}: n’hésitez pas à les contacter."
            ),
            Locale::En => format!(
                "We cannot deliver online to {country} yet. Our client advisors can help: please contact them."
            ),
        }
    }

    /// No shipping zone serves the country.
    pub fn checkout_no_rate(self, country: &str) -> String {
        match self {
            Locale::Fr => format!("Nous n’avons pas encore de tarif de livraison pour ce pays ({country})."),
            Locale::En => format!("We have no shipping rate for {country} yet."),
        }
    }

    /// A line of the basket, in "Your basket has changed (…)".
    pub fn checkout_line_problem(self, piece: &str, problem: &str) -> String {
        match self {
            Locale::Fr => format!("{piece}\u{a0}: {problem}"),
            Locale::En => format!("{piece}: {problem}"),
        }
    }

    /// The basket no longer checks out as it was shown.
    pub fn checkout_basket_changed(self, why: &str) -> String {
        match self {
            Locale::Fr => format!("Votre panier a changé ({why}). Veuillez le vérifier."),
            Locale::En => format!("Your basket has changed ({why}). Please review it."),
        }
    }

    /// A piece sold out between the review and the payment; `size` is empty for one-size pieces.
    pub fn checkout_sold_out(self, piece: &str, size: &str) -> String {
        match (self, size.is_empty()) {
            (Locale::Fr, true) => format!(
                "Nous sommes désolés\u{a0}: la pièce «\u{a0}{piece}\u{a0}» vient d’être vendue, et votre commande n’a pas été passée. Veuillez vérifier votre panier."
            ),
            (Locale::Fr, false) => format!(
                "Nous sommes désolés\u{a0}: la pièce «\u{a0}{piece}\u{a0}» en taille {size} vient d’être vendue, et votre commande n’a pas été passée. Veuillez vérifier votre panier."
            ),
            (Locale::En, true) => format!(
                "Sorry: {piece} has just sold out, and your order was not placed. Please review your basket."
            ),
            (Locale::En, false) => format!(
                "Sorry: {piece} in size {size} has just sold out, and your order was not placed. Please review your basket."
            ),
        }
    }

    /// A piece was repriced or withdrawn while the order was being placed.
    pub fn checkout_piece_changed(self, piece: &str) -> String {
        match self {
            Locale::Fr => format!(
                "Le prix ou la disponibilité de {piece} vient de changer, et votre commande n’a pas été passée. Veuillez vérifier votre commande."
            ),
            Locale::En => format!(
                "The price or availability of {piece} has just changed, and your order was not placed. Please review your order."
            ),
        }
    }

    /// The total differs from the one the review showed (a price changed).
    pub fn checkout_total_changed(self) -> &'static str {
        match self {
            Locale::Fr => "Les prix de votre commande viennent de changer, et elle n’a pas été passée. Veuillez vérifier les nouveaux montants ci-dessus.",
            Locale::En => "The prices in your order have just changed, and it was not placed. Please check the new amounts above.",
        }
    }

    /// The promo code changed (or ended) between the review and the payment.
    pub fn checkout_promo_changed(self, code: &str) -> String {
        match self {
            Locale::Fr => format!(
                "Les conditions du code {code} viennent de changer, et votre commande n’a pas été passée. Veuillez vérifier votre commande."
            ),
            Locale::En => {
                format!("The terms of the code {code} have just changed, and your order was not placed. Please review your order.")
            }
        }
    }

    /// An order refused because unpaid orders already hold enough (issue 17).
    pub fn checkout_hold_refused(self, refusal: &HoldRefusal) -> String {
        let (HoldRefusal::Client { retry_minutes, .. }
        | HoldRefusal::Email { retry_minutes, .. }
        | HoldRefusal::Piece { retry_minutes, .. }) = refusal;
        let n = u64::try_from(*retry_minutes).unwrap_or(1);
        let wait = match (self, self.plural(n)) {
            (Locale::Fr, Plural::One) => format!("{}\u{a0}minute", self.number(n)),
            (Locale::Fr, _) => format!("{}\u{a0}minutes", self.number(n)),
            (Locale::En, Plural::One) => format!("{} minute", self.number(n)),
            (Locale::En, _) => format!("{} minutes", self.number(n)),
        };
        match (self, refusal) {
            (Locale::Fr, HoldRefusal::Email { max, .. }) => format!(
                "{max}\u{a0}commandes pour cette adresse e-mail attendent déjà leur paiement. Veuillez régler l’une d’elles (le lien figure dans notre e-mail), ou réessayer dans {wait}."
            ),
            (Locale::En, HoldRefusal::Email { max, .. }) => format!(
                "{max} orders for this email address are already waiting for payment. Please pay for one of them (the link is in our email), or try again in {wait}."
            ),
            (Locale::Fr, HoldRefusal::Client { max, .. }) => format!(
                "{max}\u{a0}commandes passées depuis votre connexion attendent déjà leur paiement. Veuillez régler l’une d’elles, ou réessayer dans {wait}."
            ),
            (Locale::En, HoldRefusal::Client { max, .. }) => format!(
                "{max} orders placed from your connection are already waiting for payment. Please pay for one of them, or try again in {wait}."
            ),
            (Locale::Fr, HoldRefusal::Piece { name, size, max, .. }) => {
                let piece = if size.is_empty() { format!("«\u{a0}{name}\u{a0}»") } else { format!("«\u{a0}{name}\u{a0}» en taille {size}") };
                format!(
                    "Vos commandes en attente de paiement ne peuvent réserver plus de {max}\u{a0}exemplaires de {piece} à la fois. Veuillez régler la commande qui les réserve, ou réessayer dans {wait}."
                )
            }
            (Locale::En, HoldRefusal::Piece { name, size, max, .. }) => {
                let piece = if size.is_empty() { name.clone() } else { format!("{name} in size {size}") };
                format!(
                    "Your orders waiting for payment may hold at most {max} of {piece} at once. Please pay for the order that holds them, or try again in {wait}."
                )
            }
        }
    }

    /// A line of the order's confirmation email; `size` is empty for one-size pieces.
    pub fn checkout_email_line(self, quantity: u32, piece: &str, size: &str, amount: Money) -> String {
        let amount = self.money(amount);
        match (self, size.is_empty()) {
            (Locale::Fr, true) => format!("{quantity} × {piece}\u{a0}: {amount}"),
            (Locale::Fr, false) => format!("{quantity} × {piece}, taille {size}\u{a0}: {amount}"),
            (Locale::En, true) => format!("{quantity} × {piece}: {amount}"),
            (Locale::En, false) => format!("{quantity} × {piece}, size {size}: {amount}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_answers_are_the_domains_own_words() {
        let refusal = PromoRefusal::BelowMinimum {
            code: "AUBE10".into(),
            minimum: Money::from_cents(30_000),
            missing: Money::from_cents(2_000),
        };
        assert_eq!(Locale::En.checkout_promo_refusal(&refusal), refusal.to_string());
        assert!(Locale::Fr.checkout_promo_refusal(&refusal).contains("20,00\u{a0}€"));
        assert_eq!(Locale::En.checkout_estimate(5, 10), "5–10 business days");
        let email = HoldRefusal::Email { max: 2, retry_minutes: 1 };
        assert!(Locale::En.checkout_hold_refused(&email).ends_with("try again in 1 minute."));
        assert!(Locale::Fr.checkout_hold_refused(&email).ends_with("réessayer dans 1\u{a0}minute."));
        let piece = HoldRefusal::Piece { name: "Aube".into(), size: "52".into(), max: 5, retry_minutes: 14 };
        assert!(Locale::En.checkout_hold_refused(&piece).contains("at most 5 of Aube in size 52"));
        assert!(Locale::Fr.checkout_hold_refused(&piece).contains("14\u{a0}minutes"));
        assert_eq!(
            Locale::En.checkout_customs_notice(),
            crate::domain::shipping::customs_notice(crate::domain::country::CountryCode::parse("CH").unwrap()).unwrap()
        );
    }
}

//! Texts of client service (PRODUCT.md §8): back-in-stock alerts, their
//! page and their emails.

use super::texts;
use crate::domain::{locale::Locale, stock_alert::AlertRefused};

texts! {
    // ---- The alert form, in a product page's buy area
    alert_form_intro { fr: "Laissez-nous votre adresse e-mail\u{a0}: nous vous écrirons une fois, dès son retour.", en: "Leave your email address: we will write to you once, as soon as it is back." }
    alert_email_label { fr: "Adresse e-mail", en: "Email address" }
    alert_size_label { fr: "Taille attendue", en: "Size you are waiting for" }
    alert_submit { fr: "M’avertir de son retour", en: "Notify me when it is back" }
    alert_already { fr: "Cette adresse attend déjà cette pièce dans cette taille\u{a0}: nous vous écrirons une fois, dès son retour.", en: "This address is already waiting for this piece in this size: we will write once, as soon as it is back." }
    alert_cancel_link { fr: "Annuler cette alerte", en: "Cancel this alert" }

    // ---- The alert's page, from the confirmation or the email
    alert_page_title { fr: "Alerte de retour en stock", en: "Back-in-stock alert" }
    alert_page_new { fr: "Votre alerte est enregistrée.", en: "Your alert is registered." }
    alert_page_gone { fr: "Cette alerte n’est plus en attente\u{a0}: elle a été envoyée ou annulée.", en: "This alert is no longer waiting: it has been sent or cancelled." }
    alert_cancel_button { fr: "Annuler cette alerte", en: "Cancel this alert" }
    alert_cancelled { fr: "Votre alerte est annulée\u{a0}: nous ne vous écrirons pas au sujet de cette pièce.", en: "Your alert is cancelled: we will not write to you about this piece." }
    alert_back_to_piece { fr: "Revenir à la pièce", en: "Back to the piece" }
    alert_link_not_ours { fr: "Ce lien n’est pas l’un des nôtres. Utilisez celui de votre confirmation ou de notre e-mail.", en: "This link is not one of ours. Please use the one on your confirmation or in our email." }

    // ---- The email
    email_back_in_stock_link { fr: "Voir la pièce", en: "See the piece" }
    email_back_in_stock_once { fr: "Cette alerte a servi\u{a0}: nous ne vous écrirons plus à son sujet. Les pièces revenues en stock partent vite, et ne peuvent être réservées.", en: "This alert has now been used: we will not write about it again. Pieces back in stock go quickly, and cannot be reserved." }
}

impl Locale {
    /// Why an alert cannot be left.
    pub fn alert_refused(self, refused: AlertRefused) -> &'static str {
        match (self, refused) {
            (Locale::Fr, AlertRefused::ChooseSize) => "Choisissez la taille que vous attendez.",
            (Locale::En, AlertRefused::ChooseSize) => "Please choose the size you are waiting for.",
            (Locale::Fr, AlertRefused::InStock) => {
                "Cette taille est disponible\u{a0}: vous pouvez l’ajouter à votre panier dès maintenant."
            }
            (Locale::En, AlertRefused::InStock) => "This size is in stock: you can add it to your basket now.",
            (Locale::Fr, AlertRefused::NotSoldOnline) => {
                "Cette pièce est proposée en boutique uniquement\u{a0}: un conseiller vous renseignera volontiers."
            }
            (Locale::En, AlertRefused::NotSoldOnline) => {
                "This piece is sold in our boutiques only: a client advisor will gladly help."
            }
        }
    }

    /// The piece an alert waits for, with its size if it has one.
    fn alert_piece(self, piece: &str, size: Option<&str>) -> String {
        match (self, size) {
            (_, None) => piece.to_owned(),
            (Locale::Fr, Some(size)) => format!("{piece} en taille {size}"),
            (Locale::En, Some(size)) => format!("{piece} in size {size}"),
        }
    }

    /// Said once an alert is registered, or on its page while it waits.
    pub fn alert_waiting(self, email: &str, piece: &str, size: Option<&str>) -> String {
        let piece = self.alert_piece(piece, size);
        match self {
            Locale::Fr => format!("Nous écrirons à {email} une seule fois, dès que {piece} sera de retour."),
            Locale::En => format!("We will write to {email} once, as soon as {piece} is back."),
        }
    }

    /// The back-in-stock email's subject.
    pub fn email_back_in_stock_subject(self, piece: &str) -> String {
        match self {
            Locale::Fr => format!("{piece} est de retour"),
            Locale::En => format!("{piece} is back in stock"),
        }
    }

    /// The back-in-stock email's news.
    pub fn email_back_in_stock_para(self, piece: &str, size: Option<&str>) -> String {
        let piece = self.alert_piece(piece, size);
        match self {
            Locale::Fr => format!("Bonne nouvelle\u{a0}: {piece} est de nouveau disponible sur notre site."),
            Locale::En => format!("Good news: {piece} can be bought on our site again."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_size_is_named_only_for_sized_pieces() {
        assert_eq!(
            Locale::En.alert_waiting("a@b.fr", "Aube ring", Some("52")),
            "We will write to a@b.fr once, as soon as Aube ring in size 52 is back."
        );
        assert_eq!(
            Locale::Fr.email_back_in_stock_para("Collier Lune", None),
            "Bonne nouvelle\u{a0}: Collier Lune est de nouveau disponible sur notre site."
        );
    }
}

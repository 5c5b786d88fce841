//! Texts on every page: the header, the footer, the language switcher,
//! errors that any page may show.

use super::texts;
use crate::domain::{locale::Locale, shipping::DeliveryTerms};

texts! {
    skip_to_content { fr: "Aller au contenu", en: "Skip to content" }
    /// The language switcher's label, read by screen readers.
    locale_switch_label { fr: "Langue", en: "Language" }
    locale_switch_fr { fr: "Français", en: "Français" }
    locale_switch_en { fr: "English", en: "English" }
    error_not_found { fr: "Cette page n’existe pas, ou n’est plus disponible.", en: "This page does not exist, or is no longer available." }
    error_internal { fr: "Un incident est survenu de notre côté. Veuillez réessayer dans un instant.", en: "Something went wrong on our side. Please try again in a moment." }
    error_transport { fr: "La boutique n’a pas pu être jointe. Vérifiez votre connexion, puis réessayez.", en: "The boutique could not be reached. Please check your connection and try again." }
    error_busy {
        fr: "Beaucoup de clients se connectent en ce moment : veuillez réessayer dans quelques secondes.",
        en: "Many clients are signing in at this moment: please try again in a few seconds.",
    }
    error_unreadable_request {
        fr: "La demande n’a pas pu être lue : rechargez la page et réessayez.",
        en: "The request could not be read: reload the page and try again.",
    }

    // ---- Header
    /// The header's navigation, for screen readers.
    header_categories_label { fr: "Catégories", en: "Categories" }
    header_all_jewellery { fr: "Tous nos bijoux", en: "All jewellery" }
    /// The search box's label, read by screen readers.
    header_search_label { fr: "Rechercher parmi nos bijoux", en: "Search the jewellery" }
    header_search_placeholder { fr: "Rechercher", en: "Search" }
    header_search_button { fr: "Rechercher", en: "Search" }
    header_account { fr: "Mon compte", en: "Account" }
    /// The link to the back office, shown to staff only.
    header_back_office { fr: "Back-office", en: "Back office" }
    /// The basket icon's label, before the browser has read the basket.
    header_basket { fr: "Panier", en: "Basket" }
    country_deliver_to { fr: "Pays de livraison", en: "Deliver to" }
    country_update { fr: "Mettre à jour", en: "Update" }
    /// The button under the basket notices.
    notices_dismiss { fr: "Fermer", en: "Dismiss" }

    // ---- Footer
    footer_workshop { fr: "Joaillerie réalisée dans notre atelier, 12 rue de la Paix, 75002 Paris.", en: "Fine jewellery made in our workshop, 12 rue de la Paix, 75002 Paris." }
    footer_client_service { fr: "Service clientèle", en: "Client service" }
    /// Before the phone number.
    footer_telephone { fr: "Téléphone\u{a0}: ", en: "Telephone " }
    footer_contact { fr: "Nous écrire ou être rappelé", en: "Write to us or be called back" }
    footer_ring_size { fr: "Trouver votre tour de doigt", en: "Find your ring size" }
    footer_delivery { fr: "Livraison", en: "Delivery" }
    /// The footer's column of the house's pages.
    footer_help { fr: "Aide", en: "Help" }
    footer_faq { fr: "Questions fréquentes", en: "FAQ" }
    footer_shipping { fr: "Livraison", en: "Shipping" }
    footer_returns { fr: "Retours et remboursements", en: "Returns and refunds" }
    footer_customs { fr: "Douanes", en: "Customs" }
    footer_size_guide { fr: "Guide des tailles", en: "Size guide" }
    footer_care { fr: "Entretien des bijoux", en: "Jewellery care" }
    footer_privacy { fr: "Données personnelles", en: "Privacy" }
    newsletter_label { fr: "Lettre d’information", en: "Newsletter" }
    newsletter_hint { fr: "Nouvelles collections et événements en boutique, quelques fois par saison.", en: "New collections and boutique events, a few times a season." }
    newsletter_placeholder { fr: "Votre adresse e-mail", en: "Your email address" }
    newsletter_subscribe { fr: "S’inscrire", en: "Subscribe" }
    newsletter_unsubscribe { fr: "Se désinscrire", en: "Unsubscribe" }

    // ---- Any page
    /// While a page's data is on its way.
    page_loading { fr: "Chargement…", en: "Loading…" }
    error_notice_heading { fr: "Nous n’avons pas pu afficher cette page", en: "We could not show this page" }
    error_notice_start_again { fr: "Recommencer", en: "Start again" }
    not_found_title { fr: "Page introuvable", en: "Page not found" }
    not_found_heading { fr: "Cette page n’existe pas", en: "This page does not exist" }
    not_found_text { fr: "La pièce ou la page que vous cherchez ne se trouve pas ici, ou n’est plus proposée.", en: "The piece or page you were looking for is not here, or is no longer offered." }
    not_found_browse { fr: "Découvrir tous nos bijoux", en: "Browse all jewellery" }
    /// Between the 404 page's two links.
    not_found_or { fr: " ou ", en: " or " }
    not_found_home { fr: "revenir à la page d’accueil", en: "return to the home page" }
}

impl Locale {
    /// The footer's line on delivery, from the shipping zones and the
    /// delivery countries: `Insured delivery to 12 countries, €22.00, in
    /// 5–10 business days.`
    pub fn footer_delivery_terms(self, terms: DeliveryTerms) -> String {
        let rate = self.rate_range(terms.rates);
        let days = self.day_range(terms.days);
        match (self, terms.countries) {
            (Locale::Fr, 1) => format!("Livraison assurée dans 1 pays, {rate}, sous {days} jours ouvrés."),
            (Locale::Fr, n) => format!("Livraison assurée dans {n} pays, {rate}, sous {days} jours ouvrés."),
            (Locale::En, 1) => format!("Insured delivery to 1 country, {rate}, in {days} business days."),
            (Locale::En, n) => format!("Insured delivery to {n} countries, {rate}, in {days} business days."),
        }
    }

    /// Fewest to most days, `5–10`, `5 à 10`, or one figure when they agree.
    pub fn day_range(self, (fewest, most): (u8, u8)) -> String {
        match self {
            _ if fewest == most => fewest.to_string(),
            Locale::Fr => format!("{fewest} à {most}"),
            Locale::En => format!("{fewest}–{most}"),
        }
    }

    /// A rate, or the lowest of several: `€22.00`, `from €22.00`.
    pub fn rate_range(self, (lowest, highest): (crate::domain::money::Money, crate::domain::money::Money)) -> String {
        match self {
            _ if lowest == highest => self.money(lowest),
            Locale::Fr => format!("à partir de {}", self.money(lowest)),
            Locale::En => format!("from {}", self.money(lowest)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::Money;

    #[test]
    fn the_footer_says_the_terms_of_the_zones() {
        let terms =
            DeliveryTerms { countries: 12, rates: (Money::from_cents(2200), Money::from_cents(2200)), days: (5, 10) };
        assert_eq!(
            Locale::En.footer_delivery_terms(terms),
            "Insured delivery to 12 countries, €22.00, in 5–10 business days."
        );
        assert_eq!(
            Locale::Fr.footer_delivery_terms(terms),
            "Livraison assurée dans 12 pays, 22,00\u{a0}€, sous 5 à 10 jours ouvrés."
        );
        let wider =
            DeliveryTerms { countries: 1, rates: (Money::from_cents(2200), Money::from_cents(6500)), days: (5, 5) };
        assert_eq!(
            Locale::En.footer_delivery_terms(wider),
            "Insured delivery to 1 country, from €22.00, in 5 business days."
        );
    }
}

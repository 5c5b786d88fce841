//! Texts on every page: the header, the footer, the language switcher,
//! errors that any page may show.

use super::texts;

texts! {
    skip_to_content { fr: "Aller au contenu", en: "Skip to content" }
    /// The language switcher's label, read by screen readers.
    locale_switch_label { fr: "Langue", en: "Language" }
    locale_switch_fr { fr: "Français", en: "Français" }
    locale_switch_en { fr: "English", en: "English" }
    error_not_found { fr: "Cette page n’existe pas, ou n’est plus disponible.", en: "This page does not exist, or is no longer available." }
    error_internal { fr: "Un incident est survenu de notre côté. Veuillez réessayer dans un instant.", en: "Something went wrong on our side. Please try again in a moment." }
    error_transport { fr: "La boutique n’a pas pu être jointe. Vérifiez votre connexion, puis réessayez.", en: "The boutique could not be reached. Please check your connection and try again." }
    error_unreadable_request { fr: "La demande n’a pas pu être lue", en: "The request could not be read" }

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
    footer_opening_hours { fr: "Du lundi au vendredi de 10\u{a0}h à 19\u{a0}h, le samedi de 10\u{a0}h à 17\u{a0}h (heure de Paris)", en: "Monday to Friday 10:00–19:00, Saturday 10:00–17:00 (Paris time)" }
    footer_contact { fr: "Nous écrire ou être rappelé", en: "Write to us or be called back" }
    footer_ring_size { fr: "Trouver votre tour de doigt", en: "Find your ring size" }
    footer_delivery { fr: "Livraison", en: "Delivery" }
    footer_delivery_terms { fr: "Livraison assurée dans l’Union européenne, sous 5 à 10 jours ouvrés.", en: "Insured delivery within the European Union, 5–10 business days." }
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

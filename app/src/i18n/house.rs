//! Texts of the house's pages and the FAQ (PRODUCT.md §8) that are not in
//! their Markdown: the FAQ's search, and the words around figures the
//! pages take from the shop's data (table headings, lists of countries).

use super::texts;
use crate::domain::locale::Locale;

texts! {
    // ---- The FAQ's search
    faq_search_label { fr: "Rechercher dans les questions", en: "Search the questions" }
    faq_search_button { fr: "Rechercher", en: "Search" }
    /// Shown when a search finds nothing, before the link to client service.
    faq_none_found { fr: "Aucune question ne correspond à votre recherche.", en: "No question matches your search." }
    faq_ask_us { fr: "Posez-nous la vôtre", en: "Ask us yours" }
    faq_show_all { fr: "Voir toutes les questions", en: "See every question" }
    /// The table of contents' label.
    faq_groups_label { fr: "Thèmes", en: "Topics" }
    /// A question's link to itself.
    faq_link_to_question { fr: "Lien vers cette question", en: "Link to this question" }
}

impl Locale {
    /// A search longer than the FAQ's box takes.
    pub fn faq_query_too_long(self, max: usize) -> String {
        match self {
            Locale::Fr => format!("Une recherche compte au plus {max}\u{a0}caractères\u{a0}: raccourcissez-la."),
            Locale::En => format!("A search is at most {max} characters: please shorten it."),
        }
    }

    /// How many questions a search shows.
    pub fn faq_shown(self, shown: usize, total: usize) -> String {
        match (self, shown == total) {
            (Locale::Fr, true) => format!("{total}\u{a0}questions."),
            (Locale::Fr, false) if shown <= 1 => format!("{shown}\u{a0}question sur {total}."),
            (Locale::Fr, false) => format!("{shown}\u{a0}questions sur {total}."),
            (Locale::En, true) => format!("{total} questions."),
            (Locale::En, false) if shown == 1 => format!("1 question of {total}."),
            (Locale::En, false) => format!("{shown} questions of {total}."),
        }
    }

    /// A list in a sentence: `A, B and C`, `A, B et C`.
    pub fn list(self, items: &[String]) -> String {
        let and = match self {
            Locale::Fr => " et ",
            Locale::En => " and ",
        };
        match items {
            [] => String::new(),
            [only] => only.clone(),
            [init @ .., last] => format!("{}{and}{last}", init.join(", ")),
        }
    }

    /// `12 countries`, `1 country`, `12 pays`.
    pub fn house_country_count(self, count: usize) -> String {
        match (self, count) {
            (Locale::Fr, n) => format!("{n}\u{a0}pays"),
            (Locale::En, 1) => "1 country".to_owned(),
            (Locale::En, n) => format!("{n} countries"),
        }
    }

    /// `5–10 business days`, `5 à 10 jours ouvrés`.
    pub fn house_business_days(self, days: String) -> String {
        match self {
            Locale::Fr => format!("{days}\u{a0}jours ouvrés"),
            Locale::En => format!("{days} business days"),
        }
    }

    /// The delivery countries outside the EU's customs union, or that there are none.
    pub fn house_customs_countries(self, outside: Option<&str>) -> String {
        match (self, outside) {
            (Locale::Fr, None) => "Aujourd’hui, tous les pays où nous livrons en ligne sont dans l’union douanière de l’Union européenne\u{a0}: aucun droit n’est dû à la livraison.".to_owned(),
            (Locale::En, None) => "At present, every country we deliver to online is inside the European Union’s customs union: no duties are due on delivery.".to_owned(),
            (Locale::Fr, Some(list)) => format!("Parmi les pays où nous livrons en ligne, hors de l’union douanière de l’Union européenne\u{a0}: {list}."),
            (Locale::En, Some(list)) => format!("Of the countries we deliver to online, these are outside the European Union’s customs union: {list}."),
        }
    }

    /// The shipping table's columns.
    pub fn house_shipping_columns(self) -> (&'static str, &'static str, &'static str, &'static str) {
        match self {
            Locale::Fr => ("Zone", "Tarif", "Délai de livraison", "Pays livrés en ligne"),
            Locale::En => ("Zone", "Rate", "Delivery time", "Countries served online"),
        }
    }

    /// The ring chart's columns.
    pub fn house_ring_columns(self) -> (&'static str, &'static str, &'static str, &'static str) {
        match self {
            Locale::Fr => (
                "Taille française (tour de doigt, mm)",
                "Diamètre intérieur (mm)",
                "Taille américaine",
                "Taille britannique",
            ),
            Locale::En => ("French/EU size (circumference, mm)", "Inner diameter (mm)", "US size", "UK size"),
        }
    }

    /// The bracelet chart's columns.
    pub fn house_bracelet_columns(self) -> (&'static str, &'static str) {
        match self {
            Locale::Fr => {
                ("Taille du bracelet (longueur intérieure)", "Tour de poignet, pour un bracelet qui bouge un peu")
            }
            Locale::En => ("Bracelet size (inner length)", "Wrist, for a bracelet that moves a little"),
        }
    }
}

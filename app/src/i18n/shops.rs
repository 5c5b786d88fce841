//! Texts of the boutique locator (PRODUCT.md §8).

use super::texts;
use crate::domain::{boutique::Minute, locale::Locale, shop_finder::FinderProblem};

texts! {
    shops_title { fr: "Boutiques et revendeurs", en: "Boutiques and retailers" }
    shops_lede {
        fr: "Les boutiques Maison Aurèle et les joailliers qui présentent nos pièces, leurs horaires et comment les joindre.",
        en: "Maison Aurèle's boutiques and the jewellers who carry our pieces, their hours and how to reach them.",
    }
    shops_filters_label { fr: "Trouver une boutique", en: "Find a shop" }
    shops_country { fr: "Pays", en: "Country" }
    shops_any_country { fr: "Tous les pays", en: "Every country" }
    shops_city { fr: "Ville", en: "City" }
    shops_any_city { fr: "Toutes les villes", en: "Every city" }
    shops_open_now_only { fr: "Ouvertes en ce moment seulement", en: "Open now only" }
    shops_near { fr: "Près de (une ville)", en: "Near (a city)" }
    shops_near_hint {
        fr: "Les boutiques les plus proches de cette ville viennent en premier.",
        en: "The shops nearest that city come first.",
    }
    shops_apply { fr: "Afficher", en: "Show" }
    shops_use_position { fr: "Utiliser ma position", en: "Use my position" }
    shops_position_note {
        fr: "Votre navigateur vous demandera votre accord. Votre position ne sert qu’à trier cette liste et n’est pas conservée.",
        en: "Your browser will ask for your consent. Your position only sorts this list and is not kept.",
    }
    shops_locating { fr: "Recherche de votre position…", en: "Finding your position…" }
    shops_position_denied {
        fr: "Vous n’avez pas partagé votre position. Saisissez une ville pour trier les boutiques par distance.",
        en: "You did not share your position. Type a city to sort the shops by distance.",
    }
    shops_position_unavailable {
        fr: "Votre position n’a pas pu être trouvée. Saisissez une ville pour trier les boutiques par distance.",
        en: "Your position could not be found. Type a city to sort the shops by distance.",
    }
    shops_position_unsupported {
        fr: "Ce navigateur ne peut pas partager votre position. Saisissez une ville pour trier les boutiques par distance.",
        en: "This browser cannot share your position. Type a city to sort the shops by distance.",
    }
    shops_sorted_from_position { fr: "Les plus proches de votre position d’abord.", en: "Nearest your position first." }
    shops_open_now { fr: "Ouvert en ce moment", en: "Open now" }
    shops_closed_now { fr: "Fermé en ce moment", en: "Closed now" }
    shops_kind_boutique { fr: "Boutique Maison Aurèle", en: "Maison Aurèle boutique" }
    shops_kind_retailer { fr: "Revendeur agréé", en: "Authorised retailer" }
    shops_retailer_stock {
        fr: "La maison ne connaît pas le stock de ce revendeur\u{a0}: appelez-le avant de vous déplacer.",
        en: "The house does not know this retailer’s stock: call them before you go.",
    }
    shops_hours { fr: "Horaires d’ouverture (heure locale)", en: "Opening hours (local time)" }
    shops_closed_day { fr: "Fermé", en: "Closed" }
    shops_map_label { fr: "Carte des boutiques listées", en: "Map of the shops listed" }
    shops_map_controls { fr: "Déplacer la carte", en: "Move the map" }
    shops_zoom_in { fr: "Zoomer", en: "Zoom in" }
    shops_zoom_out { fr: "Dézoomer", en: "Zoom out" }
    shops_pan_north { fr: "Vers le nord", en: "North" }
    shops_pan_south { fr: "Vers le sud", en: "South" }
    shops_pan_west { fr: "Vers l’ouest", en: "West" }
    shops_pan_east { fr: "Vers l’est", en: "East" }
    shops_map_reset { fr: "Recadrer sur la liste", en: "Frame the list" }
    shops_you_are_here { fr: "Votre position", en: "Your position" }
    shops_none { fr: "Aucune boutique ne correspond à ces critères.", en: "No shop matches these filters." }
    shops_see_all { fr: "Voir toutes les boutiques", en: "See every shop" }
    footer_shops { fr: "Boutiques et revendeurs", en: "Boutiques and retailers" }
}

impl Locale {
    /// A weekday's name, Monday 0, as it reads inside a sentence.
    pub fn weekday(self, day: usize) -> &'static str {
        const FR: [&str; 7] = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
        const EN: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
        let day = day.min(6);
        match self {
            Locale::Fr => FR[day],
            Locale::En => EN[day],
        }
    }

    /// A weekday's name heading a line: `Lundi`, `Monday`.
    pub fn weekday_heading(self, day: usize) -> String {
        let name = self.weekday(day);
        let mut chars = name.chars();
        chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
    }

    /// A day's opening spans: `10:00–13:00, 14:00–19:00`, or `Closed`.
    pub fn shop_day_hours(self, spans: &[(Minute, Minute)]) -> String {
        if spans.is_empty() {
            return self.shops_closed_day().to_owned();
        }
        let clock = |m: Minute| format!("{:02}:{:02}", m / 60, m % 60);
        spans
            .iter()
            .map(|&(opens, closes)| format!("{}–{}", clock(opens), clock(closes)))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// How many shops are listed.
    pub fn shops_count(self, shown: usize, total: usize) -> String {
        match (self, shown == total) {
            (Locale::Fr, true) => format!("{total}\u{a0}boutiques et revendeurs."),
            (Locale::Fr, false) => format!("{shown}\u{a0}sur {total}."),
            (Locale::En, true) => format!("{total} boutiques and retailers."),
            (Locale::En, false) => format!("{shown} of {total}."),
        }
    }

    /// The order of a list sorted from a place typed in.
    pub fn shops_sorted_from(self, place: &str) -> String {
        match self {
            Locale::Fr => format!("Les plus proches de {place} d’abord."),
            Locale::En => format!("Nearest {place} first."),
        }
    }

    /// A place typed in that the shop does not know.
    pub fn shops_unknown_place(self, typed: &str) -> String {
        match self {
            Locale::Fr => format!("Nous ne connaissons pas «\u{a0}{typed}\u{a0}»\u{a0}: essayez le nom d’une ville, comme Lyon ou Bruxelles."),
            Locale::En => format!("We do not know “{typed}”: try a city’s name, such as Lyon or Brussels."),
        }
    }

    /// How far a shop is: `2.4 km away`, `à 2,4 km`; whole kilometres from 10.
    pub fn shops_distance(self, km: f64) -> String {
        let figure = if km < 10.0 { format!("{km:.1}") } else { self.number(km.round() as u64) };
        match self {
            Locale::Fr => format!("à {}\u{a0}km", figure.replace('.', ",")),
            Locale::En => format!("{figure} km away"),
        }
    }

    /// Why a locator query was refused.
    pub fn shops_problem(self, problem: FinderProblem) -> String {
        match (self, problem) {
            (Locale::Fr, FinderProblem::Country) => "Ce pays n’est pas dans la liste.".into(),
            (Locale::En, FinderProblem::Country) => "That country is not in the list.".into(),
            (Locale::Fr, FinderProblem::TooLong) => format!(
                "Un nom de ville compte au plus {}\u{a0}caractères.",
                crate::domain::shop_finder::MAX_PLACE_CHARS
            ),
            (Locale::En, FinderProblem::TooLong) => {
                format!("A city’s name is at most {} characters.", crate::domain::shop_finder::MAX_PLACE_CHARS)
            }
            (Locale::Fr, FinderProblem::OpenNow) => "« Ouvertes en ce moment » est coché ou non.".into(),
            (Locale::En, FinderProblem::OpenNow) => "“Open now” is ticked or not.".into(),
            (Locale::Fr, FinderProblem::HalfPosition) => "Une position a une latitude et une longitude.".into(),
            (Locale::En, FinderProblem::HalfPosition) => "A position has a latitude and a longitude.".into(),
            (Locale::Fr, FinderProblem::Position(_)) => {
                "Une position est une latitude entre -90 et 90 et une longitude entre -180 et 180, en degrés.".into()
            }
            (Locale::En, FinderProblem::Position(_)) => {
                "A position is a latitude between -90 and 90 and a longitude between -180 and 180, in degrees.".into()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_read_in_each_language() {
        assert_eq!(Locale::En.shops_distance(2.44), "2.4 km away");
        assert_eq!(Locale::Fr.shops_distance(2.44), "à 2,4\u{a0}km");
        assert_eq!(Locale::En.shops_distance(9712.4), "9,712 km away");
        assert_eq!(Locale::Fr.shops_distance(9712.4), "à 9\u{202f}712\u{a0}km");
        assert_eq!(Locale::En.shops_distance(343.5), "344 km away");
    }

    #[test]
    fn a_day_reads_its_spans() {
        assert_eq!(Locale::En.shop_day_hours(&[(600, 780), (840, 1140)]), "10:00–13:00, 14:00–19:00");
        assert_eq!(Locale::Fr.shop_day_hours(&[]), "Fermé");
        assert_eq!(Locale::Fr.weekday_heading(0), "Lundi");
        assert_eq!(Locale::En.weekday_heading(6), "Sunday");
    }
}

//! Texts around the catalogue's own data (whose names and descriptions are
//! stored in both languages): listing headings, picture descriptions.

use super::texts;
use crate::domain::{catalogue::Category, locale::Locale};

texts! {
    listing_all_heading { fr: "Tous nos bijoux", en: "All jewellery" }
    listing_all_intro {
        fr: "Chaque pièce de la maison, façonnée dans notre atelier parisien.",
        en: "Every piece of the house, made in our Paris workshop.",
    }
}

impl Locale {
    /// The heading of a category's listing.
    pub fn listing_category_heading(self, category: Category) -> &'static str {
        match (self, category) {
            (Locale::Fr, Category::Rings) => "Bagues",
            (Locale::Fr, Category::Bracelets) => "Bracelets",
            (Locale::Fr, Category::Necklaces) => "Colliers",
            (Locale::Fr, Category::Earrings) => "Boucles d’oreilles",
            (Locale::En, Category::Rings) => "Rings",
            (Locale::En, Category::Bracelets) => "Bracelets",
            (Locale::En, Category::Necklaces) => "Necklaces",
            (Locale::En, Category::Earrings) => "Earrings",
        }
    }

    /// The line under a category's heading.
    pub fn listing_category_intro(self, category: Category) -> &'static str {
        match (self, category) {
            (Locale::Fr, Category::Rings) => "Les bagues de toutes les collections de la maison.",
            (Locale::Fr, Category::Bracelets) => "Les bracelets de toutes les collections de la maison.",
            (Locale::Fr, Category::Necklaces) => "Les colliers de toutes les collections de la maison.",
            (Locale::Fr, Category::Earrings) => "Les boucles d’oreilles de toutes les collections de la maison.",
            (Locale::En, Category::Rings) => "Rings from every collection of the house.",
            (Locale::En, Category::Bracelets) => "Bracelets from every collection of the house.",
            (Locale::En, Category::Necklaces) => "Necklaces from every collection of the house.",
            (Locale::En, Category::Earrings) => "Earrings from every collection of the house.",
        }
    }

    /// A collection's picture, described.
    pub fn collection_picture_alt(self, name: &str) -> String {
        match self {
            Locale::Fr => format!("La collection {name}"),
            Locale::En => format!("The {name} collection"),
        }
    }
}

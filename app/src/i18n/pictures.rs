//! Texts of a piece's pictures in the back office (issue 16 part 2).

use super::texts;
use crate::domain::{
    locale::Locale,
    piece_picture::{PictureProblem, MAX_ALT, MAX_PICTURES, MAX_PICTURE_BYTES, MIN_SIDE},
};

texts! {
    staff_pictures_heading { fr: "Photos", en: "Pictures" }
    staff_pictures_intro {
        fr: "La première est celle des listes. Chaque photo est servie en WebP et en JPEG, à chaque largeur utile.",
        en: "The first is the one listings show. Each picture is served in WebP and JPEG, at each width a page needs.",
    }
    staff_picture_drawing { fr: "Dessin de la maison", en: "The house’s drawing" }
    staff_picture_alt_en { fr: "Description (anglais)", en: "Description (English)" }
    staff_picture_alt_fr { fr: "Description (français)", en: "Description (French)" }
    staff_picture_alt_hint {
        fr: "Ce que montre la photo, pour qui ne la voit pas : « Bague Aube portée, vue de profil ».",
        en: "What the picture shows, for those who cannot see it: “Aube ring worn, seen from the side”.",
    }
    staff_picture_save_alt { fr: "Enregistrer les descriptions", en: "Save the descriptions" }
    staff_picture_up { fr: "Monter", en: "Move up" }
    staff_picture_down { fr: "Descendre", en: "Move down" }
    staff_picture_remove { fr: "Retirer la photo", en: "Remove the picture" }
    staff_picture_add_heading { fr: "Ajouter une photo", en: "Add a picture" }
    staff_picture_file_label { fr: "Fichier (JPEG, PNG ou WebP)", en: "File (JPEG, PNG or WebP)" }
    staff_picture_add { fr: "Ajouter la photo", en: "Add the picture" }
    staff_picture_added { fr: "La photo est ajoutée ; la boutique la montre.", en: "The picture is added; the shop shows it." }
    staff_picture_moved { fr: "L’ordre des photos est enregistré.", en: "The pictures’ order is saved." }
    staff_picture_described { fr: "Les descriptions sont enregistrées.", en: "The descriptions are saved." }
    staff_picture_removed { fr: "La photo est retirée.", en: "The picture is removed." }
    staff_pictures_changed {
        fr: "Quelqu’un d’autre vient de modifier cette pièce : rien n’a été enregistré. Rechargez la page pour voir ses photos actuelles.",
        en: "Someone else has just changed this piece: nothing was saved. Reload the page to see its pictures as they are now.",
    }
    staff_picture_form_unreadable {
        fr: "Le formulaire n’a pas pu être lu. Rechargez la page et réessayez.",
        en: "The form could not be read. Reload the page and try again.",
    }
}

impl Locale {
    /// The label of a picture's thumbnail and forms: "Picture 2".
    pub fn staff_picture_number(self, position: i64) -> String {
        match self {
            Locale::Fr => format!("Photo {}", position + 1),
            Locale::En => format!("Picture {}", position + 1),
        }
    }

    pub fn staff_picture_file_hint(self) -> String {
        let megabytes = MAX_PICTURE_BYTES / (1024 * 1024);
        match self {
            Locale::Fr => format!(
                "Au moins {MIN_SIDE} pixels de côté, {megabytes} Mo au plus ; {MAX_PICTURES} photos par pièce au plus."
            ),
            Locale::En => format!(
                "At least {MIN_SIDE} pixels a side, {megabytes} MB at most; {MAX_PICTURES} pictures a piece at most."
            ),
        }
    }

    /// Why a picture was refused.
    pub fn staff_picture_problem(self, problem: PictureProblem) -> String {
        use PictureProblem::*;
        let fr = self == Locale::Fr;
        match problem {
            NotAPicture if fr => "Ce fichier n’est pas une photo JPEG, PNG ou WebP lisible.".into(),
            NotAPicture => "This file is not a readable JPEG, PNG or WebP picture.".into(),
            TooLarge if fr => format!("Ce fichier dépasse {} Mo.", MAX_PICTURE_BYTES / (1024 * 1024)),
            TooLarge => format!("This file is over {} MB.", MAX_PICTURE_BYTES / (1024 * 1024)),
            TooSmall if fr => format!("Cette photo est trop petite : au moins {MIN_SIDE} pixels de côté."),
            TooSmall => format!("This picture is too small: at least {MIN_SIDE} pixels a side."),
            TooMany if fr => format!("Cette pièce a déjà {MAX_PICTURES} photos : retirez-en une d’abord."),
            TooMany => format!("This piece has {MAX_PICTURES} pictures already: remove one first."),
            AltEn if fr => format!("Décrivez la photo en anglais ({MAX_ALT} caractères au plus)."),
            AltEn => format!("Describe the picture in English ({MAX_ALT} characters at most)."),
            AltFr if fr => format!("Décrivez la photo en français ({MAX_ALT} caractères au plus)."),
            AltFr => format!("Describe the picture in French ({MAX_ALT} characters at most)."),
            Missing if fr => "Choisissez un fichier.".into(),
            Missing => "Choose a file.".into(),
        }
    }
}

//! Texts of the back office's catalogue editor (issue 16 part 1).

use super::texts;
use crate::domain::{
    locale::Locale,
    piece_editor::{
        PieceField, PieceProblem, PieceState, SizeScale, MAX_DESCRIPTION, MAX_MATERIALS, MAX_NAME, MAX_SIZES,
    },
};

texts! {
    staff_nav_pieces { fr: "Catalogue", en: "Catalogue" }

    // The list of pieces and the new piece's form.
    staff_pieces_title { fr: "Catalogue · Back-office", en: "Catalogue · Back office" }
    staff_pieces_heading { fr: "Les pièces", en: "The pieces" }
    staff_pieces_intro {
        fr: "Une pièce créée n’est pas encore en ligne : complétez-la, donnez-lui du stock sur la page des stocks, puis publiez-la. Une pièce retirée garde ses commandes et son stock.",
        en: "A new piece is not on the shop yet: complete it, give it stock on the stock page, then publish it. A withdrawn piece keeps its orders and its stock.",
    }
    staff_piece_col_name { fr: "Pièce", en: "Piece" }
    staff_piece_col_price { fr: "Prix", en: "Price" }
    staff_piece_col_state { fr: "En ligne", en: "On the shop" }
    staff_piece_col_stock { fr: "En stock", en: "In stock" }
    staff_piece_new_heading { fr: "Nouvelle pièce", en: "New piece" }
    staff_piece_slug_label { fr: "Adresse (dans l’URL)", en: "Address (in the URL)" }
    staff_piece_slug_hint {
        fr: "Lettres minuscules, chiffres et tirets, par exemple bague-aurore-rubis. Elle ne change plus une fois la pièce créée.",
        en: "Lowercase letters, digits and hyphens, such as aurore-ruby-ring. It never changes once the piece is made.",
    }
    staff_piece_category_label { fr: "Catégorie", en: "Category" }
    staff_piece_category_hint {
        fr: "Elle ne change plus une fois la pièce créée : le stock des bagues et bracelets est tenu par taille.",
        en: "It never changes once the piece is made: rings and bracelets keep their stock per size.",
    }
    staff_piece_collection_label { fr: "Collection", en: "Collection" }
    staff_piece_name_en { fr: "Nom en anglais", en: "Name in English" }
    staff_piece_name_fr { fr: "Nom en français", en: "Name in French" }
    staff_piece_description_en { fr: "Description en anglais", en: "Description in English" }
    staff_piece_description_fr { fr: "Description en français", en: "Description in French" }
    staff_piece_materials_legend { fr: "Matières", en: "Materials" }
    staff_piece_price_label { fr: "Prix (euros)", en: "Price (euros)" }
    staff_piece_former_price_label { fr: "Ancien prix (euros, facultatif)", en: "Former price (euros, optional)" }
    staff_piece_former_price_hint {
        fr: "Un ancien prix supérieur au prix met la pièce en solde ; les codes promo ne s’y appliquent pas.",
        en: "A former price above the price puts the piece on sale; promo codes do not apply to it.",
    }
    staff_piece_sizes_label { fr: "Tailles proposées", en: "Sizes offered" }
    staff_piece_sizes_hint {
        fr: "Bagues : tailles françaises (tour de doigt en mm) ; bracelets : longueur en cm ; séparées par des espaces (50 52 54). Aucune pour les colliers et les boucles d’oreilles.",
        en: "Rings: French sizes (finger in mm); bracelets: length in cm; separated by spaces (50 52 54). None for necklaces and earrings.",
    }
    staff_piece_flags_legend { fr: "Vente", en: "Selling" }
    staff_piece_online { fr: "Vendue en ligne (sinon en boutique seulement)", en: "Sold online (otherwise in boutiques only)" }
    staff_piece_made_to_order { fr: "Fabriquée à la commande", en: "Made to order" }
    staff_piece_personalised { fr: "Personnalisée (gravure ; ni reprise ni échange)", en: "Personalised (engraved; not returnable)" }
    staff_piece_members_preview { fr: "Avant-première réservée aux membres", en: "Members’ preview" }
    staff_piece_public_from_label {
        fr: "Publique à partir du (facultatif, heure de Paris)",
        en: "Public from (optional, Paris time)",
    }
    staff_piece_public_from_hint {
        fr: "Pour une avant-première : ce jour-là, la pièce devient visible de tous.",
        en: "For a members’ preview: on that day, the piece becomes visible to everyone.",
    }
    staff_piece_create { fr: "Créer la pièce", en: "Create the piece" }
    staff_piece_password_when_priced {
        fr: "Demandé seulement si le prix ou l’ancien prix change.",
        en: "Asked only if the price or the former price changes.",
    }

    // One piece's page.
    staff_piece_created {
        fr: "La pièce est créée. Elle n’est pas encore en ligne : donnez-lui du stock, puis publiez-la.",
        en: "The piece is made. It is not on the shop yet: give it stock, then publish it.",
    }
    staff_piece_saved {
        fr: "La pièce est enregistrée ; la boutique la montre ainsi dès maintenant.",
        en: "The piece is saved; the shop shows it so from now on.",
    }
    staff_piece_published_said {
        fr: "La pièce est en ligne.",
        en: "The piece is on the shop.",
    }
    staff_piece_withdrawn_said {
        fr: "La pièce est retirée : les clients ne la voient plus, ses commandes et son stock restent.",
        en: "The piece is withdrawn: shoppers no longer see it; its orders and its stock stay.",
    }
    staff_piece_edit_heading { fr: "Modifier", en: "Edit" }
    staff_piece_save { fr: "Enregistrer", en: "Save" }
    staff_piece_stock_heading { fr: "Quantités en stock", en: "Stock" }
    staff_piece_stock_link { fr: "Modifier le stock", en: "Set the stock" }
    staff_piece_one_size { fr: "Taille unique", en: "One size" }
    staff_piece_view { fr: "Voir sur la boutique", en: "See it on the shop" }
    staff_piece_publish_heading { fr: "Mise en ligne", en: "On the shop" }
    staff_piece_publish { fr: "Publier la pièce", en: "Publish the piece" }
    staff_piece_withdraw { fr: "Retirer la pièce de la boutique", en: "Withdraw the piece from the shop" }
    staff_piece_back { fr: "Toutes les pièces", en: "All pieces" }
    staff_piece_awaiting_picture {
        fr: "Cette pièce n’a pas encore de photo : la boutique montre une image d’attente.",
        en: "This piece has no picture yet: the shop shows a placeholder.",
    }
}

impl Locale {
    /// Where a piece stands, in the list and on its page.
    pub fn staff_piece_state(self, state: PieceState) -> &'static str {
        match (self, state) {
            (Locale::Fr, PieceState::NotPublished) => "Non publiée",
            (Locale::Fr, PieceState::MembersPreview) => "Avant-première",
            (Locale::Fr, PieceState::Published) => "Publiée",
            (Locale::En, PieceState::NotPublished) => "Not published",
            (Locale::En, PieceState::MembersPreview) => "Members’ preview",
            (Locale::En, PieceState::Published) => "Published",
        }
    }

    pub fn staff_piece_heading(self, name: &str) -> String {
        match self {
            Locale::Fr => format!("Pièce : {name}"),
            Locale::En => format!("Piece: {name}"),
        }
    }

    /// Why the piece form was refused.
    pub fn staff_piece_problem(self, problem: PieceProblem) -> String {
        use PieceProblem::*;
        let fr = self == Locale::Fr;
        match problem {
            Slug if fr => "L’adresse ne peut compter que des lettres minuscules, des chiffres et des tirets.".into(),
            Slug => "The address may hold only lowercase letters, digits and hyphens.".into(),
            Category if fr => "Choisissez une catégorie ; elle ne change plus une fois la pièce créée.".into(),
            Category => "Choose a category; it never changes once the piece is made.".into(),
            Collection if fr => "Choisissez une des collections de la maison.".into(),
            Collection => "Choose one of the house’s collections.".into(),
            NameEn if fr => format!("Saisissez le nom en anglais ({MAX_NAME} caractères au plus)."),
            NameEn => format!("Type the name in English ({MAX_NAME} characters at most)."),
            NameFr if fr => format!("Saisissez le nom en français ({MAX_NAME} caractères au plus)."),
            NameFr => format!("Type the name in French ({MAX_NAME} characters at most)."),
            DescriptionEn if fr => {
                format!("Saisissez la description en anglais ({MAX_DESCRIPTION} caractères au plus).")
            }
            DescriptionEn => format!("Type the description in English ({MAX_DESCRIPTION} characters at most)."),
            DescriptionFr if fr => {
                format!("Saisissez la description en français ({MAX_DESCRIPTION} caractères au plus).")
            }
            DescriptionFr => format!("Type the description in French ({MAX_DESCRIPTION} characters at most)."),
            Materials if fr => "Cochez au moins une des matières de la maison.".into(),
            Materials => "Tick at least one of the house’s materials.".into(),
            TooManyMaterials if fr => format!("{MAX_MATERIALS} matières au plus."),
            TooManyMaterials => format!("{MAX_MATERIALS} materials at most."),
            Price if fr => "Saisissez le prix en euros, au-dessus de zéro, comme 1250 ou 1250,50.".into(),
            Price => "Type the price in euros, above zero, such as 1250 or 1250.50.".into(),
            FormerPrice if fr => "Saisissez l’ancien prix en euros, ou laissez-le vide.".into(),
            FormerPrice => "Type the former price in euros, or leave it empty.".into(),
            FormerNotAbove if fr => {
                "L’ancien prix doit être supérieur au prix : c’est ce qui fait une pièce en solde.".into()
            }
            FormerNotAbove => "The former price must be above the price: that is what makes a sale.".into(),
            Sizes if fr => {
                "Chaque taille est un nombre ou un code court, une seule fois, séparé par des espaces.".into()
            }
            Sizes => "Each size is a number or short code, once, separated by spaces.".into(),
            RingSize | BraceletSize => {
                let scale = if problem == RingSize { SizeScale::Ring } else { SizeScale::Bracelet };
                let (low, high) = scale.range();
                match (problem, fr) {
                    (RingSize, true) => format!(
                        "Une taille de bague est le tour de doigt en millimètres, un nombre entier de {low} à {high}."
                    ),
                    (RingSize, false) => format!(
                        "A ring size is the finger’s circumference in millimetres, a whole number from {low} to {high}."
                    ),
                    (_, true) => format!(
                        "Une taille de bracelet est sa longueur en centimètres, un nombre entier de {low} à {high}."
                    ),
                    (_, false) => {
                        format!("A bracelet size is its length in centimetres, a whole number from {low} to {high}.")
                    }
                }
            }
            NoSizes if fr => "Une bague ou un bracelet se vend en tailles : indiquez-en au moins une.".into(),
            NoSizes => "A ring or a bracelet is sold in sizes: give at least one.".into(),
            SizesNotMade if fr => {
                "Les colliers et les boucles d’oreilles sont en taille unique : laissez les tailles vides.".into()
            }
            SizesNotMade => "Necklaces and earrings are one size: leave the sizes empty.".into(),
            TooManySizes if fr => format!("{MAX_SIZES} tailles au plus."),
            TooManySizes => format!("{MAX_SIZES} sizes at most."),
            PublicFrom if fr => "Saisissez le jour au format AAAA-MM-JJ, ou laissez-le vide.".into(),
            PublicFrom => "Type the day as YYYY-MM-DD, or leave it empty.".into(),
            PublicFromWithoutPreview if fr => {
                "Un jour de sortie ne vaut que pour une avant-première réservée aux membres.".into()
            }
            PublicFromWithoutPreview => "A release day is for a members’ preview only.".into(),
            PublicFromNotAhead if fr => "Le jour de sortie doit venir après aujourd’hui.".into(),
            PublicFromNotAhead => "The release day must come after today.".into(),
            SizeInStock if fr => "Une taille encore en stock ne peut pas être retirée.".into(),
            SizeInStock => "A size still in stock cannot be taken off.".into(),
        }
    }

    pub fn staff_piece_size_in_stock(self, size: &str, held: i64) -> String {
        match self {
            Locale::Fr => format!(
                "La taille {size} a encore {held} pièce(s) en stock : mettez son stock à zéro sur la page des stocks avant de la retirer."
            ),
            Locale::En => format!(
                "Size {size} still has {held} in stock: set its stock to zero on the stock page before taking it off."
            ),
        }
    }

    pub fn staff_piece_exists(self, slug: &str) -> String {
        match self {
            Locale::Fr => format!("Une pièce a déjà l’adresse {slug}. Choisissez-en une autre."),
            Locale::En => format!("A piece has the address {slug} already. Choose another."),
        }
    }

    /// A part of a piece, to say what another save changed.
    pub fn staff_piece_field(self, field: PieceField) -> &'static str {
        use PieceField::*;
        let fr = self == Locale::Fr;
        match field {
            NameEn if fr => "le nom en anglais",
            NameEn => "the name in English",
            NameFr if fr => "le nom en français",
            NameFr => "the name in French",
            DescriptionEn if fr => "la description en anglais",
            DescriptionEn => "the description in English",
            DescriptionFr if fr => "la description en français",
            DescriptionFr => "the description in French",
            Collection if fr => "la collection",
            Collection => "the collection",
            Materials if fr => "les matières",
            Materials => "the materials",
            Price if fr => "le prix",
            Price => "the price",
            FormerPrice if fr => "l’ancien prix",
            FormerPrice => "the former price",
            Sizes if fr => "les tailles",
            Sizes => "the sizes",
            Flags if fr => "les conditions de vente",
            Flags => "how it is sold",
            PublicFrom if fr => "le jour de sortie",
            PublicFrom => "the release day",
            Publication if fr => "sa mise en ligne",
            Publication => "whether it is on the shop",
        }
    }

    /// A save refused because the piece changed since the page showed it.
    pub fn staff_piece_changed(self, fields: &[PieceField]) -> String {
        let list = fields.iter().map(|f| self.staff_piece_field(*f)).collect::<Vec<_>>().join(", ");
        match (self, fields.is_empty()) {
            (Locale::Fr, false) => format!(
                "Cette pièce a été modifiée par quelqu’un d’autre depuis l’ouverture de votre page : {list}. Rien de vos changements n’a été enregistré : rechargez la page pour la voir telle qu’elle est, puis refaites-les."
            ),
            (Locale::Fr, true) => "Cette pièce a été modifiée par quelqu’un d’autre depuis l’ouverture de votre page. Rien de vos changements n’a été enregistré : rechargez la page pour la voir telle qu’elle est, puis refaites-les.".to_owned(),
            (Locale::En, false) => format!(
                "Someone else changed this piece since your page opened: {list}. None of your changes was saved: reload the page to see it as it is, then make them again."
            ),
            (Locale::En, true) => "Someone else changed this piece since your page opened. None of your changes was saved: reload the page to see it as it is, then make them again.".to_owned(),
        }
    }
}

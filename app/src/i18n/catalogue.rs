//! Texts of the catalogue: the home page, listings and their filters,
//! product pages and their buy area, sizes, the ring-size helper and the
//! bracelet guide. (Names, descriptions, materials and collections come
//! from the database, in each language.)

use super::texts;
use crate::domain::{
    availability::StockLevel,
    basket::AddRefused,
    bracelet_size::{Fit, WristProblem},
    catalogue::Category,
    listing::{FilterProblem, PriceBound, SortOrder, MAX_FILTER_EUROS},
    locale::{Locale, Plural},
    ring_size::MeasurementProblem,
};

texts! {
    // ---- Home page
    home_title { fr: "Joaillerie de Paris", en: "Fine jewellery from Paris" }
    home_description { fr: "Bagues, bracelets, colliers et boucles d’oreilles en or, platine et pierres précieuses, réalisés dans l’atelier parisien de la Maison Aurèle.", en: "Rings, bracelets, necklaces and earrings in gold, platinum and precious stones, made in the Maison Aurèle workshop in Paris." }
    home_heading { fr: "Des bijoux façonnés à Paris, pour être portés toute une vie", en: "Jewellery made in Paris, to be worn for a lifetime" }
    home_lead { fr: "L’or, le platine et les pierres précieuses, sertis à la main dans notre atelier de la rue de la Paix.", en: "Gold, platinum and precious stones, set by hand in our workshop on the rue de la Paix." }
    home_discover { fr: "Découvrir les bijoux", en: "Discover the jewellery" }
    home_collections { fr: "Les collections", en: "The collections" }
    home_new_in { fr: "Nouveautés", en: "New in" }

    // ---- Listings
    /// The title of a listing that could not be shown.
    listing_title { fr: "Bijoux", en: "Jewellery" }
    listing_no_match { fr: "Aucune pièce ne correspond à ces critères.", en: "No piece matches these choices." }
    listing_clear_filters { fr: "Effacer les filtres", en: "Clear the filters" }
    /// The results, for screen readers.
    listing_results_label { fr: "Pièces", en: "Pieces" }
    /// The filter form, for screen readers.
    listing_filters_label { fr: "Filtrer et trier", en: "Filter and sort" }
    listing_search { fr: "Rechercher", en: "Search" }
    listing_category { fr: "Catégorie", en: "Category" }
    listing_all_categories { fr: "Toutes les catégories", en: "All categories" }
    listing_all_collections { fr: "Toutes les collections", en: "All collections" }
    listing_material { fr: "Matière", en: "Material" }
    listing_all_materials { fr: "Toutes les matières", en: "All materials" }
    listing_price { fr: "Prix (€)", en: "Price (€)" }
    /// The lowest price's field, after "Price (€)".
    listing_price_from { fr: "De", en: "From" }
    /// The highest price's field.
    listing_price_to { fr: "À", en: "To" }
    listing_online_now { fr: "Disponible immédiatement en ligne", en: "Available online now" }
    listing_sort_by { fr: "Trier par", en: "Sort by" }
    listing_apply { fr: "Appliquer", en: "Apply" }
    listing_reset { fr: "Réinitialiser", en: "Reset" }
    listing_sort_featured { fr: "Sélection de la Maison", en: "Featured" }
    listing_sort_price_ascending { fr: "Prix croissant", en: "Price: low to high" }
    listing_sort_price_descending { fr: "Prix décroissant", en: "Price: high to low" }
    listing_sort_newest { fr: "Nouveautés", en: "Newest" }

    // ---- Product cards and prices
    product_badge_preview { fr: "Avant-première membres", en: "Members' preview" }
    product_badge_boutique { fr: "En boutique", en: "In boutique" }
    product_badge_sale { fr: "Prix réduit", en: "Sale" }
    product_badge_made_to_order { fr: "Réalisé à la commande", en: "Made to order" }
    product_badge_sold_out { fr: "Épuisé", en: "Sold out" }
    /// Read by screen readers before a struck-through former price.
    price_was { fr: "Ancien prix\u{a0}: ", en: "Was " }
    /// Read by screen readers before the price that replaces it.
    price_now { fr: "Nouveau prix\u{a0}: ", en: "now " }

    // ---- Product page
    product_breadcrumb_label { fr: "Fil d’Ariane", en: "Breadcrumb" }
    product_breadcrumb_home { fr: "Accueil", en: "Home" }
    product_sale_returns { fr: "Les pièces à prix réduit ne peuvent être retournées que si elles vous parviennent endommagées.", en: "Sale pieces can be returned only if they arrive damaged." }
    product_made_to_order_note { fr: "Réalisée à la commande dans notre atelier\u{a0}: expédition 4 à 6 semaines après votre commande.", en: "Made to order in our workshop: ships 4 to 6 weeks after your order." }
    product_personalised_note { fr: "Gravée pour vous. Les pièces personnalisées ne peuvent pas être retournées.", en: "Engraved for you. Personalised pieces cannot be returned." }
    product_description_heading { fr: "À propos de cette pièce", en: "Description" }
    product_materials_heading { fr: "Matières", en: "Materials" }

    // ---- Buy area
    buy_added_one { fr: "Pièce ajoutée à votre panier. ", en: "Added to your basket. " }
    buy_view_basket { fr: "Voir votre panier", en: "View your basket" }
    buy_choose_size_first { fr: "Veuillez choisir une taille ci-dessus avant d’ajouter cette pièce à votre panier.", en: "Please choose a size above before adding this piece to your basket." }
    buy_add_to_basket { fr: "Ajouter au panier", en: "Add to basket" }
    buy_choose_size_hint { fr: "Choisissez une taille ci-dessus.", en: "Choose a size above." }
    buy_size_out_of_stock { fr: "Cette taille est épuisée.", en: "This size is out of stock." }
    buy_boutique_only { fr: "Cette pièce est proposée uniquement dans nos boutiques.", en: "This piece is offered in our boutiques only." }
    /// After the client service's phone number, in the advisor's offer.
    buy_ask_advisor { fr: "Contacter un conseiller clientèle", en: "Ask a client advisor" }

    // ---- Sizes and size help on a product page
    /// The size selector's legend, on a ring's page.
    size_caption_ring { fr: "Tour de doigt (taille française)", en: "Ring size (French)" }
    /// The size selector's legend, on a bracelet's page.
    size_caption_bracelet { fr: "Tour de poignet (cm)", en: "Wrist size (cm)" }
    size_caption_other { fr: "Taille", en: "Size" }
    /// Under a size on the size selector: none left.
    size_stock_out { fr: "épuisé", en: "out of stock" }
    size_stock_last_one { fr: "dernière pièce", en: "last one" }
    size_stock_in { fr: "en stock", en: "in stock" }
    size_find_ring { fr: "Trouver votre tour de doigt", en: "Find your ring size" }
    size_find_bracelet { fr: "Trouver votre taille de bracelet", en: "Find your bracelet size" }
    size_open_ring_helper { fr: "Ouvrir le guide des tailles de bague", en: "Open the ring-size helper" }
    size_ring_helper_page { fr: "Le guide des tailles de bague sur une page dédiée", en: "The ring-size helper on its own page" }
    /// The bracelet fold's advice, before it is opened (and without JavaScript).
    size_bracelet_rule { fr: "Mesurez le tour de votre poignet et ajoutez 1\u{a0}cm pour un porté ajusté, 1,5\u{a0}cm pour un porté confortable, 2\u{a0}cm pour un porté ample\u{a0}; entre deux tailles, choisissez la plus grande.", en: "Measure around your wrist and add 1 cm for a snug fit, 1.5 cm for a comfortable one, 2 cm for a loose one; between two sizes, take the larger." }

    // ---- Ring-size helper and its page
    ring_size_title { fr: "Trouver votre tour de doigt", en: "Find your ring size" }
    ring_size_description { fr: "Mesurez votre doigt ou une bague à votre taille, et trouvez votre taille de bague française, américaine et britannique grâce au tableau de correspondance de la Maison Aurèle.", en: "Measure your finger or a ring that fits, and find your French, US and UK ring size with the Maison Aurèle size chart." }
    ring_size_lead { fr: "Mesurez le tour de votre doigt avec une bande de papier, ou le diamètre intérieur d’une bague qui vous va bien.", en: "Measure around your finger with a strip of paper, or across the inside of a ring that fits you well." }
    ring_size_what { fr: "Que mesurez-vous\u{a0}?", en: "What are you measuring?" }
    ring_size_method_finger { fr: " Mon doigt (tour de doigt)", en: " My finger (circumference)" }
    ring_size_method_ring { fr: " Une bague à ma taille (diamètre intérieur)", en: " A ring that fits (inner diameter)" }
    ring_size_label_finger { fr: "Tour de votre doigt, en mm", en: "Circumference of your finger, in mm" }
    ring_size_label_ring { fr: "Diamètre intérieur d’une bague à votre taille, en mm", en: "Inner diameter of a ring that fits, in mm" }
    ring_size_find { fr: "Trouver ma taille", en: "Find my size" }
    ring_size_enter { fr: "Indiquez une mesure pour connaître votre taille.", en: "Enter a measurement to see your size." }
    ring_size_advice_heading { fr: "Bien mesurer", en: "Measuring well" }
    ring_size_advice_warm { fr: "Mesurez en fin de journée, les mains bien chaudes\u{a0}: les doigts sont plus fins lorsqu’ils ont froid.", en: "Measure at the end of the day, with warm fingers: fingers are smaller when cold." }
    ring_size_advice_knuckle { fr: "Mesurez le doigt auquel la bague est destinée\u{a0}; elle doit aussi passer l’articulation.", en: "Measure the finger the ring is for; the knuckle must pass too." }
    ring_size_advice_between { fr: "Entre deux tailles, choisissez la plus grande.", en: "Between two sizes, take the larger." }
    ring_size_chart_heading { fr: "Notre tableau de correspondance", en: "The chart we use" }
    ring_size_chart_note { fr: "Taille française/européenne = tour de doigt en mm. Tailles américaines\u{a0}: diamètre intérieur de 11,63\u{a0}mm à la taille 0, +0,8128\u{a0}mm par taille. Lettres britanniques\u{a0}: A = 37,8\u{a0}mm, +1,25\u{a0}mm par lettre.", en: "French/EU size = circumference in mm. US sizes: 11.63 mm inner diameter at size 0, +0.8128 mm a size. UK letters: A = 37.8 mm, +1.25 mm a letter." }
    ring_size_col_french { fr: "Taille FR/UE", en: "French/EU" }
    ring_size_col_diameter { fr: "Diamètre intérieur (mm)", en: "Inner diameter (mm)" }
    ring_size_col_us { fr: "Taille US", en: "US" }
    ring_size_col_uk { fr: "Taille UK", en: "UK" }
    /// Before the size found.
    ring_size_your_size { fr: "Votre taille\u{a0}: ", en: "Your size: " }
    /// After the size found.
    ring_size_french_eu { fr: " (taille française/européenne)", en: " (French/EU)" }
    /// Before the US equivalent.
    ring_size_us { fr: "Équivalences\u{a0}: taille US ", en: "US " }
    /// Between the US and UK equivalents.
    ring_size_uk { fr: " · taille UK ", en: " · UK " }

    // ---- Bracelet guide
    bracelet_how_to { fr: "Entourez votre poignet d’une bande de papier ou d’un mètre ruban, juste sous l’os du poignet, et lisez la longueur en centimètres.", en: "Wrap a strip of paper or a tape measure around your wrist, just below the wrist bone, and read the length in centimetres." }
    bracelet_wrist_label { fr: "Votre tour de poignet, en cm", en: "Your wrist, in cm" }
    bracelet_fit_snug { fr: "Ajusté (+1\u{a0}cm)", en: "Snug (+1 cm)" }
    bracelet_fit_comfortable { fr: "Confortable (+1,5\u{a0}cm)", en: "Comfortable (+1.5 cm)" }
    bracelet_fit_loose { fr: "Ample (+2\u{a0}cm)", en: "Loose (+2 cm)" }
    bracelet_fit_question { fr: "Comment souhaitez-vous le porter\u{a0}?", en: "How should it sit?" }
    bracelet_enter { fr: "Indiquez votre tour de poignet pour connaître la taille de bracelet qui vous convient.", en: "Enter your wrist size to see which bracelet size fits." }
    bracelet_one_length { fr: "Ce bracelet est réalisé en une seule longueur.", en: "This bracelet is made in one length." }
}

impl Locale {
    /// After the advisor's number: when client service answers, from its week.
    pub fn buy_advisor_hours(self) -> String {
        format!(", {}.", self.opening_hours_in_sentence(&crate::domain::service::SERVICE_WEEK))
    }

    /// A number written with a dot (`16.5`, as the domain writes lengths)
    /// in this language's way: `16,5` in French.
    pub fn decimal_text(self, text: &str) -> String {
        match self {
            Locale::Fr => text.replace('.', ","),
            Locale::En => text.to_owned(),
        }
    }

    /// A category's name, as the navigation, filters and breadcrumbs show it.
    /// (`Bracelets` is written the same in both languages.)
    pub fn category_name(self, category: Category) -> &'static str {
        match self {
            Locale::Fr => match category {
                Category::Rings => "Bagues",
                Category::Bracelets => "Bracelets",
                Category::Necklaces => "Colliers",
                Category::Earrings => "Boucles d’oreilles",
            },
            Locale::En => category.name(),
        }
    }

    /// What a size means for a category: the size selector's legend.
    pub fn size_selector_caption(self, category: Category) -> &'static str {
        match category {
            Category::Rings => self.size_caption_ring(),
            Category::Bracelets => self.size_caption_bracelet(),
            Category::Necklaces | Category::Earrings => self.size_caption_other(),
        }
    }

    /// How a size's stock reads under it on the size selector.
    pub fn stock_level_note(self, level: StockLevel) -> &'static str {
        match level {
            StockLevel::Out => self.size_stock_out(),
            StockLevel::LastOne => self.size_stock_last_one(),
            StockLevel::InStock => self.size_stock_in(),
        }
    }

    /// A listing's order, as the sort menu offers it.
    pub fn listing_sort_label(self, order: SortOrder) -> &'static str {
        match order {
            SortOrder::Featured => self.listing_sort_featured(),
            SortOrder::PriceAscending => self.listing_sort_price_ascending(),
            SortOrder::PriceDescending => self.listing_sort_price_descending(),
            SortOrder::Newest => self.listing_sort_newest(),
        }
    }

    /// How many pieces a listing shows: `1 pièce`, `12 pièces`.
    pub fn listing_count(self, n: u64) -> String {
        match (self, self.plural(n)) {
            (Locale::Fr, Plural::One) => format!("{n} pièce"),
            (Locale::Fr, _) => format!("{} pièces", self.number(n)),
            (Locale::En, Plural::One) => format!("{n} piece"),
            (Locale::En, _) => format!("{} pieces", self.number(n)),
        }
    }

    /// A listing's meta description: its heading, then its introduction.
    pub fn listing_meta_description(self, heading: &str, intro: &str) -> String {
        match self {
            Locale::Fr => format!("{heading}\u{a0}: {intro}"),
            Locale::En => format!("{heading}: {intro}"),
        }
    }

    /// A part of a listing's address that could not be understood, said to
    /// the shopper (its `Display` is the English, for logs).
    pub fn listing_problem(self, problem: &FilterProblem) -> String {
        let bound = |b: PriceBound| match b {
            PriceBound::Lowest => "minimum",
            PriceBound::Highest => "maximum",
        };
        match self {
            Locale::Fr => match problem {
                FilterProblem::UnknownCategory(raw) => format!("Il n’existe pas de catégorie «\u{a0}{raw}\u{a0}»."),
                FilterProblem::UnknownCollection(raw) => format!("Il n’existe pas de collection «\u{a0}{raw}\u{a0}»."),
                FilterProblem::UnknownMaterial(raw) => format!("Il n’existe pas de matière «\u{a0}{raw}\u{a0}»."),
                FilterProblem::PriceNotWhole(b, raw) => {
                    format!("Le prix {} doit être un nombre entier d’euros, et non «\u{a0}{raw}\u{a0}».", bound(*b))
                }
                FilterProblem::PriceOutOfRange(b) => format!(
                    "Le prix {} doit être compris entre 0 et {} euros.",
                    bound(*b),
                    self.number(MAX_FILTER_EUROS.unsigned_abs())
                ),
                FilterProblem::PriceTooLarge(b) => format!("Le prix {} est trop élevé.", bound(*b)),
                FilterProblem::PricesReversed => "Le prix minimum est supérieur au prix maximum.".to_owned(),
                FilterProblem::NotYesOrNo(raw) => format!("«\u{a0}{raw}\u{a0}» n’est ni un oui ni un non."),
                FilterProblem::UnknownSort(raw) => {
                    format!("Les pièces ne peuvent pas être triées par «\u{a0}{raw}\u{a0}».")
                }
                FilterProblem::SearchTooLong => format!(
                    "Une recherche ne peut dépasser {} caractères.",
                    crate::domain::listing::SearchText::MAX_CHARS
                ),
                FilterProblem::SearchUnsearchable => {
                    "La recherche contient des caractères qui ne peuvent pas être recherchés.".to_owned()
                }
            },
            Locale::En => problem.to_string(),
        }
    }

    /// Why "Add to basket" added nothing.
    pub fn buy_add_refused(self, refused: AddRefused) -> String {
        match self {
            Locale::Fr => match refused {
                AddRefused::AtLimit(n) => format!(
                    "Votre panier contient déjà {n} exemplaire{} de cette pièce dans cette taille, le maximum que nous puissions proposer.",
                    if n > 1 { "s" } else { "" }
                ),
                AddRefused::TooManyLines => format!(
                    "Votre panier est complet\u{a0}: il contient {} pièces différentes.",
                    crate::domain::basket::MAX_LINES
                ),
            },
            Locale::En => refused.to_string(),
        }
    }

    /// Said once "Add to basket" has added a piece already in the basket.
    pub fn buy_added_more(self, quantity: u32) -> String {
        match self {
            Locale::Fr => {
                format!("Ajoutée\u{a0}: votre panier contient désormais {quantity} exemplaires de cette pièce. ")
            }
            Locale::En => format!("Added: your basket now holds {quantity} of this piece. "),
        }
    }

    /// Why a piece cannot be bought online for the chosen delivery country.
    pub fn buy_country_not_served(self, country: &str) -> String {
        match self {
            Locale::Fr => {
                format!("L’achat en ligne n’est pas disponible pour le pays de livraison choisi\u{a0}: {country}.")
            }
            Locale::En => format!("Online purchase is not available for delivery to {country}."),
        }
    }

    /// The client advisor's offer, up to the phone number: about one piece
    /// (its name), or about the pieces in the basket (`None`).
    pub fn buy_advisor_offer(self, piece: Option<&str>) -> String {
        match (self, piece) {
            (Locale::Fr, Some(piece)) => format!(
                "Un conseiller clientèle se fera un plaisir de vous présenter la pièce «\u{a0}{piece}\u{a0}» et d’organiser un rendez-vous ou une livraison\u{a0}: appelez le "
            ),
            (Locale::Fr, None) => "Un conseiller clientèle se fera un plaisir de vous présenter les pièces de votre panier et d’organiser un rendez-vous ou une livraison\u{a0}: appelez le ".to_owned(),
            (Locale::En, piece) => format!(
                "A client advisor will gladly tell you about the {} and arrange a viewing or a delivery: call ",
                piece.unwrap_or("pieces in your basket")
            ),
        }
    }

    /// Said when the size helper's answer is chosen on the page.
    pub fn size_now_chosen(self, size: &str) -> String {
        match self {
            Locale::Fr => format!("La taille {size} est désormais sélectionnée ci-dessus."),
            Locale::En => format!("Size {size} is now chosen above."),
        }
    }

    /// Said when the size helper's answer is a size the piece is not made in.
    pub fn size_not_made(self, size: &str) -> String {
        match self {
            Locale::Fr => format!(
                "Cette pièce n’est pas réalisée en taille {size}\u{a0}: un conseiller clientèle vous dira ce que l’atelier peut faire pour vous."
            ),
            Locale::En => format!(
                "This piece is not made in size {size}: a client advisor can tell you what the workshop can do."
            ),
        }
    }

    /// Why a ring measurement gives no size.
    pub fn ring_size_problem(self, problem: &MeasurementProblem) -> String {
        let d = |text: &str| self.decimal_text(text);
        match self {
            Locale::Fr => match problem {
                MeasurementProblem::Empty => "Veuillez indiquer votre mesure en millimètres.".to_owned(),
                MeasurementProblem::NotANumber(raw) => format!(
                    "«\u{a0}{raw}\u{a0}» n’est pas un nombre. Indiquez des millimètres, par exemple 52 ou 52,5."
                ),
                MeasurementProblem::LooksLikeCentimetres(value, mm) => format!(
                    "{}\u{a0}mm ressemble à une mesure en centimètres\u{a0}: vouliez-vous dire {}\u{a0}mm\u{a0}?",
                    d(value),
                    d(mm)
                ),
                MeasurementProblem::OutOfRange(value, low, high) => format!(
                    "{}\u{a0}mm est en dehors des tailles que nous réalisons (de {} à {}\u{a0}mm). Veuillez mesurer à nouveau.",
                    d(value),
                    d(low),
                    d(high)
                ),
            },
            Locale::En => problem.to_string(),
        }
    }

    /// The circumference and diameter under the size found.
    pub fn ring_size_measures(self, circumference: &str, diameter: &str) -> String {
        match self {
            Locale::Fr => format!(
                "Tour de doigt {}\u{a0}mm, diamètre intérieur {}\u{a0}mm.",
                self.decimal_text(circumference),
                self.decimal_text(diameter)
            ),
            Locale::En => format!("Circumference {circumference} mm, inner diameter {diameter} mm."),
        }
    }

    /// When a measurement falls between two sizes.
    pub fn ring_size_between(self, low: u8, high: u8) -> String {
        match self {
            Locale::Fr => format!(
                "Vous êtes entre les tailles {low} et {high}\u{a0}: nous vous conseillons la {high}, la plus grande."
            ),
            Locale::En => format!("You are between sizes {low} and {high}: we advise {high}, the larger."),
        }
    }

    /// How a bracelet should sit, as the guide offers it.
    pub fn bracelet_fit(self, fit: Fit) -> &'static str {
        match fit {
            Fit::Snug => self.bracelet_fit_snug(),
            Fit::Comfortable => self.bracelet_fit_comfortable(),
            Fit::Loose => self.bracelet_fit_loose(),
        }
    }

    /// Why a wrist measurement cannot be used.
    pub fn bracelet_wrist_problem(self, problem: &WristProblem) -> String {
        match self {
            Locale::Fr => match problem {
                WristProblem::Empty => {
                    "Veuillez indiquer le tour de votre poignet en centimètres, par exemple 16,5.".to_owned()
                }
                WristProblem::NotANumber(raw) => format!(
                    "«\u{a0}{raw}\u{a0}» n’est pas un nombre de centimètres. Veuillez l’écrire ainsi\u{a0}: 16,5."
                ),
                WristProblem::OutOfRange(raw) => format!(
                    "Un poignet de {raw}\u{a0}cm dépasse ce que couvre notre guide (de 12 à 23\u{a0}cm). Veuillez mesurer à nouveau, en centimètres, ou contacter un conseiller clientèle."
                ),
            },
            Locale::En => problem.to_string(),
        }
    }

    /// The bracelet size the guide advises.
    pub fn bracelet_your_size(self, size_cm: u32) -> String {
        match self {
            Locale::Fr => format!("Votre taille\u{a0}: {size_cm}\u{a0}cm."),
            Locale::En => format!("Your size: {size_cm} cm."),
        }
    }

    /// When the wrist needs a bracelet longer than any size made.
    pub fn bracelet_longer_than_made(self, longest_cm: u32) -> String {
        match self {
            Locale::Fr => format!(
                "C’est plus long que notre plus grande taille, {longest_cm}\u{a0}cm\u{a0}: un conseiller clientèle peut en faire réaliser un pour vous."
            ),
            Locale::En => format!(
                "That is longer than our longest size, {longest_cm} cm: a client advisor can have one made for you."
            ),
        }
    }

    /// When the wrist needs a bracelet shorter than any size made.
    pub fn bracelet_shorter_than_made(self, shortest_cm: u32) -> String {
        match self {
            Locale::Fr => format!(
                "C’est plus court que notre plus petite taille, {shortest_cm}\u{a0}cm\u{a0}: un conseiller clientèle peut le faire raccourcir pour vous."
            ),
            Locale::En => format!(
                "That is shorter than our shortest size, {shortest_cm} cm: a client advisor can have it shortened for you."
            ),
        }
    }

    /// The bracelet's length for the wrist and fit (`length` in cm, with a dot).
    pub fn bracelet_length(self, length: &str) -> String {
        match self {
            Locale::Fr => format!(
                "Soit un bracelet de {}\u{a0}cm pour ce tour de poignet et ce porté.",
                self.decimal_text(length)
            ),
            Locale::En => format!("A bracelet of {length} cm for this wrist and fit."),
        }
    }

    /// The basket icon's label, once the browser has read the basket.
    pub fn header_basket_count(self, n: u64) -> String {
        match (self, self.plural(n)) {
            (Locale::Fr, Plural::One) => format!("Panier, {n} pièce"),
            (Locale::Fr, _) => format!("Panier, {} pièces", self.number(n)),
            (Locale::En, Plural::One) => format!("Basket, {n} item"),
            (Locale::En, _) => format!("Basket, {} items", self.number(n)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{bracelet_size::Wrist, listing::ListingFilter, ring_size::FingerSize, ring_size::Method};

    #[test]
    fn english_messages_are_the_domains_own() {
        let problem = FingerSize::parse(Method::Circumference, "5.2").unwrap_err();
        assert_eq!(Locale::En.ring_size_problem(&problem), problem.to_string());
        assert_eq!(
            Locale::Fr.ring_size_problem(&problem),
            "5,2\u{a0}mm ressemble à une mesure en centimètres\u{a0}: vouliez-vous dire 52,0\u{a0}mm\u{a0}?"
        );
        let wrist = Wrist::parse("").unwrap_err();
        assert_eq!(Locale::En.bracelet_wrist_problem(&wrist), wrist.to_string());
        let query = crate::domain::listing::ListingQuery { sort: Some("random".into()), ..Default::default() };
        let problems = ListingFilter::parse(&query).unwrap_err();
        assert_eq!(Locale::En.listing_problem(&problems[0]), "Listings cannot be sorted by 'random'.");
        assert_eq!(
            Locale::Fr.listing_problem(&problems[0]),
            "Les pièces ne peuvent pas être triées par «\u{a0}random\u{a0}»."
        );
    }

    #[test]
    fn counts_and_names_follow_the_language() {
        assert_eq!(Locale::En.listing_count(1), "1 piece");
        assert_eq!(Locale::En.listing_count(3), "3 pieces");
        assert_eq!(Locale::Fr.listing_count(0), "0 pièce");
        assert_eq!(Locale::En.header_basket_count(1), "Basket, 1 item");
        assert_eq!(Locale::En.header_basket_count(0), "Basket, 0 items");
        assert_eq!(Locale::Fr.header_basket_count(2), "Panier, 2 pièces");
        for c in Category::ALL {
            assert_eq!(Locale::En.category_name(c), c.name());
            assert_eq!(Locale::En.size_selector_caption(c), c.size_caption());
        }
        for order in SortOrder::ALL {
            assert_eq!(Locale::En.listing_sort_label(order), order.label());
        }
        for fit in Fit::ALL {
            assert_eq!(Locale::En.bracelet_fit(fit), fit.label());
        }
        assert_eq!(Locale::Fr.category_name(Category::Earrings), "Boucles d’oreilles");
        assert_eq!(Locale::Fr.decimal_text("16.5"), "16,5");
    }
}

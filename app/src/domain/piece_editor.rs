//! The back office's catalogue editor (PRODUCT.md §1 and §9, issue 16
//! part 1): what staff may type for a piece, the rules a piece keeps, and
//! what a save changed.
//!
//! A piece's address (its slug) and its category are set when it is
//! created and never change: baskets, orders, alerts and links name the
//! piece by its slug, and stock is kept per size for rings and bracelets
//! but as one count otherwise, so moving a piece between the two would
//! orphan its stock.

use super::catalogue::{Category, ProductFlags, SizeLabel};
use super::day::Day;
use super::money::Money;
use super::slug::Slug;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The most sizes a piece is made in (the French ring scale runs 44 to 70).
pub const MAX_SIZES: usize = 30;
/// The most materials a piece is made of.
pub const MAX_MATERIALS: usize = 12;
/// A name's length, in characters, in either language.
pub const MAX_NAME: usize = 80;
/// A description's length, in characters, in either language.
pub const MAX_DESCRIPTION: usize = 2_000;

/// The piece form's fields, as typed (posted as `piece[name_en]`…). A field
/// missing from the post reads as empty, and gets its own message.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PieceForm {
    pub slug: String,
    pub category: String,
    pub collection: String,
    pub name_en: String,
    pub name_fr: String,
    pub description_en: String,
    pub description_fr: String,
    /// The materials ticked, by slug: `piece[materials][gold]=on`.
    pub materials: BTreeMap<String, String>,
    /// In euros.
    pub price: String,
    /// In euros; empty when the piece is not on sale.
    pub former_price: String,
    /// Sizes separated by spaces or commas, in the order the page offers them.
    pub sizes: String,
    // Checkboxes: `on` when ticked, absent otherwise.
    pub online: String,
    pub made_to_order: String,
    pub personalised: String,
    pub members_preview: String,
    /// `YYYY-MM-DD`: the Paris day a members' preview becomes public; empty: not set.
    pub public_from: String,
}

/// A piece as staff set it, every field in its domain type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PieceDraft {
    pub slug: Slug,
    pub category: Category,
    pub collection: Slug,
    pub name_en: String,
    pub name_fr: String,
    pub description_en: String,
    pub description_fr: String,
    /// Sorted, without repeats.
    pub materials: Vec<Slug>,
    pub price: Money,
    /// Above the price: the piece is on sale.
    pub former_price: Option<Money>,
    /// Empty for necklaces and earrings; at least one for rings and bracelets.
    pub sizes: Vec<SizeLabel>,
    pub flags: ProductFlags,
    /// Only on a members' preview, and after today.
    pub public_from: Option<Day>,
}

/// Why a form was refused, with the field it is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumIter)]
pub enum PieceProblem {
    /// Not lowercase letters, digits and hyphens.
    Slug,
    Category,
    /// Not one of the house's collections.
    Collection,
    NameEn,
    NameFr,
    DescriptionEn,
    DescriptionFr,
    /// None ticked, or one the house does not list.
    Materials,
    /// More than `MAX_MATERIALS` ticked.
    TooManyMaterials,
    /// Not euros above zero.
    Price,
    /// Not euros.
    FormerPrice,
    /// A former price must be above the price: it is what makes a sale.
    FormerNotAbove,
    /// A size that is not a size, or named twice.
    Sizes,
    /// A ring size off the French scale (the finger's circumference in mm).
    RingSize,
    /// A bracelet size that is not its length in whole centimetres.
    BraceletSize,
    /// A ring or a bracelet offered in no size.
    NoSizes,
    /// Necklaces and earrings are one size.
    SizesNotMade,
    TooManySizes,
    PublicFrom,
    /// A public release day is for a members' preview only.
    PublicFromWithoutPreview,
    /// The release day must come after today (a piece public today is simply not a preview).
    PublicFromNotAhead,
    /// A size still in stock cannot be taken off the piece.
    SizeInStock,
}

impl PieceProblem {
    /// The form field the problem is about (its message is shown beside it).
    pub fn field(self) -> &'static str {
        use PieceProblem::*;
        match self {
            Slug => "slug",
            Category => "category",
            Collection => "collection",
            NameEn => "name_en",
            NameFr => "name_fr",
            DescriptionEn => "description_en",
            DescriptionFr => "description_fr",
            Materials | TooManyMaterials => "materials",
            Price => "price",
            FormerPrice | FormerNotAbove => "former_price",
            Sizes | RingSize | BraceletSize | NoSizes | SizesNotMade | TooManySizes | SizeInStock => "sizes",
            PublicFrom | PublicFromWithoutPreview | PublicFromNotAhead => "public_from",
        }
    }
}

/// A text field: trimmed, not empty, at most `max` characters.
fn text(raw: &str, max: usize, problem: PieceProblem) -> Result<String, PieceProblem> {
    let text = raw.trim();
    if text.is_empty() || text.chars().count() > max {
        return Err(problem);
    }
    Ok(text.to_owned())
}

fn ticked(raw: &str) -> bool {
    matches!(raw.trim(), "on" | "true" | "1")
}

impl PieceDraft {
    /// Reads the form: every field into its type, or the first problem.
    /// `today` is the Paris day, for the release day.
    pub fn parse(form: &PieceForm, today: Day) -> Result<PieceDraft, PieceProblem> {
        let slug = Slug::parse(form.slug.trim()).map_err(|_| PieceProblem::Slug)?;
        let category = Category::from_slug(form.category.trim()).ok_or(PieceProblem::Category)?;
        let collection = Slug::parse(form.collection.trim()).map_err(|_| PieceProblem::Collection)?;
        let name_en = text(&form.name_en, MAX_NAME, PieceProblem::NameEn)?;
        let name_fr = text(&form.name_fr, MAX_NAME, PieceProblem::NameFr)?;
        let description_en = text(&form.description_en, MAX_DESCRIPTION, PieceProblem::DescriptionEn)?;
        let description_fr = text(&form.description_fr, MAX_DESCRIPTION, PieceProblem::DescriptionFr)?;
        let mut materials = Vec::new();
        for (material, value) in &form.materials {
            if ticked(value) {
                materials.push(Slug::parse(material).map_err(|_| PieceProblem::Materials)?);
            }
        }
        if materials.is_empty() {
            return Err(PieceProblem::Materials);
        }
        if materials.len() > MAX_MATERIALS {
            return Err(PieceProblem::TooManyMaterials);
        }
        let price = Money::parse_euros(&form.price).filter(|m| *m > Money::ZERO).ok_or(PieceProblem::Price)?;
        let former_price = match form.former_price.trim() {
            "" => None,
            raw => Some(Money::parse_euros(raw).ok_or(PieceProblem::FormerPrice)?),
        };
        if former_price.is_some_and(|former| former <= price) {
            return Err(PieceProblem::FormerNotAbove);
        }
        let sizes = parse_sizes(&form.sizes)?;
        match (category.is_sized(), sizes.is_empty()) {
            (true, true) => return Err(PieceProblem::NoSizes),
            (false, false) => return Err(PieceProblem::SizesNotMade),
            _ => {}
        }
        if let Some(scale) = SizeScale::of(category) {
            if !sizes.iter().all(|size| scale.holds(size)) {
                return Err(scale.problem());
            }
        }
        let flags = ProductFlags {
            online: ticked(&form.online),
            made_to_order: ticked(&form.made_to_order),
            personalised: ticked(&form.personalised),
            members_preview: ticked(&form.members_preview),
        };
        let public_from = match form.public_from.trim() {
            "" => None,
            raw => Some(Day::parse(raw).ok_or(PieceProblem::PublicFrom)?),
        };
        if public_from.is_some() && !flags.members_preview {
            return Err(PieceProblem::PublicFromWithoutPreview);
        }
        if public_from.is_some_and(|day| day <= today) {
            return Err(PieceProblem::PublicFromNotAhead);
        }
        Ok(PieceDraft {
            slug,
            category,
            collection,
            name_en,
            name_fr,
            description_en,
            description_fr,
            materials,
            price,
            former_price,
            sizes,
            flags,
            public_from,
        })
    }

    /// The form filled with this piece, as its page shows it.
    pub fn form(&self) -> PieceForm {
        let on = |b: bool| if b { "on".to_owned() } else { String::new() };
        PieceForm {
            slug: self.slug.as_str().to_owned(),
            category: self.category.slug().to_owned(),
            collection: self.collection.as_str().to_owned(),
            name_en: self.name_en.clone(),
            name_fr: self.name_fr.clone(),
            description_en: self.description_en.clone(),
            description_fr: self.description_fr.clone(),
            materials: self.materials.iter().map(|m| (m.as_str().to_owned(), "on".to_owned())).collect(),
            price: self.price.decimal(),
            former_price: self.former_price.map(Money::decimal).unwrap_or_default(),
            sizes: self.sizes.iter().map(SizeLabel::as_str).collect::<Vec<_>>().join(" "),
            online: on(self.flags.online),
            made_to_order: on(self.flags.made_to_order),
            personalised: on(self.flags.personalised),
            members_preview: on(self.flags.members_preview),
            public_from: self.public_from.map(Day::iso).unwrap_or_default(),
        }
    }

    /// Whether a save from `self` to `after` touches what the piece costs:
    /// a sensitive action (the password again after 15 minutes).
    pub fn reprices(&self, after: &PieceDraft) -> bool {
        self.price != after.price || self.former_price != after.former_price
    }
}

/// The scale a sized category's labels are on: what the size helpers
/// (`ring_size`, `bracelet_size`) answer, so every size offered is one a
/// shopper can be told to take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SizeScale {
    /// The French scale: the finger's circumference in whole millimetres.
    Ring,
    /// The bracelet's length in whole centimetres.
    Bracelet,
}

impl SizeScale {
    pub fn of(category: Category) -> Option<SizeScale> {
        match category {
            Category::Rings => Some(SizeScale::Ring),
            Category::Bracelets => Some(SizeScale::Bracelet),
            Category::Necklaces | Category::Earrings => None,
        }
    }

    /// The sizes the scale runs through, inclusive.
    pub fn range(self) -> (u32, u32) {
        use super::{bracelet_size, ring_size};
        match self {
            // The helper's bounds are whole millimetres.
            SizeScale::Ring => (ring_size::MIN_CIRCUMFERENCE_MM as u32, ring_size::MAX_CIRCUMFERENCE_MM as u32),
            // The smallest wrist with the least ease, the largest with the most.
            SizeScale::Bracelet => (
                (bracelet_size::MIN_WRIST_MM + bracelet_size::Fit::Snug.ease_mm()) / 10,
                (bracelet_size::MAX_WRIST_MM + bracelet_size::Fit::Loose.ease_mm()).div_ceil(10),
            ),
        }
    }

    /// Whether `size` is a whole number on the scale.
    pub fn holds(self, size: &SizeLabel) -> bool {
        let (low, high) = self.range();
        let label = size.as_str();
        label.bytes().all(|b| b.is_ascii_digit())
            && !label.starts_with('0')
            && label.parse::<u32>().is_ok_and(|n| (low..=high).contains(&n))
    }

    fn problem(self) -> PieceProblem {
        match self {
            SizeScale::Ring => PieceProblem::RingSize,
            SizeScale::Bracelet => PieceProblem::BraceletSize,
        }
    }
}

/// Sizes as typed: labels separated by spaces or commas, each once.
pub fn parse_sizes(raw: &str) -> Result<Vec<SizeLabel>, PieceProblem> {
    let mut sizes: Vec<SizeLabel> = Vec::new();
    for label in raw.split([' ', ',', ';', '\n', '\t', '\r']).filter(|s| !s.is_empty()) {
        let size = SizeLabel::parse(label).map_err(|_| PieceProblem::Sizes)?;
        if sizes.contains(&size) {
            return Err(PieceProblem::Sizes);
        }
        sizes.push(size);
        if sizes.len() > MAX_SIZES {
            return Err(PieceProblem::TooManySizes);
        }
    }
    Ok(sizes)
}

/// What a save may change of a piece already made: its slug and category
/// stay (see the module's note).
pub fn check_change(before: &PieceDraft, after: &PieceDraft) -> Result<(), PieceProblem> {
    if before.slug != after.slug {
        return Err(PieceProblem::Slug);
    }
    if before.category != after.category {
        return Err(PieceProblem::Category);
    }
    Ok(())
}

/// The sizes `after` takes off `before`: each must be out of stock first.
pub fn sizes_removed<'a>(before: &'a PieceDraft, after: &PieceDraft) -> Vec<&'a SizeLabel> {
    before.sizes.iter().filter(|s| !after.sizes.contains(s)).collect()
}

/// Where a piece stands for shoppers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PieceState {
    /// Being prepared, or withdrawn: staff only.
    NotPublished,
    /// Published, for signed-in customers only.
    MembersPreview,
    Published,
}

impl PieceState {
    pub fn of(published: bool, members_preview: bool) -> PieceState {
        match (published, members_preview) {
            (false, _) => PieceState::NotPublished,
            (true, true) => PieceState::MembersPreview,
            (true, false) => PieceState::Published,
        }
    }
}

/// A part of a piece, to say what another save changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, strum::EnumIter)]
pub enum PieceField {
    NameEn,
    NameFr,
    DescriptionEn,
    DescriptionFr,
    Collection,
    Materials,
    Price,
    FormerPrice,
    Sizes,
    Flags,
    PublicFrom,
    /// Published or withdrawn.
    Publication,
}

/// The parts in which `now` differs from `seen` (what a page showed).
pub fn changes(seen: &PieceDraft, now: &PieceDraft) -> Vec<PieceField> {
    use PieceField::*;
    let mut changed = Vec::new();
    let mut differs = |field: PieceField, differ: bool| {
        if differ {
            changed.push(field);
        }
    };
    differs(NameEn, seen.name_en != now.name_en);
    differs(NameFr, seen.name_fr != now.name_fr);
    differs(DescriptionEn, seen.description_en != now.description_en);
    differs(DescriptionFr, seen.description_fr != now.description_fr);
    differs(Collection, seen.collection != now.collection);
    differs(Materials, seen.materials != now.materials);
    differs(Price, seen.price != now.price);
    differs(FormerPrice, seen.former_price != now.former_price);
    differs(Sizes, seen.sizes != now.sizes);
    differs(Flags, seen.flags != now.flags);
    differs(PublicFrom, seen.public_from != now.public_from);
    changed
}

/// The piece in lines, for the audit log's before and after (a record for
/// people, in English like the rest of the log's data).
pub fn summary(piece: &PieceDraft, published: bool) -> String {
    let flags = [
        (piece.flags.online, "online"),
        (piece.flags.made_to_order, "made to order"),
        (piece.flags.personalised, "personalised"),
        (piece.flags.members_preview, "members' preview"),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .map(|(_, name)| *name)
    .collect::<Vec<_>>()
    .join(", ");
    let mut lines = vec![
        format!("{} ({}, {})", piece.slug, piece.category.slug(), piece.collection),
        format!("{}", if published { "published" } else { "not published" }),
        format!("name: {} / {}", piece.name_en, piece.name_fr),
        format!(
            "price: {}{}",
            piece.price.decimal(),
            piece.former_price.map(|f| format!(" (former {})", f.decimal())).unwrap_or_default()
        ),
        format!("materials: {}", piece.materials.iter().map(Slug::as_str).collect::<Vec<_>>().join(", ")),
    ];
    if !piece.sizes.is_empty() {
        lines.push(format!("sizes: {}", piece.sizes.iter().map(SizeLabel::as_str).collect::<Vec<_>>().join(" ")));
    }
    lines.push(format!("flags: {}", if flags.is_empty() { "none" } else { &flags }));
    if let Some(day) = piece.public_from {
        lines.push(format!("public from: {}", day.iso()));
    }
    lines.push(format!("description (en): {}", piece.description_en));
    lines.push(format!("description (fr): {}", piece.description_fr));
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const TODAY: Day = Day { year: 2026, month: 12, day: 6 };

    fn form() -> PieceForm {
        PieceForm {
            slug: "bague-essai".into(),
            category: "rings".into(),
            collection: "aurore".into(),
            name_en: "Trial ring".into(),
            name_fr: "Bague d’essai".into(),
            description_en: "A ring.".into(),
            description_fr: "Une bague.".into(),
            materials: [("gold".to_owned(), "on".to_owned())].into_iter().collect(),
            price: "1 250,00".into(),
            former_price: String::new(),
            sizes: "50 52, 54".into(),
            online: "on".into(),
            ..PieceForm::default()
        }
    }

    fn parse(form: &PieceForm) -> Result<PieceDraft, PieceProblem> {
        PieceDraft::parse(form, TODAY)
    }

    #[test]
    fn a_whole_form_reads_into_a_piece() {
        let piece = parse(&form()).unwrap();
        assert_eq!(piece.price, Money::from_cents(125_000));
        assert_eq!(piece.sizes.iter().map(SizeLabel::as_str).collect::<Vec<_>>(), ["50", "52", "54"]);
        assert!(piece.flags.online && !piece.flags.made_to_order);
        assert_eq!(piece.materials, [Slug::parse("gold").unwrap()]);
    }

    #[test]
    fn a_former_price_must_be_above_the_price() {
        let mut f = form();
        f.former_price = "1250".into();
        assert_eq!(parse(&f), Err(PieceProblem::FormerNotAbove));
        f.former_price = "900".into();
        assert_eq!(parse(&f), Err(PieceProblem::FormerNotAbove));
        f.former_price = "1 500".into();
        assert_eq!(parse(&f).unwrap().former_price, Some(Money::from_cents(150_000)));
        f.former_price = "about 1500".into();
        assert_eq!(parse(&f), Err(PieceProblem::FormerPrice));
    }

    #[test]
    fn rings_and_bracelets_need_sizes_and_the_others_take_none() {
        let mut f = form();
        f.sizes = "  ".into();
        assert_eq!(parse(&f), Err(PieceProblem::NoSizes));
        f.category = "bracelets".into();
        assert_eq!(parse(&f), Err(PieceProblem::NoSizes));
        f.category = "necklaces".into();
        assert!(parse(&f).unwrap().sizes.is_empty());
        f.sizes = "42".into();
        assert_eq!(parse(&f), Err(PieceProblem::SizesNotMade));
    }

    #[test]
    fn a_size_twice_or_not_a_size_is_refused() {
        let mut f = form();
        f.sizes = "50 52 50".into();
        assert_eq!(parse(&f), Err(PieceProblem::Sizes));
        f.sizes = "50 <b>".into();
        assert_eq!(parse(&f), Err(PieceProblem::Sizes));
        f.sizes = (40..=71).map(|n| n.to_string()).collect::<Vec<_>>().join(" ");
        assert_eq!(parse(&f), Err(PieceProblem::TooManySizes));
    }

    #[test]
    fn sizes_are_on_the_scale_the_size_helpers_answer() {
        let mut f = form();
        for refused in ["39", "76", "52.5", "S", "052"] {
            f.sizes = format!("50 {refused}");
            assert_eq!(parse(&f), Err(PieceProblem::RingSize), "{refused}");
        }
        f.sizes = "40 75".into();
        assert!(parse(&f).is_ok());
        f.category = "bracelets".into();
        assert_eq!(parse(&f), Err(PieceProblem::BraceletSize));
        assert_eq!(SizeScale::Bracelet.range(), (13, 25));
        f.sizes = "13 15 19 25".into();
        assert!(parse(&f).is_ok());
        f.sizes = "12".into();
        assert_eq!(parse(&f), Err(PieceProblem::BraceletSize));
    }

    #[test]
    fn a_release_day_is_for_a_preview_and_ahead() {
        let mut f = form();
        f.public_from = "2026-12-24".into();
        assert_eq!(parse(&f), Err(PieceProblem::PublicFromWithoutPreview));
        f.members_preview = "on".into();
        assert_eq!(parse(&f).unwrap().public_from, Some(Day { year: 2026, month: 12, day: 24 }));
        f.public_from = TODAY.iso();
        assert_eq!(parse(&f), Err(PieceProblem::PublicFromNotAhead));
        f.public_from = "24/12/2026".into();
        assert_eq!(parse(&f), Err(PieceProblem::PublicFrom));
    }

    #[test]
    fn empty_or_missing_texts_and_choices_are_named() {
        type Spoil = fn(&mut PieceForm);
        let cases: [(Spoil, PieceProblem); 9] = [
            (|f| f.slug = "Bague Essai".into(), PieceProblem::Slug),
            (|f| f.category = "brooches".into(), PieceProblem::Category),
            (|f| f.name_en = "  ".into(), PieceProblem::NameEn),
            (|f| f.name_fr = "x".repeat(MAX_NAME + 1), PieceProblem::NameFr),
            (|f| f.description_fr.clear(), PieceProblem::DescriptionFr),
            (|f| f.materials.clear(), PieceProblem::Materials),
            (
                |f| f.materials = (0..=MAX_MATERIALS).map(|n| (format!("m{n}"), "on".to_owned())).collect(),
                PieceProblem::TooManyMaterials,
            ),
            (|f| f.price = "0".into(), PieceProblem::Price),
            (|f| f.price = "-5".into(), PieceProblem::Price),
        ];
        for (spoil, problem) in cases {
            let mut f = form();
            spoil(&mut f);
            assert_eq!(parse(&f), Err(problem));
        }
    }

    #[test]
    fn slug_and_category_stay_once_made() {
        let before = parse(&form()).unwrap();
        let mut after = before.clone();
        after.category = Category::Bracelets;
        assert_eq!(check_change(&before, &after), Err(PieceProblem::Category));
        after = before.clone();
        after.price = Money::from_cents(1);
        assert_eq!(check_change(&before, &after), Ok(()));
        assert!(before.reprices(&after));
    }

    #[test]
    fn changes_name_each_part_that_moved() {
        let seen = parse(&form()).unwrap();
        let mut now = seen.clone();
        assert!(changes(&seen, &now).is_empty());
        now.price = Money::from_cents(99_900);
        now.name_fr = "Autre".into();
        now.sizes.pop();
        assert_eq!(changes(&seen, &now), [PieceField::NameFr, PieceField::Price, PieceField::Sizes]);
        assert_eq!(sizes_removed(&seen, &now).iter().map(|s| s.as_str()).collect::<Vec<_>>(), ["54"]);
    }

    #[test]
    fn every_problem_names_a_field_of_the_form() {
        use strum::IntoEnumIterator;
        let fields = serde_json::to_value(PieceForm::default()).unwrap();
        for problem in PieceProblem::iter() {
            assert!(fields.get(problem.field()).is_some(), "{problem:?}");
        }
    }

    proptest! {
        /// A piece read back from its own form is the same piece: what the
        /// edit page shows saves unchanged.
        #[test]
        fn a_piece_survives_its_form(
            cents in 1i64..100_000_000,
            sale in proptest::option::of(1i64..1_000_000),
            sizes in proptest::collection::btree_set(40u32..=75, 1..8),
            flags in proptest::array::uniform3(any::<bool>()),
            name in "[A-Za-zÀ-ÿ ’'-]{1,40}",
        ) {
            let mut f = form();
            f.price = Money::from_cents(cents).decimal();
            f.former_price = sale.map(|s| Money::from_cents(cents + s).decimal()).unwrap_or_default();
            f.sizes = sizes.into_iter().map(|n| n.to_string()).collect::<Vec<_>>().join(" ");
            f.made_to_order = if flags[0] { "on".into() } else { String::new() };
            f.personalised = if flags[1] { "on".into() } else { String::new() };
            f.online = if flags[2] { "on".into() } else { String::new() };
            f.name_en = format!("Ring {name}");
            let piece = parse(&f).unwrap();
            prop_assert_eq!(parse(&piece.form()), Ok(piece));
        }

        /// Whatever is typed, the form is read or refused, never a panic.
        #[test]
        fn any_form_is_read_or_refused(
            price in ".{0,16}", former in ".{0,16}", sizes in ".{0,40}", day in ".{0,12}", slug in ".{0,20}",
        ) {
            let mut f = form();
            f.price = price;
            f.former_price = former;
            f.sizes = sizes;
            f.public_from = day;
            f.slug = slug;
            let _ = parse(&f);
        }
    }
}

//! The basket (PRODUCT.md §2): lines of (product, size, quantity) kept in the
//! browser, the arithmetic on them, reading a stored basket back safely, and
//! the rule that says whether a line can still be bought.
//!
//! The stored basket holds no prices: the server prices every line from the
//! database each time the basket is shown.

use super::catalogue::{Audience, Category, Picture, ProductFlags, SizeLabel, SizeStock, Stock};
use super::{money::Money, slug::Slug};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The most of one (product, size) a basket may hold: fine jewellery is not bought by the dozen.
pub const MAX_PER_LINE: u32 = 5;

/// The most lines a basket may hold; a stored basket with more is cut back.
pub const MAX_LINES: usize = 30;

/// The local-storage key the basket is kept under.
pub const STORAGE_KEY: &str = "vitrine.basket";

/// The stored format's version. A basket stored in any other format is reset.
pub const FORMAT_VERSION: u64 = 1;

/// How many of one piece a line holds: 1 to [`MAX_PER_LINE`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct Quantity(u32);

/// Why a number is not a line's quantity.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("A quantity must be between 1 and {MAX_PER_LINE}, not {0}.")]
pub struct InvalidQuantity(pub u64);

impl Quantity {
    /// One piece.
    pub const ONE: Quantity = Quantity(1);
    /// The most a line may hold.
    pub const MAX: Quantity = Quantity(MAX_PER_LINE);

    /// A quantity from a count, refusing 0 and anything over the cap.
    pub fn parse(count: u64) -> Result<Self, InvalidQuantity> {
        match u32::try_from(count) {
            Ok(n @ 1..=MAX_PER_LINE) => Ok(Quantity(n)),
            _ => Err(InvalidQuantity(count)),
        }
    }

    /// The count of pieces.
    pub const fn get(self) -> u32 {
        self.0
    }
}

impl TryFrom<u32> for Quantity {
    type Error = InvalidQuantity;
    fn try_from(value: u32) -> Result<Self, Self::Error> {
        Quantity::parse(u64::from(value))
    }
}

impl From<Quantity> for u32 {
    fn from(value: Quantity) -> Self {
        value.0
    }
}

/// What identifies a line: the piece and, for rings and bracelets, its size.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LineKey {
    pub product: Slug,
    pub size: Option<SizeLabel>,
}

/// One line of the basket.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BasketLine {
    pub product: Slug,
    pub size: Option<SizeLabel>,
    pub quantity: Quantity,
}

impl BasketLine {
    /// The line's identity.
    pub fn key(&self) -> LineKey {
        LineKey { product: self.product.clone(), size: self.size.clone() }
    }

    fn is(&self, key: &LineKey) -> bool {
        self.product == key.product && self.size == key.size
    }
}

/// The shopper's basket: its lines, in the order they were added, and the
/// gift with purchase if the shopper took it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Basket {
    lines: Vec<BasketLine>,
    gift: Option<Slug>,
}

/// Why a piece could not be added. The `Display` is the English (logs);
/// pages say it with `Locale::buy_add_refused`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AddRefused {
    /// The line already holds as many as may be bought.
    #[error("Your basket already holds {0} of this piece in this size, the most we can offer.")]
    AtLimit(u32),
    /// The basket has as many lines as it may.
    #[error("Your basket is full: it holds {MAX_LINES} different pieces.")]
    TooManyLines,
}

impl Basket {
    /// An empty basket.
    pub fn new() -> Self {
        Basket::default()
    }

    /// The lines, oldest first.
    pub fn lines(&self) -> &[BasketLine] {
        &self.lines
    }

    /// The gift with purchase the shopper took, if any.
    pub fn gift(&self) -> Option<&Slug> {
        self.gift.as_ref()
    }

    /// Whether there is nothing in the basket, gift included.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty() && self.gift.is_none()
    }

    /// The count the header's basket icon shows: every piece, the gift included.
    pub fn item_count(&self) -> u32 {
        let pieces: u32 = self.lines.iter().map(|l| l.quantity.get()).sum();
        pieces + u32::from(self.gift.is_some())
    }

    /// Adds one piece of (product, size), joining the line already there.
    /// `limit` is how many may be bought (stock and the per-line cap); the
    /// caller knows it from the product page. Returns the line's new quantity.
    pub fn add(&mut self, product: Slug, size: Option<SizeLabel>, limit: u32) -> Result<Quantity, AddRefused> {
        let limit = limit.min(MAX_PER_LINE);
        let key = LineKey { product, size };
        if let Some(line) = self.lines.iter_mut().find(|l| l.is(&key)) {
            if line.quantity.get() >= limit {
                return Err(AddRefused::AtLimit(line.quantity.get()));
            }
            line.quantity = Quantity(line.quantity.get() + 1);
            return Ok(line.quantity);
        }
        if limit == 0 {
            return Err(AddRefused::AtLimit(0));
        }
        if self.lines.len() >= MAX_LINES {
            return Err(AddRefused::TooManyLines);
        }
        self.lines.push(BasketLine { product: key.product, size: key.size, quantity: Quantity::ONE });
        Ok(Quantity::ONE)
    }

    /// Sets a line's quantity. Returns false if there is no such line.
    pub fn set_quantity(&mut self, key: &LineKey, quantity: Quantity) -> bool {
        match self.lines.iter_mut().find(|l| l.is(key)) {
            Some(line) => {
                line.quantity = quantity;
                true
            }
            None => false,
        }
    }

    /// Moves a line to another size. If the basket already holds that size,
    /// the two lines become one, capped at [`MAX_PER_LINE`].
    pub fn change_size(&mut self, key: &LineKey, size: SizeLabel) -> bool {
        let Some(from) = self.lines.iter().position(|l| l.is(key)) else { return false };
        let target = LineKey { product: key.product.clone(), size: Some(size.clone()) };
        if target == *key {
            return true;
        }
        match self.lines.iter().position(|l| l.is(&target)) {
            Some(into) => {
                let moved = self.lines[from].quantity.get();
                let line = &mut self.lines[into];
                line.quantity = Quantity((line.quantity.get() + moved).min(MAX_PER_LINE));
                self.lines.remove(from);
            }
            None => self.lines[from].size = Some(size),
        }
        true
    }

    /// Takes a line out. Returns false if there was no such line.
    pub fn remove(&mut self, key: &LineKey) -> bool {
        let before = self.lines.len();
        self.lines.retain(|l| !l.is(key));
        self.lines.len() != before
    }

    /// Takes the gift with purchase.
    pub fn take_gift(&mut self, gift: Slug) {
        self.gift = Some(gift);
    }

    /// Gives the gift back (the shopper's choice, or the subtotal fell below the threshold).
    pub fn drop_gift(&mut self) {
        self.gift = None;
    }

    /// The basket as it is stored: `{"version":1,"lines":[…],"gift":…}`.
    pub fn to_stored(&self) -> StoredBasket {
        StoredBasket { version: FORMAT_VERSION, lines: self.lines.clone(), gift: self.gift.clone() }
    }

    /// The stored form as JSON text.
    pub fn to_stored_json(&self) -> String {
        serde_json::to_string(&self.to_stored()).unwrap_or_default()
    }

    /// Reads a stored basket back from its JSON text; see [`Basket::from_stored_value`].
    pub fn from_stored_json(raw: &str) -> (Basket, Vec<Repair>) {
        match serde_json::from_str::<serde_json::Value>(raw) {
            Ok(value) => Basket::from_stored_value(&value),
            Err(_) => (Basket::new(), vec![Repair::Unreadable]),
        }
    }

    /// Reads a stored basket back, whatever state it is in. Nothing in
    /// storage is trusted: unreadable parts are dropped, excess is cut back,
    /// fields the format does not have (a price, say) are ignored, and every
    /// repair is reported so the shopper can be told.
    pub fn from_stored_value(value: &serde_json::Value) -> (Basket, Vec<Repair>) {
        let Some(object) = value.as_object() else {
            return (Basket::new(), vec![Repair::Unreadable]);
        };
        match object.get("version").and_then(serde_json::Value::as_u64) {
            Some(FORMAT_VERSION) => {}
            Some(_) => return (Basket::new(), vec![Repair::OtherFormat]),
            None => return (Basket::new(), vec![Repair::Unreadable]),
        }
        let mut basket = Basket::new();
        let mut repairs = Vec::new();
        let lines = match object.get("lines") {
            Some(serde_json::Value::Array(lines)) => lines.as_slice(),
            None | Some(serde_json::Value::Null) => &[],
            Some(_) => {
                repairs.push(Repair::Unreadable);
                &[]
            }
        };
        let (mut unreadable, mut reduced, mut merged, mut cut) = (0, false, false, 0);
        for raw_line in lines {
            let Some(line) = read_line(raw_line) else {
                unreadable += 1;
                continue;
            };
            let (line, was_reduced) = line;
            reduced |= was_reduced;
            if let Some(existing) = basket.lines.iter_mut().find(|l| l.is(&line.key())) {
                let total = existing.quantity.get() + line.quantity.get();
                reduced |= total > MAX_PER_LINE;
                existing.quantity = Quantity(total.min(MAX_PER_LINE));
                merged = true;
            } else if basket.lines.len() >= MAX_LINES {
                cut += 1;
            } else {
                basket.lines.push(line);
            }
        }
        match object.get("gift") {
            None | Some(serde_json::Value::Null) => {}
            Some(gift) => match gift.as_str().and_then(|g| Slug::parse(g).ok()) {
                Some(gift) => basket.gift = Some(gift),
                None => unreadable += 1,
            },
        }
        if unreadable > 0 {
            repairs.push(Repair::LinesDropped(unreadable));
        }
        if cut > 0 {
            repairs.push(Repair::TooManyLines(cut));
        }
        if reduced {
            repairs.push(Repair::QuantitiesReduced);
        }
        if merged {
            repairs.push(Repair::LinesMerged);
        }
        (basket, repairs)
    }
}

/// The stored form of a basket: versioned, and holding no prices.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StoredBasket {
    pub version: u64,
    pub lines: Vec<BasketLine>,
    pub gift: Option<Slug>,
}

/// One stored line, if it can be read; and whether its quantity had to be cut back.
fn read_line(raw: &serde_json::Value) -> Option<(BasketLine, bool)> {
    let product = Slug::parse(raw.get("product")?.as_str()?).ok()?;
    let size = match raw.get("size") {
        None | Some(serde_json::Value::Null) => None,
        Some(size) => Some(SizeLabel::parse(size.as_str()?).ok()?),
    };
    let count = raw.get("quantity")?.as_u64()?;
    if count == 0 {
        return None;
    }
    let quantity = Quantity(u32::try_from(count.min(u64::from(MAX_PER_LINE))).ok()?);
    Some((BasketLine { product, size, quantity }, count > u64::from(MAX_PER_LINE)))
}

/// What had to be put right in a stored basket. The `Display` is the
/// English (logs); the shopper is told `Locale::basket_repair`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Repair {
    /// Not a basket at all: emptied.
    Unreadable,
    /// A format this shop does not read: emptied.
    OtherFormat,
    /// Some entries could not be read and were taken out.
    LinesDropped(usize),
    /// More lines than a basket may hold: the last ones were taken out.
    TooManyLines(usize),
    /// Quantities above the per-line cap were brought down to it.
    QuantitiesReduced,
    /// The same piece in the same size appeared twice and became one line.
    LinesMerged,
}

impl fmt::Display for Repair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Repair::Unreadable => {
                f.write_str("Your saved basket could not be read, so we have started a new one. We are sorry.")
            }
            Repair::OtherFormat => f.write_str(
                "Your saved basket came from an older version of our site and could not be kept, so we have started a new one.",
            ),
            Repair::LinesDropped(1) => f.write_str("One item of your saved basket could not be read and was removed."),
            Repair::LinesDropped(n) => write!(f, "{n} items of your saved basket could not be read and were removed."),
            Repair::TooManyLines(n) => {
                write!(f, "A basket holds at most {MAX_LINES} different pieces: {n} were removed.")
            }
            Repair::QuantitiesReduced => {
                write!(f, "Quantities above {MAX_PER_LINE} of one piece were brought down to {MAX_PER_LINE}.")
            }
            Repair::LinesMerged => f.write_str("The same piece appeared twice in your basket; the lines were joined."),
        }
    }
}

/// How many of a size (or of a one-size piece) one line may hold: the stock
/// and the per-line cap. Made-to-order pieces are made for the order, so
/// only the cap limits them.
pub fn purchase_limit(flags: ProductFlags, stock: &Stock, size: Option<&SizeLabel>) -> u32 {
    if flags.made_to_order {
        return MAX_PER_LINE;
    }
    stock.quantity_for(size).unwrap_or(0).min(MAX_PER_LINE)
}

/// What the basket needs to know of a product to price and check a line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BasketProduct {
    /// The database's id, which an order's lines keep.
    pub id: i64,
    pub slug: Slug,
    pub name: String,
    pub category: Category,
    pub price: Money,
    pub picture: Picture,
    pub flags: ProductFlags,
    pub stock: Stock,
    /// A sale item (it has a former price): promo codes skip it.
    pub on_sale: bool,
}

impl BasketProduct {
    /// How many of a size (or of the piece) may be bought now; see [`purchase_limit`].
    pub fn limit(&self, size: Option<&SizeLabel>) -> u32 {
        purchase_limit(self.flags, &self.stock, size)
    }

    /// The sizes it is made in, empty for one-size pieces.
    pub fn sizes(&self) -> &[SizeStock] {
        self.stock.sizes()
    }
}

/// Why a line cannot be bought as it is. Each blocks checkout until the line
/// is changed or removed. The `Display` is the English (logs); pages say it
/// with `Locale::basket_problem`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LineProblem {
    /// The product is unknown, withdrawn, or not public.
    NoLongerOffered,
    /// Sold in the boutiques only.
    BoutiqueOnly,
    /// A ring or bracelet with no size chosen.
    SizeNeeded,
    /// The size is not one the piece is made in (or the piece has no sizes).
    SizeNotMade(SizeLabel),
    /// None left in this size.
    OutOfStock,
    /// Fewer left than the line asks for.
    OnlyLeft(u32),
}

impl LineProblem {
    /// Whether a client advisor can help with the line: the piece is still
    /// the house's, but cannot be bought online as it stands.
    pub fn advisor_can_help(&self) -> bool {
        match self {
            LineProblem::BoutiqueOnly
            | LineProblem::SizeNotMade(_)
            | LineProblem::OutOfStock
            | LineProblem::OnlyLeft(_) => true,
            LineProblem::NoLongerOffered | LineProblem::SizeNeeded => false,
        }
    }
}

impl fmt::Display for LineProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LineProblem::NoLongerOffered => f.write_str("This piece is no longer offered online."),
            LineProblem::BoutiqueOnly => f.write_str("This piece is now offered in our boutiques only."),
            LineProblem::SizeNeeded => f.write_str("Please choose a size for this piece."),
            LineProblem::SizeNotMade(size) => write!(f, "This piece is not made in size {size}."),
            LineProblem::OutOfStock => f.write_str("This size is out of stock."),
            LineProblem::OnlyLeft(1) => f.write_str("Only one left: please lower the quantity to 1."),
            LineProblem::OnlyLeft(n) => write!(f, "Only {n} left: please lower the quantity."),
        }
    }
}

/// Whether a line can be bought as it stands, by this audience. `product`
/// is `None` when the database has no such product. A members' preview
/// piece does not exist for the public: the same answer as an unknown one,
/// so a guessed name tells a visitor nothing.
pub fn line_problem(product: Option<&BasketProduct>, line: &BasketLine, audience: Audience) -> Option<LineProblem> {
    let Some(product) = product else { return Some(LineProblem::NoLongerOffered) };
    if !audience.sees(product.flags) {
        return Some(LineProblem::NoLongerOffered);
    }
    if !product.flags.online {
        return Some(LineProblem::BoutiqueOnly);
    }
    match (&product.stock, &line.size) {
        (Stock::BySize(_), None) => return Some(LineProblem::SizeNeeded),
        (Stock::OneSize(_), Some(size)) => return Some(LineProblem::SizeNotMade(size.clone())),
        (Stock::BySize(sizes), Some(size)) if !sizes.iter().any(|s| &s.size == size) => {
            return Some(LineProblem::SizeNotMade(size.clone()))
        }
        _ => {}
    }
    let limit = product.limit(line.size.as_ref());
    if limit == 0 {
        Some(LineProblem::OutOfStock)
    } else if line.quantity.get() > limit {
        Some(LineProblem::OnlyLeft(limit))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn slug(s: &str) -> Slug {
        Slug::parse(s).unwrap()
    }

    fn size(s: &str) -> SizeLabel {
        SizeLabel::parse(s).unwrap()
    }

    fn key(p: &str, s: Option<&str>) -> LineKey {
        LineKey { product: slug(p), size: s.map(size) }
    }

    #[test]
    fn an_advisor_is_offered_for_pieces_the_house_still_has() {
        assert!(LineProblem::BoutiqueOnly.advisor_can_help());
        assert!(LineProblem::OutOfStock.advisor_can_help());
        assert!(LineProblem::SizeNotMade(size("70")).advisor_can_help());
        assert!(!LineProblem::NoLongerOffered.advisor_can_help(), "a piece withdrawn, or not for this visitor");
        assert!(!LineProblem::SizeNeeded.advisor_can_help(), "the shopper chooses a size");
    }

    fn ring() -> BasketProduct {
        BasketProduct {
            id: 1,
            on_sale: false,
            slug: slug("ring"),
            name: "Ring".into(),
            category: Category::Rings,
            price: Money::from_cents(100_000),
            picture: Picture::drawing("/r.svg", "r"),
            flags: ProductFlags { online: true, ..ProductFlags::default() },
            stock: Stock::BySize(vec![
                SizeStock { size: size("50"), quantity: 2 },
                SizeStock { size: size("52"), quantity: 0 },
                SizeStock { size: size("54"), quantity: 9 },
            ]),
        }
    }

    #[test]
    fn adding_the_same_piece_and_size_joins_the_line() {
        let mut b = Basket::new();
        assert_eq!(b.add(slug("ring"), Some(size("50")), 5), Ok(Quantity(1)));
        assert_eq!(b.add(slug("ring"), Some(size("50")), 5), Ok(Quantity(2)));
        assert_eq!(b.add(slug("ring"), Some(size("54")), 5), Ok(Quantity(1)));
        assert_eq!(b.lines().len(), 2);
        assert_eq!(b.item_count(), 3);
    }

    #[test]
    fn adding_stops_at_stock_and_at_the_cap() {
        let mut b = Basket::new();
        b.add(slug("ring"), Some(size("50")), 2).unwrap();
        b.add(slug("ring"), Some(size("50")), 2).unwrap();
        assert_eq!(b.add(slug("ring"), Some(size("50")), 2), Err(AddRefused::AtLimit(2)));
        for _ in 0..MAX_PER_LINE {
            let _ = b.add(slug("necklace"), None, 40);
        }
        assert_eq!(b.add(slug("necklace"), None, 40), Err(AddRefused::AtLimit(MAX_PER_LINE)));
        assert_eq!(b.add(slug("sold-out"), None, 0), Err(AddRefused::AtLimit(0)));
        assert!(b.lines().iter().all(|l| l.product != slug("sold-out")));
    }

    #[test]
    fn a_full_basket_takes_no_new_line() {
        let mut b = Basket::new();
        for i in 0..MAX_LINES {
            b.add(slug(&format!("p{i}")), None, 5).unwrap();
        }
        assert_eq!(b.add(slug("one-more"), None, 5), Err(AddRefused::TooManyLines));
        assert_eq!(b.add(slug("p0"), None, 5), Ok(Quantity(2)), "existing lines still grow");
    }

    #[test]
    fn quantity_size_and_removal_act_on_one_line() {
        let mut b = Basket::new();
        b.add(slug("ring"), Some(size("50")), 5).unwrap();
        b.add(slug("ring"), Some(size("54")), 5).unwrap();
        assert!(b.set_quantity(&key("ring", Some("50")), Quantity(4)));
        assert!(!b.set_quantity(&key("ring", Some("99")), Quantity(4)));
        // Moving 50 (×4) onto 54 (×1) joins them, capped at the per-line maximum.
        assert!(b.change_size(&key("ring", Some("50")), size("54")));
        assert_eq!(b.lines().len(), 1);
        assert_eq!(b.lines()[0].quantity, Quantity(5));
        assert!(b.change_size(&key("ring", Some("54")), size("56")));
        assert_eq!(b.lines()[0].size, Some(size("56")));
        assert!(b.remove(&key("ring", Some("56"))));
        assert!(!b.remove(&key("ring", Some("56"))));
        assert!(b.is_empty());
    }

    #[test]
    fn the_gift_counts_as_an_item() {
        let mut b = Basket::new();
        b.take_gift(slug("pouch"));
        assert_eq!(b.item_count(), 1);
        assert!(!b.is_empty());
        b.drop_gift();
        assert!(b.is_empty());
    }

    #[test]
    fn quantities_are_one_to_five() {
        assert!(Quantity::parse(0).is_err());
        assert_eq!(Quantity::parse(5), Ok(Quantity::MAX));
        assert!(Quantity::parse(6).is_err());
        assert!(Quantity::parse(u64::MAX).is_err());
    }

    #[test]
    fn a_stored_basket_reads_back_the_same() {
        let mut b = Basket::new();
        b.add(slug("ring"), Some(size("52")), 5).unwrap();
        b.add(slug("necklace"), None, 5).unwrap();
        b.take_gift(slug("pouch"));
        let (back, repairs) = Basket::from_stored_json(&b.to_stored_json());
        assert_eq!(back, b);
        assert!(repairs.is_empty());
    }

    #[test]
    fn garbage_and_other_formats_give_an_empty_basket_and_a_reason() {
        for raw in ["", "null", "42", "[1,2]", "{not json", "{}", "{\"version\":\"1\"}"] {
            let (b, repairs) = Basket::from_stored_json(raw);
            assert!(b.is_empty(), "{raw}");
            assert_eq!(repairs, vec![Repair::Unreadable], "{raw}");
        }
        let (b, repairs) = Basket::from_stored_json(r#"{"version":0,"lines":[{"product":"ring","quantity":1}]}"#);
        assert!(b.is_empty());
        assert_eq!(repairs, vec![Repair::OtherFormat]);
    }

    #[test]
    fn tampered_lines_are_repaired_and_prices_ignored() {
        let raw = r#"{"version":1,"gift":"<script>","lines":[
            {"product":"ring","size":"52","quantity":1,"price":1},
            {"product":"ring","size":"52","quantity":2},
            {"product":"necklace","quantity":99},
            {"product":"DROP TABLE","quantity":1},
            {"product":"ring","size":"52; --","quantity":1},
            {"product":"earrings","quantity":0},
            {"product":"earrings","quantity":-3},
            {"product":"earrings","quantity":1.5},
            "just text"
        ]}"#;
        let (b, repairs) = Basket::from_stored_json(raw);
        assert_eq!(
            b.lines(),
            &[
                BasketLine { product: slug("ring"), size: Some(size("52")), quantity: Quantity(3) },
                BasketLine { product: slug("necklace"), size: None, quantity: Quantity::MAX },
            ]
        );
        assert_eq!(b.gift(), None);
        assert_eq!(
            repairs,
            vec![Repair::LinesDropped(7), Repair::QuantitiesReduced, Repair::LinesMerged],
            "six bad lines and a bad gift"
        );
        assert!(repairs.iter().all(|r| !r.to_string().is_empty()));
    }

    #[test]
    fn an_oversized_stored_basket_is_cut_back() {
        let lines: Vec<String> = (0..MAX_LINES + 3).map(|i| format!(r#"{{"product":"p{i}","quantity":1}}"#)).collect();
        let raw = format!(r#"{{"version":1,"lines":[{}]}}"#, lines.join(","));
        let (b, repairs) = Basket::from_stored_json(&raw);
        assert_eq!(b.lines().len(), MAX_LINES);
        assert_eq!(repairs, vec![Repair::TooManyLines(3)]);
    }

    #[test]
    fn line_rules_follow_the_catalogue() {
        let line =
            |s: Option<&str>, q: u32| BasketLine { product: slug("ring"), size: s.map(size), quantity: Quantity(q) };
        let r = ring();
        assert_eq!(line_problem(Some(&r), &line(Some("50"), 2), Audience::Public), None);
        assert_eq!(line_problem(Some(&r), &line(Some("50"), 3), Audience::Public), Some(LineProblem::OnlyLeft(2)));
        assert_eq!(line_problem(Some(&r), &line(Some("52"), 1), Audience::Public), Some(LineProblem::OutOfStock));
        assert_eq!(
            line_problem(Some(&r), &line(Some("47"), 1), Audience::Public),
            Some(LineProblem::SizeNotMade(size("47")))
        );
        assert_eq!(line_problem(Some(&r), &line(None, 1), Audience::Public), Some(LineProblem::SizeNeeded));
        assert_eq!(line_problem(None, &line(Some("50"), 1), Audience::Public), Some(LineProblem::NoLongerOffered));
        let boutique = BasketProduct { flags: ProductFlags::default(), ..ring() };
        assert_eq!(
            line_problem(Some(&boutique), &line(Some("50"), 1), Audience::Public),
            Some(LineProblem::BoutiqueOnly)
        );
        let preview = BasketProduct {
            flags: ProductFlags { online: true, members_preview: true, ..ProductFlags::default() },
            ..ring()
        };
        assert_eq!(
            line_problem(Some(&preview), &line(Some("50"), 1), Audience::Public),
            Some(LineProblem::NoLongerOffered)
        );
        assert_eq!(line_problem(Some(&preview), &line(Some("50"), 1), Audience::Member), None, "members may buy it");
        let made = BasketProduct {
            flags: ProductFlags { online: true, made_to_order: true, ..ProductFlags::default() },
            ..ring()
        };
        assert_eq!(
            line_problem(Some(&made), &line(Some("52"), 5), Audience::Public),
            None,
            "made to order ignores stock"
        );
        let necklace = BasketProduct { stock: Stock::OneSize(1), category: Category::Necklaces, ..ring() };
        assert_eq!(
            line_problem(Some(&necklace), &line(Some("50"), 1), Audience::Public),
            Some(LineProblem::SizeNotMade(size("50")))
        );
        assert_eq!(line_problem(Some(&necklace), &line(None, 1), Audience::Public), None);
    }

    /// An operation a shopper can do on the basket page.
    #[derive(Clone, Debug)]
    enum Op {
        Add(u8, Option<u8>, u32),
        SetQuantity(u8, Option<u8>, u32),
        ChangeSize(u8, Option<u8>, u8),
        Remove(u8, Option<u8>),
    }

    fn op() -> impl Strategy<Value = Op> {
        let product = 0u8..4;
        let size = proptest::option::of(0u8..3);
        prop_oneof![
            (product.clone(), size.clone(), 0u32..8).prop_map(|(p, s, l)| Op::Add(p, s, l)),
            (product.clone(), size.clone(), 1u32..=MAX_PER_LINE).prop_map(|(p, s, q)| Op::SetQuantity(p, s, q)),
            (product.clone(), size.clone(), 0u8..3).prop_map(|(p, s, t)| Op::ChangeSize(p, s, t)),
            (product, size).prop_map(|(p, s)| Op::Remove(p, s)),
        ]
    }

    proptest! {
        /// Whatever the shopper does: no two lines for one (product, size),
        /// every quantity within 1..=5, the count is the sum of the lines,
        /// and the stored form reads back unchanged with no repair.
        #[test]
        fn basket_invariants_hold(ops in proptest::collection::vec(op(), 0..40)) {
            let mut b = Basket::new();
            let p = |i: u8| slug(&format!("piece-{i}"));
            let s = |i: Option<u8>| i.map(|i| size(&format!("{}", 50 + i)));
            for op in ops {
                match op {
                    Op::Add(pr, sz, limit) => { let _ = b.add(p(pr), s(sz), limit); }
                    Op::SetQuantity(pr, sz, q) => { b.set_quantity(&LineKey { product: p(pr), size: s(sz) }, Quantity(q)); }
                    Op::ChangeSize(pr, sz, to) => { b.change_size(&LineKey { product: p(pr), size: s(sz) }, size(&format!("{}", 50 + to))); }
                    Op::Remove(pr, sz) => { b.remove(&LineKey { product: p(pr), size: s(sz) }); }
                }
                let keys: std::collections::HashSet<_> = b.lines().iter().map(BasketLine::key).collect();
                prop_assert_eq!(keys.len(), b.lines().len());
                prop_assert!(b.lines().iter().all(|l| (1..=MAX_PER_LINE).contains(&l.quantity.get())));
                prop_assert_eq!(b.item_count(), b.lines().iter().map(|l| l.quantity.get()).sum::<u32>());
            }
            let (back, repairs) = Basket::from_stored_json(&b.to_stored_json());
            prop_assert_eq!(back, b);
            prop_assert!(repairs.is_empty());
        }

        /// No text in storage can crash the reader or yield a line outside the rules.
        #[test]
        fn any_stored_text_reads_safely(raw in ".{0,200}") {
            let (b, _) = Basket::from_stored_json(&raw);
            prop_assert!(b.lines().len() <= MAX_LINES);
            prop_assert!(b.lines().iter().all(|l| (1..=MAX_PER_LINE).contains(&l.quantity.get())));
        }
    }
}

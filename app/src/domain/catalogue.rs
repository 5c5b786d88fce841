//! The catalogue's shapes: categories, sizes, products as the pages show them.

use super::{money::Money, slug::Slug};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The four families of pieces the house makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Rings,
    Bracelets,
    Necklaces,
    Earrings,
}

impl Category {
    /// Every category, in the order the navigation shows them.
    pub const ALL: [Category; 4] = [Category::Rings, Category::Bracelets, Category::Necklaces, Category::Earrings];

    /// The slug used in URLs and in the database.
    pub const fn slug(self) -> &'static str {
        match self {
            Category::Rings => "rings",
            Category::Bracelets => "bracelets",
            Category::Necklaces => "necklaces",
            Category::Earrings => "earrings",
        }
    }

    /// The name shown to shoppers.
    pub const fn name(self) -> &'static str {
        match self {
            Category::Rings => "Rings",
            Category::Bracelets => "Bracelets",
            Category::Necklaces => "Necklaces",
            Category::Earrings => "Earrings",
        }
    }

    /// The category for a slug, if it is one.
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.slug() == slug)
    }

    /// Rings and bracelets are made in sizes; stock is kept per size (PRODUCT.md §1).
    pub const fn is_sized(self) -> bool {
        matches!(self, Category::Rings | Category::Bracelets)
    }

    /// What a size means for this category, for the size selector's label.
    pub const fn size_caption(self) -> &'static str {
        match self {
            Category::Rings => "Ring size (French)",
            Category::Bracelets => "Wrist size (cm)",
            _ => "Size",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A size as the house labels it: a French ring size (`52`) or a wrist length in cm (`17`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SizeLabel(String);

/// Why a piece of text is not a size.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a size")]
pub struct InvalidSize(pub String);

impl SizeLabel {
    /// Parses a size label: one to eight ASCII letters, digits or dots.
    pub fn parse(raw: &str) -> Result<Self, InvalidSize> {
        let raw = raw.trim();
        if !raw.is_empty() && raw.len() <= 8 && raw.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.') {
            Ok(SizeLabel(raw.to_owned()))
        } else {
            Err(InvalidSize(raw.chars().take(8).collect()))
        }
    }

    /// The label as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for SizeLabel {
    type Error = InvalidSize;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        SizeLabel::parse(&value)
    }
}

impl From<SizeLabel> for String {
    fn from(value: SizeLabel) -> Self {
        value.0
    }
}

impl fmt::Display for SizeLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The flags a product carries (PRODUCT.md §1).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductFlags {
    /// May be bought on the site; otherwise a boutique-only piece.
    pub online: bool,
    /// Made for the customer after ordering, so it may ship later.
    pub made_to_order: bool,
    /// Engraved for the customer, and so not returnable.
    pub personalised: bool,
    /// Shown to signed-in customers only, before public release.
    pub members_preview: bool,
}

/// Who is looking at the catalogue. Members' preview pieces (PRODUCT.md §1)
/// are listed, shown and sold to signed-in customers only; to everyone else
/// they do not exist.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// A visitor who is not signed in (and every crawler).
    Public,
    /// A signed-in customer.
    Member,
}

impl Audience {
    pub fn of(signed_in: bool) -> Self {
        if signed_in {
            Audience::Member
        } else {
            Audience::Public
        }
    }

    /// Whether a piece with these flags exists for this audience.
    pub fn sees(self, flags: ProductFlags) -> bool {
        !flags.members_preview || self == Audience::Member
    }
}

/// Stock of one size of one product.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SizeStock {
    pub size: SizeLabel,
    pub quantity: u32,
}

/// How a product's stock is kept: per size for rings and bracelets, as one count otherwise.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stock {
    OneSize(u32),
    BySize(Vec<SizeStock>),
}

impl Stock {
    /// The quantity in stock for a size, or for the piece when it has no sizes.
    pub fn quantity_for(&self, size: Option<&SizeLabel>) -> Option<u32> {
        match (self, size) {
            (Stock::OneSize(q), None) => Some(*q),
            (Stock::BySize(sizes), Some(size)) => sizes.iter().find(|s| &s.size == size).map(|s| s.quantity),
            _ => None,
        }
    }

    /// Whether any size (or the one size) is in stock.
    pub fn any_in_stock(&self) -> bool {
        match self {
            Stock::OneSize(q) => *q > 0,
            Stock::BySize(sizes) => sizes.iter().any(|s| s.quantity > 0),
        }
    }

    /// The sizes a product is made in, empty for one-size pieces.
    pub fn sizes(&self) -> &[SizeStock] {
        match self {
            Stock::OneSize(_) => &[],
            Stock::BySize(sizes) => sizes,
        }
    }
}

/// What the shop shows of a piece that has no picture yet (a new piece
/// published before its photographs): a plain drawing, decorative (the
/// card's text names the piece).
pub const AWAITING_PICTURE: &str = "/images/awaiting-picture.svg";

/// A picture of a piece.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Picture {
    /// Path under the site root, e.g. `/images/products/bague-aurore.svg`.
    pub src: String,
    /// What the picture shows, for screen readers.
    pub alt: String,
    /// An uploaded picture's JPEG widths (`srcset`); empty for a drawing.
    pub srcset: String,
    /// The same widths in WebP, which browsers take first; empty for a drawing.
    pub webp: String,
}

impl Picture {
    /// One of the house's drawings: one file, any width.
    pub fn drawing(src: impl Into<String>, alt: impl Into<String>) -> Picture {
        Picture { src: src.into(), alt: alt.into(), srcset: String::new(), webp: String::new() }
    }

    /// A picture staff uploaded, in each width it was made in.
    pub fn uploaded(renditions: &super::piece_picture::Renditions, alt: impl Into<String>) -> Picture {
        use super::piece_picture::Format;
        Picture {
            src: renditions.src(),
            alt: alt.into(),
            srcset: renditions.srcset(Format::Jpeg),
            webp: renditions.srcset(Format::WebP),
        }
    }
}

/// A product as a listing card shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductCard {
    pub slug: Slug,
    pub name: String,
    pub category: Category,
    pub collection_name: String,
    pub price: Money,
    /// Set on sale items: the price before the reduction.
    pub former_price: Option<Money>,
    pub picture: Picture,
    pub flags: ProductFlags,
    /// Online and in stock (or made to order), so it may be bought now.
    pub available_online_now: bool,
}

impl ProductCard {
    /// A sale item has a former price above its price (PRODUCT.md §1).
    pub fn is_on_sale(&self) -> bool {
        is_sale(self.price, self.former_price)
    }
}

/// Whether a price with this former price makes a sale item.
pub fn is_sale(price: Money, former_price: Option<Money>) -> bool {
    former_price.is_some_and(|former| former > price)
}

/// A product with everything its own page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductDetail {
    pub slug: Slug,
    pub name: String,
    pub category: Category,
    pub collection_slug: Slug,
    pub collection_name: String,
    pub description: String,
    pub materials: Vec<String>,
    pub price: Money,
    pub former_price: Option<Money>,
    pub pictures: Vec<Picture>,
    pub flags: ProductFlags,
    pub stock: Stock,
}

impl ProductDetail {
    /// A sale item has a former price above its price.
    pub fn is_on_sale(&self) -> bool {
        is_sale(self.price, self.former_price)
    }
}

/// A collection, as the home page and filters show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Collection {
    pub slug: Slug,
    pub name: String,
    pub tagline: String,
    pub picture: Picture,
}

/// A material one can filter by.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Material {
    pub slug: Slug,
    pub name: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_slugs_round_trip() {
        for c in Category::ALL {
            assert_eq!(Category::from_slug(c.slug()), Some(c));
        }
        assert_eq!(Category::from_slug("watches"), None);
        assert_eq!(Category::from_slug("Rings"), None);
    }

    #[test]
    fn only_rings_and_bracelets_have_sizes() {
        assert!(Category::Rings.is_sized());
        assert!(Category::Bracelets.is_sized());
        assert!(!Category::Necklaces.is_sized());
        assert!(!Category::Earrings.is_sized());
    }

    #[test]
    fn size_labels_are_short_and_plain() {
        assert_eq!(SizeLabel::parse(" 52 ").unwrap().as_str(), "52");
        assert!(SizeLabel::parse("17.5").is_ok());
        for bad in ["", "52; DROP", "123456789", "<b>"] {
            assert!(SizeLabel::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_sale_needs_a_higher_former_price() {
        let p = Money::from_cents(10_000);
        assert!(is_sale(p, Some(Money::from_cents(12_000))));
        assert!(!is_sale(p, None));
        assert!(!is_sale(p, Some(p)));
        assert!(!is_sale(p, Some(Money::from_cents(9_000))));
    }

    #[test]
    fn stock_is_looked_up_by_size() {
        let s52 = SizeLabel::parse("52").unwrap();
        let s54 = SizeLabel::parse("54").unwrap();
        let stock = Stock::BySize(vec![
            SizeStock { size: s52.clone(), quantity: 2 },
            SizeStock { size: s54.clone(), quantity: 0 },
        ]);
        assert_eq!(stock.quantity_for(Some(&s52)), Some(2));
        assert_eq!(stock.quantity_for(Some(&s54)), Some(0));
        assert_eq!(stock.quantity_for(None), None);
        assert!(stock.any_in_stock());
        assert_eq!(Stock::OneSize(3).quantity_for(None), Some(3));
        assert_eq!(Stock::OneSize(3).quantity_for(Some(&s52)), None);
        assert!(!Stock::OneSize(0).any_in_stock());
    }
}

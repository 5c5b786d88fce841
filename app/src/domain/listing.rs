//! Listing pages' filters, sorting and search, parsed from the URL's query
//! string so that a filtered page can be shared and reloaded.

use super::{catalogue::Category, money::Money, slug::Slug};
use serde::{Deserialize, Serialize};

/// The query string exactly as it arrives: every field optional text.
/// Nothing here is trusted until [`ListingFilter::parse`] has read it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListingQuery {
    pub category: Option<String>,
    pub collection: Option<String>,
    pub material: Option<String>,
    /// Lowest price, in whole euros.
    pub min: Option<String>,
    /// Highest price, in whole euros.
    pub max: Option<String>,
    /// `1`, `on` or `true`: only pieces that can be bought online now.
    pub online: Option<String>,
    pub sort: Option<String>,
    /// Free text searched in names, descriptions, materials and collections.
    pub q: Option<String>,
}

/// How a listing is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SortOrder {
    /// The house's own order.
    #[default]
    Featured,
    PriceAscending,
    PriceDescending,
    Newest,
}

impl SortOrder {
    /// Every order, as the sort menu lists them.
    pub const ALL: [SortOrder; 4] =
        [SortOrder::Featured, SortOrder::PriceAscending, SortOrder::PriceDescending, SortOrder::Newest];

    /// The value used in the URL.
    pub const fn param(self) -> &'static str {
        match self {
            SortOrder::Featured => "featured",
            SortOrder::PriceAscending => "price-asc",
            SortOrder::PriceDescending => "price-desc",
            SortOrder::Newest => "newest",
        }
    }

    /// The label shown in the sort menu.
    pub const fn label(self) -> &'static str {
        match self {
            SortOrder::Featured => "Featured",
            SortOrder::PriceAscending => "Price: low to high",
            SortOrder::PriceDescending => "Price: high to low",
            SortOrder::Newest => "Newest",
        }
    }
}

/// Search text: trimmed, lower case, never empty, at most [`SearchText::MAX_CHARS`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchText(String);

impl SearchText {
    /// Longest search accepted, in characters.
    pub const MAX_CHARS: usize = 100;

    /// The text to look for.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A filter that was understood: every field a domain value.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListingFilter {
    pub category: Option<Category>,
    pub collection: Option<Slug>,
    pub material: Option<Slug>,
    pub min_price: Option<Money>,
    pub max_price: Option<Money>,
    pub online_now: bool,
    pub sort: SortOrder,
    pub text: Option<SearchText>,
}

/// One part of the query string that could not be understood. Its
/// `Display` is the English sentence (logs); shoppers read
/// `Locale::listing_problem`, in their language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum FilterProblem {
    #[error("There is no category called '{0}'.")]
    UnknownCategory(String),
    #[error("There is no collection called '{0}'.")]
    UnknownCollection(String),
    #[error("There is no material called '{0}'.")]
    UnknownMaterial(String),
    #[error("The {0} price must be a whole number of euros, not '{1}'.")]
    PriceNotWhole(PriceBound, String),
    #[error("The {0} price must be between 0 and {MAX_FILTER_EUROS} euros.")]
    PriceOutOfRange(PriceBound),
    #[error("The {0} price is too large.")]
    PriceTooLarge(PriceBound),
    #[error("The lowest price is above the highest price.")]
    PricesReversed,
    #[error("'{0}' is not a yes or no.")]
    NotYesOrNo(String),
    #[error("Listings cannot be sorted by '{0}'.")]
    UnknownSort(String),
    #[error("Searches are limited to {} characters.", SearchText::MAX_CHARS)]
    SearchTooLong,
    #[error("The search contains characters that cannot be searched for.")]
    SearchUnsearchable,
}

/// Which end of the price range a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PriceBound {
    Lowest,
    Highest,
}

impl std::fmt::Display for PriceBound {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            PriceBound::Lowest => "lowest",
            PriceBound::Highest => "highest",
        })
    }
}

/// Highest price one may filter by, in euros: well above any piece, well below overflow.
pub const MAX_FILTER_EUROS: i64 = 10_000_000;

fn present(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

fn parse_euros(bound: PriceBound, raw: &str) -> Result<Money, FilterProblem> {
    let euros: i64 = raw.parse().map_err(|_| FilterProblem::PriceNotWhole(bound, clip(raw)))?;
    if !(0..=MAX_FILTER_EUROS).contains(&euros) {
        return Err(FilterProblem::PriceOutOfRange(bound));
    }
    Money::from_euros(euros).ok_or(FilterProblem::PriceTooLarge(bound))
}

/// Keeps echoed input short in messages.
fn clip(raw: &str) -> String {
    raw.chars().take(30).collect()
}

impl ListingFilter {
    /// Reads a query string. Empty fields count as absent; anything else
    /// that is not understood is reported, all problems at once.
    pub fn parse(query: &ListingQuery) -> Result<Self, Vec<FilterProblem>> {
        let mut problems = Vec::new();
        let mut filter = ListingFilter::default();

        if let Some(raw) = present(&query.category) {
            match Category::from_slug(raw) {
                Some(c) => filter.category = Some(c),
                None => problems.push(FilterProblem::UnknownCategory(clip(raw))),
            }
        }
        type Unknown = fn(String) -> FilterProblem;
        for (unknown, raw, slot) in [
            (FilterProblem::UnknownCollection as Unknown, present(&query.collection), &mut filter.collection),
            (FilterProblem::UnknownMaterial as Unknown, present(&query.material), &mut filter.material),
        ] {
            if let Some(raw) = raw {
                match Slug::parse(raw) {
                    Ok(slug) => *slot = Some(slug),
                    Err(_) => problems.push(unknown(clip(raw))),
                }
            }
        }
        if let Some(raw) = present(&query.min) {
            match parse_euros(PriceBound::Lowest, raw) {
                Ok(m) => filter.min_price = Some(m),
                Err(p) => problems.push(p),
            }
        }
        if let Some(raw) = present(&query.max) {
            match parse_euros(PriceBound::Highest, raw) {
                Ok(m) => filter.max_price = Some(m),
                Err(p) => problems.push(p),
            }
        }
        if let (Some(min), Some(max)) = (filter.min_price, filter.max_price) {
            if min > max {
                problems.push(FilterProblem::PricesReversed);
            }
        }
        if let Some(raw) = present(&query.online) {
            match raw {
                "1" | "on" | "true" | "yes" => filter.online_now = true,
                "0" | "off" | "false" | "no" => filter.online_now = false,
                other => problems.push(FilterProblem::NotYesOrNo(clip(other))),
            }
        }
        if let Some(raw) = present(&query.sort) {
            match SortOrder::ALL.into_iter().find(|s| s.param() == raw) {
                Some(s) => filter.sort = s,
                None => problems.push(FilterProblem::UnknownSort(clip(raw))),
            }
        }
        if let Some(raw) = present(&query.q) {
            if raw.chars().count() > SearchText::MAX_CHARS {
                problems.push(FilterProblem::SearchTooLong);
            } else if raw.chars().any(char::is_control) {
                problems.push(FilterProblem::SearchUnsearchable);
            } else {
                filter.text = Some(SearchText(raw.to_lowercase()));
            }
        }

        if problems.is_empty() {
            Ok(filter)
        } else {
            Err(problems)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(pairs: &[(&str, &str)]) -> ListingQuery {
        let mut q = ListingQuery::default();
        for (k, v) in pairs {
            let v = Some(v.to_string());
            match *k {
                "category" => q.category = v,
                "collection" => q.collection = v,
                "material" => q.material = v,
                "min" => q.min = v,
                "max" => q.max = v,
                "online" => q.online = v,
                "sort" => q.sort = v,
                "q" => q.q = v,
                _ => unreachable!(),
            }
        }
        q
    }

    #[test]
    fn an_empty_query_lists_everything_in_house_order() {
        assert_eq!(ListingFilter::parse(&ListingQuery::default()), Ok(ListingFilter::default()));
        // Empty form fields are what a GET form sends for untouched inputs.
        let blank = query(&[("category", ""), ("min", " "), ("q", ""), ("sort", "")]);
        assert_eq!(ListingFilter::parse(&blank), Ok(ListingFilter::default()));
    }

    #[test]
    fn a_full_query_is_understood() {
        let f = ListingFilter::parse(&query(&[
            ("category", "rings"),
            ("collection", "aube"),
            ("material", "yellow-gold"),
            ("min", "100"),
            ("max", "2500"),
            ("online", "1"),
            ("sort", "price-desc"),
            ("q", "  Diamant "),
        ]))
        .unwrap();
        assert_eq!(f.category, Some(Category::Rings));
        assert_eq!(f.collection.unwrap().as_str(), "aube");
        assert_eq!(f.material.unwrap().as_str(), "yellow-gold");
        assert_eq!(f.min_price, Some(Money::from_cents(10_000)));
        assert_eq!(f.max_price, Some(Money::from_cents(250_000)));
        assert!(f.online_now);
        assert_eq!(f.sort, SortOrder::PriceDescending);
        assert_eq!(f.text.unwrap().as_str(), "diamant");
    }

    #[test]
    fn malformed_values_are_reported_each_with_a_message() {
        let problems = ListingFilter::parse(&query(&[
            ("category", "watches"),
            ("collection", "' OR 1=1 --"),
            ("min", "abc"),
            ("max", "-5"),
            ("online", "maybe"),
            ("sort", "random"),
        ]))
        .unwrap_err();
        assert_eq!(problems.len(), 6, "{problems:?}");
        assert_eq!(problems[0], FilterProblem::UnknownCategory("watches".into()));
        assert_eq!(problems[0].to_string(), "There is no category called 'watches'.");
        assert_eq!(problems[2].to_string(), "The lowest price must be a whole number of euros, not 'abc'.");
        assert_eq!(problems[3].to_string(), "The highest price must be between 0 and 10000000 euros.");
    }

    #[test]
    fn price_range_must_be_in_order_and_bounded() {
        assert!(ListingFilter::parse(&query(&[("min", "500"), ("max", "100")])).is_err());
        assert!(ListingFilter::parse(&query(&[("max", "99999999999999999999")])).is_err());
        assert!(ListingFilter::parse(&query(&[("min", "1.5")])).is_err());
        assert!(ListingFilter::parse(&query(&[("min", "100"), ("max", "100")])).is_ok());
    }

    #[test]
    fn search_text_is_kept_literally_but_bounded() {
        // SQL-looking or wildcard text is ordinary text to search for.
        for text in ["' OR 1=1 --", "%", "_", "bague\\"] {
            let f = ListingFilter::parse(&query(&[("q", text)])).unwrap();
            assert_eq!(f.text.unwrap().as_str(), text.to_lowercase());
        }
        assert!(ListingFilter::parse(&query(&[("q", &"a".repeat(101))])).is_err());
        assert!(ListingFilter::parse(&query(&[("q", "a\u{0}b")])).is_err());
    }
}

//! The house's pages (PRODUCT.md §8): shipping, returns, customs, care,
//! size guides and privacy, each at `/{slug}` in both languages. Their
//! words are Markdown files (`app/content/`); their figures come from the
//! shop's data (`crate::house_pages`).

use serde::{Deserialize, Serialize};
use strum::{EnumIter, EnumString, IntoStaticStr};

/// One of the house's pages of information (the FAQ has its own shape).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, EnumString, IntoStaticStr, EnumIter)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum HousePage {
    Shipping,
    Returns,
    Customs,
    Care,
    SizeGuide,
    Privacy,
}

impl HousePage {
    /// Its address without the language: `/size-guide`.
    pub fn path(self) -> String {
        format!("/{}", <&str>::from(self))
    }
}

/// The FAQ's address without the language.
pub const FAQ_PATH: &str = "/faq";

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    #[test]
    fn every_page_has_its_own_address() {
        assert_eq!(HousePage::SizeGuide.path(), "/size-guide");
        let paths: std::collections::HashSet<String> = HousePage::iter().map(HousePage::path).collect();
        assert_eq!(paths.len(), HousePage::iter().count());
        assert!(!paths.contains(FAQ_PATH));
    }
}

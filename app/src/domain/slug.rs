//! URL slugs for products, collections and materials.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A lowercase URL slug: `a-z`, `0-9` and single inner hyphens, at most 80 characters.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Slug(String);

/// Why a piece of text is not a slug.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a valid name in a web address")]
pub struct InvalidSlug(pub String);

impl Slug {
    /// Longest slug accepted.
    pub const MAX_LEN: usize = 80;

    /// Parses a slug, refusing anything that could not be one of ours.
    pub fn parse(raw: &str) -> Result<Self, InvalidSlug> {
        let ok = !raw.is_empty()
            && raw.len() <= Self::MAX_LEN
            && raw.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !raw.starts_with('-')
            && !raw.ends_with('-')
            && !raw.contains("--");
        if ok {
            Ok(Slug(raw.to_owned()))
        } else {
            Err(InvalidSlug(raw.chars().take(Self::MAX_LEN).collect()))
        }
    }

    /// The slug as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Slug {
    type Error = InvalidSlug;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Slug::parse(&value)
    }
}

impl From<Slug> for String {
    fn from(value: Slug) -> Self {
        value.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ordinary_slugs() {
        for ok in ["bague-aurore", "a", "collier-2", "x1-y2-z3"] {
            assert!(Slug::parse(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn refuses_everything_else() {
        let long = "a".repeat(81);
        for bad in ["", "-a", "a-", "a--b", "Bague", "bague aurore", "bague_aurore", "' OR 1=1 --", "%", "é", &long] {
            assert!(Slug::parse(bad).is_err(), "{bad}");
        }
    }
}

//! Searching the FAQ (PRODUCT.md §8): the same rule in the browser, as the
//! shopper types, and on the server, for a plain GET without JavaScript.
//!
//! Text is compared folded: lower case, without accents, so `reexpedier`
//! finds « réexpédier » and `DELAI` finds “délai”. Folding needs the text
//! decomposed (Unicode NFD) first; each side decomposes with what it
//! already has — the server with `unicode-normalization`, the browser with
//! its own `String.prototype.normalize` — so the browser's module carries
//! no Unicode tables.

use serde::{Deserialize, Serialize};

/// The longest search the FAQ takes, in characters.
pub const MAX_QUERY_CHARS: usize = 100;

/// Folds decomposed (NFD) text: lower case, combining accents dropped,
/// ligatures opened, typographic apostrophes made plain.
pub fn fold_decomposed(decomposed: &str) -> String {
    strip_marks(&decomposed.to_lowercase())
}

/// Folds text already decomposed and in lower case: what the browser hands
/// over (its `normalize` and `toLowerCase` did both, so its module needs
/// no Unicode case tables either).
pub fn strip_marks(lowercase_decomposed: &str) -> String {
    let mut folded = String::with_capacity(lowercase_decomposed.len());
    for c in lowercase_decomposed.chars() {
        match c {
            // Combining diacritical marks: what NFD split off the letters.
            '\u{300}'..='\u{36F}' => {}
            'œ' => folded.push_str("oe"),
            'æ' => folded.push_str("ae"),
            '’' | '‘' | 'ʼ' => folded.push('\''),
            c => folded.push(c),
        }
    }
    folded
}

/// A search: its words, folded. No words finds every question.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FaqQuery(Vec<String>);

/// Why a search cannot be run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QueryProblem {
    #[error("A search is at most {MAX_QUERY_CHARS} characters.")]
    TooLong,
}

impl FaqQuery {
    /// Reads a search: `typed` as the shopper typed it (too long is
    /// refused, not cut), `folded` the same text folded (folding may
    /// lengthen it: `œ` becomes `oe`).
    pub fn parse(typed: &str, folded: &str) -> Result<FaqQuery, QueryProblem> {
        if typed.chars().count() > MAX_QUERY_CHARS {
            return Err(QueryProblem::TooLong);
        }
        let words = folded
            .split(|c: char| !(c.is_alphanumeric() || c == '\''))
            .map(|word| word.trim_matches('\''))
            .filter(|word| !word.is_empty())
            .map(str::to_owned)
            .collect();
        Ok(FaqQuery(words))
    }

    /// Whether a question's folded text holds every word of the search.
    pub fn matches(&self, folded_text: &str) -> bool {
        self.0.iter().all(|word| folded_text.contains(word.as_str()))
    }

    /// Whether the search has no words (it shows everything).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What NFD makes of the French letters the FAQ uses (the server and
    /// the browser decompose with their own tables).
    fn nfd(text: &str) -> String {
        text.replace('é', "e\u{301}")
            .replace('è', "e\u{300}")
            .replace('ê', "e\u{302}")
            .replace('à', "a\u{300}")
            .replace('ç', "c\u{327}")
            .replace('É', "E\u{301}")
    }

    #[test]
    fn accents_case_and_ligatures_fold_away() {
        assert_eq!(fold_decomposed(&nfd("Délai de réexpédition")), "delai de reexpedition");
        assert_eq!(fold_decomposed("Œuvre d’ÆSOP"), "oeuvre d'aesop");
        assert_eq!(strip_marks(&nfd("élan d’œuvre")), "elan d'oeuvre");
    }

    #[test]
    fn every_word_must_be_found() {
        let text = fold_decomposed(&nfd("Quand mon remboursement arrivera-t-il sur mon compte ?"));
        let query = |q: &str| FaqQuery::parse(q, &fold_decomposed(&nfd(q))).unwrap();
        assert!(query("rembours").matches(&text));
        assert!(query("  Compte   REMBOURSEMENT ").matches(&text));
        assert!(!query("remboursement cadeau").matches(&text));
        assert!(query("").matches(&text) && query("").is_empty());
        assert!(query("?!").is_empty(), "punctuation alone searches for nothing");
    }

    #[test]
    fn a_long_search_is_refused_not_cut() {
        assert_eq!(FaqQuery::parse(&"a".repeat(MAX_QUERY_CHARS + 1), "a"), Err(QueryProblem::TooLong));
        let ligatures = "œ".repeat(MAX_QUERY_CHARS);
        assert!(FaqQuery::parse(&ligatures, &fold_decomposed(&ligatures)).is_ok(), "the box's length, as typed");
    }

    proptest! {
        /// Whatever is typed, a search of words taken from a text finds that text.
        #[test]
        fn a_text_is_found_by_its_own_words(text in "[a-zA-Zéèàç' ]{0,60}", from in 0usize..60, len in 0usize..20) {
            let folded = fold_decomposed(&nfd(&text));
            let chars: Vec<char> = folded.chars().collect();
            let start = from.min(chars.len());
            let piece: String = chars[start..(start + len).min(chars.len())].iter().collect();
            // Only whole runs of letters inside the piece are searched for.
            let query = FaqQuery::parse(&piece, &piece).unwrap();
            prop_assert!(query.matches(&folded));
        }
    }
}

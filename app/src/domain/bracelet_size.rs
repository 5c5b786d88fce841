//! The bracelet guide (PRODUCT.md §3): a bracelet's length is the wrist's
//! circumference plus some ease, chosen by how the shopper likes it to sit.
//! House sizes are the bracelet's length in whole centimetres.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Smallest wrist the guide answers for, in mm.
pub const MIN_WRIST_MM: u32 = 120;
/// Largest wrist the guide answers for, in mm.
pub const MAX_WRIST_MM: u32 = 230;

/// How the bracelet should sit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Fit {
    /// Close to the wrist: +1 cm.
    Snug,
    /// Moves a little: +1.5 cm, what most choose.
    Comfortable,
    /// Slides along the wrist: +2 cm.
    Loose,
}

impl Fit {
    /// Every fit, in the order the guide offers them.
    pub const ALL: [Fit; 3] = [Fit::Snug, Fit::Comfortable, Fit::Loose];

    /// The ease added to the wrist, in mm.
    pub const fn ease_mm(self) -> u32 {
        match self {
            Fit::Snug => 10,
            Fit::Comfortable => 15,
            Fit::Loose => 20,
        }
    }

    /// What the shopper reads.
    pub const fn label(self) -> &'static str {
        match self {
            Fit::Snug => "Snug (+1 cm)",
            Fit::Comfortable => "Comfortable (+1.5 cm)",
            Fit::Loose => "Loose (+2 cm)",
        }
    }
}

/// A wrist circumference the guide can answer for, in whole millimetres.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Wrist(u32);

/// Why a wrist measurement cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WristProblem {
    #[error("Please enter your wrist's circumference in centimetres, for example 16.5.")]
    Empty,
    #[error("'{0}' is not a number of centimetres. Please write it like 16.5.")]
    NotANumber(String),
    #[error("A wrist of {0} cm is outside what our guide covers (12 to 23 cm). Please measure again, in centimetres, or ask a client advisor.")]
    OutOfRange(String),
}

impl Wrist {
    /// Reads a circumference in centimetres (`16.5` or `16,5`).
    pub fn parse(raw: &str) -> Result<Self, WristProblem> {
        let text = raw.trim().trim_end_matches("cm").trim();
        if text.is_empty() {
            return Err(WristProblem::Empty);
        }
        let cm: f64 = text
            .replace(',', ".")
            .parse()
            .ok()
            .filter(|v: &f64| v.is_finite())
            .ok_or_else(|| WristProblem::NotANumber(text.chars().take(20).collect()))?;
        let mm = (cm * 10.0).round();
        if !(f64::from(MIN_WRIST_MM)..=f64::from(MAX_WRIST_MM)).contains(&mm) {
            return Err(WristProblem::OutOfRange(text.chars().take(20).collect()));
        }
        // In range, so the conversion is exact.
        Ok(Wrist(mm as u32))
    }

    /// The circumference in mm.
    pub const fn mm(self) -> u32 {
        self.0
    }

    /// The bracelet length for this wrist and fit, in mm.
    pub const fn length_mm(self, fit: Fit) -> u32 {
        self.0 + fit.ease_mm()
    }
}

/// The guide's advice for a wrist and a fit, among the sizes a bracelet is made in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BraceletAdvice {
    /// This house size (cm) is the one.
    Size(u32),
    /// Longer than the longest size made: a client advisor can have it made.
    LongerThanMade { longest: u32 },
    /// Shorter than the shortest size made.
    ShorterThanMade { shortest: u32 },
}

/// Picks the size for a bracelet length: the nearest whole centimetre, and
/// between two the larger (a bracelet too tight is not worn).
pub fn advise(length_mm: u32, sizes_cm: &[u32]) -> Option<BraceletAdvice> {
    let shortest = *sizes_cm.iter().min()?;
    let longest = *sizes_cm.iter().max()?;
    // Half a centimetre rounds up.
    let wanted = (length_mm + 5) / 10;
    Some(if wanted > longest {
        BraceletAdvice::LongerThanMade { longest }
    } else if wanted < shortest {
        BraceletAdvice::ShorterThanMade { shortest }
    } else {
        // The nearest size made at or above the wanted length.
        BraceletAdvice::Size(sizes_cm.iter().copied().filter(|s| *s >= wanted).min().unwrap_or(longest))
    })
}

/// A length in mm as centimetres with one decimal: `165` → `16.5`.
pub fn cm(mm: u32) -> String {
    format!("{}.{}", mm / 10, mm % 10)
}

impl fmt::Display for Fit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const HOUSE: [u32; 5] = [15, 16, 17, 18, 19];

    #[test]
    fn wrists_are_read_in_centimetres() {
        assert_eq!(Wrist::parse("16.5").unwrap().mm(), 165);
        assert_eq!(Wrist::parse(" 16,5 cm ").unwrap().mm(), 165);
        assert_eq!(Wrist::parse("15").unwrap().mm(), 150);
        assert_eq!(Wrist::parse(""), Err(WristProblem::Empty));
        assert!(matches!(Wrist::parse("abc"), Err(WristProblem::NotANumber(_))));
        assert!(matches!(Wrist::parse("NaN"), Err(WristProblem::NotANumber(_))));
        // Millimetres typed by mistake are out of range, not a huge bracelet.
        assert!(matches!(Wrist::parse("165"), Err(WristProblem::OutOfRange(_))));
        assert!(matches!(Wrist::parse("5"), Err(WristProblem::OutOfRange(_))));
    }

    #[test]
    fn the_guide_adds_ease_and_rounds_half_up() {
        let wrist = Wrist::parse("15.5").unwrap();
        assert_eq!(wrist.length_mm(Fit::Comfortable), 170);
        assert_eq!(advise(wrist.length_mm(Fit::Comfortable), &HOUSE), Some(BraceletAdvice::Size(17)));
        // 15 + 1.5 = 16.5: between 16 and 17, take 17.
        assert_eq!(
            advise(Wrist::parse("15").unwrap().length_mm(Fit::Comfortable), &HOUSE),
            Some(BraceletAdvice::Size(17))
        );
        assert_eq!(advise(Wrist::parse("14").unwrap().length_mm(Fit::Snug), &HOUSE), Some(BraceletAdvice::Size(15)));
        assert_eq!(
            advise(Wrist::parse("12").unwrap().length_mm(Fit::Snug), &HOUSE),
            Some(BraceletAdvice::ShorterThanMade { shortest: 15 })
        );
        assert_eq!(
            advise(Wrist::parse("19").unwrap().length_mm(Fit::Loose), &HOUSE),
            Some(BraceletAdvice::LongerThanMade { longest: 19 })
        );
        assert_eq!(advise(170, &[]), None);
        assert_eq!(cm(165), "16.5");
    }

    proptest! {
        /// A larger wrist or a looser fit never gives a smaller bracelet.
        #[test]
        fn advice_is_monotonic(a in MIN_WRIST_MM..=MAX_WRIST_MM, b in MIN_WRIST_MM..=MAX_WRIST_MM) {
            let (small, large) = (a.min(b), a.max(b));
            let rank = |mm: u32| match advise(mm, &HOUSE) {
                Some(BraceletAdvice::ShorterThanMade { .. }) => 0,
                Some(BraceletAdvice::Size(s)) => s,
                Some(BraceletAdvice::LongerThanMade { .. }) => 100,
                None => unreachable!(),
            };
            for fit in Fit::ALL {
                prop_assert!(rank(Wrist(small).length_mm(fit)) <= rank(Wrist(large).length_mm(fit)));
            }
            prop_assert!(rank(Wrist(small).length_mm(Fit::Snug)) <= rank(Wrist(small).length_mm(Fit::Loose)));
        }

        /// The advised size is never shorter than the wrist plus ease, less half a centimetre.
        #[test]
        fn advice_is_never_too_tight(mm in MIN_WRIST_MM..=MAX_WRIST_MM) {
            let length = Wrist(mm).length_mm(Fit::Comfortable);
            if let Some(BraceletAdvice::Size(s)) = advise(length, &HOUSE) {
                prop_assert!(s * 10 + 5 >= length);
            }
        }
    }
}

//! The ring-size helper's arithmetic (PRODUCT.md §3): a finger's
//! circumference, or a fitting ring's inner diameter, to the French/EU size
//! (the circumference in mm), with the US and UK equivalents.
//!
//! US sizes follow the usual formula (inner diameter 11.63 mm at size 0,
//! +0.8128 mm a size); UK letters the British Standard steps (A = 37.8 mm
//! circumference, +1.25 mm a letter). Both are rounded to the half size the
//! trade uses (UK) or the quarter (US).

use serde::{Deserialize, Serialize};
use std::f64::consts::PI;

/// Smallest circumference the helper answers for, in mm (French size 40).
pub const MIN_CIRCUMFERENCE_MM: f64 = 40.0;
/// Largest circumference the helper answers for, in mm (French size 75).
pub const MAX_CIRCUMFERENCE_MM: f64 = 75.0;

const US_ZERO_DIAMETER_MM: f64 = 11.63;
const US_STEP_MM: f64 = 0.8128;
const UK_A_MM: f64 = 37.8;
const UK_STEP_MM: f64 = 1.25;
const UK_LETTERS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// What the shopper measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Method {
    /// Around the finger, with a strip of paper or a string.
    Circumference,
    /// Across the inside of a ring that fits.
    InnerDiameter,
}

impl Method {
    /// The value used in the URL.
    pub const fn param(self) -> &'static str {
        match self {
            Method::Circumference => "circumference",
            Method::InnerDiameter => "diameter",
        }
    }

    /// The method for a URL value; anything else is the circumference.
    pub fn from_param(raw: &str) -> Self {
        if raw == "diameter" {
            Method::InnerDiameter
        } else {
            Method::Circumference
        }
    }
}

/// A finger's size, as a circumference in mm within the helper's range.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Serialize, Deserialize)]
pub struct FingerSize(f64);

/// Why a measurement gives no size, in words for the shopper.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum MeasurementProblem {
    #[error("Please enter your measurement in millimetres.")]
    Empty,
    #[error("'{0}' is not a number. Enter millimetres, for example 52 or 52.5.")]
    NotANumber(String),
    #[error("{0} mm looks like centimetres: did you mean {1} mm?")]
    LooksLikeCentimetres(String, String),
    #[error("{0} mm is outside the sizes we make ({1}–{2} mm). Please measure again.")]
    OutOfRange(String, String, String),
}

impl FingerSize {
    /// Reads what the shopper typed: millimetres, a comma or a dot for decimals.
    pub fn parse(method: Method, raw: &str) -> Result<Self, MeasurementProblem> {
        let text = raw.trim();
        if text.is_empty() {
            return Err(MeasurementProblem::Empty);
        }
        let clipped: String = text.chars().take(20).collect();
        let value: f64 = text
            .trim_end_matches("mm")
            .trim()
            .replace(',', ".")
            .parse()
            .map_err(|_| MeasurementProblem::NotANumber(clipped.clone()))?;
        if !value.is_finite() {
            return Err(MeasurementProblem::NotANumber(clipped));
        }
        let circumference = match method {
            Method::Circumference => value,
            Method::InnerDiameter => value * PI,
        };
        if (MIN_CIRCUMFERENCE_MM..=MAX_CIRCUMFERENCE_MM).contains(&circumference) {
            return Ok(FingerSize(circumference));
        }
        // A measurement ten times too small was most likely taken in centimetres.
        if (MIN_CIRCUMFERENCE_MM..=MAX_CIRCUMFERENCE_MM).contains(&(circumference * 10.0)) {
            return Err(MeasurementProblem::LooksLikeCentimetres(one_decimal(value), one_decimal(value * 10.0)));
        }
        let (low, high) = match method {
            Method::Circumference => (MIN_CIRCUMFERENCE_MM, MAX_CIRCUMFERENCE_MM),
            Method::InnerDiameter => (MIN_CIRCUMFERENCE_MM / PI, MAX_CIRCUMFERENCE_MM / PI),
        };
        Err(MeasurementProblem::OutOfRange(one_decimal(value), one_decimal(low), one_decimal(high)))
    }

    /// A finger size from a circumference already known to be in range (chart rows).
    fn from_circumference(mm: f64) -> Self {
        FingerSize(mm.clamp(MIN_CIRCUMFERENCE_MM, MAX_CIRCUMFERENCE_MM))
    }

    /// The circumference, in mm.
    pub fn circumference_mm(self) -> f64 {
        self.0
    }

    /// The inner diameter of a ring of this size, in mm.
    pub fn diameter_mm(self) -> f64 {
        self.0 / PI
    }

    /// The nearest French/EU size.
    pub fn french(self) -> u8 {
        // In range 40..=75, so the cast cannot truncate.
        self.0.round() as u8
    }

    /// When the measurement falls between two French sizes, those two: the
    /// advice is then to take the larger.
    pub fn between_french(self) -> Option<(u8, u8)> {
        let fraction = self.0 - self.0.floor();
        (0.25..=0.75).contains(&fraction).then(|| (self.0.floor() as u8, self.0.ceil() as u8))
    }

    /// The nearest US size, in quarter sizes.
    pub fn us(self) -> f64 {
        let exact = (self.diameter_mm() - US_ZERO_DIAMETER_MM) / US_STEP_MM;
        (exact * 4.0).round() / 4.0
    }

    /// The nearest UK size counted in half letters from A (0 = A, 1 = A½…), capped at Z.
    fn uk_halves(self) -> usize {
        let halves = (((self.0 - UK_A_MM) / UK_STEP_MM) * 2.0).round().max(0.0) as usize;
        halves.min((UK_LETTERS.len() - 1) * 2)
    }

    /// The nearest UK size, in half letters: `L` or `L½`.
    pub fn uk(self) -> String {
        let halves = self.uk_halves();
        let letter = UK_LETTERS[halves / 2] as char;
        if halves % 2 == 1 {
            format!("{letter}½")
        } else {
            letter.to_string()
        }
    }

    /// The helper's whole answer.
    pub fn answer(self) -> SizeAnswer {
        SizeAnswer {
            circumference_mm: self.circumference_mm(),
            diameter_mm: self.diameter_mm(),
            french: self.french(),
            between: self.between_french(),
            us: self.us(),
            uk: self.uk(),
        }
    }
}

/// What the helper tells the shopper.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SizeAnswer {
    pub circumference_mm: f64,
    pub diameter_mm: f64,
    pub french: u8,
    /// Set when the measurement is between two French sizes.
    pub between: Option<(u8, u8)>,
    pub us: f64,
    pub uk: String,
}

/// One row of the conversion chart the helper shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChartRow {
    pub french: u8,
    pub diameter_mm: f64,
    pub us: f64,
    pub uk: String,
}

/// The conversion chart for French sizes 44 to 66, the sizes rings are made in.
pub fn chart() -> Vec<ChartRow> {
    (44u8..=66)
        .map(|french| {
            let size = FingerSize::from_circumference(f64::from(french));
            ChartRow { french, diameter_mm: size.diameter_mm(), us: size.us(), uk: size.uk() }
        })
        .collect()
}

/// A length with one decimal, as shown to shoppers.
pub fn one_decimal(value: f64) -> String {
    format!("{value:.1}")
}

/// A US size as jewellers write it: `6`, `6.25`, `6.5`.
pub fn us_label(size: f64) -> String {
    let text = format!("{size:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn size(method: Method, raw: &str) -> FingerSize {
        FingerSize::parse(method, raw).unwrap()
    }

    #[test]
    fn known_sizes_match_the_trade_charts() {
        let s = size(Method::Circumference, "52");
        assert_eq!(s.french(), 52);
        assert!((s.diameter_mm() - 16.55).abs() < 0.01);
        assert_eq!(s.us(), 6.0);
        assert_eq!(s.uk(), "L½");
        assert_eq!(size(Method::Circumference, "54.4").us(), 7.0);
        assert_eq!(size(Method::Circumference, "57").french(), 57);
    }

    #[test]
    fn a_ring_diameter_gives_the_same_size_as_its_circumference() {
        let by_diameter = size(Method::InnerDiameter, "16.55");
        assert_eq!(by_diameter.french(), 52);
        assert_eq!(by_diameter.answer().us, size(Method::Circumference, "52").us());
    }

    #[test]
    fn commas_and_units_are_understood() {
        assert_eq!(size(Method::Circumference, " 52,4 ").french(), 52);
        assert_eq!(size(Method::Circumference, "52mm").french(), 52);
        assert_eq!(size(Method::Circumference, "52 mm").french(), 52);
    }

    #[test]
    fn between_two_sizes_names_both() {
        assert_eq!(size(Method::Circumference, "51.5").between_french(), Some((51, 52)));
        assert_eq!(size(Method::Circumference, "51.9").between_french(), None);
        assert_eq!(size(Method::Circumference, "52").between_french(), None);
    }

    #[test]
    fn bad_input_gets_a_message_not_a_size() {
        let problem = |m, raw: &str| FingerSize::parse(m, raw).unwrap_err();
        assert_eq!(problem(Method::Circumference, "  "), MeasurementProblem::Empty);
        assert!(matches!(problem(Method::Circumference, "abc"), MeasurementProblem::NotANumber(_)));
        assert!(matches!(problem(Method::Circumference, "NaN"), MeasurementProblem::NotANumber(_)));
        assert!(matches!(problem(Method::Circumference, "inf"), MeasurementProblem::NotANumber(_)));
        assert!(matches!(problem(Method::Circumference, "5.2"), MeasurementProblem::LooksLikeCentimetres(..)));
        assert!(matches!(problem(Method::Circumference, "120"), MeasurementProblem::OutOfRange(..)));
        assert!(matches!(problem(Method::Circumference, "-52"), MeasurementProblem::OutOfRange(..)));
        assert!(matches!(problem(Method::InnerDiameter, "30"), MeasurementProblem::OutOfRange(..)));
        let message = problem(Method::Circumference, "5.2").to_string();
        assert!(message.contains("52.0 mm"), "{message}");
    }

    #[test]
    fn the_chart_covers_every_ring_size_in_order() {
        let rows = chart();
        assert_eq!(rows.first().map(|r| r.french), Some(44));
        assert_eq!(rows.last().map(|r| r.french), Some(66));
        assert!(rows.iter().any(|r| r.french == 48) && rows.iter().any(|r| r.french == 60));
        assert_eq!(us_label(6.0), "6");
        assert_eq!(us_label(6.25), "6.25");
        assert_eq!(us_label(6.5), "6.5");
    }

    proptest! {
        #[test]
        fn sizes_grow_with_the_finger(a in MIN_CIRCUMFERENCE_MM..MAX_CIRCUMFERENCE_MM, b in MIN_CIRCUMFERENCE_MM..MAX_CIRCUMFERENCE_MM) {
            let (small, large) = if a <= b { (a, b) } else { (b, a) };
            let (s, l) = (FingerSize::from_circumference(small), FingerSize::from_circumference(large));
            prop_assert!(s.french() <= l.french());
            prop_assert!(s.us() <= l.us());
            prop_assert!(s.uk_halves() <= l.uk_halves());
        }

        #[test]
        fn diameter_times_pi_is_the_circumference(mm in MIN_CIRCUMFERENCE_MM..MAX_CIRCUMFERENCE_MM) {
            let answer = FingerSize::from_circumference(mm).answer();
            prop_assert!((answer.diameter_mm * PI - answer.circumference_mm).abs() < 1e-9);
        }

        #[test]
        fn both_methods_agree(d in (MIN_CIRCUMFERENCE_MM / PI)..(MAX_CIRCUMFERENCE_MM / PI)) {
            let by_diameter = FingerSize::parse(Method::InnerDiameter, &format!("{d}")).unwrap();
            let by_circumference = FingerSize::parse(Method::Circumference, &format!("{}", d * PI)).unwrap();
            prop_assert_eq!(by_diameter.french(), by_circumference.french());
        }

        #[test]
        fn the_nearest_french_size_is_within_half_a_millimetre(mm in MIN_CIRCUMFERENCE_MM..MAX_CIRCUMFERENCE_MM) {
            let s = FingerSize::from_circumference(mm);
            prop_assert!((f64::from(s.french()) - mm).abs() <= 0.5);
        }

        #[test]
        fn any_text_gives_a_size_or_a_message(text in ".{0,30}") {
            let _ = FingerSize::parse(Method::Circumference, &text);
            let _ = FingerSize::parse(Method::InnerDiameter, &text);
        }
    }
}

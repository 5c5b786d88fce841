//! Promo codes (PRODUCT.md §2): a percentage or a fixed amount, a validity
//! window, an optional minimum subtotal, one per order, never on sale
//! items. Entered at checkout; the server decides with these rules.

use super::money::Money;
use serde::{Deserialize, Serialize};

/// What a code takes off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Discount {
    /// 1 to 100 per cent of the eligible lines.
    Percent(u8),
    /// A fixed amount, at most the eligible lines' total.
    Fixed(Money),
}

/// A promo code as the house defined it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromoCode {
    pub code: String,
    pub discount: Discount,
    /// Unix seconds from which it works.
    pub starts_at: i64,
    /// Unix seconds from which it no longer works, if it ends.
    pub ends_at: Option<i64>,
    /// The merchandise subtotal the basket must reach, if any.
    pub min_subtotal: Option<Money>,
}

/// One basket line, as a code sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PromoLine {
    /// Unit price × quantity.
    pub total: Money,
    pub on_sale: bool,
}

/// Why a code was refused, said so the shopper understands. The `Display`
/// is the English (logs); the shopper reads `Locale::checkout_promo_refusal`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PromoRefusal {
    #[error("Please enter a code of 3 to 32 letters and digits.")]
    Malformed,
    #[error("We do not know the code {0}. Please check it.")]
    Unknown(String),
    #[error("The code {0} is not valid yet.")]
    NotYet(String),
    #[error("The code {0} has expired.")]
    Expired(String),
    #[error("The code {code} needs a basket of at least {minimum}: add {missing} more.")]
    BelowMinimum { code: String, minimum: Money, missing: Money },
    #[error("The code {0} does not apply to pieces on sale, and your basket holds only those.")]
    OnlySaleItems(String),
}

/// Reads a code as typed: trimmed, upper-cased, letters, digits and hyphens.
pub fn normalise(raw: &str) -> Result<String, PromoRefusal> {
    let code = raw.trim().to_ascii_uppercase();
    let ok = (3..=32).contains(&code.len()) && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if ok {
        Ok(code)
    } else {
        Err(PromoRefusal::Malformed)
    }
}

/// The discount a code gives on these lines at `now`, or why it gives none.
pub fn discount(code: &PromoCode, lines: &[PromoLine], now: i64) -> Result<Money, PromoRefusal> {
    if now < code.starts_at {
        return Err(PromoRefusal::NotYet(code.code.clone()));
    }
    if code.ends_at.is_some_and(|end| now >= end) {
        return Err(PromoRefusal::Expired(code.code.clone()));
    }
    let subtotal = lines.iter().fold(Money::ZERO, |sum, l| sum.plus(l.total));
    if let Some(minimum) = code.min_subtotal.filter(|m| subtotal < *m) {
        return Err(PromoRefusal::BelowMinimum { code: code.code.clone(), minimum, missing: minimum.less(subtotal) });
    }
    let eligible = lines.iter().filter(|l| !l.on_sale).fold(Money::ZERO, |sum, l| sum.plus(l.total));
    if eligible == Money::ZERO {
        return Err(PromoRefusal::OnlySaleItems(code.code.clone()));
    }
    Ok(match code.discount {
        // Rounded to the nearest cent.
        Discount::Percent(p) => Money::from_cents((eligible.cents() * i64::from(p.min(100)) + 50) / 100),
        Discount::Fixed(amount) => amount.min(eligible),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn euros(e: i64) -> Money {
        Money::from_cents(e * 100)
    }

    fn code(discount: Discount) -> PromoCode {
        PromoCode {
            code: "AUBE10".into(),
            discount,
            starts_at: 1000,
            ends_at: Some(2000),
            min_subtotal: Some(euros(300)),
        }
    }

    fn line(e: i64, on_sale: bool) -> PromoLine {
        PromoLine { total: euros(e), on_sale }
    }

    #[test]
    fn codes_are_read_forgivingly_but_strictly() {
        assert_eq!(normalise("  aube10 "), Ok("AUBE10".into()));
        assert_eq!(normalise("NOEL-2026"), Ok("NOEL-2026".into()));
        for bad in ["", "ab", "a b c", "<script>", &"A".repeat(33)] {
            assert_eq!(normalise(bad), Err(PromoRefusal::Malformed), "{bad}");
        }
    }

    #[test]
    fn percentages_skip_sale_items() {
        let lines = [line(400, false), line(200, true)];
        assert_eq!(discount(&code(Discount::Percent(10)), &lines, 1500), Ok(euros(40)));
    }

    #[test]
    fn fixed_amounts_never_exceed_the_eligible_lines() {
        let lines = [line(50, false), line(400, true)];
        assert_eq!(discount(&code(Discount::Fixed(euros(100))), &lines, 1500), Ok(euros(50)));
    }

    #[test]
    fn the_window_and_the_minimum_are_enforced_with_reasons() {
        let lines = [line(400, false)];
        let c = code(Discount::Percent(10));
        assert_eq!(discount(&c, &lines, 999), Err(PromoRefusal::NotYet("AUBE10".into())));
        assert_eq!(discount(&c, &lines, 2000), Err(PromoRefusal::Expired("AUBE10".into())));
        let short = discount(&c, &[line(280, false)], 1500).unwrap_err();
        assert_eq!(
            short,
            PromoRefusal::BelowMinimum { code: "AUBE10".into(), minimum: euros(300), missing: euros(20) }
        );
        assert!(short.to_string().contains("add €20"), "{short}");
        assert_eq!(discount(&c, &[line(400, true)], 1500), Err(PromoRefusal::OnlySaleItems("AUBE10".into())));
    }

    proptest! {
        /// A discount is never negative and never more than the non-sale lines.
        #[test]
        fn discounts_stay_within_the_eligible_lines(
            totals in proptest::collection::vec((0i64..5_000_000, any::<bool>()), 0..8),
            percent in 1u8..=100,
            fixed in 0i64..10_000_000,
        ) {
            let lines: Vec<PromoLine> = totals.iter().map(|(c, s)| PromoLine { total: Money::from_cents(*c), on_sale: *s }).collect();
            let eligible: i64 = totals.iter().filter(|(_, s)| !s).map(|(c, _)| c).sum();
            for d in [Discount::Percent(percent), Discount::Fixed(Money::from_cents(fixed))] {
                let c = PromoCode { code: "X-1".into(), discount: d, starts_at: 0, ends_at: None, min_subtotal: None };
                if let Ok(off) = discount(&c, &lines, 10) {
                    prop_assert!(off.cents() >= 0 && off.cents() <= eligible);
                }
            }
        }
    }
}

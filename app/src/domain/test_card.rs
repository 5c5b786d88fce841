//! The sandbox gateway's test cards (PRODUCT.md §5): which numbers approve,
//! decline, or approve after a delay, as a card processor's test mode does.
//! Only the sandbox's own page reads a card number; the shop never does.

use serde::{Deserialize, Serialize};

/// What the sandbox does with a card.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CardOutcome {
    Approve,
    Decline,
    /// Approves, but the bank's answer comes some seconds later.
    ApproveAfterDelay,
}

/// The test cards, as the sandbox's page lists them, with what each does in
/// English (the page in its reader's language: `Locale::sandbox_card_outcome`).
pub const TEST_CARDS: [(&str, CardOutcome, &str); 3] = [
    ("4242 4242 4242 4242", CardOutcome::Approve, "approved"),
    ("4000 0000 0000 0002", CardOutcome::Decline, "declined"),
    ("4000 0000 0000 3220", CardOutcome::ApproveAfterDelay, "approved after a delay"),
];

/// Why the card form was refused before any "bank" saw it. The `Display` is
/// the English; the page says `Locale::sandbox_card_problem`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CardProblem {
    #[error("The card number is not valid: please check it.")]
    Number,
    #[error("This is the sandbox: only the test cards listed on this page work.")]
    NotATestCard,
    #[error("Please give the expiry date as MM/YY, in the future.")]
    Expiry,
    #[error("The security code is the 3 or 4 digits on the back of the card.")]
    Cvc,
}

/// A card as the sandbox keeps it: its outcome and last four digits, never the number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TestCard {
    pub outcome: CardOutcome,
    pub last4: String,
}

/// The Luhn check every card number passes.
fn luhn(digits: &[u32]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                if d * 2 > 9 {
                    d * 2 - 9
                } else {
                    d * 2
                }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

impl TestCard {
    /// Reads the card form. `year` and `month` are today's, for the expiry check.
    pub fn parse(number: &str, expiry: &str, cvc: &str, year: u32, month: u32) -> Result<Self, CardProblem> {
        let compact: String = number.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
        let digits: Option<Vec<u32>> = compact.chars().map(|c| c.to_digit(10)).collect();
        if !digits.is_some_and(|d| (12..=19).contains(&d.len()) && luhn(&d)) {
            return Err(CardProblem::Number);
        }
        let (mm, yy) = expiry.trim().split_once('/').ok_or(CardProblem::Expiry)?;
        let (mm, yy): (u32, u32) = match (mm.trim().parse::<u32>(), yy.trim().parse::<u32>()) {
            (Ok(m), Ok(y)) if (1..=12).contains(&m) && yy.trim().len() == 2 => (m, 2000 + y),
            _ => return Err(CardProblem::Expiry),
        };
        if (yy, mm) < (year, month) {
            return Err(CardProblem::Expiry);
        }
        let cvc = cvc.trim();
        if !(3..=4).contains(&cvc.len()) || !cvc.chars().all(|c| c.is_ascii_digit()) {
            return Err(CardProblem::Cvc);
        }
        let outcome = TEST_CARDS
            .iter()
            .find(|(n, _, _)| n.replace(' ', "") == compact)
            .map(|(_, o, _)| *o)
            .ok_or(CardProblem::NotATestCard)?;
        let last4 = compact[compact.len() - 4..].to_owned();
        Ok(TestCard { outcome, last4 })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(number: &str) -> Result<TestCard, CardProblem> {
        TestCard::parse(number, "12/30", "123", 2026, 11)
    }

    #[test]
    fn the_listed_test_cards_do_what_they_say() {
        assert_eq!(card("4242 4242 4242 4242").unwrap().outcome, CardOutcome::Approve);
        assert_eq!(card("4000000000000002").unwrap().outcome, CardOutcome::Decline);
        assert_eq!(card("4000-0000-0000-3220").unwrap().outcome, CardOutcome::ApproveAfterDelay);
        assert_eq!(card("4242424242424242").unwrap().last4, "4242");
        for (number, _, _) in TEST_CARDS {
            assert!(luhn(&number.replace(' ', "").chars().map(|c| c.to_digit(10).unwrap()).collect::<Vec<_>>()));
        }
    }

    #[test]
    fn other_numbers_are_refused_with_a_reason() {
        assert_eq!(card("4242 4242 4242 4241"), Err(CardProblem::Number), "fails Luhn");
        assert_eq!(card("abcd"), Err(CardProblem::Number));
        assert_eq!(card("5555 5555 5555 4444"), Err(CardProblem::NotATestCard), "a real-looking card");
    }

    #[test]
    fn expiry_and_code_are_checked() {
        let n = "4242424242424242";
        assert!(TestCard::parse(n, "11/26", "123", 2026, 11).is_ok(), "this month still works");
        assert_eq!(TestCard::parse(n, "10/26", "123", 2026, 11), Err(CardProblem::Expiry));
        assert_eq!(TestCard::parse(n, "13/30", "123", 2026, 11), Err(CardProblem::Expiry));
        assert_eq!(TestCard::parse(n, "1230", "123", 2026, 11), Err(CardProblem::Expiry));
        assert_eq!(TestCard::parse(n, "12/30", "12", 2026, 11), Err(CardProblem::Cvc));
        assert_eq!(TestCard::parse(n, "12/30", "12a", 2026, 11), Err(CardProblem::Cvc));
    }
}

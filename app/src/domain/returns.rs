//! Whether a delivered piece may be sent back (PRODUCT.md §7): one rule,
//! asked by the order page (per line: whether, and until when), by the
//! returns form before it offers a line, and by the server before it writes
//! a request.
//!
//! - 30 days from delivery, the piece unworn, in its packaging with its tags;
//! - earrings, personalised pieces and sale pieces are not returnable,
//!   unless they arrived damaged or defective;
//! - damaged or defective pieces are reported within 7 days of delivery,
//!   with at least one photo.

use super::money::Money;
use serde::{Deserialize, Serialize};

/// Days from delivery during which a piece may be returned.
pub const RETURN_WINDOW_DAYS: i64 = 30;
/// Days from delivery during which damage or a defect may be reported.
pub const FAULT_WINDOW_DAYS: i64 = 7;
const DAY: i64 = 24 * 60 * 60;

/// Why a customer sends a piece back.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::EnumIter,
)]
#[strum(serialize_all = "snake_case")]
pub enum ReturnReason {
    /// The customer no longer wants it.
    ChangedMind,
    /// It does not fit.
    WrongSize,
    /// It arrived damaged.
    Damaged,
    /// It has a defect.
    Defective,
}

impl ReturnReason {
    /// How it is stored.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Damage or a defect: the house's fault, reported within 7 days with a
    /// photo, and returnable whatever the piece.
    pub fn is_fault(self) -> bool {
        matches!(self, ReturnReason::Damaged | ReturnReason::Defective)
    }
}

/// What kind of piece a line is, for the rule.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PieceKind {
    pub earrings: bool,
    pub personalised: bool,
    pub on_sale: bool,
    /// The gift with purchase: it goes back with the piece that earned it, never alone.
    pub gift: bool,
}

/// Why a piece cannot be returned except for a fault.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FinalSale {
    Earrings,
    Personalised,
    OnSale,
}

impl PieceKind {
    /// Why the piece is returnable only for a fault, if it is.
    pub fn final_sale(self) -> Option<FinalSale> {
        if self.earrings {
            Some(FinalSale::Earrings)
        } else if self.personalised {
            Some(FinalSale::Personalised)
        } else if self.on_sale {
            Some(FinalSale::OnSale)
        } else {
            None
        }
    }
}

/// Why a return is refused; pages say each in their reader's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ReturnRefusal {
    #[error("This piece has not been delivered yet.")]
    NotDelivered,
    #[error("The 30-day return period ended.")]
    WindowClosed { ended_at: i64 },
    #[error("This piece cannot be returned unless it arrived damaged or defective.")]
    FinalSale(FinalSale),
    #[error("Damage or a defect must be reported within 7 days of delivery.")]
    FaultReportedLate { ended_at: i64 },
    #[error("Please add at least one photo of the damage or defect.")]
    PhotoNeeded,
    #[error("Please confirm the piece is unworn, in its packaging, with its tags.")]
    ConditionNotConfirmed,
    #[error("A gift with purchase goes back with the piece that earned it.")]
    GiftAlone,
}

/// What the customer asks for one line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReturnAsk {
    pub reason: ReturnReason,
    pub photos: usize,
    /// Ticked "unworn, in its packaging, with its tags" (asked of every
    /// return that is not a fault: a damaged piece may be neither).
    pub condition_confirmed: bool,
}

/// Until when a delivered piece may be returned for a reason that is not a
/// fault; `None` when it may not (not delivered, or a final sale).
pub fn returnable_until(kind: PieceKind, delivered_at: Option<i64>) -> Option<i64> {
    let delivered = delivered_at?;
    (kind.final_sale().is_none() && !kind.gift).then_some(delivered + RETURN_WINDOW_DAYS * DAY)
}

/// Until when damage or a defect may be reported; `None` before delivery.
pub fn fault_reportable_until(kind: PieceKind, delivered_at: Option<i64>) -> Option<i64> {
    let delivered = delivered_at?;
    (!kind.gift).then_some(delivered + FAULT_WINDOW_DAYS * DAY)
}

/// What the order page says of a line: whether, and until when, it can go back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Returnability {
    /// Not delivered yet: the period starts at delivery.
    NotDelivered,
    /// Returnable until then (and, for damage or a defect, reportable until `fault_until`).
    Until { until: i64, fault_until: i64 },
    /// A final sale: only damage or a defect, reported until `fault_until`
    /// (`None` once that has passed).
    FinalSale { why: FinalSale, fault_until: Option<i64> },
    /// The period ended then.
    Ended { ended_at: i64 },
    /// The gift with purchase: it follows the piece that earned it.
    Gift,
}

/// Whether, and until when, a line can go back now: what [`check`] would
/// answer, said ahead of any request.
pub fn returnability(kind: PieceKind, delivered_at: Option<i64>, now: i64) -> Returnability {
    let Some(delivered) = delivered_at else {
        return Returnability::NotDelivered;
    };
    if kind.gift {
        return Returnability::Gift;
    }
    let fault_until = delivered + FAULT_WINDOW_DAYS * DAY;
    match kind.final_sale() {
        Some(why) => Returnability::FinalSale { why, fault_until: (now <= fault_until).then_some(fault_until) },
        None => {
            let until = delivered + RETURN_WINDOW_DAYS * DAY;
            if now <= until {
                Returnability::Until { until, fault_until }
            } else {
                Returnability::Ended { ended_at: until }
            }
        }
    }
}

/// Whether this line may be returned for this reason now, or why not.
pub fn check(kind: PieceKind, delivered_at: Option<i64>, ask: ReturnAsk, now: i64) -> Result<(), ReturnRefusal> {
    let Some(delivered) = delivered_at else {
        return Err(ReturnRefusal::NotDelivered);
    };
    if kind.gift {
        return Err(ReturnRefusal::GiftAlone);
    }
    if ask.reason.is_fault() {
        let ended_at = delivered + FAULT_WINDOW_DAYS * DAY;
        if now > ended_at {
            return Err(ReturnRefusal::FaultReportedLate { ended_at });
        }
        if ask.photos == 0 {
            return Err(ReturnRefusal::PhotoNeeded);
        }
        return Ok(());
    }
    if let Some(final_sale) = kind.final_sale() {
        return Err(ReturnRefusal::FinalSale(final_sale));
    }
    let ended_at = delivered + RETURN_WINDOW_DAYS * DAY;
    if now > ended_at {
        return Err(ReturnRefusal::WindowClosed { ended_at });
    }
    if !ask.condition_confirmed {
        return Err(ReturnRefusal::ConditionNotConfirmed);
    }
    Ok(())
}

/// One line of an order as it was paid: for the refund rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PaidLine {
    pub unit: Money,
    pub quantity: u32,
}

impl PaidLine {
    fn total(self) -> Money {
        self.unit.times(self.quantity)
    }
}

/// Each line's share of an order-level discount, in proportion to the
/// line's total: rounded down, then the cents left over go one each to the
/// lines with the largest remainders (the first such line on a tie), so the
/// shares add up to the discount exactly.
pub fn discount_shares(lines: &[PaidLine], discount: Money) -> Vec<Money> {
    let subtotal: i128 = lines.iter().map(|l| i128::from(l.total().cents())).sum();
    let discount = i128::from(discount.cents()).clamp(0, subtotal.max(0));
    if subtotal <= 0 || discount == 0 {
        return vec![Money::ZERO; lines.len()];
    }
    let exact: Vec<(i128, i128)> = lines
        .iter()
        .map(|l| {
            let scaled = discount * i128::from(l.total().cents());
            (scaled / subtotal, scaled % subtotal)
        })
        .collect();
    let mut shares: Vec<i128> = exact.iter().map(|(share, _)| *share).collect();
    let mut left = discount - shares.iter().sum::<i128>();
    let mut order: Vec<usize> = (0..lines.len()).collect();
    order.sort_by(|a, b| exact[*b].1.cmp(&exact[*a].1).then(a.cmp(b)));
    for i in order {
        if left == 0 {
            break;
        }
        shares[i] += 1;
        left -= 1;
    }
    shares.into_iter().map(|c| Money::from_cents(i64::try_from(c).unwrap_or(i64::MAX))).collect()
}

/// What returning `returned` (line index, pieces) gives back: each piece
/// at the price paid for it, its line's share of the order's discount taken
/// off ([`discount_shares`]), rounded down to the cent; never the original
/// shipping. Several returns of the same order never add up to more than
/// was paid for its pieces.
pub fn refund_for(lines: &[PaidLine], discount: Money, returned: &[(usize, u32)]) -> Money {
    let shares = discount_shares(lines, discount);
    let cents: i128 = returned
        .iter()
        .filter_map(|(i, pieces)| {
            let line = lines.get(*i)?;
            let paid = i128::from(line.total().less(shares[*i]).cents());
            let pieces = i128::from((*pieces).min(line.quantity));
            (line.quantity > 0).then(|| paid * pieces / i128::from(line.quantity))
        })
        .sum();
    Money::from_cents(i64::try_from(cents).unwrap_or(i64::MAX))
}

/// Where a return stands (PRODUCT.md §7).
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::EnumIter,
)]
#[strum(serialize_all = "snake_case")]
pub enum ReturnState {
    /// Asked for by the customer; the house has not answered yet.
    Requested,
    /// Accepted: the customer has the instructions and the return slip.
    Approved,
    /// The parcel arrived and the pieces were inspected.
    Received,
    /// The refund was issued.
    Refunded,
    /// Refused, with the house's reason (at the request, or at inspection).
    Rejected,
}

/// What staff do to a return.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReturnAction {
    Approve,
    Reject,
    MarkReceived,
    Refund,
}

impl ReturnState {
    /// How it is stored.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The state `action` moves a return to, or `None` if it cannot happen now.
    pub fn after(self, action: ReturnAction) -> Option<ReturnState> {
        use ReturnAction as A;
        use ReturnState as S;
        match (self, action) {
            (S::Requested, A::Approve) => Some(S::Approved),
            // Refused when asked, or at inspection (worn, not the piece sent).
            (S::Requested | S::Received, A::Reject) => Some(S::Rejected),
            (S::Approved, A::MarkReceived) => Some(S::Received),
            (S::Received, A::Refund) => Some(S::Refunded),
            _ => None,
        }
    }

    /// Whether staff may do `action` now: what a page asks before it offers it.
    pub fn allows(self, action: ReturnAction) -> bool {
        self.after(action).is_some()
    }

    /// No action moves a return out of these.
    pub fn is_final(self) -> bool {
        matches!(self, ReturnState::Refunded | ReturnState::Rejected)
    }
}

/// Photos a customer may send with one return, and the size of each, as sent.
pub const MAX_PHOTOS: usize = 5;
pub const MAX_PHOTO_BYTES: usize = 10 * 1024 * 1024;
/// What a customer may write with a return.
pub const MAX_NOTE_CHARS: usize = 1000;

/// Why a photo is refused; the form says each in its reader's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum PhotoProblem {
    #[error("This file is not a JPEG, PNG or WebP picture.")]
    NotAPicture,
    #[error("Each photo must be at most 10 MB.")]
    TooLarge,
    #[error("At most 5 photos.")]
    TooMany,
}

/// A return's number: `RT-`, the order reference's ten characters, and the
/// return's rank among the order's returns (`RT-0123456789-2`). Saying the
/// order in the number lets a parcel be matched even without the slip.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ReturnNumber(String);

impl ReturnNumber {
    /// The `rank`-th return (from 1) of the order `reference` (`MA-…`).
    pub fn new(reference: &super::checkout::OrderRef, rank: u32) -> Self {
        let body = reference.as_str().trim_start_matches("MA-");
        ReturnNumber(format!("RT-{body}-{rank}"))
    }

    /// Reads a number from an address or a form (either case).
    pub fn parse(raw: &str) -> Option<Self> {
        let raw = raw.trim().to_ascii_uppercase();
        let (body, rank) = raw.strip_prefix("RT-")?.split_once('-')?;
        let rank: u32 = rank.parse().ok().filter(|r| (1..=999).contains(r))?;
        let reference = super::checkout::OrderRef::parse(&format!("MA-{body}"))?;
        Some(ReturnNumber::new(&reference, rank))
    }

    /// The order it belongs to.
    pub fn order(&self) -> super::checkout::OrderRef {
        let body = self.0.trim_start_matches("RT-");
        let body = body.split_once('-').map(|(b, _)| b).unwrap_or(body);
        super::checkout::OrderRef::parse(&format!("MA-{body}")).expect("a parsed number holds a reference")
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for ReturnNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A delivered line, as a return request sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReturnableLine {
    pub id: i64,
    pub kind: PieceKind,
    pub quantity: u32,
    /// Pieces already in a return that was not rejected.
    pub returned: u32,
}

impl ReturnableLine {
    /// Pieces that may still go back.
    pub fn left(self) -> u32 {
        self.quantity.saturating_sub(self.returned)
    }
}

/// Why a return request as a whole is refused; pages say each in their
/// reader's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum RequestProblem {
    #[error("Please choose at least one piece to return.")]
    NothingChosen,
    #[error("That piece is not in this order.")]
    UnknownLine,
    #[error("More pieces than are left to return.")]
    TooMany { left: u32 },
    #[error("At most 5 photos.")]
    TooManyPhotos,
    #[error("A note of at most 1000 characters.")]
    NoteTooLong,
    #[error("{0}")]
    Refused(ReturnRefusal),
}

/// Whether a request may be written: at least one piece, each chosen line
/// in the order with enough pieces left, the photos within their number,
/// and each line allowed by [`check`]. `asked` is (line id, pieces).
pub fn check_request(
    lines: &[ReturnableLine],
    asked: &[(i64, u32)],
    ask: ReturnAsk,
    note_chars: usize,
    delivered_at: Option<i64>,
    now: i64,
) -> Result<(), RequestProblem> {
    let asked: Vec<(i64, u32)> = asked.iter().copied().filter(|(_, n)| *n > 0).collect();
    if asked.is_empty() {
        return Err(RequestProblem::NothingChosen);
    }
    if ask.photos > MAX_PHOTOS {
        return Err(RequestProblem::TooManyPhotos);
    }
    if note_chars > MAX_NOTE_CHARS {
        return Err(RequestProblem::NoteTooLong);
    }
    for (i, (id, pieces)) in asked.iter().enumerate() {
        if asked[..i].iter().any(|(other, _)| other == id) {
            return Err(RequestProblem::UnknownLine);
        }
        let line = lines.iter().find(|l| l.id == *id).ok_or(RequestProblem::UnknownLine)?;
        check(line.kind, delivered_at, ask, now).map_err(RequestProblem::Refused)?;
        if *pieces > line.left() {
            return Err(RequestProblem::TooMany { left: line.left() });
        }
    }
    Ok(())
}

/// The gift rule (PRODUCT.md §2: the gift is owed above a merchandise
/// subtotal): when the pieces the customer keeps are worth less than the
/// threshold that earned the gift, the gift goes back in the same parcel.
/// Nothing is taken off the refund for it; a gift not sent back is
/// something staff may take off at inspection, with that reason.
pub fn gift_comes_back(kept_subtotal: Money, threshold: Money) -> bool {
    kept_subtotal < threshold
}

/// Who pays for sending the parcel back: the customer, unless the piece
/// was defective or not the one ordered (staff decide at inspection).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, strum::EnumString, strum::IntoStaticStr, strum::EnumIter,
)]
#[strum(serialize_all = "snake_case")]
pub enum PostagePaidBy {
    Customer,
    House,
}

impl PostagePaidBy {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// A return's entries in its order's timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum ReturnStep {
    Requested,
    Approved,
    Received,
    Rejected,
}

impl ReturnStep {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// Why staff cannot refund the amount they typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AdjustProblem {
    #[error("A refund of more than the rule proposes.")]
    MoreThanProposed { proposed: Money },
    #[error("A refund must be more than zero; reject the return instead.")]
    Nothing,
    #[error("Say why the refund is lower than the rule proposes.")]
    ReasonNeeded,
}

/// The refund staff settle on: the proposed amount, or less with a reason.
pub fn adjust_refund(proposed: Money, asked: Money, reason: &str) -> Result<Money, AdjustProblem> {
    if asked > proposed {
        return Err(AdjustProblem::MoreThanProposed { proposed });
    }
    if asked <= Money::ZERO {
        return Err(AdjustProblem::Nothing);
    }
    if asked < proposed && reason.trim().is_empty() {
        return Err(AdjustProblem::ReasonNeeded);
    }
    Ok(asked)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const DELIVERED: i64 = 1_800_000_000;
    const RING: PieceKind = PieceKind { earrings: false, personalised: false, on_sale: false, gift: false };
    const EARRINGS: PieceKind = PieceKind { earrings: true, ..RING };

    fn ask(reason: ReturnReason, photos: usize) -> ReturnAsk {
        ReturnAsk { reason, photos, condition_confirmed: true }
    }

    #[test]
    fn a_ring_goes_back_within_thirty_days_unworn() {
        let day = |n: i64| DELIVERED + n * DAY;
        assert_eq!(check(RING, Some(DELIVERED), ask(ReturnReason::WrongSize, 0), day(30)), Ok(()));
        assert_eq!(
            check(RING, Some(DELIVERED), ask(ReturnReason::WrongSize, 0), day(30) + 1),
            Err(ReturnRefusal::WindowClosed { ended_at: day(30) })
        );
        let unticked = ReturnAsk { condition_confirmed: false, ..ask(ReturnReason::ChangedMind, 0) };
        assert_eq!(check(RING, Some(DELIVERED), unticked, day(2)), Err(ReturnRefusal::ConditionNotConfirmed));
        assert_eq!(check(RING, None, ask(ReturnReason::ChangedMind, 0), day(2)), Err(ReturnRefusal::NotDelivered));
        assert_eq!(returnable_until(RING, Some(DELIVERED)), Some(day(30)));
        assert_eq!(returnable_until(RING, None), None);
    }

    #[test]
    fn final_sales_go_back_only_damaged_or_defective_within_seven_days_with_a_photo() {
        let personalised = PieceKind { personalised: true, ..RING };
        let sale = PieceKind { on_sale: true, ..RING };
        for (kind, why) in
            [(EARRINGS, FinalSale::Earrings), (personalised, FinalSale::Personalised), (sale, FinalSale::OnSale)]
        {
            assert_eq!(
                check(kind, Some(DELIVERED), ask(ReturnReason::ChangedMind, 3), DELIVERED + DAY),
                Err(ReturnRefusal::FinalSale(why))
            );
            assert_eq!(returnable_until(kind, Some(DELIVERED)), None);
            assert_eq!(check(kind, Some(DELIVERED), ask(ReturnReason::Defective, 1), DELIVERED + 7 * DAY), Ok(()));
            assert_eq!(
                check(kind, Some(DELIVERED), ask(ReturnReason::Damaged, 0), DELIVERED + DAY),
                Err(ReturnRefusal::PhotoNeeded)
            );
        }
        assert_eq!(
            check(EARRINGS, Some(DELIVERED), ask(ReturnReason::Damaged, 2), DELIVERED + 7 * DAY + 1),
            Err(ReturnRefusal::FaultReportedLate { ended_at: DELIVERED + 7 * DAY })
        );
        // A fault on a ring also needs its photo, and its 7 days.
        assert_eq!(
            check(RING, Some(DELIVERED), ask(ReturnReason::Defective, 0), DELIVERED + DAY),
            Err(ReturnRefusal::PhotoNeeded)
        );
    }

    #[test]
    fn the_gift_never_goes_back_alone() {
        let gift = PieceKind { gift: true, ..RING };
        assert_eq!(
            check(gift, Some(DELIVERED), ask(ReturnReason::ChangedMind, 0), DELIVERED),
            Err(ReturnRefusal::GiftAlone)
        );
        assert_eq!(returnable_until(gift, Some(DELIVERED)), None);
    }

    #[test]
    fn reasons_are_stored_as_words() {
        use std::str::FromStr;
        use strum::IntoEnumIterator;
        for reason in ReturnReason::iter() {
            assert_eq!(ReturnReason::from_str(reason.as_str()), Ok(reason));
        }
    }

    fn line(euros: i64, quantity: u32) -> PaidLine {
        PaidLine { unit: Money::from_euros(euros).unwrap(), quantity }
    }

    #[test]
    fn a_discount_is_shared_in_proportion_and_adds_up() {
        // €1,000 and €500 with €100 off: €66.67 and €33.33.
        let lines = [line(1_000, 1), line(500, 1)];
        let shares = discount_shares(&lines, Money::from_euros(100).unwrap());
        assert_eq!(shares, [Money::from_cents(6_667), Money::from_cents(3_333)]);
        assert_eq!(refund_for(&lines, Money::from_euros(100).unwrap(), &[(1, 1)]), Money::from_cents(46_667));
        // Two of three rings: two thirds of the line, less two thirds of its share.
        let rings = [line(300, 3)];
        assert_eq!(refund_for(&rings, Money::from_euros(90).unwrap(), &[(0, 2)]), Money::from_euros(540).unwrap());
        assert_eq!(
            refund_for(&rings, Money::ZERO, &[(0, 5)]),
            Money::from_euros(900).unwrap(),
            "never more pieces than bought"
        );
        // The gift, at €0, gives nothing back.
        assert_eq!(refund_for(&[line(0, 1)], Money::ZERO, &[(0, 1)]), Money::ZERO);
    }

    #[test]
    fn returns_move_one_step_at_a_time() {
        use ReturnAction as A;
        use ReturnState as S;
        let mut state = S::Requested;
        for action in [A::Approve, A::MarkReceived, A::Refund] {
            state = state.after(action).unwrap();
        }
        assert_eq!(state, S::Refunded);
        assert_eq!(S::Requested.after(A::Reject), Some(S::Rejected));
        assert_eq!(S::Received.after(A::Reject), Some(S::Rejected));
        assert_eq!(S::Approved.after(A::Refund), None, "not before the pieces are received");
        assert_eq!(S::Requested.after(A::MarkReceived), None);
        for end in [S::Refunded, S::Rejected] {
            assert!(end.is_final());
            for action in [A::Approve, A::Reject, A::MarkReceived, A::Refund] {
                assert!(!end.allows(action));
            }
        }
    }

    #[test]
    fn return_numbers_name_their_order() {
        let reference = crate::domain::checkout::OrderRef::parse("MA-0123456789").unwrap();
        let number = ReturnNumber::new(&reference, 2);
        assert_eq!(number.as_str(), "RT-0123456789-2");
        assert_eq!(ReturnNumber::parse("rt-0123456789-2"), Some(number.clone()));
        assert_eq!(number.order(), reference);
        for bad in ["", "RT-", "RT-0123456789", "RT-0123456789-0", "RT-0123456789-x", "RT-01234-1", "MA-0123456789-1"] {
            assert_eq!(ReturnNumber::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_request_names_its_pieces_within_what_is_left() {
        let ring = ReturnableLine { id: 1, kind: RING, quantity: 2, returned: 1 };
        let earrings = ReturnableLine { id: 2, kind: EARRINGS, quantity: 1, returned: 0 };
        let lines = [ring, earrings];
        let now = DELIVERED + DAY;
        let plain = ask(ReturnReason::WrongSize, 0);
        assert_eq!(check_request(&lines, &[(1, 1)], plain, 0, Some(DELIVERED), now), Ok(()));
        assert_eq!(check_request(&lines, &[], plain, 0, Some(DELIVERED), now), Err(RequestProblem::NothingChosen));
        assert_eq!(
            check_request(&lines, &[(1, 0)], plain, 0, Some(DELIVERED), now),
            Err(RequestProblem::NothingChosen)
        );
        assert_eq!(
            check_request(&lines, &[(1, 2)], plain, 0, Some(DELIVERED), now),
            Err(RequestProblem::TooMany { left: 1 })
        );
        assert_eq!(check_request(&lines, &[(9, 1)], plain, 0, Some(DELIVERED), now), Err(RequestProblem::UnknownLine));
        assert_eq!(
            check_request(&lines, &[(1, 1), (1, 1)], plain, 0, Some(DELIVERED), now),
            Err(RequestProblem::UnknownLine)
        );
        assert_eq!(
            check_request(&lines, &[(2, 1)], plain, 0, Some(DELIVERED), now),
            Err(RequestProblem::Refused(ReturnRefusal::FinalSale(FinalSale::Earrings)))
        );
        let fault = ask(ReturnReason::Defective, 6);
        assert_eq!(
            check_request(&lines, &[(2, 1)], fault, 0, Some(DELIVERED), now),
            Err(RequestProblem::TooManyPhotos)
        );
        let fault = ask(ReturnReason::Defective, 1);
        assert_eq!(check_request(&lines, &[(2, 1)], fault, 0, Some(DELIVERED), now), Ok(()));
        assert_eq!(
            check_request(&lines, &[(2, 1)], fault, MAX_NOTE_CHARS + 1, Some(DELIVERED), now),
            Err(RequestProblem::NoteTooLong)
        );
    }

    #[test]
    fn the_gift_comes_back_below_its_threshold() {
        let threshold = Money::from_euros(500).unwrap();
        assert!(gift_comes_back(Money::from_euros(499).unwrap(), threshold));
        assert!(!gift_comes_back(threshold, threshold));
        assert!(!gift_comes_back(Money::from_euros(800).unwrap(), threshold));
    }

    #[test]
    fn staff_refund_the_proposal_or_less_with_a_reason() {
        let proposed = Money::from_euros(400).unwrap();
        assert_eq!(adjust_refund(proposed, proposed, ""), Ok(proposed));
        let less = Money::from_euros(350).unwrap();
        assert_eq!(adjust_refund(proposed, less, " "), Err(AdjustProblem::ReasonNeeded));
        assert_eq!(adjust_refund(proposed, less, "Pouch not returned"), Ok(less));
        assert_eq!(
            adjust_refund(proposed, Money::from_euros(401).unwrap(), "why not"),
            Err(AdjustProblem::MoreThanProposed { proposed })
        );
        assert_eq!(adjust_refund(proposed, Money::ZERO, "worn"), Err(AdjustProblem::Nothing));
    }

    fn paid_lines() -> impl Strategy<Value = Vec<PaidLine>> {
        proptest::collection::vec(
            (0i64..500_000, 1u32..5)
                .prop_map(|(cents, quantity)| PaidLine { unit: Money::from_cents(cents), quantity }),
            1..6,
        )
    }

    fn kinds() -> impl Strategy<Value = PieceKind> {
        (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>())
            .prop_map(|(earrings, personalised, on_sale, gift)| PieceKind { earrings, personalised, on_sale, gift })
    }

    fn reasons() -> impl Strategy<Value = ReturnReason> {
        prop_oneof![
            Just(ReturnReason::ChangedMind),
            Just(ReturnReason::WrongSize),
            Just(ReturnReason::Damaged),
            Just(ReturnReason::Defective)
        ]
    }

    #[test]
    fn the_order_page_says_whether_and_until_when() {
        let day = |n: i64| DELIVERED + n * DAY;
        assert_eq!(returnability(RING, None, day(1)), Returnability::NotDelivered);
        assert_eq!(
            returnability(RING, Some(DELIVERED), day(3)),
            Returnability::Until { until: day(30), fault_until: day(7) }
        );
        assert_eq!(returnability(RING, Some(DELIVERED), day(31)), Returnability::Ended { ended_at: day(30) });
        assert_eq!(
            returnability(EARRINGS, Some(DELIVERED), day(3)),
            Returnability::FinalSale { why: FinalSale::Earrings, fault_until: Some(day(7)) }
        );
        assert_eq!(
            returnability(EARRINGS, Some(DELIVERED), day(8)),
            Returnability::FinalSale { why: FinalSale::Earrings, fault_until: None }
        );
        assert_eq!(returnability(PieceKind { gift: true, ..RING }, Some(DELIVERED), day(1)), Returnability::Gift);
    }

    proptest! {
        /// The shares add up to the discount; and however an order's
        /// pieces are split across returns, what they give back never adds
        /// up to more than was paid for them (subtotal less discount).
        #[test]
        fn refunds_never_exceed_what_was_paid(
            lines in paid_lines(),
            discount_part in 0u32..=100,
            splits in proptest::collection::vec(0u32..5, 6),
        ) {
            let subtotal: i64 = lines.iter().map(|l| l.total().cents()).sum();
            let discount = Money::from_cents(subtotal * i64::from(discount_part) / 100);
            let shares = discount_shares(&lines, discount);
            prop_assert_eq!(shares.iter().map(|s| s.cents()).sum::<i64>(), discount.cents());
            for (share, line) in shares.iter().zip(&lines) {
                prop_assert!(*share <= line.total());
            }
            // A first return takes `split` pieces of each line, a second the rest.
            let first: Vec<(usize, u32)> =
                lines.iter().enumerate().map(|(i, l)| (i, splits[i].min(l.quantity))).collect();
            let second: Vec<(usize, u32)> =
                lines.iter().enumerate().map(|(i, l)| (i, l.quantity - splits[i].min(l.quantity))).collect();
            let given = refund_for(&lines, discount, &first).plus(refund_for(&lines, discount, &second));
            prop_assert!(given.cents() <= subtotal - discount.cents());
            let all: Vec<(usize, u32)> = lines.iter().enumerate().map(|(i, l)| (i, l.quantity)).collect();
            prop_assert_eq!(refund_for(&lines, discount, &all).cents(), subtotal - discount.cents());
        }

        /// What the order page says agrees with the rule a request meets.
        #[test]
        fn the_page_says_what_the_rule_answers(
            kind in kinds(),
            delivered in any::<bool>(),
            days_after in -2i64..60,
            seconds in 0i64..DAY,
        ) {
            let now = DELIVERED + days_after * DAY + seconds;
            let delivered_at = delivered.then_some(DELIVERED);
            let plain = check(kind, delivered_at, ask(ReturnReason::ChangedMind, 0), now);
            let fault = check(kind, delivered_at, ask(ReturnReason::Defective, 1), now);
            match returnability(kind, delivered_at, now) {
                Returnability::Until { until, fault_until } => {
                    prop_assert!(plain.is_ok() && now <= until);
                    prop_assert_eq!(fault.is_ok(), now <= fault_until);
                }
                Returnability::FinalSale { fault_until, .. } => {
                    prop_assert!(plain.is_err());
                    prop_assert_eq!(fault.is_ok(), fault_until.is_some());
                }
                Returnability::Ended { .. } | Returnability::NotDelivered | Returnability::Gift => {
                    prop_assert!(plain.is_err() && fault.is_err());
                }
            }
        }

        /// Whatever the piece and the reason: nothing is accepted after 30
        /// days, a fault after 7 days or without a photo, a final sale
        /// without a fault, or a return not confirmed unworn; and the order
        /// page's "returnable until" agrees with the rule.
        #[test]
        fn the_rule_holds_whatever_is_asked(
            kind in kinds(),
            reason in reasons(),
            photos in 0usize..6,
            confirmed in any::<bool>(),
            days_after in -2i64..60,
            seconds in 0i64..DAY,
        ) {
            let now = DELIVERED + days_after * DAY + seconds;
            let asked = ReturnAsk { reason, photos, condition_confirmed: confirmed };
            let verdict = check(kind, Some(DELIVERED), asked, now);
            if verdict.is_ok() {
                prop_assert!(!kind.gift);
                prop_assert!(now <= DELIVERED + RETURN_WINDOW_DAYS * DAY);
                if reason.is_fault() {
                    prop_assert!(photos >= 1 && now <= DELIVERED + FAULT_WINDOW_DAYS * DAY);
                } else {
                    prop_assert!(kind.final_sale().is_none() && confirmed);
                }
            }
            if !reason.is_fault() && confirmed {
                let until = returnable_until(kind, Some(DELIVERED));
                prop_assert_eq!(verdict.is_ok(), until.is_some_and(|until| now <= until));
            }
        }
    }
}

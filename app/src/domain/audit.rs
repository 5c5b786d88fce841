//! The audit log (PRODUCT.md §9, issue 16 part 4): every staff action in
//! the shop, with who, when, the value before and after, and what it was
//! about. What an entry may be, how the page's filters are read, and how a
//! cell of the CSV export is written safely.

use super::day::Day;
use serde::{Deserialize, Serialize};

/// An action staff took. Stored by its snake_case name (`set_stock`…).
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
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    // An order moved through its lifecycle.
    PaymentAuthorised,
    PaymentDeclined,
    PaymentExpired,
    Validate,
    Ship,
    MarkDelivered,
    Cancel,
    // A return's steps.
    ReturnApprove,
    ReturnReject,
    ReturnReceive,
    ReturnRefund,
    /// Stock set for a (product, size).
    SetStock,
    /// A client service request marked handled.
    ServiceHandled,
    /// A member of staff passed the second factor.
    StaffSignIn,
    // Promo codes: created, changed, ended (never deleted: orders name them).
    PromoCreated,
    PromoChanged,
    PromoEnded,
    /// The gift offer's texts, threshold or whether it is offered.
    GiftChanged,
    // The catalogue's pieces: made, changed, put on the shop or taken off.
    PieceCreated,
    PieceChanged,
    PiecePublished,
    PieceWithdrawn,
    // A piece's pictures: uploaded, moved, described, removed.
    PictureAdded,
    PictureMoved,
    PictureDescribed,
    PictureRemoved,
}

/// What an action is about: the audit page's "kind" filter.
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
#[serde(rename_all = "snake_case")]
pub enum AuditKind {
    Order,
    Return,
    Stock,
    Service,
    SignIn,
    Promo,
    Gift,
    Catalogue,
    Pictures,
}

impl AuditAction {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The kind the action is filed under.
    pub fn kind(self) -> AuditKind {
        use AuditAction::*;
        match self {
            PaymentAuthorised | PaymentDeclined | PaymentExpired | Validate | Ship | MarkDelivered | Cancel => {
                AuditKind::Order
            }
            ReturnApprove | ReturnReject | ReturnReceive | ReturnRefund => AuditKind::Return,
            SetStock => AuditKind::Stock,
            ServiceHandled => AuditKind::Service,
            StaffSignIn => AuditKind::SignIn,
            PromoCreated | PromoChanged | PromoEnded => AuditKind::Promo,
            GiftChanged => AuditKind::Gift,
            PieceCreated | PieceChanged | PiecePublished | PieceWithdrawn => AuditKind::Catalogue,
            PictureAdded | PictureMoved | PictureDescribed | PictureRemoved => AuditKind::Pictures,
        }
    }
}

impl AuditKind {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The actions of this kind, for the query's `action IN (…)`.
    pub fn actions(self) -> Vec<AuditAction> {
        use strum::IntoEnumIterator;
        AuditAction::iter().filter(|a| a.kind() == self).collect()
    }
}

/// What the audit page's filters ask for; every part optional.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditFilter {
    /// A member of staff's address, compared in lower case.
    pub staff: Option<String>,
    pub kind: Option<AuditKind>,
    /// From the start of this day (Paris).
    pub from: Option<Day>,
    /// To the end of this day (Paris).
    pub to: Option<Day>,
}

/// Why the filters could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilterProblem {
    NotAKind,
    NotADate,
    EndsBeforeItStarts,
    StaffTooLong,
}

impl AuditFilter {
    /// Reads the page's fields; an empty field is no filter.
    pub fn parse(
        staff: Option<&str>,
        kind: Option<&str>,
        from: Option<&str>,
        to: Option<&str>,
    ) -> Result<AuditFilter, FilterProblem> {
        use std::str::FromStr;
        fn given(v: Option<&str>) -> Option<&str> {
            v.map(str::trim).filter(|v| !v.is_empty())
        }
        let staff = given(staff).map(str::to_lowercase);
        if staff.as_ref().is_some_and(|s| s.chars().count() > 254) {
            return Err(FilterProblem::StaffTooLong);
        }
        let kind = given(kind).map(AuditKind::from_str).transpose().map_err(|_| FilterProblem::NotAKind)?;
        let day = |v: Option<&str>| given(v).map(|d| Day::parse(d).ok_or(FilterProblem::NotADate)).transpose();
        let (from, to) = (day(from)?, day(to)?);
        if let (Some(from), Some(to)) = (from, to) {
            if to < from {
                return Err(FilterProblem::EndsBeforeItStarts);
            }
        }
        Ok(AuditFilter { staff, kind, from, to })
    }
}

/// A cell of the CSV export, safe to open in a spreadsheet: text a
/// spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a
/// tab or a carriage return: OWASP's "CSV injection") is prefixed with `'`.
/// The CSV quoting itself is the `csv` crate's.
pub fn csv_cell(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use strum::IntoEnumIterator;

    #[test]
    fn every_action_has_one_kind_and_a_name_that_reads_back() {
        use std::str::FromStr;
        for action in AuditAction::iter() {
            assert_eq!(AuditAction::from_str(action.as_str()), Ok(action));
            assert!(action.kind().actions().contains(&action));
        }
        assert_eq!(AuditAction::SetStock.as_str(), "set_stock");
        assert_eq!(AuditAction::StaffSignIn.as_str(), "staff_sign_in");
        assert_eq!(AuditAction::ReturnRefund.as_str(), "return_refund");
        let all: usize = AuditKind::iter().map(|k| k.actions().len()).sum();
        assert_eq!(all, AuditAction::iter().count());
    }

    #[test]
    fn filters_are_read_or_refused_with_a_reason() {
        let f = AuditFilter::parse(Some(" Clerk@Example.fr "), Some("stock"), Some("2026-12-01"), Some("2026-12-06"));
        assert_eq!(
            f,
            Ok(AuditFilter {
                staff: Some("clerk@example.fr".into()),
                kind: Some(AuditKind::Stock),
                from: Day::parse("2026-12-01"),
                to: Day::parse("2026-12-06"),
            })
        );
        assert_eq!(AuditFilter::parse(None, Some(""), Some(" "), None), Ok(AuditFilter::default()));
        assert_eq!(AuditFilter::parse(None, Some("refunds"), None, None), Err(FilterProblem::NotAKind));
        assert_eq!(AuditFilter::parse(None, None, Some("2026-02-30"), None), Err(FilterProblem::NotADate));
        assert_eq!(AuditFilter::parse(None, None, Some("06/12/2026"), None), Err(FilterProblem::NotADate));
        assert_eq!(
            AuditFilter::parse(None, None, Some("2026-12-06"), Some("2026-12-05")),
            Err(FilterProblem::EndsBeforeItStarts)
        );
        assert_eq!(AuditFilter::parse(Some(&"a".repeat(255)), None, None, None), Err(FilterProblem::StaffTooLong));
        assert_eq!(Day::parse("2024-02-29").map(Day::iso).as_deref(), Some("2024-02-29"));
        assert_eq!(Day::parse("2025-02-29"), None);
    }

    #[test]
    fn formulas_are_defused_in_the_export() {
        assert_eq!(csv_cell("=HYPERLINK(\"http://evil\")"), "'=HYPERLINK(\"http://evil\")");
        assert_eq!(csv_cell("+33 6 11"), "'+33 6 11");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("Being validated"), "Being validated");
        assert_eq!(csv_cell(""), "");
    }

    proptest! {
        /// Whatever a cell holds, a spreadsheet never sees it start as a formula.
        #[test]
        fn no_cell_starts_as_a_formula(text in ".*") {
            let cell = csv_cell(&text);
            prop_assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']));
            prop_assert!(cell.ends_with(&text));
        }

        /// Every real date reads back as itself.
        #[test]
        fn dates_read_back(y in 2000i16..3000, m in 1u8..=12, d in 1u8..=28) {
            let day = Day { year: y, month: m, day: d };
            prop_assert_eq!(Day::parse(&day.iso()), Some(day));
        }
    }
}

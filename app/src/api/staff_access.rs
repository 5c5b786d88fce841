//! The staff's sign-in safeguards (PRODUCT.md §9, issue 16 part 5): the
//! second factor after the password (enrolled with a QR code at the first
//! sign-in, recovery codes shown once), and the day's dashboard.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the second factor's page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SecondFactorView {
    /// First sign-in: the QR code (a `data:` PNG), the key it holds, and a code to confirm.
    Enrol { qr: String, key: String },
    /// A code from the app, or a recovery code.
    Code,
    /// This session has passed already.
    Done,
}

/// The recovery codes, shown once after enrolment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecoveryView {
    /// The codes, "ABCDE-FGHIJ", the first time; empty ever after.
    pub codes: Vec<String>,
    /// How many are left unused.
    pub left: u64,
}

/// The day's dashboard: what waits for the house.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DashboardView {
    pub placed_today: u64,
    pub to_validate: u64,
    pub to_ship: u64,
    pub returns_to_answer: u64,
    pub returns_to_inspect: u64,
    pub inbox_open: u64,
}

/// The second factor's page: enrolment the first time, else the code.
/// 401 signed out, 403 for a customer.
#[server(endpoint = "staff/second-factor/page")]
pub async fn second_factor_page() -> Result<SecondFactorView, AppError> {
    use crate::auth::second_factor::{enrolment, new_secret};
    use crate::store::{second_factors, unix_now};
    let (db, site) = super::context()?;
    let now = unix_now();
    let me = super::session::require(&db, &site, now).await?;
    if !me.awaiting_second_factor {
        return if me.customer.is_staff { Ok(SecondFactorView::Done) } else { Err(not_staff()) };
    }
    if second_factors::get(&db, me.customer.id).await?.is_some_and(|f| f.enrolled) {
        return Ok(SecondFactorView::Code);
    }
    let mut conn = db.pool.acquire().await?;
    let secret = second_factors::offer(&mut conn, me.customer.id, &new_secret(), &me.token.digest(), now).await?;
    let (qr, _url) = enrolment(&secret, me.customer.email.as_str()).ok_or_else(|| {
        tracing::error!(staff = me.customer.id, "a stored second-factor secret could not be read");
        AppError::Internal
    })?;
    Ok(SecondFactorView::Enrol { qr, key: spaced(&secret) })
}

/// The key as an app asks it to be typed: in groups of four.
#[cfg(feature = "ssr")]
fn spaced(secret: &str) -> String {
    secret.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
}

#[cfg(feature = "ssr")]
fn not_staff() -> AppError {
    AppError::Forbidden(crate::i18n::use_locale().account_staff_only().to_owned()).respond()
}

/// Checks the second factor of a member of staff who has typed their
/// password: a one-time code (never one already used) or a recovery code
/// (once each). Five wrong codes in 15 minutes and the account waits.
/// The first code confirms the enrolment, and the recovery codes follow.
#[server(endpoint = "staff/second-factor")]
pub async fn second_factor(code: String, next: Option<String>) -> Result<(), AppError> {
    use crate::auth::second_factor::{matching_step, recovery_digest};
    use crate::domain::{
        next_path::{encode_query_value, NextPath},
        rate_limit::SECOND_FACTOR_PER_ACCOUNT,
        second_factor::SecondFactorCode,
    };
    use crate::store::{audit, rate_limits, second_factors, sessions, unix_now};
    let t = crate::i18n::use_locale();
    let (db, site) = super::context()?;
    let now = unix_now();
    let me = super::session::require(&db, &site, now).await?;
    let next = NextPath::parse(next.as_deref().filter(|n| !n.trim().is_empty()).or(Some("/staff")));
    if !me.awaiting_second_factor {
        if !me.customer.is_staff {
            return Err(not_staff());
        }
        leptos_axum::redirect(&next.href(t));
        return Ok(());
    }
    let refused = |message: &str| AppError::Invalid { field: "code".into(), message: message.to_owned() }.respond();
    let Some(code) = SecondFactorCode::parse(&code) else {
        return Err(refused(t.second_factor_not_a_code()));
    };
    // Counted first, then decided: tries sent all at once cannot slip
    // under the limit together. A success clears the count.
    let account = me.customer.id.to_string();
    if !rate_limits::count_then_allows(&db, SECOND_FACTOR_PER_ACCOUNT, &account, now).await?.1 {
        tracing::warn!(staff = me.customer.id, "too many second-factor tries");
        return Err(AppError::TooManyAttempts(SECOND_FACTOR_PER_ACCOUNT.message(t)).respond());
    }
    let factor = second_factors::get(&db, me.customer.id)
        .await?
        // Only the session the secret was shown to confirms an enrolment.
        .filter(|f| f.enrolled || f.offered_to == me.token.digest());
    let Some(factor) = factor else {
        return Err(refused(t.second_factor_wrong()));
    };
    let mut tx = db.begin_write().await?;
    let (accepted, how) = match &code {
        SecondFactorCode::OneTime(digits) => match matching_step(&factor.secret, digits, now, factor.last_step) {
            // The guarded update refuses a step used meanwhile (the same code sent twice at once).
            Some(step) => (second_factors::use_step(&mut tx, me.customer.id, step, now).await?, "one-time code"),
            None => (false, "one-time code"),
        },
        SecondFactorCode::Recovery(recovery) if factor.enrolled => (
            second_factors::use_recovery(&mut tx, me.customer.id, &recovery_digest(recovery), now).await?,
            "recovery code",
        ),
        SecondFactorCode::Recovery(_) => (false, "recovery code"),
    };
    if !accepted {
        tx.rollback().await?;
        tracing::warn!(staff = me.customer.id, how, "a second factor was refused");
        return Err(refused(t.second_factor_wrong()));
    }
    // A new session token once both factors are in: a cookie taken while
    // the session waited for the code is worth nothing afterwards.
    let fresh = super::session::start(&mut tx, &site, me.customer.id, now).await?;
    sessions::pass_second_factor(&mut tx, &fresh, now).await?;
    let entry = audit::NewEntry {
        staff: &me.customer,
        action: crate::domain::audit::AuditAction::StaffSignIn,
        order_id: None,
        before: String::new(),
        after: String::new(),
        detail: if factor.enrolled { how.to_owned() } else { format!("{how}, authenticator enrolled") },
    };
    audit::record(&mut tx, &entry, now).await?;
    tx.commit().await?;
    rate_limits::clear(&db, SECOND_FACTOR_PER_ACCOUNT, &account).await?;
    tracing::info!(staff = me.customer.id, how, "a member of staff signed in");
    if factor.enrolled {
        leptos_axum::redirect(&next.href(t));
    } else {
        // Just enrolled: the recovery codes, once, then on.
        leptos_axum::redirect(&t.href(&format!("/staff/recovery-codes?next={}", encode_query_value(next.as_str()))));
    }
    Ok(())
}

/// The recovery codes: made and shown the first time this is asked after
/// enrolment, never again (only their digests are kept).
#[server(endpoint = "staff/recovery-codes")]
pub async fn recovery_codes() -> Result<RecoveryView, AppError> {
    use crate::auth::second_factor::{new_recovery_codes, recovery_digest};
    use crate::domain::second_factor::recovery_code_shown;
    use crate::store::{second_factors, unix_now};
    let (db, site) = super::context()?;
    let now = unix_now();
    let me = super::session::require_staff(&db, &site, now).await?;
    let codes = new_recovery_codes();
    let digests: Vec<String> = codes.iter().map(|c| recovery_digest(c)).collect();
    let mut tx = db.begin_write().await?;
    let issued = second_factors::issue_recovery(&mut tx, me.customer.id, &digests, now).await?;
    tx.commit().await?;
    let left = u64::try_from(second_factors::recovery_left(&db, me.customer.id).await?).unwrap_or(0);
    Ok(RecoveryView {
        codes: if issued { codes.iter().map(|c| recovery_code_shown(c)).collect() } else { Vec::new() },
        left,
    })
}

/// What waits for the house today.
#[server(endpoint = "staff/dashboard")]
pub async fn staff_dashboard() -> Result<DashboardView, AppError> {
    use crate::store::{dashboard, unix_now};
    let (db, site) = super::context()?;
    let now = unix_now();
    super::session::require_staff(&db, &site, now).await?;
    let waiting = dashboard::waiting(&db, crate::domain::local_hours::paris_day_start(now)).await?;
    let n = |v: i64| u64::try_from(v).unwrap_or(0);
    Ok(DashboardView {
        placed_today: n(waiting.placed_today),
        to_validate: n(waiting.to_validate),
        to_ship: n(waiting.to_ship),
        returns_to_answer: n(waiting.returns_to_answer),
        returns_to_inspect: n(waiting.returns_to_inspect),
        inbox_open: n(waiting.inbox_open),
    })
}

//! Promo codes: data the house sets; the rules are in `domain::promo`
//! (checkout) and `domain::promo_editor` (the back office).

use super::Db;
use crate::domain::{
    money::Money,
    promo::{Discount, PromoCode},
    promo_editor::DiscountKind,
};
use sqlx::{AnyConnection, Row};
use std::str::FromStr;

/// A code as stored: its terms, how many orders used it, and the revision
/// every edit moves (an order counts its use only at the revision it read).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredPromo {
    pub promo: PromoCode,
    pub revision: i64,
    pub uses: i64,
}

const SELECT: &str =
    "SELECT code, kind, amount, starts_at, ends_at, min_subtotal_cents, revision, uses FROM promo_codes";

fn stored(row: &sqlx::any::AnyRow) -> Result<StoredPromo, sqlx::Error> {
    let code: String = row.try_get("code")?;
    let amount: i64 = row.try_get("amount")?;
    let kind: String = row.try_get("kind")?;
    let corrupt = |what: &str| sqlx::Error::Decode(format!("promo {code}: {what}").into());
    let discount = match DiscountKind::from_str(&kind).map_err(|_| corrupt("unknown kind"))? {
        DiscountKind::Percent => Discount::Percent(u8::try_from(amount).map_err(|_| corrupt("bad percent"))?),
        DiscountKind::Fixed => Discount::Fixed(Money::from_cents(amount)),
    };
    Ok(StoredPromo {
        promo: PromoCode {
            discount,
            starts_at: row.try_get("starts_at")?,
            ends_at: row.try_get("ends_at")?,
            min_subtotal: row.try_get::<Option<i64>, _>("min_subtotal_cents")?.map(Money::from_cents),
            code,
        },
        revision: row.try_get("revision")?,
        uses: row.try_get("uses")?,
    })
}

/// The active code with this (normalised) name, if there is one.
pub async fn find(db: &Db, code: &str) -> Result<Option<StoredPromo>, sqlx::Error> {
    let row =
        sqlx::query(&format!("{SELECT} WHERE code = $1 AND active = 1")).bind(code).fetch_optional(&db.pool).await?;
    row.as_ref().map(stored).transpose()
}

/// Every active code, newest window first: the back office's list.
pub async fn list(db: &Db) -> Result<Vec<StoredPromo>, sqlx::Error> {
    let rows =
        sqlx::query(&format!("{SELECT} WHERE active = 1 ORDER BY starts_at DESC, code")).fetch_all(&db.pool).await?;
    rows.iter().map(stored).collect()
}

fn amount(discount: Discount) -> i64 {
    match discount {
        Discount::Percent(p) => i64::from(p),
        Discount::Fixed(m) => m.cents(),
    }
}

/// Adds a code; `false` if one of that name exists already (used or ended codes included).
pub async fn create(conn: &mut AnyConnection, promo: &PromoCode, now: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO promo_codes (code, kind, amount, starts_at, ends_at, min_subtotal_cents, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (code) DO NOTHING",
    )
    .bind(&promo.code)
    .bind(DiscountKind::of(promo.discount).as_str())
    .bind(amount(promo.discount))
    .bind(promo.starts_at)
    .bind(promo.ends_at)
    .bind(promo.min_subtotal.map(Money::cents))
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Replaces a code's terms if it is still at `revision`, and, when the
/// terms change (`same_terms` false), only while no order has used it.
/// `false` when nothing was written: the caller reads the code again to say why.
pub async fn update(
    conn: &mut AnyConnection,
    promo: &PromoCode,
    revision: i64,
    same_terms: bool,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE promo_codes SET kind = $1, amount = $2, starts_at = $3, ends_at = $4, min_subtotal_cents = $5, \
         revision = revision + 1 WHERE code = $6 AND active = 1 AND revision = $7 AND (uses = 0 OR $8 = 1)",
    )
    .bind(DiscountKind::of(promo.discount).as_str())
    .bind(amount(promo.discount))
    .bind(promo.starts_at)
    .bind(promo.ends_at)
    .bind(promo.min_subtotal.map(Money::cents))
    .bind(&promo.code)
    .bind(revision)
    .bind(i64::from(same_terms))
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Counts an order's use of a code, inside the order's transaction, if the
/// code is still at the revision the order's quote read; `false` if it has
/// changed (or ended) meanwhile, and the order must not be placed.
pub async fn count_use(conn: &mut AnyConnection, code: &str, revision: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE promo_codes SET uses = uses + 1 WHERE code = $1 AND revision = $2 AND active = 1")
        .bind(code)
        .bind(revision)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

//! Returns (PRODUCT.md §7): what a customer sends back, its photos, and
//! each step the house takes. A return is written in one transaction with
//! its timeline entry and its email.
//!
//! Two guards hold under any race: the customer's form key is UNIQUE (a
//! double click is one return), and each line's `returned` count grows by
//! an update that only passes while it stays within the pieces bought (a
//! rejected return gives its pieces back).

use super::Db;
use crate::domain::{
    checkout::OrderRef,
    money::Money,
    order_status::{Actor, OrderStatus},
    returns::{PostagePaidBy, ReturnNumber, ReturnReason, ReturnState, ReturnStep},
};
use sqlx::{AnyConnection, Row};
use std::str::FromStr;

fn corrupt(what: &str, value: &str) -> sqlx::Error {
    sqlx::Error::Decode(format!("corrupt {what} {value:?} in returns").into())
}

/// A return to write.
#[derive(Clone, Debug)]
pub struct NewReturn<'a> {
    pub order_id: i64,
    pub reference: &'a OrderRef,
    pub key: &'a str,
    pub reason: ReturnReason,
    pub note: &'a str,
    /// (line id, pieces), the gift's line included when it comes back.
    pub lines: &'a [(i64, u32)],
    pub gift_back: bool,
    pub proposed: Money,
}

/// What writing a return did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Opened {
    New {
        id: i64,
        number: ReturnNumber,
    },
    /// The same form, sent again: that return.
    Already {
        number: ReturnNumber,
    },
    /// Another return took the pieces meanwhile: nothing is written, the
    /// caller's transaction must be rolled back.
    NotEnoughLeft,
}

/// Writes a return and its lines inside the caller's transaction.
pub async fn open(conn: &mut AnyConnection, new: &NewReturn<'_>, now: i64) -> Result<Opened, sqlx::Error> {
    if let Some(number) = number_by_key(conn, new.key).await? {
        return Ok(Opened::Already { number });
    }
    for (line, pieces) in new.lines {
        let taken = sqlx::query(
            "UPDATE order_lines SET returned = returned + $1 \
             WHERE id = $2 AND order_id = $3 AND returned + $1 <= quantity",
        )
        .bind(i64::from(*pieces))
        .bind(line)
        .bind(new.order_id)
        .execute(&mut *conn)
        .await?;
        if taken.rows_affected() == 0 {
            return Ok(Opened::NotEnoughLeft);
        }
    }
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM returns WHERE order_id = $1")
        .bind(new.order_id)
        .fetch_one(&mut *conn)
        .await?;
    // Two requests of one order at once may want the same rank: the
    // number is UNIQUE, so the second takes the next one.
    for rank in count + 1..count + 10 {
        let number = ReturnNumber::new(new.reference, u32::try_from(rank).unwrap_or(u32::MAX));
        let id: Option<i64> = sqlx::query_scalar(
            "INSERT INTO returns (number, order_id, idempotency_key, reason, state, note, gift_back, \
             proposed_cents, created_at, updated_at) VALUES ($1, $2, $3, $4, 'requested', $5, $6, $7, $8, $8) \
             ON CONFLICT DO NOTHING RETURNING id",
        )
        .bind(number.as_str())
        .bind(new.order_id)
        .bind(new.key)
        .bind(new.reason.as_str())
        .bind(new.note)
        .bind(i64::from(new.gift_back))
        .bind(new.proposed.cents())
        .bind(now)
        .fetch_optional(&mut *conn)
        .await?;
        if let Some(id) = id {
            for (line, pieces) in new.lines {
                sqlx::query("INSERT INTO return_lines (return_id, line_id, quantity) VALUES ($1, $2, $3)")
                    .bind(id)
                    .bind(line)
                    .bind(i64::from(*pieces))
                    .execute(&mut *conn)
                    .await?;
            }
            return Ok(Opened::New { id, number });
        }
        if let Some(number) = number_by_key(conn, new.key).await? {
            return Ok(Opened::Already { number });
        }
    }
    Err(corrupt("number", "no free rank"))
}

/// The return made by the form sent under `key`, if it was.
pub async fn number_by_key(conn: &mut AnyConnection, key: &str) -> Result<Option<ReturnNumber>, sqlx::Error> {
    let number: Option<String> = sqlx::query_scalar("SELECT number FROM returns WHERE idempotency_key = $1")
        .bind(key)
        .fetch_optional(conn)
        .await?;
    number.map(|n| ReturnNumber::parse(&n).ok_or_else(|| corrupt("number", &n))).transpose()
}

/// A photo already re-encoded and put in the object store.
#[derive(Clone, Debug)]
pub struct NewPhoto<'a> {
    pub id: &'a str,
    pub object_key: &'a str,
    pub content_type: &'a str,
    pub bytes: usize,
}

pub async fn add_photo(
    conn: &mut AnyConnection,
    return_id: i64,
    position: usize,
    photo: &NewPhoto<'_>,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO return_photos (id, return_id, position, object_key, content_type, bytes, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(photo.id)
    .bind(return_id)
    .bind(i64::try_from(position).unwrap_or(i64::MAX))
    .bind(photo.object_key)
    .bind(photo.content_type)
    .bind(i64::try_from(photo.bytes).unwrap_or(i64::MAX))
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// A return as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredReturn {
    pub id: i64,
    pub number: ReturnNumber,
    pub order_id: i64,
    pub reason: ReturnReason,
    pub state: ReturnState,
    pub note: String,
    pub rejection: Option<String>,
    pub gift_back: bool,
    pub proposed: Money,
    pub postage_paid_by: Option<PostagePaidBy>,
    pub refund_id: Option<i64>,
    pub refund_note: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    /// (line id, pieces)
    pub lines: Vec<(i64, u32)>,
    /// The photos' ids, in the order they were sent.
    pub photos: Vec<String>,
}

const COLUMNS: &str = "id, number, order_id, reason, state, note, rejection, gift_back, proposed_cents, \
    postage_paid_by, refund_id, refund_note, created_at, updated_at";

async fn read(db: &Db, r: &sqlx::any::AnyRow) -> Result<StoredReturn, sqlx::Error> {
    let text = |name: &str| r.try_get::<String, _>(name);
    let (number, reason, state) = (text("number")?, text("reason")?, text("state")?);
    let postage: Option<String> = r.try_get("postage_paid_by")?;
    let id: i64 = r.try_get("id")?;
    let lines = sqlx::query("SELECT line_id, quantity FROM return_lines WHERE return_id = $1 ORDER BY line_id")
        .bind(id)
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|l| {
            let pieces: i64 = l.try_get("quantity")?;
            Ok((l.try_get("line_id")?, u32::try_from(pieces).map_err(|_| corrupt("pieces", &pieces.to_string()))?))
        })
        .collect::<Result<_, sqlx::Error>>()?;
    let photos = sqlx::query_scalar("SELECT id FROM return_photos WHERE return_id = $1 ORDER BY position")
        .bind(id)
        .fetch_all(&db.pool)
        .await?;
    Ok(StoredReturn {
        id,
        number: ReturnNumber::parse(&number).ok_or_else(|| corrupt("number", &number))?,
        order_id: r.try_get("order_id")?,
        reason: ReturnReason::from_str(&reason).map_err(|_| corrupt("reason", &reason))?,
        state: ReturnState::from_str(&state).map_err(|_| corrupt("state", &state))?,
        note: r.try_get("note")?,
        rejection: r.try_get("rejection")?,
        gift_back: r.try_get::<i64, _>("gift_back")? == 1,
        proposed: Money::from_cents(r.try_get("proposed_cents")?),
        postage_paid_by: postage
            .map(|p| PostagePaidBy::from_str(&p).map_err(|_| corrupt("postage", &p)))
            .transpose()?,
        refund_id: r.try_get("refund_id")?,
        refund_note: r.try_get("refund_note")?,
        created_at: r.try_get("created_at")?,
        updated_at: r.try_get("updated_at")?,
        lines,
        photos,
    })
}

/// An order's returns, oldest first.
pub async fn for_order(db: &Db, order_id: i64) -> Result<Vec<StoredReturn>, sqlx::Error> {
    let rows = sqlx::query(&format!("SELECT {COLUMNS} FROM returns WHERE order_id = $1 ORDER BY id"))
        .bind(order_id)
        .fetch_all(&db.pool)
        .await?;
    let mut returns = Vec::with_capacity(rows.len());
    for row in &rows {
        returns.push(read(db, row).await?);
    }
    Ok(returns)
}

pub async fn by_number(db: &Db, number: &ReturnNumber) -> Result<Option<StoredReturn>, sqlx::Error> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM returns WHERE number = $1"))
        .bind(number.as_str())
        .fetch_optional(&db.pool)
        .await?;
    match row {
        Some(row) => Ok(Some(read(db, &row).await?)),
        None => Ok(None),
    }
}

/// A return in the staff queue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueueRow {
    pub number: ReturnNumber,
    pub reference: String,
    pub state: ReturnState,
    pub reason: ReturnReason,
    pub customer: String,
    pub updated_at: i64,
}

/// Returns, those waiting longest first, optionally in one state.
pub async fn queue(db: &Db, state: Option<ReturnState>, limit: i64) -> Result<Vec<QueueRow>, sqlx::Error> {
    sqlx::query(
        "SELECT r.number, o.reference, r.state, r.reason, o.full_name, r.updated_at \
         FROM returns r JOIN orders o ON o.id = r.order_id \
         WHERE ($1 = '' OR r.state = $1) ORDER BY r.updated_at, r.id LIMIT $2",
    )
    .bind(state.map(ReturnState::as_str).unwrap_or_default())
    .bind(limit)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| {
        let text = |name: &str| r.try_get::<String, _>(name);
        let (number, state, reason) = (text("number")?, text("state")?, text("reason")?);
        Ok(QueueRow {
            number: ReturnNumber::parse(&number).ok_or_else(|| corrupt("number", &number))?,
            reference: text("reference")?,
            state: ReturnState::from_str(&state).map_err(|_| corrupt("state", &state))?,
            reason: ReturnReason::from_str(&reason).map_err(|_| corrupt("reason", &reason))?,
            customer: text("full_name")?,
            updated_at: r.try_get("updated_at")?,
        })
    })
    .collect()
}

/// What a step writes besides the state.
#[derive(Clone, Debug, Default)]
pub struct StepFields<'a> {
    pub rejection: Option<&'a str>,
    pub postage_paid_by: Option<PostagePaidBy>,
    pub refund: Option<(i64, &'a str)>,
}

/// Moves a return from `from` to `to` with a guarded update: `false` when
/// someone moved it first (the caller's transaction then writes nothing).
pub async fn advance(
    conn: &mut AnyConnection,
    id: i64,
    from: ReturnState,
    to: ReturnState,
    fields: &StepFields<'_>,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let moved = sqlx::query(
        "UPDATE returns SET state = $1, updated_at = $2, rejection = COALESCE($3, rejection), \
         postage_paid_by = COALESCE($4, postage_paid_by), refund_id = COALESCE($5, refund_id), \
         refund_note = COALESCE($6, refund_note) WHERE id = $7 AND state = $8",
    )
    .bind(to.as_str())
    .bind(now)
    .bind(fields.rejection)
    .bind(fields.postage_paid_by.map(PostagePaidBy::as_str))
    .bind(fields.refund.map(|(id, _)| id))
    .bind(fields.refund.map(|(_, note)| note))
    .bind(id)
    .bind(from.as_str())
    .execute(&mut *conn)
    .await?;
    if moved.rows_affected() == 0 {
        return Ok(false);
    }
    if to == ReturnState::Rejected {
        // The pieces were not taken back: they may be asked for again.
        sqlx::query(
            "UPDATE order_lines SET returned = returned - \
             (SELECT quantity FROM return_lines WHERE return_id = $1 AND line_id = order_lines.id) \
             WHERE id IN (SELECT line_id FROM return_lines WHERE return_id = $1)",
        )
        .bind(id)
        .execute(conn)
        .await?;
    }
    Ok(true)
}

/// Writes a return's entry in its order's timeline; `status` is the order's, unchanged.
pub async fn add_event(
    conn: &mut AnyConnection,
    order_id: i64,
    status: OrderStatus,
    actor: Actor,
    return_id: i64,
    step: ReturnStep,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO order_events (order_id, at, status, actor, note, return_id, return_step) \
         VALUES ($1, $2, $3, $4, '', $5, $6)",
    )
    .bind(order_id)
    .bind(now)
    .bind(status.as_str())
    .bind(super::orders::actor_name(actor))
    .bind(return_id)
    .bind(step.as_str())
    .execute(conn)
    .await?;
    Ok(())
}

/// A photo's place: which return (and order) it belongs to, where its bytes are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredPhoto {
    pub order_id: i64,
    pub object_key: String,
    pub content_type: String,
}

pub async fn photo(db: &Db, id: &str) -> Result<Option<StoredPhoto>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT r.order_id, p.object_key, p.content_type FROM return_photos p \
         JOIN returns r ON r.id = p.return_id WHERE p.id = $1",
    )
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    row.map(|r| {
        Ok(StoredPhoto {
            order_id: r.try_get("order_id")?,
            object_key: r.try_get("object_key")?,
            content_type: r.try_get("content_type")?,
        })
    })
    .transpose()
}

/// The threshold an order's gift line (`line_id`, named `name` in either
/// language) was given from: the one the order recorded, else (orders from
/// before it was recorded) the offer of that name, else the lowest active
/// threshold, the one a shopper meets first.
pub async fn gift_threshold(conn: &mut AnyConnection, line_id: i64, name: &str) -> Result<Option<Money>, sqlx::Error> {
    let recorded: Option<i64> =
        sqlx::query_scalar("SELECT gift_threshold_cents FROM order_lines WHERE id = $1 AND is_gift = 1")
            .bind(line_id)
            .fetch_optional(&mut *conn)
            .await?
            .flatten();
    if let Some(cents) = recorded {
        return Ok(Some(Money::from_cents(cents)));
    }
    let named: Option<i64> = sqlx::query_scalar(
        "SELECT threshold_cents FROM gift_offers WHERE name = $1 OR name_fr = $1 ORDER BY active DESC LIMIT 1",
    )
    .bind(name)
    .fetch_optional(&mut *conn)
    .await?;
    let cents = match named {
        Some(cents) => Some(cents),
        None => {
            sqlx::query_scalar("SELECT CAST(MIN(threshold_cents) AS BIGINT) FROM gift_offers WHERE active = 1")
                .fetch_one(conn)
                .await?
        }
    };
    Ok(cents.map(Money::from_cents))
}

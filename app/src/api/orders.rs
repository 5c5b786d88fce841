//! Orders as customers see them (PRODUCT.md §4 and §6): the order page
//! (reached signed in, or by the signed link of the order's emails), the
//! history in My account, and the requests to cancel or change an order.

use crate::domain::{
    checkout::Totals,
    money::Money,
    order_status::{Actor, OrderStatus, TimelineKind},
    refund::RefundState,
    returns::FinalSale,
};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One line of an order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderLineView {
    pub id: i64,
    pub name: String,
    pub slug: String,
    pub size: String,
    pub quantity: u32,
    pub shipped: u32,
    pub unit: Money,
    pub total: Money,
    pub is_gift: bool,
    pub made_to_order: bool,
    /// Whether, and until when, it can be returned (PRODUCT.md §7).
    pub returns: LineReturns,
}

/// Whether, and until when, a delivered line can be returned, its dates
/// written in Paris time as the page's language writes them
/// (`domain::returns::returnability` decides).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LineReturns {
    /// Nothing to say: not delivered yet, or the gift (it follows the piece that earned it).
    Nothing,
    Until {
        until: String,
        fault_until: String,
    },
    FinalSale {
        why: FinalSale,
        fault_until: Option<String>,
    },
    Ended {
        on: String,
    },
}

/// One entry of the timeline. What it records is said by the page, in its
/// reader's language (`Locale::order_timeline_says`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// Paris time, as written on the page.
    pub at: String,
    pub status: OrderStatus,
    pub actor: Actor,
    pub kind: TimelineKind,
    /// What a person typed: a customer's request, the house's reason for cancelling.
    pub note: String,
    /// For a shipment, its parcel: (carrier, tracking number).
    pub parcel: Option<(String, String)>,
}

/// A parcel on its way.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShipmentView {
    pub carrier: String,
    pub tracking_number: String,
    pub shipped_at: String,
    /// "2 × Aube ring (52)".
    pub contents: Vec<String>,
}

/// An order, as its page and receipt show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderView {
    pub reference: String,
    pub status: OrderStatus,
    pub placed_at: String,
    pub email: String,
    pub address: Vec<String>,
    pub phone: Option<String>,
    pub lines: Vec<OrderLineView>,
    pub totals: Totals,
    pub promo_code: Option<String>,
    pub shipping_zone: String,
    /// "5–10 business days", in the page's language.
    pub estimate: String,
    /// For deliveries outside the EU, in the page's language.
    pub customs_notice: Option<String>,
    pub timeline: Vec<TimelineEntry>,
    pub shipments: Vec<ShipmentView>,
    /// True when the order was cancelled because the bank declined the card.
    pub payment_declined: bool,
    /// Money given back, oldest first.
    pub refunds: Vec<RefundView>,
    /// Returns asked for, oldest first.
    pub returns: Vec<super::returns::ReturnNote>,
    /// Whether a piece can be returned now: the page offers the returns form.
    pub can_return: bool,
}

/// A refund, as the order page lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefundView {
    pub amount: Money,
    pub state: RefundState,
    /// Paris time, as written on the page.
    pub asked_at: String,
}

/// An order in a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderSummary {
    pub reference: String,
    pub status: OrderStatus,
    pub placed_at: String,
    pub total: Money,
    pub pieces: u32,
    pub name: String,
    pub email: String,
}

/// An order's page: for its customer signed in, for whoever holds the
/// link of its emails (`key`), and for staff. Anyone else gets a 404 (or,
/// signed out and without a key, a 401 asking to sign in).
#[server(endpoint = "orders/view")]
pub async fn get_order(reference: String, key: Option<String>) -> Result<OrderView, AppError> {
    let (db, site) = super::context()?;
    let order = access::reach(&db, &site, &reference, key.as_deref()).await?;
    super::session::no_store();
    access::view(&db, &order, key.as_deref()).await
}

/// The signed-in customer's orders, newest first.
#[server(endpoint = "orders/mine")]
pub async fn my_orders() -> Result<Vec<OrderSummary>, AppError> {
    use crate::store::{orders, unix_now};
    let (db, site) = super::context()?;
    let me = super::session::require(&db, &site, unix_now()).await?.customer;
    let verified = me.email_verified.then(|| me.email.lookup_key());
    let rows = orders::for_customer(&db, me.id, verified.as_deref()).await?;
    Ok(rows.into_iter().map(access::summary).collect())
}

/// Cancels an order at the customer's request: only before it is
/// Confirmed; after, the answer is a 409 that says why and what to do.
#[server(endpoint = "orders/cancel")]
pub async fn cancel_order(reference: String, key: Option<String>) -> Result<OrderStatus, AppError> {
    use crate::domain::order_status::OrderEvent;
    use crate::domain::service::RequestKind;
    use crate::lifecycle::{apply, Change};
    use crate::store::unix_now;
    let (db, site) = super::context()?;
    let order = access::reach(&db, &site, &reference, key.as_deref()).await?;
    let keys = crate::api::shop_keys(&db).await?;
    let change =
        Change { event: OrderEvent::Cancel, actor: Actor::Customer, note: String::new(), shipment: None, staff: None };
    let now = unix_now();
    // Client service hears of it in the inbox, in the cancel's transaction.
    let mut tx = db.begin_write().await?;
    match apply(&mut tx, &keys, &site, &order, &change, now).await? {
        Ok(status) => {
            access::to_inbox(&mut tx, &order, RequestKind::OrderCancel, "", now).await?;
            tx.commit().await?;
            tracing::info!(order = %order.reference, "cancelled by the customer");
            Ok(status)
        }
        Err(refused) => {
            tx.rollback().await?;
            Err(AppError::Conflict(refused.message(crate::i18n::use_locale())).respond())
        }
    }
}

/// Asks the house to change an order (a size, the address…): written in
/// the timeline for staff, only before the order is Confirmed.
#[server(endpoint = "orders/change")]
pub async fn request_change(reference: String, key: Option<String>, message: String) -> Result<(), AppError> {
    use crate::domain::{order_status::Refusal, service::RequestKind};
    use crate::store::{orders, unix_now};
    let t = crate::i18n::use_locale();
    let (db, site) = super::context()?;
    let order = access::reach(&db, &site, &reference, key.as_deref()).await?;
    let message = message.trim();
    if message.is_empty() || message.chars().count() > 1000 {
        return Err(super::bad_request(t.order_change_too_long()));
    }
    if !order.status.customer_may_change() {
        let refusal = Refusal::TooLateForCustomer(order.status);
        return Err(AppError::Conflict(t.order_refusal(&refusal)).respond());
    }
    // Kept as the customer wrote it: the page says "Change requested" in its
    // reader's language; client service finds it in its inbox.
    let now = unix_now();
    let mut tx = db.begin_write().await?;
    orders::add_event(&mut tx, order.id, order.status, Actor::Customer, message, now).await?;
    access::to_inbox(&mut tx, &order, RequestKind::OrderChange, message, now).await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(feature = "ssr")]
pub(crate) mod access {
    use super::*;
    use crate::api::session;
    use crate::config::SiteConfig;
    use crate::domain::{
        checkout::OrderRef,
        country::CountryCode,
        profile::PostalAddress,
        returns::{returnability, PieceKind, ReturnState, Returnability},
        shipping::in_eu,
    };
    use crate::store::{
        orders::{self, OrderHead, OrderRow},
        unix_now, Db,
    };

    /// Puts a customer's request about an order in client service's inbox,
    /// inside the caller's transaction.
    pub async fn to_inbox(
        conn: &mut sqlx::AnyConnection,
        order: &OrderHead,
        kind: crate::domain::service::RequestKind,
        message: &str,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        use crate::store::service_requests::{insert, NewRequest};
        let email = crate::domain::account::Email::parse(&order.email).ok();
        let request = NewRequest {
            customer_id: order.customer_id,
            name: &order.full_name,
            email: email.as_ref(),
            order_id: Some(order.id),
            message,
            ..Default::default()
        };
        insert(conn, kind, &request, crate::i18n::use_locale(), now).await?;
        Ok(())
    }

    /// The order, if this request may see it.
    pub async fn reach(db: &Db, site: &SiteConfig, reference: &str, key: Option<&str>) -> Result<OrderHead, AppError> {
        let not_found = || AppError::NotFound.respond();
        let reference = OrderRef::parse(reference).ok_or_else(not_found)?;
        let order = orders::by_reference(db, &reference).await?;
        let signed_in = session::current(db, site, unix_now()).await?;
        let Some(order) = order else {
            return Err(not_found());
        };
        let keys = crate::api::shop_keys(db).await?;
        if may_see(&keys, signed_in.as_ref().map(|s| &s.customer), &order, key) {
            return Ok(order);
        }
        match signed_in {
            Some(_) => Err(not_found()),
            None => Err(AppError::Unauthorized(crate::i18n::use_locale().order_sign_in_or_link().to_owned()).respond()),
        }
    }

    /// Who may see an order: staff, its customer (or the verified owner of
    /// its email address), and whoever holds the link of its emails.
    pub fn may_see(
        keys: &crate::payments::keys::Keys,
        me: Option<&crate::store::customers::Customer>,
        order: &OrderHead,
        key: Option<&str>,
    ) -> bool {
        let own = me.is_some_and(|me| {
            me.is_staff
                || order.customer_id == Some(me.id)
                || (order.customer_id.is_none()
                    && me.email_verified
                    && order.email_key.as_deref() == Some(me.email.lookup_key().as_str()))
        });
        own || key.is_some_and(|key| keys.order_link_matches(&order.reference, key))
    }

    /// What the order page says of a line's return, its dates in Paris.
    pub(crate) fn line_returns(kind: PieceKind, delivered_at: Option<i64>, now: i64) -> LineReturns {
        match returnability(kind, delivered_at, now) {
            Returnability::NotDelivered | Returnability::Gift => LineReturns::Nothing,
            Returnability::Until { until, fault_until } => {
                LineReturns::Until { until: paris_date(until), fault_until: paris_date(fault_until) }
            }
            Returnability::FinalSale { why, fault_until } => {
                LineReturns::FinalSale { why, fault_until: fault_until.map(paris_date) }
            }
            Returnability::Ended { ended_at } => LineReturns::Ended { on: paris_date(ended_at) },
        }
    }

    /// A Unix time's date in Paris, as pages in the language of the request write it.
    pub fn paris_date(unix: i64) -> String {
        let locale = crate::i18n::use_locale();
        jiff::Timestamp::from_second(unix)
            .ok()
            .and_then(|t| t.in_tz("Europe/Paris").ok())
            .map(|z| locale.date(crate::domain::opening_hours::wall_clock(&z).0))
            .unwrap_or_default()
    }

    /// A Unix time in Paris, as pages in the language of the request write it.
    pub fn paris(unix: i64) -> String {
        let locale = crate::i18n::use_locale();
        jiff::Timestamp::from_second(unix)
            .ok()
            .and_then(|t| t.in_tz("Europe/Paris").ok())
            .map(|z| locale.date_time(crate::domain::opening_hours::wall_clock(&z).0))
            .unwrap_or_default()
    }

    pub fn summary(row: OrderRow) -> OrderSummary {
        OrderSummary {
            reference: row.reference.as_str().to_owned(),
            status: row.status,
            placed_at: paris(row.created_at),
            total: row.total,
            pieces: row.pieces,
            name: row.full_name,
            email: row.email,
        }
    }

    /// The timeline as pages show it: each entry's kind from its status and
    /// actor, a person's note where one is kept, and for the n-th shipment
    /// entry the n-th parcel (each shipment writes one entry and one parcel).
    fn timeline(events: Vec<orders::StoredEvent>, shipments: &[orders::StoredShipment]) -> Vec<TimelineEntry> {
        let mut parcels = shipments.iter();
        events
            .into_iter()
            .enumerate()
            .map(|(i, e)| {
                let (kind, note) = match (e.refund, e.return_step) {
                    (Some((step, reason, amount)), _) => (TimelineKind::of_refund(step, reason, amount), e.note),
                    // A return's entry is said with the return's number.
                    (None, Some((step, number))) => (TimelineKind::Return { step }, number),
                    (None, None) => (TimelineKind::of(e.status, e.actor, i == 0), e.note),
                };
                let parcel = (kind == TimelineKind::Shipped)
                    .then(|| parcels.next())
                    .flatten()
                    .map(|s| (s.carrier.clone(), s.tracking_number.clone()));
                TimelineEntry {
                    at: paris(e.at),
                    status: e.status,
                    actor: e.actor,
                    kind,
                    note: if kind.keeps_note() { note } else { String::new() },
                    parcel,
                }
            })
            .collect()
    }

    /// The order as its pages show it; `key` is the emailed link's, kept in
    /// the addresses of the returns' photos and slips.
    pub async fn view(db: &Db, order: &OrderHead, key: Option<&str>) -> Result<OrderView, AppError> {
        let t = crate::i18n::use_locale();
        let lines = orders::lines(db, order.id, t).await?;
        let events = orders::events(db, order.id).await?;
        let shipments = orders::shipments(db, order.id).await?;
        let refunds = crate::store::refunds::for_order(db, order.id).await?;
        let returns = crate::store::returns::for_order(db, order.id).await?;
        let delivered_at = events
            .iter()
            .find(|e| e.status == OrderStatus::Delivered && e.refund.is_none() && e.return_step.is_none())
            .map(|e| e.at);
        let now = unix_now();
        let country = CountryCode::parse(&order.country).ok();
        let address = country
            .map(|country| {
                PostalAddress {
                    full_name: order.full_name.clone(),
                    line1: order.line1.clone(),
                    line2: order.line2.clone(),
                    postcode: order.postcode.clone(),
                    city: order.city.clone(),
                    country,
                    phone: None,
                }
                .lines_in(t)
            })
            .unwrap_or_default();
        let describe = |line_id: i64, quantity: u32| {
            lines
                .iter()
                .find(|l| l.id == line_id)
                .map(|l| {
                    let size = if l.size.is_empty() { String::new() } else { format!(" ({})", l.size) };
                    format!("{quantity} × {}{size}", l.name)
                })
                .unwrap_or_default()
        };
        Ok(OrderView {
            reference: order.reference.as_str().to_owned(),
            status: order.status,
            placed_at: paris(order.created_at),
            email: order.email.clone(),
            address: address.into_iter().filter(|l| !l.trim().is_empty()).collect(),
            phone: order.phone.clone(),
            // The gateway cancels an order only when the bank declines its payment.
            payment_declined: order.status == OrderStatus::Cancelled
                && events
                    .iter()
                    .any(|e| e.refund.is_none() && e.actor == Actor::Gateway && e.status == OrderStatus::Cancelled),
            refunds: refunds
                .into_iter()
                .map(|r| RefundView { amount: r.amount, state: r.state, asked_at: paris(r.created_at) })
                .collect(),
            returns: returns
                .iter()
                .map(|r| {
                    let slip = matches!(r.state, ReturnState::Approved).then(|| {
                        let path = format!("/returns/{}/slip", r.number.as_str());
                        t.href(&match key {
                            Some(key) => format!("{path}?key={key}"),
                            None => path,
                        })
                    });
                    crate::api::returns::view(r, &lines, key, slip).into()
                })
                .collect(),
            can_return: lines.iter().any(|l| {
                l.returned < l.quantity
                    && matches!(
                        line_returns(l.kind, delivered_at, now),
                        LineReturns::Until { .. } | LineReturns::FinalSale { fault_until: Some(_), .. }
                    )
            }),
            lines: lines
                .iter()
                .map(|l| OrderLineView {
                    id: l.id,
                    name: l.name.clone(),
                    slug: l.slug.clone(),
                    size: l.size.clone(),
                    quantity: l.quantity,
                    shipped: l.shipped,
                    unit: l.unit,
                    total: l.unit.times(l.quantity),
                    is_gift: l.is_gift,
                    made_to_order: l.made_to_order,
                    returns: line_returns(l.kind, delivered_at, now),
                })
                .collect(),
            totals: order.totals,
            promo_code: order.promo_code.clone(),
            shipping_zone: order.zone.clone(),
            estimate: t.checkout_estimate(order.min_days, order.max_days),
            customs_notice: country.filter(|c| !in_eu(*c)).map(|_| t.checkout_customs_notice().to_owned()),
            timeline: timeline(events, &shipments),
            shipments: shipments
                .into_iter()
                .map(|s| ShipmentView {
                    carrier: s.carrier,
                    tracking_number: s.tracking_number,
                    shipped_at: paris(s.shipped_at),
                    contents: s.lines.iter().map(|(id, n)| describe(*id, *n)).collect(),
                })
                .collect(),
        })
    }
}

//! Client service (PRODUCT.md §8): the contact form and callback requests,
//! from `/contact` (where "Ask a client advisor" leads, with the piece).
//!
//! Both are plain forms that work without JavaScript, behind rate limits
//! and a bot trap that needs no third party: a honeypot field and a
//! minimum fill time, measured from a stamp the server signs when it
//! serves the form. Each request is stored for the service inbox and
//! acknowledged by email, in the transaction that stores it.
//!
//! The functions take each field as its own argument: a form posted
//! without JavaScript sends flat names, and Leptos reads nested ones
//! (`form[topic]`) only from script (leptos-rs/leptos#2790).
#![allow(clippy::too_many_arguments)]

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The piece a client advisor is asked about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PieceAsked {
    pub slug: String,
    pub name: String,
    /// Empty for a one-size piece or no size chosen.
    pub size: String,
}

/// What `/contact` shows around its forms.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceDesk {
    /// When the forms were served, signed: the bot trap's clock.
    pub stamp: String,
    pub piece: Option<PieceAsked>,
    /// A signed-in customer's address, name and telephone, to fill in.
    pub email: String,
    pub name: String,
    pub phone: String,
    /// Client service's address, shown beside the forms.
    pub service_email: String,
    /// The next open callback slot, as the form's date and time fields take it.
    pub next_slot: (String, String),
}

/// The page's data: the piece asked about (`piece`, `size` from the
/// address; one the visitor may not see is left out), what a signed-in
/// customer need not type again, and a fresh stamp.
#[server(endpoint = "service/page")]
pub async fn service_page(piece: Option<String>, size: Option<String>) -> Result<ServiceDesk, AppError> {
    use crate::store::unix_now;
    let t = crate::i18n::use_locale();
    let (db, site) = super::context()?;
    let now = unix_now();
    // The stamp is this render's own: no cache may keep the page.
    super::session::no_store();
    let keys = super::shop_keys(&db).await?;
    let signed_in = super::session::current(&db, &site, now).await?;
    let piece = match piece.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        None => None,
        Some(slug) => asked_about(&db, &site, slug, size.as_deref().unwrap_or(""), now, t).await?,
    };
    let hours = opening::hours(&db).await?;
    let next = hours.next_slots(opening::timestamp(now), 1);
    let next_slot = next.first().map(|slot| hours.local_fields(*slot)).unwrap_or_default();
    let customer = signed_in.map(|s| s.customer);
    Ok(ServiceDesk {
        stamp: keys.form_stamp(now),
        piece,
        email: customer.as_ref().map(|c| c.email.as_str().to_owned()).unwrap_or_default(),
        name: customer
            .as_ref()
            .map(|c| format!("{} {}", c.details.first_name, c.details.last_name).trim().to_owned())
            .unwrap_or_default(),
        phone: customer.and_then(|c| c.details.phone).unwrap_or_default(),
        service_email: site.service_email.as_str().to_owned(),
        next_slot,
    })
}

/// Sends a message to client service: stored for the inbox, forwarded to
/// client service's address, acknowledged to the sender. `order` is
/// optional: linked to the order when it is the sender's (signed in, or
/// placed with this address), otherwise kept as typed. `website` is the
/// honeypot, `stamp` the form's.
#[server(endpoint = "service/contact")]
pub async fn send_contact_message(
    topic: String,
    email: String,
    order: Option<String>,
    message: String,
    piece: Option<String>,
    size: Option<String>,
    website: Option<String>,
    stamp: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::{
        account::Email,
        rate_limit::{CONTACT_PER_ADDRESS, CONTACT_PER_CLIENT},
        service::{written_text, ContactTopic, OrderMention, RequestKind, MAX_MESSAGE_CHARS},
    };
    use crate::emails;
    use crate::store::{orders, outbox, service_requests, unix_now};
    let t = crate::i18n::use_locale();
    let (db, site) = super::context()?;
    let now = unix_now();
    trap::check(&db, website.as_deref(), stamp.as_deref(), now).await?;
    let topic = ContactTopic::parse(&topic).ok_or_else(|| super::invalid_field("topic", t.contact_topic_invalid()))?;
    let email = Email::parse(&email).map_err(|p| super::invalid_field("email", t.account_email_problem(&p)))?;
    let order = OrderMention::parse(order.as_deref().unwrap_or(""))
        .map_err(|p| super::invalid_field("order", t.service_text_problem(t.contact_order_label(), p)))?;
    let message = written_text(&message, MAX_MESSAGE_CHARS)
        .map_err(|p| super::invalid_field("message", t.service_text_problem(t.contact_message_label(), p)))?;
    let signed_in = super::session::current(&db, &site, now).await?.map(|s| s.customer);
    let piece = piece_of(&db, &site, piece.as_deref(), size.as_deref(), now).await?;
    let (address, client) = (email.lookup_key(), super::session::client());
    let limits = [(CONTACT_PER_ADDRESS, address.as_str()), (CONTACT_PER_CLIENT, client.as_str())];
    super::session::attempt(&db, &limits, now).await?.keep();

    // Linked only to an order of the sender's: anyone may type a reference.
    let mut order_id = None;
    if let Some(OrderMention::Reference(reference)) = &order {
        if let Some(head) = orders::by_reference(&db, reference).await? {
            let by_account = signed_in.as_ref().is_some_and(|c| head.customer_id == Some(c.id));
            let by_address = head.email_key.as_deref() == Some(address.as_str());
            if by_account || by_address {
                order_id = Some(head.id);
            }
        }
    }
    let order_text = match (&order, order_id) {
        (Some(mention), None) => mention.as_str().to_owned(),
        _ => String::new(),
    };
    let request = service_requests::NewRequest {
        topic: Some(topic),
        customer_id: signed_in.as_ref().map(|c| c.id),
        email: Some(&email),
        order_id,
        order_text: &order_text,
        product_id: piece.as_ref().map(|p| p.id),
        size: piece.as_ref().map_or("", |p| p.size.as_str()),
        message: &message,
        ..Default::default()
    };
    let facts = [
        (t.contact_topic_label(), t.contact_topic(topic).to_owned()),
        (t.contact_email_label(), email.as_str().to_owned()),
        (t.contact_order_label(), order.as_ref().map(|o| o.as_str().to_owned()).unwrap_or_default()),
        (t.staff_col_piece(), piece.as_ref().map(|p| p.label(t)).unwrap_or_default()),
    ];
    let mut tx = db.begin_write().await?;
    let id = service_requests::insert(&mut tx, RequestKind::Contact, &request, t, now).await?;
    outbox::enqueue(&mut tx, &emails::contact_acknowledgement(t, &email, topic, &message), now).await?;
    let forward = emails::to_client_service(&site, RequestKind::Contact, email.as_str(), &facts, &message);
    // Client service's copy is about the customer: their account's erasure takes it too.
    outbox::enqueue_about(&mut tx, &forward, &email, now).await?;
    tx.commit().await?;
    tracing::info!(request = id, topic = topic.tag(), linked = order_id.is_some(), "contact message received");
    if super::posted_without_javascript() {
        leptos_axum::redirect(&t.href("/contact?sent=contact"));
    }
    Ok(())
}

/// A callback booked: its slot and the number to be called, as the
/// customer's language writes them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallbackBooked {
    pub slot: String,
    pub phone: String,
}

/// Asks client service to call back at a slot: `date` and `time` in Paris
/// time, or `offered` (`2026-11-30T10:00`), one of the slots a refusal
/// offered, which wins when given. A slot outside the opening hours, in
/// the past or within the hour's notice is refused with the next three
/// open slots to pick from. The number is read in the shopper's delivery
/// country unless it carries a country code.
#[server(endpoint = "service/callback")]
pub async fn request_callback(
    name: String,
    email: String,
    phone: String,
    date: Option<String>,
    time: Option<String>,
    offered: Option<String>,
    note: Option<String>,
    piece: Option<String>,
    size: Option<String>,
    website: Option<String>,
    stamp: Option<String>,
) -> Result<CallbackBooked, AppError> {
    use crate::domain::{
        account::Email,
        country::CountryCode,
        phone::{PhoneNumber, PhoneProblem},
        rate_limit::{CALLBACK_PER_CLIENT, CALLBACK_PER_NUMBER},
        service::{optional_text, person_name, RequestKind, SlotChoice, MAX_NOTE_CHARS},
    };
    use crate::emails;
    use crate::store::{outbox, service_requests, unix_now};
    let t = crate::i18n::use_locale();
    let (db, site) = super::context()?;
    let now = unix_now();
    trap::check(&db, website.as_deref(), stamp.as_deref(), now).await?;
    let name = person_name(&name)
        .map_err(|p| super::invalid_field("name", t.service_text_problem(t.callback_name_label(), p)))?;
    let email = Email::parse(&email).map_err(|p| super::invalid_field("email", t.account_email_problem(&p)))?;
    let country = use_context::<http::request::Parts>()
        .and_then(|parts| crate::shopper::country::from_cookie_header(&parts.headers))
        .unwrap_or(CountryCode::FRANCE);
    let phone = PhoneNumber::parse(&phone, country).map_err(|p| {
        let said = match p {
            PhoneProblem::Missing => t.callback_phone_missing(),
            PhoneProblem::Invalid => t.callback_phone_invalid(),
        };
        super::invalid_field("phone", said)
    })?;
    let note = optional_text(note.as_deref().unwrap_or(""), MAX_NOTE_CHARS)
        .map_err(|p| super::invalid_field("note", t.service_text_problem(t.callback_note_label(), p)))?
        .unwrap_or_default();
    let hours = opening::hours(&db).await?;
    let picked = offered.as_deref().map(str::trim).filter(|o| !o.is_empty());
    let slot = match picked {
        Some(choice) => choice.split_once('T').and_then(|(date, time)| hours.read_local(date, time)),
        None => hours.read_local(date.as_deref().unwrap_or(""), time.as_deref().unwrap_or("")),
    }
    .ok_or_else(|| super::invalid_field("date", t.callback_slot_unreadable()))?;
    let at = opening::timestamp(now);
    if let Err(reason) = hours.check(slot, at) {
        let offered = hours
            .next_slots_from(slot, at, 3)
            .into_iter()
            .map(|s| {
                let (date, time) = hours.local_fields(s);
                SlotChoice { value: format!("{date}T{time}"), label: opening::label(&hours, s, t) }
            })
            .collect();
        return Err(AppError::SlotRefused { message: t.callback_slot_problem(reason), offered }.respond());
    }
    let piece = piece_of(&db, &site, piece.as_deref(), size.as_deref(), now).await?;
    let client = super::session::client();
    let limits = [(CALLBACK_PER_NUMBER, phone.e164()), (CALLBACK_PER_CLIENT, client.as_str())];
    super::session::attempt(&db, &limits, now).await?.keep();

    let signed_in = super::session::current(&db, &site, now).await?.map(|s| s.customer);
    let booked = CallbackBooked { slot: opening::label(&hours, slot, t), phone: phone.international() };
    let request = service_requests::NewRequest {
        customer_id: signed_in.as_ref().map(|c| c.id),
        name: &name,
        email: Some(&email),
        phone: phone.e164(),
        slot_at: Some(slot.as_second()),
        product_id: piece.as_ref().map(|p| p.id),
        size: piece.as_ref().map_or("", |p| p.size.as_str()),
        message: &note,
        ..Default::default()
    };
    let house = crate::i18n::Locale::DEFAULT;
    let facts = [
        (house.callback_name_label(), name.clone()),
        (house.callback_phone_label(), booked.phone.clone()),
        (house.callback_date_label(), opening::label(&hours, slot, house)),
        (house.contact_email_label(), email.as_str().to_owned()),
        (house.staff_col_piece(), piece.as_ref().map(|p| p.label(house)).unwrap_or_default()),
    ];
    let mut tx = db.begin_write().await?;
    let id = service_requests::insert(&mut tx, RequestKind::Callback, &request, t, now).await?;
    outbox::enqueue(&mut tx, &emails::callback_confirmation(t, &email, &booked.slot, &booked.phone), now).await?;
    let forward = emails::to_client_service(&site, RequestKind::Callback, &name, &facts, &note);
    outbox::enqueue_about(&mut tx, &forward, &email, now).await?;
    tx.commit().await?;
    tracing::info!(request = id, slot = slot.as_second(), "callback requested");
    if super::posted_without_javascript() {
        leptos_axum::redirect(&t.href("/contact?sent=callback"));
    }
    Ok(booked)
}

/// A piece a request is about, as stored.
#[cfg(feature = "ssr")]
struct PieceRef {
    id: i64,
    name: String,
    size: String,
}

#[cfg(feature = "ssr")]
impl PieceRef {
    fn label(&self, locale: crate::i18n::Locale) -> String {
        let size = (!self.size.is_empty()).then_some(self.size.as_str());
        locale.contact_about_piece(&self.name, size)
    }
}

/// The piece named by a form's hidden fields, if any: one the visitor may
/// see, in a size that reads as one. Anything else is a 400.
#[cfg(feature = "ssr")]
async fn piece_of(
    db: &crate::store::Db,
    site: &crate::config::SiteConfig,
    piece: Option<&str>,
    size: Option<&str>,
    now: i64,
) -> Result<Option<PieceRef>, AppError> {
    use crate::store::service_requests;
    let t = crate::i18n::use_locale();
    let Some(slug) = piece.map(str::trim).filter(|p| !p.is_empty()) else { return Ok(None) };
    let unknown = || super::bad_request(t.contact_unknown_piece());
    let asked = asked_about(db, site, slug, size.unwrap_or(""), now, t).await?.ok_or_else(unknown)?;
    if size.is_some_and(|s| !s.trim().is_empty()) && asked.size.is_empty() {
        return Err(unknown());
    }
    let mut conn = db.pool.acquire().await?;
    let id = service_requests::product_id(&mut conn, &asked.slug).await?.ok_or_else(unknown)?;
    Ok(Some(PieceRef { id, name: asked.name, size: asked.size }))
}

/// A piece the visitor may see (members' preview pieces only when signed
/// in), its name in `t`; its size kept only when the piece comes in it.
#[cfg(feature = "ssr")]
async fn asked_about(
    db: &crate::store::Db,
    site: &crate::config::SiteConfig,
    slug: &str,
    size: &str,
    now: i64,
    t: crate::i18n::Locale,
) -> Result<Option<PieceAsked>, AppError> {
    use crate::domain::{
        catalogue::{SizeLabel, Stock},
        slug::Slug,
    };
    use crate::store::products;
    let Ok(slug) = Slug::parse(slug) else { return Ok(None) };
    let audience = super::session::audience(db, site, now).await?;
    let Some(piece) = products::by_slug(db, &slug, audience, t).await? else { return Ok(None) };
    let size = match (SizeLabel::parse(size), &piece.stock) {
        (Ok(size), Stock::BySize(sizes)) if sizes.iter().any(|s| s.size == size) => size.as_str().to_owned(),
        _ => String::new(),
    };
    Ok(Some(PieceAsked { slug: piece.slug.as_str().to_owned(), name: piece.name, size }))
}

/// The bot trap, said the same way whatever caught the form.
#[cfg(feature = "ssr")]
mod trap {
    use crate::domain::service::bot_trap;
    use crate::error::AppError;
    use crate::store::Db;

    pub async fn check(db: &Db, website: Option<&str>, stamp: Option<&str>, now: i64) -> Result<(), AppError> {
        let keys = crate::api::shop_keys(db).await?;
        let served_at = stamp.and_then(|s| keys.form_served_at(s));
        bot_trap(website.unwrap_or(""), served_at, now).map_err(|sign| {
            tracing::warn!(%sign, client = %crate::api::session::client(), "a form looked sent by a program");
            crate::api::bad_request(crate::i18n::use_locale().form_bot_sign(sign))
        })
    }
}

/// Client service's opening hours with the closed days the house lists.
#[cfg(feature = "ssr")]
pub(crate) mod opening {
    use crate::domain::opening_hours::OpeningHours;
    use crate::error::AppError;
    use crate::i18n::Locale;
    use crate::store::{service_requests, Db};
    use jiff::Timestamp;

    /// The house's hours, its closed days read from the database.
    pub async fn hours(db: &Db) -> Result<OpeningHours, AppError> {
        let days = service_requests::closed_days(db).await?;
        Ok(OpeningHours::house(days.iter().filter_map(|day| day.parse().ok())))
    }

    /// Unix seconds as an instant.
    pub fn timestamp(unix: i64) -> Timestamp {
        Timestamp::from_second(unix).unwrap_or(Timestamp::UNIX_EPOCH)
    }

    /// A slot with its weekday, Paris time, in `locale`.
    pub fn label(hours: &OpeningHours, slot: Timestamp, locale: Locale) -> String {
        let (at, weekday) = hours.wall_clock(slot);
        locale.slot_label(weekday, at)
    }
}

//! `/contact`: client service (PRODUCT.md §8). Write to us (topic, email,
//! optional order, message) or ask to be called back (name, number, a
//! slot within the opening hours), with the telephone number and address
//! beside them. "Ask a client advisor" leads here with the piece
//! (`?piece=…&size=…`), which both forms then carry.
//!
//! Each form is a lazy island around a plain form: without JavaScript the
//! server answers with this page again (`?sent=contact`, `?sent=callback`,
//! or the refusal, which the island reads back).

use crate::api::service::{service_page, CallbackBooked, PieceAsked, RequestCallback, SendContactMessage, ServiceDesk};
use crate::components::form_message::said;
use crate::domain::service::{
    ContactTopic, MAX_MESSAGE_CHARS, MAX_NOTE_CHARS, MAX_ORDER_TEXT_CHARS, SERVICE_PHONE, SERVICE_WEEK,
};
use crate::error::AppError;
use crate::i18n::use_locale;
use crate::live::island_started;
use crate::page_data::page_resource;
use crate::pages::loading;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

#[component]
pub fn ContactPage() -> impl IntoView {
    let query = use_query_map().read_untracked().clone();
    let (piece, size) = (query.get("piece"), query.get("size"));
    let sent = query.get("sent");
    let topic = query.get("topic").and_then(|t| ContactTopic::parse(&t));
    let t = use_locale();
    let page = page_resource(move || (piece.clone(), size.clone()), |(piece, size)| service_page(piece, size));
    let body = move || {
        let sent = sent.clone();
        Suspend::new(async move {
            match page.await {
                Ok(page) => view! { <ServiceForms page sent topic/> }.into_any(),
                Err(error) => said(Err(error)),
            }
        })
    };
    view! {
        <Title text=t.contact_page_title()/>
        <Meta name="description" content=t.contact_page_intro()/>
        <section class="contact-page">
            <h1>{t.contact_page_title()}</h1>
            <p class="lede">{t.contact_page_intro()}</p>
            <Suspense fallback=loading>{body}</Suspense>
        </section>
    }
}

/// The ways to reach client service, and both forms.
#[component]
fn ServiceForms(page: ServiceDesk, sent: Option<String>, topic: Option<ContactTopic>) -> impl IntoView {
    let t = use_locale();
    let ServiceDesk { stamp, piece, email, name, phone, service_email, next_slot } = page;
    let about = piece.as_ref().map(|p| {
        let size = (!p.size.is_empty()).then_some(p.size.as_str());
        view! { <p class="contact-about" data-testid="contact-about">{t.contact_about_piece(&p.name, size)}</p> }
    });
    // A piece asked about is a question about a piece.
    let topic = topic.or(piece.as_ref().map(|_| ContactTopic::Product));
    let (sent_contact, sent_callback) = (sent.as_deref() == Some("contact"), sent.as_deref() == Some("callback"));
    let mailto = format!("mailto:{service_email}");
    view! {
        <section class="contact-reach" aria-labelledby="reach-heading">
            <h2 id="reach-heading">{t.contact_reach_heading()}</h2>
            <p>{t.contact_phone_label()} " " <a href=SERVICE_PHONE.0 data-testid="service-phone">{SERVICE_PHONE.1}</a></p>
            <p>{t.contact_email_address_label()} " " <a href=mailto>{service_email.clone()}</a></p>
            <p>{t.opening_hours(&SERVICE_WEEK)}</p>
        </section>
        {about}
        <ServiceFormsIsland stamp email name phone piece topic next_slot sent_contact sent_callback/>
    }
}

/// The hidden fields both forms carry: the piece asked about, the stamp,
/// and the honeypot (off-screen, out of the tab order, hidden from screen
/// readers: only a program fills it in).
#[component]
fn CommonFields(stamp: String, piece: Option<PieceAsked>, id: &'static str) -> impl IntoView {
    let t = use_locale();
    let (slug, size) = piece.map(|p| (p.slug, p.size)).unwrap_or_default();
    view! {
        <input type="hidden" name="stamp" value=stamp/>
        <input type="hidden" name="piece" value=slug/>
        <input type="hidden" name="size" value=size/>
        <div class="form-trap" aria-hidden="true">
            <label for=id>{t.contact_trap_label()}</label>
            <input id=id type="text" name="website" tabindex="-1" autocomplete="off"/>
        </div>
    }
}

/// Both forms, live, in one island: one chunk set for the page (each lazy
/// island adds its own; see the README on the main module's size).
#[cfg_attr(feature = "csr", component)]
#[cfg_attr(not(feature = "csr"), island(lazy))]
fn ServiceFormsIsland(
    stamp: String,
    email: String,
    name: String,
    phone: String,
    piece: Option<PieceAsked>,
    topic: Option<ContactTopic>,
    next_slot: (String, String),
    sent_contact: bool,
    sent_callback: bool,
) -> impl IntoView {
    crate::island_preload::preload_lazy_island("service_forms_island");
    island_started();
    let t = use_locale();
    let sent_contact = sent_contact.then(|| said(Ok(t.contact_sent().to_owned())));
    let sent_callback = sent_callback.then(|| said(Ok(t.callback_booked_plain().to_owned())));
    view! {
        <div class="contact-forms">
            <section id="write" aria-labelledby="write-heading">
                <h2 id="write-heading">{t.contact_write_heading()}</h2>
                {sent_contact}
                <ContactForm stamp=stamp.clone() email=email.clone() piece=piece.clone() topic/>
            </section>
            <section id="callback" aria-labelledby="callback-heading">
                <h2 id="callback-heading">{t.callback_heading()}</h2>
                <p>{t.callback_intro()}</p>
                {sent_callback}
                <CallbackForm stamp email name phone piece next_slot/>
            </section>
        </div>
    }
}

/// The contact form: a refusal is said beside its field, the
/// acknowledgement in place of the form (which stays, hidden).
#[component]
fn ContactForm(stamp: String, email: String, piece: Option<PieceAsked>, topic: Option<ContactTopic>) -> impl IntoView {
    let t = use_locale();
    let send = ServerAction::<SendContactMessage>::new();
    let sent = move || matches!(send.value().get(), Some(Ok(())));
    let refusal = move || match send.value().get() {
        Some(Err(error)) => Some(said(Err(error))),
        _ => None,
    };
    let topics = move || {
        <ContactTopic as strum::IntoEnumIterator>::iter()
            .map(|option| {
                let selected = topic == Some(option);
                view! { <option value=option.tag() selected=selected>{t.contact_topic(option)}</option> }
            })
            .collect_view()
    };
    view! {
        {move || sent().then(|| view! { <p class="form-success" role="status">{t.contact_sent()}</p> })}
            <ActionForm action=send attr:class="account-form contact-form" attr:hidden=sent>
                <CommonFields stamp=stamp.clone() piece=piece.clone() id="contact-website"/>
                <label for="contact-topic">{t.contact_topic_label()}</label>
                <select id="contact-topic" name="topic" required aria-describedby="contact-topic-hint">
                    <option value="">{t.contact_topic_choose()}</option>
                    {topics}
                </select>
                <p class="field-hint" id="contact-topic-hint">{t.contact_topic_hint()}</p>
                <label for="contact-email">{t.contact_email_label()}</label>
                <input id="contact-email" type="email" name="email" autocomplete="email" required maxlength="254"
                    value=email.clone()/>
                <label for="contact-order">{t.contact_order_label()}</label>
                <input id="contact-order" type="text" name="order" maxlength=MAX_ORDER_TEXT_CHARS
                    aria-describedby="contact-order-hint" autocomplete="off"/>
                <p class="field-hint" id="contact-order-hint">{t.contact_order_hint()}</p>
                <label for="contact-message">{t.contact_message_label()}</label>
                <textarea id="contact-message" name="message" rows="7" required maxlength=MAX_MESSAGE_CHARS></textarea>
                {refusal}
                <button type="submit" class="button-primary" disabled=move || send.pending().get()>
                    {t.contact_submit()}
                </button>
            </ActionForm>
    }
}

/// The callback form: a refused slot comes back with the next open slots
/// to pick from, as radio buttons the same form posts.
#[component]
fn CallbackForm(
    stamp: String,
    email: String,
    name: String,
    phone: String,
    piece: Option<PieceAsked>,
    next_slot: (String, String),
) -> impl IntoView {
    let t = use_locale();
    let ask = ServerAction::<RequestCallback>::new();
    let booked = move || match ask.value().get() {
        Some(Ok(CallbackBooked { slot, phone })) => Some(t.callback_booked(&slot, &phone)),
        _ => None,
    };
    let refusal = move || match ask.value().get() {
        Some(Err(AppError::SlotRefused { message, offered })) => Some(
            view! {
                <p class="field-error" role="alert" id="date-error">{message}</p>
                <fieldset class="slot-choices" data-testid="offered-slots">
                    <legend>{t.callback_offered_legend()}</legend>
                    {offered
                        .into_iter()
                        .enumerate()
                        .map(|(i, choice)| {
                            let id = format!("offered-{i}");
                            view! {
                                <div class="slot-choice">
                                    <input type="radio" id=id.clone() name="offered" value=choice.value/>
                                    <label for=id>{choice.label}</label>
                                </div>
                            }
                        })
                        .collect_view()}
                </fieldset>
            }
            .into_any(),
        ),
        Some(Err(error)) => Some(said(Err(error))),
        _ => None,
    };
    let (date, time) = next_slot;
    view! {
        {move || booked().map(|said| view! { <p class="form-success" role="status">{said}</p> })}
            <ActionForm action=ask attr:class="account-form callback-form" attr:hidden=move || booked().is_some()>
                <CommonFields stamp=stamp.clone() piece=piece.clone() id="callback-website"/>
                <label for="callback-name">{t.callback_name_label()}</label>
                <input id="callback-name" type="text" name="name" autocomplete="name" required maxlength="100"
                    value=name.clone()/>
                <label for="callback-email">{t.contact_email_label()}</label>
                <input id="callback-email" type="email" name="email" autocomplete="email" required maxlength="254"
                    value=email.clone()/>
                <label for="callback-phone">{t.callback_phone_label()}</label>
                <input id="callback-phone" type="tel" name="phone" autocomplete="tel" required maxlength="40"
                    aria-describedby="callback-phone-hint" value=phone.clone()/>
                <p class="field-hint" id="callback-phone-hint">{t.callback_phone_hint()}</p>
                <div class="slot-fields">
                    <div>
                        <label for="callback-date">{t.callback_date_label()}</label>
                        <input id="callback-date" type="date" name="date" value=date.clone()/>
                    </div>
                    <div>
                        <label for="callback-time">{t.callback_time_label()}</label>
                        <input id="callback-time" type="time" name="time" step="1800" value=time.clone()/>
                    </div>
                </div>
                {refusal}
                <label for="callback-note">{t.callback_note_label()}</label>
                <textarea id="callback-note" name="note" rows="3" maxlength=MAX_NOTE_CHARS></textarea>
                <button type="submit" class="button-primary" disabled=move || ask.pending().get()>
                    {t.callback_submit()}
                </button>
            </ActionForm>
    }
}

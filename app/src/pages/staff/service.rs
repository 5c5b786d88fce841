//! `/staff/service`: the service inbox. Contact messages, callback
//! requests (Paris time, soonest first) and customers' requests about
//! their orders, filtered by kind and state; each marked handled, with
//! who and when. What customers wrote is shown as text, never as HTML.
//!
//! Server HTML with plain forms, no island: "Mark handled" posts and the
//! server answers with the handled list (or this page with the refusal).
//! An island here measured +40 KB brotli in the module every page loads,
//! beside the contact page's (see the README, "How pages are built").

use super::StaffNav;
use crate::api::staff_service::{service_inbox, InboxEntry, MarkHandled};
use crate::components::form_message::{refused_without_javascript, said};
use crate::error::AppError;
use crate::i18n::use_locale;
use crate::page_data::page_resource;
use crate::pages::{account::signed_in_only, here};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

/// One choice of a filter's list.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Choice {
    value: String,
    label: String,
    selected: bool,
}

#[component]
pub fn StaffServicePage() -> impl IntoView {
    use crate::domain::service::{RequestKind, RequestState};
    use strum::IntoEnumIterator;
    let query = use_query_map().read_untracked().clone();
    let (kind, state) = (query.get("kind"), query.get("state"));
    let t = use_locale();
    let chosen_kind = kind.as_deref().and_then(RequestKind::parse);
    let chosen_state = state.as_deref().and_then(RequestState::parse).unwrap_or(RequestState::Open);
    let all = Choice { value: String::new(), label: t.inbox_all_kinds().to_owned(), selected: chosen_kind.is_none() };
    let kinds: Vec<Choice> = std::iter::once(all)
        .chain(RequestKind::iter().map(|k| Choice {
            value: k.tag().to_owned(),
            label: t.request_kind(k).to_owned(),
            selected: chosen_kind == Some(k),
        }))
        .collect();
    let states: Vec<Choice> = RequestState::iter()
        .map(|s| Choice {
            value: s.tag().to_owned(),
            label: t.request_state(s).to_owned(),
            selected: chosen_state == s,
        })
        .collect();
    let entries = page_resource(move || (kind.clone(), state.clone()), |(kind, state)| service_inbox(kind, state));
    view! {
        <Title text=t.inbox_title()/>
        <Meta name="robots" content="noindex"/>
        <section class="staff-page">
            {signed_in_only(entries, here(), move |entries| {
                view! { <Inbox entries kinds=kinds.clone() states=states.clone()/> }.into_any()
            })}
        </section>
    }
}

#[component]
fn Inbox(entries: Vec<InboxEntry>, kinds: Vec<Choice>, states: Vec<Choice>) -> impl IntoView {
    let t = use_locale();
    let empty = entries.is_empty();
    let options = |choices: Vec<Choice>| {
        choices
            .into_iter()
            .map(|c| view! { <option value=c.value selected=c.selected>{c.label}</option> })
            .collect_view()
    };
    let refused = refused_without_javascript(MarkHandled::PATH).map(|message| said(Err(AppError::Conflict(message))));
    view! {
        <h1>{t.inbox_title()}</h1>
        <StaffNav/>
        <p>{t.inbox_intro()}</p>
        {refused}
        <form method="get" class="staff-filter">
            <label for="inbox-kind">{t.inbox_kind_label()}</label>
            <select id="inbox-kind" name="kind">{options(kinds)}</select>
            <label for="inbox-state">{t.inbox_state_label()}</label>
            <select id="inbox-state" name="state">{options(states)}</select>
            <button type="submit" class="button-small">{t.inbox_show()}</button>
        </form>
        {empty.then(|| view! { <p>{t.inbox_none()}</p> })}
        <ul class="inbox-list">
            {entries.into_iter().map(|entry| view! { <Request entry/> }).collect_view()}
        </ul>
    }
}

/// One request: who, about what, their words, and its follow-up.
#[component]
fn Request(entry: InboxEntry) -> impl IntoView {
    let t = use_locale();
    let InboxEntry { id, kind, heading, received, from, call_at, order, piece, message, handled } = entry;
    let order = order.map(|(label, page)| match page {
        Some(page) => view! { <p><a href=page>{label}</a></p> }.into_any(),
        None => view! { <p>{label}</p> }.into_any(),
    });
    let piece = piece.map(|(page, label)| view! { <p><a href=page>{label}</a></p> });
    let call_at = call_at.map(|when| view! { <p class="inbox-slot"><strong>{when}</strong></p> });
    let message = (!message.is_empty()).then(|| view! { <p class="inbox-message">{message}</p> });
    let follow_up = match handled {
        Some(said) => view! { <p class="form-success" role="status">{said}</p> }.into_any(),
        None => view! {
            <form method="post" action=MarkHandled::PATH>
                <input type="hidden" name="id" value=id/>
                <button type="submit" class="button-small">{t.inbox_mark_handled()}</button>
            </form>
        }
        .into_any(),
    };
    view! {
        <li class="inbox-entry" data-request=id data-kind=kind>
            <h2 class="inbox-heading">{heading}</h2>
            <p class="note">{received}</p>
            <p>{from}</p>
            {call_at}
            {order}
            {piece}
            {message}
            <div class="inbox-follow-up">{follow_up}</div>
        </li>
    }
}

//! `/orders/:reference/return`: the returns form (PRODUCT.md §7) — the
//! delivered pieces that can still go back, how many, why, the "unworn"
//! promise, photos of a damaged or defective piece — reached signed in or
//! by the order's emailed link (`?key=`). And `/returns/:number/slip`, the
//! printable return slip. Neither page has an island: the form is a plain
//! multipart form, which also works without JavaScript.

use super::account::signed_in_only;
use crate::api::returns::{return_form, return_slip, ReturnFormView, SlipView};
use crate::components::form_message::refused_without_javascript;
use crate::domain::returns::ReturnReason;
use crate::i18n::use_locale;
use crate::page_data::page_resource;
use crate::pages::here;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};
use strum::IntoEnumIterator;

/// Where the form posts: a plain multipart form, without JavaScript (the
/// page has no island, so it adds nothing to what the browser downloads).
/// The server sends the browser on to the order, where the return shows,
/// or back here with the refusal.
const SEND: &str = "/api/returns/request";

#[component]
pub fn ReturnPage() -> impl IntoView {
    let reference = use_params_map().read_untracked().get("reference").unwrap_or_default();
    let key = use_query_map().read_untracked().get("key");
    let t = use_locale();
    let title = format!("{} · {reference}", t.return_link());
    let form = {
        let key = key.clone();
        page_resource(move || (reference.clone(), key.clone()), |(reference, key)| return_form(reference, key))
    };
    view! {
        <Title text=title/>
        <Meta name="robots" content="noindex"/>
        <section class="order-page return-page">
            {signed_in_only(form, here(), move |view| view! { <ReturnFormBody view key=key.clone()/> }.into_any())}
        </section>
    }
}

#[component]
fn ReturnFormBody(view: ReturnFormView, key: Option<String>) -> impl IntoView {
    let t = use_locale();
    let ReturnFormView { reference, lines, form_key } = view;
    let order_href = t.href(&match &key {
        Some(k) => format!("/orders/{reference}?key={k}"),
        None => format!("/orders/{reference}"),
    });
    let any_open = lines.iter().any(|l| l.open);
    let heading = format!("{} · {reference}", t.return_link());
    view! {
        <h1>{heading}</h1>
        <p><a href=order_href>{t.return_back_to_order()}</a></p>
        {(!any_open).then(|| view! { <p class="notice" data-testid="nothing-returnable">{t.return_nothing_returnable()}</p> })}
        {refused_without_javascript(SEND).map(|message| view! { <p class="field-error" role="alert">{message}</p> })}
        {any_open.then(|| view! {
            <p>{t.return_intro()}</p>
            <form class="account-form return-form" enctype="multipart/form-data" method="post" action=SEND
                data-testid="return-form">
                <input type="hidden" name="reference" value=reference.clone()/>
                <input type="hidden" name="key" value=key.clone().unwrap_or_default()/>
                <input type="hidden" name="form_key" value=form_key/>
                <fieldset>
                    <legend>{t.return_pieces()}</legend>
                    {lines.into_iter().map(|l| {
                        let field = format!("line-{}", l.id);
                        let said = t.order_line_returns(&l.returns);
                        let hint = format!("{field}-hint");
                        view! {
                            <div class="return-line">
                                <label for=field.clone()>{l.name.clone()} " — " {t.return_pieces_of()}</label>
                                <input id=field.clone() name=field type="number" min="0" max=l.left value="0"
                                    inputmode="numeric" disabled=!l.open aria-describedby=hint.clone()/>
                                <small id=hint class="line-returns">{said}</small>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <label for="return-reason">{t.return_reason_label()}</label>
                <select id="return-reason" name="reason" required>
                    <option value="">"—"</option>
                    {ReturnReason::iter().map(|r| view! { <option value=r.as_str()>{t.return_reason(r)}</option> }).collect_view()}
                </select>
                <p class="checkbox">
                    <input id="return-condition" name="condition" type="checkbox"/>
                    <label for="return-condition">{t.return_condition()}</label>
                </p>
                <p class="note">{t.return_condition_fault_note()}</p>
                <label for="return-photos">{t.return_photos()}</label>
                <input id="return-photos" name="photos" type="file" multiple
                    accept="image/jpeg,image/png,image/webp" aria-describedby="return-photos-hint"/>
                <small id="return-photos-hint">{t.return_photos_hint()}</small>
                <label for="return-note">{t.return_note()}</label>
                <textarea id="return-note" name="note" maxlength="1000"></textarea>
                <button type="submit" class="button-primary" data-testid="send-return">{t.return_send()}</button>
            </form>
        })}
        <p class="note">{t.return_tracked_advice()}</p>
    }
}

#[component]
pub fn SlipPage() -> impl IntoView {
    let number = use_params_map().read_untracked().get("number").unwrap_or_default();
    let key = use_query_map().read_untracked().get("key");
    let t = use_locale();
    let slip = page_resource(move || (number.clone(), key.clone()), |(number, key)| return_slip(number, key));
    view! {
        <Title text=t.return_slip_title()/>
        <Meta name="robots" content="noindex"/>
        <section class="order-page return-slip">
            {signed_in_only(slip, here(), |slip| view! { <Slip slip/> }.into_any())}
        </section>
    }
}

#[component]
fn Slip(slip: SlipView) -> impl IntoView {
    let t = use_locale();
    let SlipView { number, reference, customer, send_to, contents, gift_back, approved } = slip;
    view! {
        <h1>{t.return_slip_title()} " " <span data-testid="slip-number">{number}</span></h1>
        {(!approved).then(|| view! { <p class="notice">{t.return_slip_not_yet()}</p> })}
        {approved.then(|| view! {
            <dl class="slip">
                <dt>{t.return_slip_order()}</dt><dd>{reference}</dd>
                <dt>{t.return_slip_customer()}</dt><dd>{customer}</dd>
            </dl>
            <h2>{t.return_slip_send_to()}</h2>
            <address data-testid="slip-address">
                {send_to.into_iter().map(|l| view! { {l}<br/> }).collect_view()}
            </address>
            <h2>{t.return_slip_in_parcel()}</h2>
            <ul data-testid="slip-contents">
                {contents.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
            </ul>
            {gift_back.then(|| view! { <p>{t.return_gift_back()}</p> })}
            <p>{t.return_slip_instructions()}</p>
            <p>{t.return_tracked_advice()}</p>
        })}
    }
}

//! `/staff/gift`: the gift with purchase — its name and description in
//! both languages, the subtotal it is offered from, and whether it is
//! offered. A plain server page posting a plain form (no island).

use super::{refusal, PasswordAgain, StaffNav};
use crate::api::staff_gift::{staff_gifts, GiftRow, GiftsView};
use crate::i18n::use_locale;
use crate::page_data::page_resource;
use crate::pages::{account::signed_in_only, here};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

const SAVE: &str = "/api/staff/gifts/save";

#[component]
pub fn StaffGiftPage() -> impl IntoView {
    let t = use_locale();
    let gifts = page_resource(|| (), |()| staff_gifts());
    view! {
        <Title text=t.staff_gift_title()/>
        <Meta name="robots" content="noindex"/>
        <section class="staff-page">
            {signed_in_only(gifts, here(), |view| view! { <Gifts view/> }.into_any())}
        </section>
    }
}

#[component]
fn Gifts(view: GiftsView) -> impl IntoView {
    let t = use_locale();
    let GiftsView { gifts, password_needed } = view;
    let saved = use_query_map().read_untracked().get("saved").is_some();
    let empty = gifts.is_empty();
    view! {
        <h1>{t.staff_gift_heading()}</h1>
        <StaffNav/>
        <p>{t.staff_gift_intro()}</p>
        {saved.then(|| view! { <p class="form-success" role="status">{t.staff_gift_saved()}</p> })}
        {refusal(SAVE)}
        {empty.then(|| view! { <p>{t.staff_gift_none()}</p> })}
        {gifts.into_iter().map(|gift| view! { <GiftForm gift password_needed/> }).collect_view()}
    }
}

#[component]
fn GiftForm(gift: GiftRow, password_needed: bool) -> impl IntoView {
    let t = use_locale();
    // Ids unique per gift: the house may have set up more than one.
    let id = |field: &str| format!("gift-{}-{field}", gift.code);
    let heading = id("heading");
    let name = if t == crate::i18n::Locale::Fr { gift.name_fr.clone() } else { gift.name_en.clone() };
    view! {
        <h2 id=heading.clone()>{name}</h2>
        // Decorative: the heading beside it names the gift.
        <img class="gift-picture" src=gift.picture.clone() alt="" width="120" height="120"/>
        <form method="post" action=SAVE class="account-form" aria-labelledby=heading data-gift=gift.code.clone()>
            <input type="hidden" name="code" value=gift.code.clone()/>
            <input type="hidden" name="revision" value=gift.revision.to_string()/>
            <label for=id("name-en")>{t.staff_gift_name_en()}</label>
            <input id=id("name-en") name="gift[name_en]" required maxlength="80" lang="en" value=gift.name_en.clone()/>
            <label for=id("name-fr")>{t.staff_gift_name_fr()}</label>
            <input id=id("name-fr") name="gift[name_fr]" required maxlength="80" lang="fr" value=gift.name_fr.clone()/>
            <label for=id("description-en")>{t.staff_gift_description_en()}</label>
            <textarea id=id("description-en") name="gift[description_en]" required maxlength="600" rows="3" lang="en">{gift.description_en.clone()}</textarea>
            <label for=id("description-fr")>{t.staff_gift_description_fr()}</label>
            <textarea id=id("description-fr") name="gift[description_fr]" required maxlength="600" rows="3" lang="fr">{gift.description_fr.clone()}</textarea>
            <label for=id("threshold")>{t.staff_gift_threshold()}</label>
            <input id=id("threshold") name="gift[threshold]" required inputmode="decimal" maxlength="12"
                value=gift.threshold.clone()/>
            <p class="checkbox">
                <input type="checkbox" id=id("offered") name="gift[offered]" value="on" checked=gift.offered/>
                <label for=id("offered")>{t.staff_gift_offered()}</label>
            </p>
            <PasswordAgain id=id("password") needed=password_needed/>
            <button type="submit" class="button-primary">{t.staff_gift_save()}</button>
        </form>
    }
}

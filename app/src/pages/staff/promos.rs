//! `/staff/promos`: the promo codes, with their terms, where each stands
//! and how often it was used, and the form for a new one;
//! `/staff/promos/:code`: one code, to edit or end. Plain server pages
//! posting plain forms (no island): the server function sends the browser
//! back to the code's page, or here with its refusal.

use super::{refusal, PasswordAgain, StaffNav};
use crate::api::staff_promos::{staff_promo, staff_promos, PromoRow, PromoView, PromosView};
use crate::domain::promo_editor::{DiscountKind, PromoPhase};
use crate::i18n::use_locale;
use crate::page_data::page_resource;
use crate::pages::{account::signed_in_only, here};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

const SAVE: &str = "/api/staff/promos/save";
const END: &str = "/api/staff/promos/end";

#[component]
pub fn StaffPromosPage() -> impl IntoView {
    let t = use_locale();
    let codes = page_resource(|| (), |()| staff_promos());
    view! {
        <Title text=t.staff_promos_title()/>
        <Meta name="robots" content="noindex"/>
        <section class="staff-page">
            {signed_in_only(codes, here(), |view| view! { <PromoList view/> }.into_any())}
        </section>
    }
}

#[component]
fn PromoList(view: PromosView) -> impl IntoView {
    let t = use_locale();
    let PromosView { codes, password_needed, today } = view;
    let empty = codes.is_empty();
    view! {
        <h1>{t.staff_promos_heading()}</h1>
        <StaffNav/>
        <p>{t.staff_promos_intro()}</p>
        {empty.then(|| view! { <p>{t.staff_promos_none()}</p> })}
        {(!empty).then(|| view! {
            <table class="order-list promo-list">
                <thead><tr>
                    <th scope="col">{t.staff_promo_code_label()}</th>
                    <th scope="col">{t.staff_promo_col_terms()}</th>
                    <th scope="col">{t.staff_promo_col_state()}</th>
                    <th scope="col">{t.staff_promo_col_uses()}</th>
                </tr></thead>
                <tbody>
                    {codes.into_iter().map(|row| view! {
                        <tr data-code=row.code.clone()>
                            <td><a href=t.href(&format!("/staff/promos/{}", row.code))>{row.code.clone()}</a></td>
                            <td>{row.terms_said.clone()}</td>
                            <td data-testid="phase">{t.staff_promo_phase(row.phase)}</td>
                            <td data-testid="uses">{t.number(row.uses)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        })}
        <h2 id="new-code">{t.staff_promo_new_heading()}</h2>
        {refusal(SAVE)}
        <form method="post" action=SAVE class="account-form" aria-labelledby="new-code">
            <label for="promo-code">{t.staff_promo_code_label()}</label>
            <input id="promo-code" name="terms[code]" required minlength="3" maxlength="32" pattern="[A-Za-z0-9\\-]{3,32}"
                autocapitalize="characters" spellcheck="false" aria-describedby="promo-code-hint"/>
            <p id="promo-code-hint" class="hint">{t.staff_promo_code_hint()}</p>
            <TermsFields row=None today/>
            <PasswordAgain id="promo-password" needed=password_needed/>
            <button type="submit" class="button-primary">{t.staff_promo_create()}</button>
        </form>
    }
}

/// The discount, the window and the minimum: for a new code, or an unused one.
#[component]
fn TermsFields(row: Option<PromoRow>, today: String) -> impl IntoView {
    let t = use_locale();
    let kind = row.as_ref().map_or(DiscountKind::Percent, |r| r.kind);
    let amount = row.as_ref().map(|r| r.amount.clone()).unwrap_or_default();
    let first = row.as_ref().map_or(today, |r| r.first_day.clone());
    let last = row.as_ref().and_then(|r| r.last_day.clone()).unwrap_or_default();
    let minimum = row.as_ref().and_then(|r| r.minimum.clone()).unwrap_or_default();
    view! {
        <fieldset>
            <legend>{t.staff_promo_kind_legend()}</legend>
            {[DiscountKind::Percent, DiscountKind::Fixed].into_iter().map(|k| {
                let id = format!("promo-kind-{}", k.as_str());
                view! {
                    <p class="checkbox">
                        <input type="radio" id=id.clone() name="terms[kind]" value=k.as_str() checked=k == kind required/>
                        <label for=id>{t.staff_promo_kind(k)}</label>
                    </p>
                }
            }).collect_view()}
        </fieldset>
        <label for="promo-amount">{t.staff_promo_amount_label()}</label>
        <input id="promo-amount" name="terms[amount]" required inputmode="decimal" maxlength="12" value=amount
            aria-describedby="promo-amount-hint"/>
        <p id="promo-amount-hint" class="hint">{t.staff_promo_amount_hint()}</p>
        <label for="promo-first-day">{t.staff_promo_first_day_label()}</label>
        <input id="promo-first-day" name="terms[first_day]" type="date" required value=first/>
        <LastDayField last/>
        <label for="promo-minimum">{t.staff_promo_minimum_label()}</label>
        <input id="promo-minimum" name="terms[minimum]" inputmode="decimal" maxlength="12" value=minimum/>
    }
}

#[component]
fn LastDayField(last: String) -> impl IntoView {
    let t = use_locale();
    view! {
        <label for="promo-last-day">{t.staff_promo_last_day_label()}</label>
        <input id="promo-last-day" name="terms[last_day]" type="date" value=last/>
    }
}

#[component]
pub fn StaffPromoPage() -> impl IntoView {
    let t = use_locale();
    let code = use_params_map().read_untracked().get("code").unwrap_or_default();
    let title = format!("{code} · {}", t.staff_promos_title());
    let promo = page_resource(move || code.clone(), staff_promo);
    view! {
        <Title text=title/>
        <Meta name="robots" content="noindex"/>
        <section class="staff-page">
            {signed_in_only(promo, here(), |view| view! { <PromoPage view/> }.into_any())}
        </section>
    }
}

#[component]
fn PromoPage(view: PromoView) -> impl IntoView {
    let t = use_locale();
    let PromoView { row, password_needed } = view;
    let query = use_query_map().read_untracked();
    let said = if query.get("ended").is_some() {
        Some(t.staff_promo_ended_said())
    } else {
        query.get("saved").map(|_| t.staff_promo_saved())
    };
    let used = row.uses > 0;
    let ended = row.phase == PromoPhase::Ended;
    let revision = row.revision.to_string();
    let code = row.code.clone();
    // A used code keeps its terms: the form sends them back as they are.
    let fixed_terms = {
        let row = row.clone();
        move || {
            view! {
                <input type="hidden" name="terms[kind]" value=row.kind.as_str()/>
                <input type="hidden" name="terms[amount]" value=row.amount.clone()/>
                <input type="hidden" name="terms[first_day]" value=row.first_day.clone()/>
                <input type="hidden" name="terms[minimum]" value=row.minimum.clone().unwrap_or_default()/>
                <LastDayField last=row.last_day.clone().unwrap_or_default()/>
            }
        }
    };
    view! {
        <h1>{t.staff_promo_heading(&row.code)}</h1>
        <StaffNav/>
        {said.map(|message| view! { <p class="form-success" role="status">{message}</p> })}
        <dl class="return-facts">
            <dt>{t.staff_promo_col_terms()}</dt><dd data-testid="terms">{row.terms_said.clone()}</dd>
            <dt>{t.staff_promo_col_state()}</dt><dd data-testid="phase">{t.staff_promo_phase(row.phase)}</dd>
            <dt>{t.staff_promo_col_uses()}</dt><dd data-testid="uses">{t.number(row.uses)}</dd>
        </dl>
        {used.then(|| view! { <p class="note">{t.staff_promo_used_note()}</p> })}
        // An ended code stays ended: a new offer is a new code.
        {(!ended).then(|| view! {
            <h2 id="edit-code">{t.staff_promo_edit_heading()}</h2>
            {refusal(SAVE)}
            <form method="post" action=SAVE class="account-form" aria-labelledby="edit-code">
                <input type="hidden" name="terms[code]" value=code.clone()/>
                <input type="hidden" name="revision" value=revision.clone()/>
                {if used { fixed_terms().into_any() } else { view! { <TermsFields row=Some(row.clone()) today=String::new()/> }.into_any() }}
                <PasswordAgain id="promo-password" needed=password_needed/>
                <button type="submit" class="button-primary">{t.staff_promo_save()}</button>
            </form>
        })}
        {(!ended).then(|| view! {
            <h2 id="end-code">{t.staff_promo_end_heading()}</h2>
            <p>{t.staff_promo_end_intro()}</p>
            {refusal(END)}
            <form method="post" action=END class="account-form" aria-labelledby="end-code">
                <input type="hidden" name="code" value=code.clone()/>
                <input type="hidden" name="revision" value=revision.clone()/>
                <PasswordAgain id="end-password" needed=password_needed/>
                <button type="submit" class="button-small">{t.staff_promo_end()}</button>
            </form>
        })}
        <p><a href=t.href("/staff/promos")>{t.staff_promo_back()}</a></p>
    }
}

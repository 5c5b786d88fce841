//! `/staff/returns`: the returns queue, those waiting longest first,
//! filtered by state; `/staff/returns/:number`: one return with its photos,
//! and the steps its state allows now, as plain forms (approve, reject with a reason, mark
//! received with who pays the postage, refund the proposed amount or less
//! with a reason).

use super::{refusal, PasswordAgain, StaffNav};
use crate::api::returns::{staff_return, staff_returns, ReturnRow, StaffReturnView};
use crate::domain::returns::{PostagePaidBy, ReturnAction, ReturnReason, ReturnState};
use crate::i18n::use_locale;
use crate::page_data::page_resource;
use crate::pages::{account::signed_in_only, here};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};
use strum::IntoEnumIterator;

#[component]
pub fn StaffReturnsPage() -> impl IntoView {
    let query = use_query_map();
    let returns = page_resource(move || query.read().get("state"), staff_returns);
    let t = use_locale();
    view! {
        <Title text=t.staff_returns_title()/>
        <Meta name="robots" content="noindex"/>
        <section class="staff-page">
            {signed_in_only(returns, here(), |returns| view! { <ReturnTable returns/> }.into_any())}
        </section>
    }
}

#[component]
fn ReturnTable(returns: Vec<ReturnRow>) -> impl IntoView {
    let t = use_locale();
    let empty = returns.is_empty();
    view! {
        <h1>{t.staff_returns_heading()}</h1>
        <StaffNav/>
        <form method="get" class="staff-filter">
            <label for="state-filter">{t.staff_return_state()}</label>
            <select id="state-filter" name="state">
                <option value="">{t.staff_filter_any()}</option>
                {ReturnState::iter()
                    .map(|s| view! { <option value=s.as_str()>{t.return_state(s)}</option> })
                    .collect_view()}
            </select>
            <button type="submit" class="button-small">{t.staff_filter_button()}</button>
        </form>
        {empty.then(|| view! { <p>{t.staff_returns_none()}</p> })}
        {(!empty).then(|| view! {
            <table class="order-list">
                <thead><tr>
                    <th scope="col">{t.staff_col_return()}</th><th scope="col">{t.staff_col_order()}</th>
                    <th scope="col">{t.staff_col_customer()}</th><th scope="col">{t.staff_col_reason()}</th>
                    <th scope="col">{t.staff_return_state()}</th><th scope="col">{t.staff_col_updated()}</th>
                </tr></thead>
                <tbody>
                    {returns.into_iter().map(|r| {
                        let href = t.href(&format!("/staff/returns/{}", r.number));
                        view! {
                            <tr data-number=r.number.clone()>
                                <td><a href=href>{r.number.clone()}</a></td>
                                <td>{r.reference}</td>
                                <td>{r.customer}</td>
                                <td>{t.return_reason(r.reason)}</td>
                                <td>{t.return_state(r.state)}</td>
                                <td>{r.updated_at}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        })}
    }
}

/// The page's forms, posted without JavaScript (the page has no island, so
/// it adds nothing to what the browser downloads): the server function
/// sends the browser back here, where the return's new state shows, or
/// its refusal ([`crate::components::form_message::refused_without_javascript`]).
const APPROVE: &str = "/api/staff/return-approve";
const REJECT: &str = "/api/staff/return-reject";
const RECEIVE: &str = "/api/staff/return-receive";
const REFUND: &str = "/api/staff/return-refund";

#[component]
pub fn StaffReturnPage() -> impl IntoView {
    let number = use_params_map().read_untracked().get("number").unwrap_or_default();
    let t = use_locale();
    let title = format!("{number} · {}", t.staff_returns_title());
    let ret = page_resource(move || number.clone(), staff_return);
    view! {
        <Title text=title/>
        <Meta name="robots" content="noindex"/>
        <section class="staff-page">
            {signed_in_only(ret, here(), |view| view! { <StaffReturn view/> }.into_any())}
        </section>
    }
}

#[component]
fn StaffReturn(view: StaffReturnView) -> impl IntoView {
    let t = use_locale();
    let StaffReturnView { ret, reference, customer, email, password_needed } = view;
    let number = ret.number.clone();
    let state = ret.state;
    // The steps offered are the ones the return's state machine allows now.
    let may = |action| state.allows(action);
    let order_href = t.href(&format!("/staff/orders/{reference}"));
    // A defect (or the wrong piece) is the house's to pay for; the rest the customer's.
    let house_pays = matches!(ret.reason, ReturnReason::Damaged | ReturnReason::Defective);
    let proposed = ret.proposed.decimal();
    let hidden = move || view! { <input type="hidden" name="number" value=number.clone()/> };
    view! {
        <h1>{ret.number.clone()}</h1>
        <StaffNav/>
        <p data-testid="return-state">{t.staff_return_state()} " : " <strong>{ret.state_said.clone()}</strong></p>
        <dl class="return-facts">
            <dt>{t.staff_col_order()}</dt><dd><a href=order_href>{reference}</a></dd>
            <dt>{t.staff_col_customer()}</dt><dd>{customer} " · " {email}</dd>
            <dt>{t.staff_col_reason()}</dt><dd>{ret.reason_said.clone()}</dd>
            <dt>{t.return_pieces()}</dt>
            <dd><ul>{ret.contents.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}</ul></dd>
            {(!ret.note.is_empty()).then(|| view! {
                <dt>{t.staff_return_customer_note()}</dt><dd>{ret.note.clone()}</dd>
            })}
            <dt>{t.staff_return_proposed()}</dt><dd data-testid="proposed">{t.money(ret.proposed)}</dd>
            {ret.postage_said.clone().map(|p| view! { <dt>{t.staff_return_postage()}</dt><dd>{p}</dd> })}
            {ret.rejection.clone().map(|r| view! { <dt>{t.return_state(ReturnState::Rejected)}</dt><dd>{r}</dd> })}
        </dl>
        {ret.gift_back.then(|| view! { <p class="note">{t.return_gift_back()}</p> })}
        {(!ret.photos.is_empty()).then(|| view! {
            <div class="return-photos" data-testid="return-photos">
                {ret.photos.iter().enumerate().map(|(i, src)| {
                    let alt = format!("{} {}", t.return_photo(), i + 1);
                    view! { <a href=src.clone()><img src=src.clone() alt=alt width="240" loading="lazy"/></a> }
                }).collect_view()}
            </div>
        })}
        <div class="staff-actions">
            {refusal(APPROVE)}
            {may(ReturnAction::Approve).then(|| view! {
                <form method="post" action=APPROVE>
                    {hidden()}
                    <button type="submit" class="button-primary">{t.staff_return_approve()}</button>
                </form>
            })}
            {refusal(RECEIVE)}
            {may(ReturnAction::MarkReceived).then(|| view! {
                <form method="post" action=RECEIVE class="account-form">
                    <fieldset>
                        <legend>{t.staff_return_postage()}</legend>
                        {PostagePaidBy::iter().map(|p| {
                            let id = format!("postage-{}", p.as_str());
                            let checked = (p == PostagePaidBy::House) == house_pays;
                            view! {
                                <p class="checkbox">
                                    <input type="radio" id=id.clone() name="postage" value=p.as_str() checked=checked/>
                                    <label for=id>{t.return_postage(p)}</label>
                                </p>
                            }
                        }).collect_view()}
                    </fieldset>
                    {hidden()}
                    <button type="submit" class="button-primary">{t.staff_return_receive()}</button>
                </form>
            })}
            {refusal(REFUND)}
            {may(ReturnAction::Refund).then(|| view! {
                <form method="post" action=REFUND class="account-form">
                    {hidden()}
                    <label for="refund-amount">{t.staff_return_amount()}</label>
                    <input id="refund-amount" name="amount" required inputmode="decimal" value=proposed/>
                    <label for="refund-reason">{t.staff_return_lower_reason()}</label>
                    <input id="refund-reason" name="reason" maxlength="500"/>
                    // Money leaves the house: a password typed long ago is asked again.
                    <PasswordAgain id="refund-password" needed=password_needed/>
                    <button type="submit" class="button-primary">{t.staff_return_refund()}</button>
                </form>
            })}
            {refusal(REJECT)}
            {may(ReturnAction::Reject).then(|| view! {
                <form method="post" action=REJECT class="account-form">
                    {hidden()}
                    <label for="reject-reason">{t.staff_return_reject_reason()}</label>
                    <input id="reject-reason" name="reason" required maxlength="500"/>
                    <button type="submit" class="button-small">{t.staff_return_reject()}</button>
                </form>
            })}
        </div>
    }
}

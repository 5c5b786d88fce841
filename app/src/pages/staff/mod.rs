//! The back office (PRODUCT.md §9), for staff only: the day's dashboard,
//! orders, returns, the catalogue, stock, the service inbox, promo codes,
//! the gift and the audit log; every page's data comes
//! from a server function that checks the staff role. A signed-out visitor
//! is sent to sign in; a customer is told the page is for staff (403).

pub mod audit;
pub mod dashboard;
pub mod gift;
pub mod order;
pub mod orders;
pub mod pieces;
pub mod promos;
pub mod returns;
pub mod second_factor;
pub mod service;
pub mod stock;

use crate::i18n::use_locale;
use leptos::prelude::*;

/// The back office's links (plain links: the order page's are in an island).
#[component]
pub(crate) fn StaffNav() -> impl IntoView {
    let t = use_locale();
    view! {
        <nav class="account-nav" aria-label=t.staff_nav_label()>
            <a href=t.href("/staff")>{t.staff_nav_today()}</a>
            <a href=t.href("/staff/orders")>{t.staff_nav_all()}</a>
            <a href=t.href("/staff/orders?status=being_validated")>{t.staff_nav_to_validate()}</a>
            <a href=t.href("/staff/orders?status=confirmed")>{t.staff_nav_to_ship()}</a>
            <a href=t.href("/staff/orders?status=partially_shipped")>{t.staff_nav_partially_shipped()}</a>
            <a href=t.href("/staff/returns")>{t.staff_nav_returns()}</a>
            <a href=t.href("/staff/pieces")>{t.staff_nav_pieces()}</a>
            <a href=t.href("/staff/stock")>{t.staff_nav_stock()}</a>
            <a href=t.href("/staff/service")>{t.inbox_title()}</a>
            <a href=t.href("/staff/promos")>{t.staff_nav_promos()}</a>
            <a href=t.href("/staff/gift")>{t.staff_nav_gift()}</a>
            <a href=t.href("/staff/audit")>{t.staff_nav_audit()}</a>
        </nav>
    }
}

/// The password field of a sensitive action's form (refunds, prices, promo
/// codes, the gift), shown when the password was typed over 15 minutes ago.
#[component]
pub(crate) fn PasswordAgain(#[prop(into)] id: String, needed: bool) -> impl IntoView {
    let t = use_locale();
    needed.then(|| {
        view! {
            <label for=id.clone()>{t.staff_password_again_label()}</label>
            <input id=id type="password" name="password" required autocomplete="current-password" maxlength="128"/>
        }
    })
}

/// A form's refusal, once the server has sent the browser back with it.
pub(crate) fn refusal(path: &'static str) -> impl IntoView {
    crate::components::form_message::refused_without_javascript(path)
        .map(|message| view! { <p class="field-error" role="alert">{message}</p> })
}

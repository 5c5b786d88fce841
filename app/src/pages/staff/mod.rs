//! The back office (PRODUCT.md §9), for staff only: the day's dashboard,
//! orders, returns, stock and the service inbox; every page's data comes
//! from a server function that checks the staff role. A signed-out visitor
//! is sent to sign in; a customer is told the page is for staff (403).

pub mod audit;
pub mod dashboard;
pub mod order;
pub mod orders;
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
            <a href=t.href("/staff/stock")>{t.staff_nav_stock()}</a>
            <a href=t.href("/staff/service")>{t.inbox_title()}</a>
            <a href=t.href("/staff/audit")>{t.staff_nav_audit()}</a>
        </nav>
    }
}

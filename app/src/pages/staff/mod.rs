//! The back office (PRODUCT.md §9), for staff only: every page's data comes
//! from a server function that checks the staff role. A signed-out visitor
//! is sent to sign in; a customer is told the page is for staff (403).

pub mod order;
pub mod orders;

use leptos::prelude::*;

/// The back office's links (plain links: the order page's are in an island).
#[component]
pub(crate) fn StaffNav() -> impl IntoView {
    view! {
        <nav class="account-nav" aria-label="Back office">
            <a href="/staff/orders">"All orders"</a>
            <a href="/staff/orders?status=being_validated">"To validate"</a>
            <a href="/staff/orders?status=confirmed">"To ship"</a>
            <a href="/staff/orders?status=partially_shipped">"Partially shipped"</a>
        </nav>
    }
}

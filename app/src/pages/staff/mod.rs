//! The back office (PRODUCT.md §9), for staff only: every page's data comes
//! from a server function that checks the staff role. A signed-out visitor
//! is sent to sign in; a customer is told the page is for staff (403).

pub mod order;
pub mod orders;

use leptos::prelude::*;

/// The back office's links.
#[component]
pub(crate) fn StaffNav() -> impl IntoView {
    use leptos_router::components::A;
    view! {
        <nav class="account-nav" aria-label="Back office">
            <A href="/staff/orders" exact=true>"All orders"</A>
            <A href="/staff/orders?status=being_validated">"To validate"</A>
            <A href="/staff/orders?status=confirmed">"To ship"</A>
            <A href="/staff/orders?status=partially_shipped">"Partially shipped"</A>
        </nav>
    }
}

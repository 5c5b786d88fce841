//! The back office (PRODUCT.md §9), for staff only: every page's data comes
//! from a server function that checks the staff role.

pub mod order;
pub mod orders;

use crate::error::AppError;
use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

/// Renders a staff resource: a signed-out visitor is sent to sign in, a
/// customer is told the page is for staff (a 403 on the server).
pub(crate) fn staff_only<T>(
    resource: Resource<Result<T, AppError>>,
    render: impl Fn(T) -> AnyView + Send + Sync + Clone + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
{
    super::account::signed_in_only(resource, render)
}

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

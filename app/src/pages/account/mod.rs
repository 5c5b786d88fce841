//! The account pages (PRODUCT.md §4): signing up and in, the forgotten
//! password, and the signed-in customer's own pages.

pub mod addresses;
pub mod change_password;
pub mod delete;
pub mod forgot_password;
pub mod orders;
pub mod overview;
pub mod register;
pub mod reset_password;
pub mod sign_in;
pub mod verify;

pub(crate) use crate::components::form_message::outcome;

use super::loading;
use crate::components::error_notice::ErrorNotice;
use crate::domain::next_path::NextPath;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_router::{
    components::{Redirect, A},
    hooks::use_location,
};
use serde::{de::DeserializeOwned, Serialize};

/// Shows `render` with the resource's value if the visitor is signed in;
/// otherwise sends them to sign in (a real 302 on the server), to be
/// brought back here afterwards.
pub(crate) fn signed_in_only<T>(
    resource: Resource<Result<T, AppError>>,
    render: impl Fn(T) -> AnyView + Send + Sync + Clone + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
{
    let location = use_location();
    view! {
        <Transition fallback=loading>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    match resource.await {
                        Ok(value) => render(value),
                        Err(AppError::Unauthorized(_)) => {
                            // The router's `search` comes without its `?`.
                            let (path, query) = (location.pathname.get_untracked(), location.search.get_untracked());
                            let here = if query.is_empty() { path } else { format!("{path}?{query}") };
                            view! { <Redirect path=NextPath::parse(Some(&here)).sign_in_url()/> }.into_any()
                        }
                        Err(error) => view! { <ErrorNotice error back_to="/account"/> }.into_any(),
                    }
                })
            }}
        </Transition>
    }
}

/// The links between the signed-in customer's pages.
#[component]
pub(crate) fn AccountNav() -> impl IntoView {
    view! {
        <nav class="account-nav" aria-label="Your account">
            <A href="/account" exact=true>"Details"</A>
            <A href="/account/orders">"Orders"</A>
            <A href="/account/addresses">"Addresses"</A>
            <A href="/account/password">"Password"</A>
            <A href="/account/delete">"Delete account"</A>
        </nav>
    }
}

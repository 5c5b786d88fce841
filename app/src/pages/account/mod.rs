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
use crate::domain::next_path::{encode_query_value, NextPath};
use crate::error::AppError;
use crate::i18n::use_locale;
use crate::page_data::PageResource;
use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

/// Shows `render` with the resource's value if the visitor is signed in;
/// otherwise sends them to sign in, to be brought back to `here` (this
/// page's path and query) afterwards. Used inside islands: on the server
/// the sign-in is a real 302; in the browser (a session that ended while
/// the page was open) a new page.
pub(crate) fn signed_in_only<T>(
    resource: PageResource<Result<T, AppError>>,
    here: String,
    render: impl Fn(T) -> AnyView + Send + Sync + Clone + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
{
    let back = use_locale().href("/account");
    view! {
        <Transition fallback=loading>
            {move || {
                let (render, here, back) = (render.clone(), here.clone(), back.clone());
                Suspend::new(async move {
                    match resource.await {
                        Ok(value) => render(value),
                        Err(AppError::Unauthorized(_)) => view! { <SignInRedirect here/> }.into_any(),
                        Err(AppError::SecondFactor(_)) => view! { <SecondFactorRedirect here/> }.into_any(),
                        Err(error) => view! { <ErrorNotice error back_to=back/> }.into_any(),
                    }
                })
            }}
        </Transition>
    }
}

/// Sends a signed-out visitor to sign in, to come back to `here` afterwards.
#[component]
pub(crate) fn SignInRedirect(here: String) -> impl IntoView {
    let url = NextPath::parse(Some(&here)).sign_in_url(use_locale());
    #[cfg(feature = "ssr")]
    leptos_axum::redirect(&url);
    #[cfg(not(feature = "ssr"))]
    {
        let _ = window().location().assign(&url);
    }
}

/// Sends a member of staff who has not typed the second factor yet to type it, then back to `here`.
#[component]
pub(crate) fn SecondFactorRedirect(here: String) -> impl IntoView {
    let t = use_locale();
    let next = NextPath::parse(Some(&here));
    let url = t.href(&format!("/staff/second-factor?next={}", encode_query_value(next.as_str())));
    #[cfg(feature = "ssr")]
    leptos_axum::redirect(&url);
    #[cfg(not(feature = "ssr"))]
    {
        let _ = window().location().assign(&url);
    }
}

/// The signed-in customer's pages, for [`AccountNav`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum AccountSection {
    Details,
    Orders,
    Addresses,
    Password,
    Delete,
}

/// The links between the signed-in customer's pages, `current` marked.
#[component]
pub(crate) fn AccountNav(current: AccountSection) -> impl IntoView {
    let t = use_locale();
    let links = [
        (AccountSection::Details, "/account", t.account_nav_details()),
        (AccountSection::Orders, "/account/orders", t.account_nav_orders()),
        (AccountSection::Addresses, "/account/addresses", t.account_nav_addresses()),
        (AccountSection::Password, "/account/password", t.account_nav_password()),
        (AccountSection::Delete, "/account/delete", t.account_nav_delete()),
    ];
    view! {
        <nav class="account-nav" aria-label=t.account_nav_label()>
            {links
                .into_iter()
                .map(|(section, path, text)| {
                    view! {
                        <a href=t.href(path) aria-current=(section == current).then_some("page")>
                            {text}
                        </a>
                    }
                })
                .collect_view()}
        </nav>
    }
}

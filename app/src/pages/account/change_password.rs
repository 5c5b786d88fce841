//! `/account/password`: changing the password, the current one required.

use super::{outcome, signed_in_only, AccountNav, AccountSection};
use crate::api::account::my_account;
use crate::api::password::ChangePassword;
use crate::components::new_password_field::NewPasswordField;
use crate::live::island_started;
use crate::page_data::page_resource;
use crate::pages::here;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn ChangePasswordPage() -> impl IntoView {
    view! {
        <Title text="Change your password"/>
        <Meta name="robots" content="noindex"/>
        <section class="account-page">
            <ChangePasswordIsland here=here()/>
        </section>
    }
}

#[cfg_attr(feature = "csr", component)]
#[cfg_attr(not(feature = "csr"), island(lazy))]
fn ChangePasswordIsland(here: String) -> impl IntoView {
    crate::island_preload::preload_lazy_island("change_password_island");
    island_started();
    let account = page_resource(|| (), |_| my_account());
    signed_in_only(account, here, |_| view! { <ChangePasswordForm/> }.into_any())
}

#[component]
fn ChangePasswordForm() -> impl IntoView {
    let change = ServerAction::<ChangePassword>::new();
    view! {
        <h1>"Change your password"</h1>
        <AccountNav current=AccountSection::Password/>
        <ActionForm action=change attr:class="account-form">
            <label for="current-password">"Current password"</label>
            <input id="current-password" type="password" name="current_password" autocomplete="current-password" required maxlength="128"/>
            <NewPasswordField id="new-password" name="new_password" label="New password" extra="Your other devices will be signed out."/>
            {outcome(change.value(), Some)}
            <button type="submit" class="button-primary" disabled=move || change.pending().get()>"Change my password"</button>
        </ActionForm>
    }
}

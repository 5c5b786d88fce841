//! `/account/password`: changing the password, the current one required.

use super::{outcome, signed_in_only, AccountNav, AccountSection};
use crate::api::account::my_account;
use crate::api::password::ChangePassword;
use crate::components::new_password_field::NewPasswordField;
use crate::i18n::use_locale;
use crate::live::island_started;
use crate::page_data::page_resource;
use crate::pages::here;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn ChangePasswordPage() -> impl IntoView {
    let t = use_locale();
    view! {
        <Title text=t.account_password_title()/>
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
    let t = use_locale();
    let change = ServerAction::<ChangePassword>::new();
    view! {
        <h1>{t.account_password_title()}</h1>
        <AccountNav current=AccountSection::Password/>
        <ActionForm action=change attr:class="account-form">
            <label for="current-password">{t.account_current_password_label()}</label>
            <input id="current-password" type="password" name="current_password" autocomplete="current-password" required maxlength="128"/>
            <NewPasswordField id="new-password" name="new_password" label=t.account_new_password_label() extra=t.account_password_others_signed_out()/>
            {outcome(change.value(), Some)}
            <button type="submit" class="button-primary" disabled=move || change.pending().get()>{t.account_password_change_button()}</button>
        </ActionForm>
    }
}

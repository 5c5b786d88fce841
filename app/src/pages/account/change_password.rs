//! `/account/password`: changing the password, the current one required.

use super::{outcome, signed_in_only, AccountNav};
use crate::api::account::my_account;
use crate::api::password::ChangePassword;
use crate::components::new_password_field::NewPasswordField;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn ChangePasswordPage() -> impl IntoView {
    let account = Resource::new(|| (), |_| my_account());
    view! {
        <Title text="Change your password"/>
        <Meta name="robots" content="noindex"/>
        <section class="account-page">
            {signed_in_only(account, |_| view! { <ChangePasswordForm/> }.into_any())}
        </section>
    }
}

#[component]
fn ChangePasswordForm() -> impl IntoView {
    let change = ServerAction::<ChangePassword>::new();
    view! {
        <h1>"Change your password"</h1>
        <AccountNav/>
        <ActionForm action=change attr:class="account-form">
            <label for="current-password">"Current password"</label>
            <input id="current-password" type="password" name="current_password" autocomplete="current-password" required maxlength="128"/>
            <NewPasswordField id="new-password" name="new_password" label="New password" extra="Your other devices will be signed out."/>
            {outcome(change.value(), Some)}
            <button type="submit" class="button-primary" disabled=move || change.pending().get()>"Change my password"</button>
        </ActionForm>
    }
}

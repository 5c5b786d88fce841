//! `/account/forgot-password`: asking for a reset link. The answer is the
//! same whether or not the address has an account.

use super::outcome;
use crate::api::password::RequestPasswordReset;
use crate::i18n::use_locale;
use crate::live::island_started;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let t = use_locale();
    view! {
        <Title text=t.account_forgot_title()/>
        <Meta name="robots" content="noindex"/>
        <section class="account-form-page">
            <h1>{t.account_forgot_title()}</h1>
            <p>{t.account_forgot_intro()}</p>
            <ForgotPasswordForm/>
            <p><A href=t.href("/account/sign-in")>{t.account_back_to_sign_in()}</A></p>
        </section>
    }
}

/// The form, an island.
#[cfg_attr(feature = "csr", component)]
#[cfg_attr(not(feature = "csr"), island(lazy))]
fn ForgotPasswordForm() -> impl IntoView {
    crate::island_preload::preload_lazy_island("forgot_password_form");
    island_started();
    let request = ServerAction::<RequestPasswordReset>::new();
    let t = use_locale();
    view! {
            <ActionForm action=request attr:class="account-form">
                <label for="forgot-email">{t.account_email_label()}</label>
                <input id="forgot-email" type="email" name="email" autocomplete="email" required maxlength="254"/>
                {outcome(request.value(), Some)}
                <button type="submit" class="button-primary" disabled=move || request.pending().get()>{t.account_forgot_send()}</button>
            </ActionForm>
    }
}

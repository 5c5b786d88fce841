//! `/account/forgot-password`: asking for a reset link. The answer is the
//! same whether or not the address has an account.

use super::outcome;
use crate::api::password::RequestPasswordReset;
use crate::live::island_started;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    view! {
        <Title text="Forgotten password"/>
        <Meta name="robots" content="noindex"/>
        <section class="account-form-page">
            <h1>"Forgotten password"</h1>
            <p>"Enter the email address of your account: we will send it a link to choose a new password."</p>
            <ForgotPasswordForm/>
            <p><A href="/account/sign-in">"Back to sign in"</A></p>
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
    view! {
            <ActionForm action=request attr:class="account-form">
                <label for="forgot-email">"Email address"</label>
                <input id="forgot-email" type="email" name="email" autocomplete="email" required maxlength="254"/>
                {outcome(request.value(), Some)}
                <button type="submit" class="button-primary" disabled=move || request.pending().get()>"Send the link"</button>
            </ActionForm>
    }
}

//! `/account/verify?token=…`: the welcome email's link, confirming the
//! address once its button is pressed (see `emailed_action`).

use crate::i18n::use_locale;
use crate::pages::emailed_action::{EmailedAction, EmailedActionForm};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;

#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    let t = use_locale();
    let action = EmailedAction {
        endpoint: "/api/account/verify",
        intro: t.account_verify_intro(),
        button: t.account_verify_button(),
        done: t.account_verify_done(),
    };
    view! {
        <Title text=t.account_verify_title()/>
        <Meta name="robots" content="noindex"/>
        <section class="account-form-page">
            <h1>{t.account_verify_heading()}</h1>
            <EmailedActionForm action/>
            <p><A href=t.href("/account")>{t.account_verify_go_to_account()}</A></p>
        </section>
    }
}

//! `/account/verify?token=…`: the welcome email's link, confirming the address.

use crate::api::account::verify_email;
use crate::components::form_message::said;
use crate::i18n::use_locale;
use crate::page_data::page_resource;
use crate::pages::loading;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::{components::A, hooks::use_query_map};

#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    let query = use_query_map();
    let token = query.read_untracked().get("token").unwrap_or_default();
    let answer = page_resource(move || token.clone(), verify_email);
    let t = use_locale();
    view! {
        <Title text=t.account_verify_title()/>
        <Meta name="robots" content="noindex"/>
        <section class="account-form-page">
            <h1>{t.account_verify_heading()}</h1>
            <Suspense fallback=loading>
                {move || Suspend::new(async move { said(answer.await) })}
            </Suspense>
            <p><A href=t.href("/account")>{t.account_verify_go_to_account()}</A></p>
        </section>
    }
}

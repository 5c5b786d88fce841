//! `/account/sign-in`: email and password, then back where the shopper was going.

use super::outcome;
use crate::api::account::SignIn;
use crate::domain::next_path::{encode_query_value, NextPath};
use crate::i18n::use_locale;
use crate::live::island_started;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::{components::A, hooks::use_query_map};

#[component]
pub fn SignInPage() -> impl IntoView {
    let query = use_query_map();
    let next = NextPath::parse(query.read_untracked().get("next").as_deref());
    let after_reset = query.read_untracked().get("reset").is_some_and(|r| r == "done");
    let t = use_locale();
    let register_href = if next.as_str() == NextPath::ACCOUNT {
        t.href("/account/register")
    } else {
        t.href(&format!("/account/register?next={}", encode_query_value(next.as_str())))
    };
    view! {
        <Title text=t.account_sign_in_title()/>
        <Meta name="robots" content="noindex"/>
        <section class="account-form-page">
            <h1>{t.account_sign_in_title()}</h1>
            {after_reset.then(|| view! {
                <p class="form-success" role="status">{t.account_sign_in_after_reset()}</p>
            })}
            <SignInForm next=next.as_str().to_owned()/>
            <p><A href=t.href("/account/forgot-password")>{t.account_sign_in_forgotten()}</A></p>
            <p>{t.account_sign_in_new_client()} <A href=register_href>{t.account_register_title()}</A></p>
        </section>
    }
}

/// The form, an island; `next` is where the customer goes once signed in.
#[cfg_attr(feature = "csr", component)]
#[cfg_attr(not(feature = "csr"), island(lazy))]
fn SignInForm(next: String) -> impl IntoView {
    crate::island_preload::preload_lazy_island("sign_in_form");
    island_started();
    let sign_in = ServerAction::<SignIn>::new();
    let t = use_locale();
    view! {
            <ActionForm action=sign_in attr:class="account-form">
                <input type="hidden" name="next" value=next/>
                <label for="sign-in-email">{t.account_email_label()}</label>
                <input id="sign-in-email" type="email" name="email" autocomplete="email" required maxlength="254"/>
                <label for="sign-in-password">{t.account_password_label()}</label>
                <input id="sign-in-password" type="password" name="password" autocomplete="current-password" required maxlength="128"/>
                {outcome(sign_in.value(), |()| None)}
                <button type="submit" class="button-primary" disabled=move || sign_in.pending().get()>{t.account_sign_in_button()}</button>
            </ActionForm>
    }
}

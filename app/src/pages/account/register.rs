//! `/account/register`: opening an account.

use super::outcome;
use crate::api::account::Register;
use crate::components::new_password_field::NewPasswordField;
use crate::domain::next_path::NextPath;
use crate::i18n::use_locale;
use crate::live::island_started;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::{components::A, hooks::use_query_map};

#[component]
pub fn RegisterPage() -> impl IntoView {
    let query = use_query_map();
    let next = NextPath::parse(query.read_untracked().get("next").as_deref());
    let t = use_locale();
    view! {
        <Title text=t.account_register_title()/>
        <Meta name="robots" content="noindex"/>
        <section class="account-form-page">
            <h1>{t.account_register_title()}</h1>
            <RegisterForm next=next.as_str().to_owned()/>
            <p>{t.account_register_have_account()} <A href=t.href("/account/sign-in")>{t.account_sign_in_button()}</A></p>
        </section>
    }
}

/// The form, an island; `next` is where the new customer goes afterwards.
#[cfg_attr(feature = "csr", component)]
#[cfg_attr(not(feature = "csr"), island(lazy))]
fn RegisterForm(next: String) -> impl IntoView {
    crate::island_preload::preload_lazy_island("register_form");
    island_started();
    let register = ServerAction::<Register>::new();
    let t = use_locale();
    view! {
            <ActionForm action=register attr:class="account-form">
                <input type="hidden" name="next" value=next/>
                <label for="register-first-name">{t.account_first_name_label()}</label>
                <input id="register-first-name" name="first_name" autocomplete="given-name" required maxlength="80"/>
                <label for="register-last-name">{t.account_last_name_label()}</label>
                <input id="register-last-name" name="last_name" autocomplete="family-name" required maxlength="80"/>
                <label for="register-email">{t.account_email_label()}</label>
                <input id="register-email" type="email" name="email" autocomplete="email" required maxlength="254"/>
                <NewPasswordField id="register-password" name="password" label=t.account_password_label()/>
                {outcome(register.value(), |()| None)}
                <button type="submit" class="button-primary" disabled=move || register.pending().get()>{t.account_register_button()}</button>
            </ActionForm>
    }
}

//! `/account/reset-password?token=…`: choosing a new password from the emailed link.

use super::outcome;
use crate::api::password::{check_reset_link, ResetPassword};
use crate::components::{form_message::said, new_password_field::NewPasswordField};
use crate::i18n::use_locale;
use crate::live::island_started;
use crate::page_data::page_resource;
use crate::pages::loading;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::{components::A, hooks::use_query_map};

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let query = use_query_map();
    let token = query.read_untracked().get("token").unwrap_or_default();
    let usable = page_resource(move || token.clone(), check_reset_link);
    let token = query.read_untracked().get("token").unwrap_or_default();
    let t = use_locale();
    view! {
        <Title text=t.account_reset_title()/>
        <Meta name="robots" content="noindex"/>
        <section class="account-form-page">
            <h1>{t.account_reset_title()}</h1>
            <Suspense fallback=loading>
                {move || {
                    let token = token.clone();
                    Suspend::new(async move {
                        match usable.await {
                            Ok(true) => view! { <ResetPasswordForm token/> }.into_any(),
                            Ok(false) => view! {
                                <p class="field-error" role="alert">{t.account_reset_link_dead()}</p>
                                <p><A href=t.href("/account/forgot-password")>{t.account_reset_ask_again()}</A></p>
                            }
                            .into_any(),
                            Err(error) => said(Err(error)),
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}

/// The form, an island, for the emailed link's `token`.
#[cfg_attr(feature = "csr", component)]
#[cfg_attr(not(feature = "csr"), island(lazy))]
fn ResetPasswordForm(token: String) -> impl IntoView {
    crate::island_preload::preload_lazy_island("reset_password_form");
    island_started();
    let reset = ServerAction::<ResetPassword>::new();
    let t = use_locale();
    view! {
        <ActionForm action=reset attr:class="account-form">
            <input type="hidden" name="token" value=token/>
            <NewPasswordField id="reset-password" name="password" label=t.account_new_password_label()/>
            {outcome(reset.value(), |()| None)}
            <button type="submit" class="button-primary" disabled=move || reset.pending().get()>
                {t.account_reset_save()}
            </button>
        </ActionForm>
    }
}

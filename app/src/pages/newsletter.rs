//! The newsletter's emailed links: `/newsletter/confirm?token=…` (double
//! opt-in) and `/newsletter/unsubscribe?token=…` (one click: opening the
//! link is enough).

use crate::api::newsletter::{confirm_newsletter, unsubscribe_newsletter};
use crate::components::form_message::said;
use crate::i18n::use_locale;
use crate::page_data::page_resource;
use crate::pages::loading;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::{components::A, hooks::use_query_map};

#[component]
pub fn NewsletterConfirmPage() -> impl IntoView {
    let token = use_query_map().read_untracked().get("token").unwrap_or_default();
    let result = page_resource(move || token.clone(), confirm_newsletter);
    let t = use_locale();
    view! {
        <Title text=t.newsletter_confirm_title()/>
        <Meta name="robots" content="noindex"/>
        <section class="account-form-page">
            <h1>{t.newsletter_confirm_heading()}</h1>
            <Suspense fallback=loading>{move || Suspend::new(async move { said(result.await) })}</Suspense>
            <p><A href=t.href("/shop")>{t.newsletter_discover()}</A></p>
        </section>
    }
}

#[component]
pub fn NewsletterUnsubscribePage() -> impl IntoView {
    let token = use_query_map().read_untracked().get("token").unwrap_or_default();
    let result = page_resource(move || token.clone(), unsubscribe_newsletter);
    let t = use_locale();
    view! {
        <Title text=t.newsletter_unsubscribe_title()/>
        <Meta name="robots" content="noindex"/>
        <section class="account-form-page">
            <h1>{t.newsletter_unsubscribe_title()}</h1>
            <Suspense fallback=loading>{move || Suspend::new(async move { said(result.await) })}</Suspense>
            <p>{t.newsletter_changed_mind()}</p>
        </section>
    }
}

//! The newsletter's emailed links: `/newsletter/confirm?token=…` (double
//! opt-in) and `/newsletter/unsubscribe?token=…` (one click: opening the
//! link is enough).

use crate::api::newsletter::{confirm_newsletter, unsubscribe_newsletter};
use crate::components::form_message::said;
use crate::page_data::page_resource;
use crate::pages::loading;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::{components::A, hooks::use_query_map};

#[component]
pub fn NewsletterConfirmPage() -> impl IntoView {
    let token = use_query_map().read_untracked().get("token").unwrap_or_default();
    let result = page_resource(move || token.clone(), confirm_newsletter);
    view! {
        <Title text="Newsletter"/>
        <Meta name="robots" content="noindex"/>
        <section class="account-form-page">
            <h1>"Your subscription"</h1>
            <Suspense fallback=loading>{move || Suspend::new(async move { said(result.await) })}</Suspense>
            <p><A href="/shop">"Discover the jewellery"</A></p>
        </section>
    }
}

#[component]
pub fn NewsletterUnsubscribePage() -> impl IntoView {
    let token = use_query_map().read_untracked().get("token").unwrap_or_default();
    let result = page_resource(move || token.clone(), unsubscribe_newsletter);
    view! {
        <Title text="Unsubscribe"/>
        <Meta name="robots" content="noindex"/>
        <section class="account-form-page">
            <h1>"Unsubscribe"</h1>
            <Suspense fallback=loading>{move || Suspend::new(async move { said(result.await) })}</Suspense>
            <p>"Changed your mind? You can subscribe again from the foot of any page."</p>
        </section>
    }
}

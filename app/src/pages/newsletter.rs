//! The newsletter's emailed links: `/newsletter/confirm?token=…` (double
//! opt-in) and `/newsletter/unsubscribe?token=…`. Each page asks for a
//! click on its button (see `emailed_action`); mail clients' one-click
//! unsubscribe (RFC 8058) is a POST to `/newsletter/one-click`.

use crate::i18n::use_locale;
use crate::pages::emailed_action::{EmailedAction, EmailedActionForm};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;

#[component]
pub fn NewsletterConfirmPage() -> impl IntoView {
    let t = use_locale();
    let action = EmailedAction {
        endpoint: "/api/newsletter/confirm",
        intro: t.newsletter_confirm_intro(),
        button: t.newsletter_confirm_button(),
        done: t.newsletter_confirmed_done(),
    };
    view! {
        <Title text=t.newsletter_confirm_title()/>
        <Meta name="robots" content="noindex"/>
        <section class="account-form-page">
            <h1>{t.newsletter_confirm_heading()}</h1>
            <EmailedActionForm action/>
            <p><A href=t.href("/shop")>{t.newsletter_discover()}</A></p>
        </section>
    }
}

#[component]
pub fn NewsletterUnsubscribePage() -> impl IntoView {
    let t = use_locale();
    let action = EmailedAction {
        endpoint: "/api/newsletter/unsubscribe",
        intro: t.newsletter_unsubscribe_intro(),
        button: t.newsletter_unsubscribe_button(),
        done: t.newsletter_unsubscribed_done(),
    };
    view! {
        <Title text=t.newsletter_unsubscribe_title()/>
        <Meta name="robots" content="noindex"/>
        <section class="account-form-page">
            <h1>{t.newsletter_unsubscribe_title()}</h1>
            <EmailedActionForm action/>
            <p>{t.newsletter_changed_mind()}</p>
        </section>
    }
}

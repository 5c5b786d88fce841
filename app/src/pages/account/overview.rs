//! `/account`: the signed-in customer's details, newsletter preference, and sign-out.

use super::{outcome, signed_in_only, AccountNav, AccountSection};
use crate::api::account::{my_account, AccountView, SignOut, UpdateDetails};
use crate::api::newsletter::Newsletter;
use crate::domain::newsletter::Subscription;
use crate::live::island_started;
use crate::page_data::page_resource;
use crate::pages::here;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn AccountPage() -> impl IntoView {
    view! {
        <Title text="Your account"/>
        <Meta name="robots" content="noindex"/>
        <section class="account-page">
            <AccountIsland here=here()/>
        </section>
    }
}

/// The customer's details and forms, read again after each change.
#[cfg_attr(feature = "csr", component)]
#[cfg_attr(not(feature = "csr"), island(lazy))]
fn AccountIsland(here: String) -> impl IntoView {
    crate::island_preload::preload_lazy_island("account_island");
    island_started();
    let update = ServerAction::<UpdateDetails>::new();
    let newsletter = ServerAction::<Newsletter>::new();
    let account = page_resource(move || (update.version().get(), newsletter.version().get()), |_| my_account());
    signed_in_only(account, here, move |me| view! { <Overview me update newsletter/> }.into_any())
}

#[component]
fn Overview(
    me: AccountView,
    update: ServerAction<UpdateDetails>,
    newsletter: ServerAction<Newsletter>,
) -> impl IntoView {
    let sign_out = ServerAction::<SignOut>::new();
    let AccountView { email, first_name, last_name, phone, email_verified, newsletter: subscription } = me;
    let greeting = format!("Hello, {first_name}");
    let (intent, button, state) = match subscription {
        Subscription::Subscribed => ("unsubscribe", "Unsubscribe", "You receive our newsletter."),
        Subscription::Pending => ("subscribe", "Send the link again", "Please confirm with the link we emailed you."),
        Subscription::None | Subscription::Unsubscribed => {
            ("subscribe", "Subscribe", "You do not receive our newsletter.")
        }
    };
    view! {
        <h1>{greeting}</h1>
        <AccountNav current=AccountSection::Details/>
        <section class="account-section" aria-labelledby="details-heading">
            <h2 id="details-heading">"Your details"</h2>
            <p>
                "Email address: " <strong data-account-email="">{email.clone()}</strong>
                {if email_verified { " (confirmed)" } else { " (not yet confirmed: see the welcome email we sent you)" }}
            </p>
            <ActionForm action=update attr:class="account-form">
                <label for="details-first-name">"First name"</label>
                <input id="details-first-name" name="first_name" autocomplete="given-name" required maxlength="80" value=first_name/>
                <label for="details-last-name">"Last name"</label>
                <input id="details-last-name" name="last_name" autocomplete="family-name" required maxlength="80" value=last_name/>
                <label for="details-phone">"Telephone (optional)"</label>
                <input id="details-phone" type="tel" name="phone" autocomplete="tel" maxlength="25" value=phone.unwrap_or_default()/>
                {outcome(update.value(), Some)}
                <button type="submit" class="button-primary">"Save my details"</button>
            </ActionForm>
        </section>
        <section class="account-section" aria-labelledby="newsletter-heading">
            <h2 id="newsletter-heading">"Newsletter"</h2>
            <p data-newsletter-state="">{state}</p>
            <ActionForm action=newsletter attr:class="account-form">
                <input type="hidden" name="email" value=email/>
                <button type="submit" name="intent" value=intent class="button-secondary">{button}</button>
                {outcome(newsletter.value(), Some)}
            </ActionForm>
        </section>
        <ActionForm action=sign_out attr:class="sign-out-form">
            <button type="submit" class="button-secondary">"Sign out"</button>
        </ActionForm>
    }
}

//! `/account`: the signed-in customer's details, newsletter preference, and sign-out.

use super::{outcome, signed_in_only, AccountNav, AccountSection};
use crate::api::account::{my_account, AccountView, SetEmailLanguage, SignOut, UpdateDetails};
use crate::api::newsletter::Newsletter;
use crate::domain::newsletter::Subscription;
use crate::i18n::{use_locale, Locale};
use crate::live::island_started;
use crate::page_data::page_resource;
use crate::pages::here;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn AccountPage() -> impl IntoView {
    let t = use_locale();
    view! {
        <Title text=t.account_title()/>
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
    let language = ServerAction::<SetEmailLanguage>::new();
    let account = page_resource(
        move || (update.version().get(), newsletter.version().get(), language.version().get()),
        |_| my_account(),
    );
    signed_in_only(account, here, move |me| view! { <Overview me update newsletter language/> }.into_any())
}

#[component]
fn Overview(
    me: AccountView,
    update: ServerAction<UpdateDetails>,
    newsletter: ServerAction<Newsletter>,
    language: ServerAction<SetEmailLanguage>,
) -> impl IntoView {
    let t = use_locale();
    let sign_out = ServerAction::<SignOut>::new();
    let AccountView { email, first_name, last_name, phone, email_verified, newsletter: subscription, email_language } =
        me;
    let greeting = t.account_greeting(&first_name);
    let (intent, button, state) = match subscription {
        Subscription::Subscribed => {
            ("unsubscribe", t.account_newsletter_unsubscribe(), t.account_newsletter_subscribed())
        }
        Subscription::Pending => ("subscribe", t.account_newsletter_send_again(), t.account_newsletter_pending()),
        Subscription::None | Subscription::Unsubscribed => {
            ("subscribe", t.account_newsletter_subscribe(), t.account_newsletter_not_subscribed())
        }
    };
    view! {
        <h1>{greeting}</h1>
        <AccountNav current=AccountSection::Details/>
        <section class="account-section" aria-labelledby="details-heading">
            <h2 id="details-heading">{t.account_details_heading()}</h2>
            <p>
                {t.account_email_is()} <strong data-account-email="">{email.clone()}</strong>
                {if email_verified { t.account_email_confirmed() } else { t.account_email_unconfirmed() }}
            </p>
            <ActionForm action=update attr:class="account-form">
                <label for="details-first-name">{t.account_first_name_label()}</label>
                <input id="details-first-name" name="first_name" autocomplete="given-name" required maxlength="80" value=first_name/>
                <label for="details-last-name">{t.account_last_name_label()}</label>
                <input id="details-last-name" name="last_name" autocomplete="family-name" required maxlength="80" value=last_name/>
                <label for="details-phone">{t.account_phone_optional_label()}</label>
                <input id="details-phone" type="tel" name="phone" autocomplete="tel" maxlength="25" value=phone.unwrap_or_default()/>
                {outcome(update.value(), Some)}
                <button type="submit" class="button-primary">{t.account_details_save()}</button>
            </ActionForm>
        </section>
        <section class="account-section" aria-labelledby="newsletter-heading">
            <h2 id="newsletter-heading">{t.account_newsletter_heading()}</h2>
            <p data-newsletter-state="">{state}</p>
            <ActionForm action=newsletter attr:class="account-form">
                <input type="hidden" name="email" value=email/>
                <button type="submit" name="intent" value=intent class="button-secondary">{button}</button>
                {outcome(newsletter.value(), Some)}
            </ActionForm>
        </section>
        <section class="account-section" aria-labelledby="email-language-heading">
            <h2 id="email-language-heading">{t.account_email_language_heading()}</h2>
            <ActionForm action=language attr:class="account-form">
                <label for="email-language">{t.account_email_language_label()}</label>
                <select id="email-language" name="language">
                    {Locale::ALL
                        .into_iter()
                        .map(|l| {
                            view! {
                                <option value=l.tag() selected=l == email_language lang=l.tag()>
                                    {l.name()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                {outcome(language.value(), Some)}
                <button type="submit" class="button-secondary">{t.account_email_language_save()}</button>
            </ActionForm>
        </section>
        <ActionForm action=sign_out attr:class="sign-out-form">
            <button type="submit" class="button-secondary">{t.account_sign_out()}</button>
        </ActionForm>
    }
}

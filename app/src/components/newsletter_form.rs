//! The newsletter form in the footer of every page: subscribe or
//! unsubscribe an address, with or without an account, with or without
//! JavaScript.

use super::{
    form_message::{refused_without_javascript, said},
    post_form::PostForm,
};
use crate::api::newsletter::Newsletter;
use crate::error::AppError;
use crate::i18n::use_locale;
use crate::live::island_started;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// The form. Posted without JavaScript, the server sends the shopper back
/// here, with the refusal (if any) in the address: it is shown again.
#[component]
pub fn NewsletterForm() -> impl IntoView {
    view! { <NewsletterIsland refused=refused_without_javascript(Newsletter::PATH)/> }
}

/// The form as an island: the answer is shown in place.
#[cfg_attr(feature = "csr", component)]
#[cfg_attr(not(feature = "csr"), island)]
fn NewsletterIsland(refused: Option<String>) -> impl IntoView {
    island_started();
    let t = use_locale();
    let sending = Action::new(|(email, intent): &(String, String)| send(email.clone(), intent.clone()));
    let answer = move || match sending.value().get() {
        Some(result) => Some(said(result)),
        None => refused.clone().map(|message| said(Err(AppError::BadRequest(message)))),
    };
    view! {
        <PostForm
            url=Newsletter::PATH
            class="newsletter-form"
            submit=move |fields| {
                sending.dispatch((fields.text("email"), fields.text("intent")));
            }
        >
            <label for="newsletter-email" class="footer-heading">{t.newsletter_label()}</label>
            <p class="field-hint">{t.newsletter_hint()}</p>
            <input id="newsletter-email" type="email" name="email" autocomplete="email" required maxlength="254" placeholder=t.newsletter_placeholder()/>
            <div class="newsletter-buttons">
                <button type="submit" name="intent" value="subscribe" class="button-small">{t.newsletter_subscribe()}</button>
                <button type="submit" name="intent" value="unsubscribe" class="button-small">{t.newsletter_unsubscribe()}</button>
            </div>
            {answer}
        </PostForm>
    }
}

/// Sends the form to the server. In its own WebAssembly chunk, fetched when
/// first used: few visitors subscribe, and this form is on every page, so
/// the module every page loads carries no code to call the server.
#[cfg_attr(not(feature = "csr"), lazy)]
async fn send(email: String, intent: String) -> Result<String, AppError> {
    crate::api::newsletter::newsletter(email, intent).await
}

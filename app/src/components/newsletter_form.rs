//! The newsletter form in the footer of every page: subscribe or
//! unsubscribe an address, with or without an account, with or without
//! JavaScript.

use super::form_message::outcome;
use crate::api::newsletter::Newsletter;
use leptos::prelude::*;

#[component]
pub fn NewsletterForm() -> impl IntoView {
    let action = ServerAction::<Newsletter>::new();
    view! {
        <ActionForm action attr:class="newsletter-form">
            <label for="newsletter-email" class="footer-heading">"Newsletter"</label>
            <p class="field-hint">"New collections and boutique events, a few times a season."</p>
            <input id="newsletter-email" type="email" name="email" autocomplete="email" required maxlength="254" placeholder="Your email address"/>
            <div class="newsletter-buttons">
                <button type="submit" name="intent" value="subscribe" class="button-small">"Subscribe"</button>
                <button type="submit" name="intent" value="unsubscribe" class="button-small">"Unsubscribe"</button>
            </div>
            {outcome(action.value(), Some)}
        </ActionForm>
    }
}

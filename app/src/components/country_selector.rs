//! Choosing the delivery country, in the header of every page.

use crate::api::delivery::ChooseDeliveryCountry;
use crate::domain::country::COUNTRIES;
use crate::shopper::country::DeliveryCountry;
use leptos::prelude::*;

/// A small form: the country list and a button. Without JavaScript it posts
/// and the server sends the shopper back to the same page; with JavaScript
/// the page updates in place. The button, not the list, submits: changing a
/// list should never move a shopper elsewhere by itself (WCAG 3.2.2).
#[component]
pub fn CountrySelector() -> impl IntoView {
    let delivery = DeliveryCountry::expect();
    let choose = ServerAction::<ChooseDeliveryCountry>::new();
    Effect::new(move |_| {
        if let Some(Ok(country)) = choose.value().get() {
            delivery.chosen.set(country);
        }
    });
    let initial = delivery.chosen.get_untracked();
    let error = move || choose.value().get().and_then(Result::err).map(|e| e.to_string());
    view! {
        <ActionForm action=choose attr:class="country-selector">
            <label for="delivery-country">"Deliver to"</label>
            <select id="delivery-country" name="country">
                // Marked once, not followed: only the shopper changes the list, so it
                // already shows their choice, and every page is lighter to render.
                {COUNTRIES
                    .iter()
                    .map(|(code, name)| {
                        view! {
                            <option value=*code selected=*code == initial.as_str()>
                                {*name}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <button type="submit" class="button-small">
                "Update"
            </button>
            {move || error().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </ActionForm>
    }
}

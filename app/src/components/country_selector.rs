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
    let error = move || choose.value().get().and_then(Result::err).map(|e| e.to_string());
    view! {
        <ActionForm action=choose attr:class="country-selector">
            <label for="delivery-country">"Deliver to"</label>
            <select id="delivery-country" name="country">
                {COUNTRIES
                    .iter()
                    .map(|(code, name)| {
                        let code = *code;
                        view! {
                            <option value=code selected=move || delivery.chosen.get().as_str() == code>
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

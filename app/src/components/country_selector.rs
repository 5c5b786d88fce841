//! Choosing the delivery country, in the header of every page.

use crate::api::delivery::ChooseDeliveryCountry;
use crate::domain::country::countries_in;
use crate::i18n::use_locale;
use crate::shopper::country::DeliveryCountry;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// A small form: the country list and a button. It posts, the server
/// remembers the country in a cookie and sends the shopper back to the same
/// page, rendered for that country; no WebAssembly is needed for it. The
/// button, not the list, submits: changing a list should never move a
/// shopper elsewhere by itself (WCAG 3.2.2).
#[component]
pub fn CountrySelector() -> impl IntoView {
    let t = use_locale();
    let chosen = DeliveryCountry::expect().chosen;
    view! {
        <form action=ChooseDeliveryCountry::PATH method="post" class="country-selector">
            <label for="delivery-country">{t.country_deliver_to()}</label>
            <select id="delivery-country" name="country">
                {countries_in(t)
                    .into_iter()
                    .map(|(code, name)| {
                        view! {
                            <option value=code selected=code == chosen.as_str()>
                                {name}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <button type="submit" class="button-small">
                {t.country_update()}
            </button>
        </form>
    }
}

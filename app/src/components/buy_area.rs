//! The product page's buy area: exactly one of the three offers of PRODUCT.md §1.

use crate::domain::availability::{AdvisorReason, BuyArea};
use leptos::prelude::*;

/// The client-service line, shared by every "ask a client advisor" offer.
const ADVISOR_PHONE: (&str, &str) = ("tel:+33142600000", "+33 1 42 60 00 00");

/// Shows the one offer that fits the piece, its chosen size and the delivery country.
#[component]
pub fn BuyAreaView(#[prop(into)] state: Signal<BuyArea>, product_name: String) -> impl IntoView {
    move || match state.get() {
        BuyArea::AddToBasket { needs_size } => view! {
            <div class="buy-area" data-state="add-to-basket">
                <button type="button" class="button-primary">
                    "Add to basket"
                </button>
                {needs_size.then(|| view! { <p class="buy-hint">"Choose a size above."</p> })}
            </div>
        }
        .into_any(),
        BuyArea::NotifyWhenBackInStock => view! {
            <div class="buy-area" data-state="notify">
                <p class="buy-status">"This size is out of stock."</p>
                <button type="button" class="button-secondary">
                    "Notify me when back in stock"
                </button>
            </div>
        }
        .into_any(),
        BuyArea::AskClientAdvisor(reason) => {
            let why = match reason {
                AdvisorReason::BoutiqueOnly => "This piece is offered in our boutiques only.",
                AdvisorReason::CountryNotServed => "Online purchase is not available for delivery to your country.",
            };
            let name = product_name.clone();
            view! {
                <div class="buy-area" data-state="ask-advisor">
                    <p class="buy-status">{why}</p>
                    <p>
                        "A client advisor will gladly tell you about the " {name}
                        " and arrange a viewing: call "
                        <a href=ADVISOR_PHONE.0>{ADVISOR_PHONE.1}</a>
                        ", Monday to Friday 10:00–19:00, Saturday 10:00–17:00 (Paris time)."
                    </p>
                    <a class="button-secondary" href=ADVISOR_PHONE.0>
                        "Ask a client advisor"
                    </a>
                </div>
            }
            .into_any()
        }
    }
}

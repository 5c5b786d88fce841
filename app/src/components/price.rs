//! A price, with the former price struck through on sale items.

use crate::domain::{catalogue::is_sale, money::Money};
use leptos::prelude::*;

/// Shows a price; a sale item shows its former price struck through first.
#[component]
pub fn Price(price: Money, former_price: Option<Money>) -> impl IntoView {
    let on_sale = is_sale(price, former_price);
    view! {
        <p class="price" class:on-sale=on_sale>
            {former_price
                .filter(|_| on_sale)
                .map(|former| {
                    view! {
                        <s class="former-price">
                            <span class="visually-hidden">"Was "</span>
                            {former.to_string()}
                        </s>
                        " "
                        <span class="visually-hidden">"now "</span>
                    }
                })}
            <span class="current-price">{price.to_string()}</span>
        </p>
    }
}

//! A price, with the former price struck through on sale items.

use crate::domain::{catalogue::is_sale, money::Money};
use crate::i18n::use_locale;
use leptos::prelude::*;

/// Shows a price; a sale item shows its former price struck through first.
#[component]
pub fn Price(price: Money, former_price: Option<Money>) -> impl IntoView {
    let t = use_locale();
    let on_sale = is_sale(price, former_price);
    view! {
        <p class="price" class:on-sale=on_sale>
            {former_price
                .filter(|_| on_sale)
                .map(|former| {
                    view! {
                        <s class="former-price">
                            <span class="visually-hidden">{t.price_was()}</span>
                            {t.money(former)}
                        </s>
                        " "
                        <span class="visually-hidden">{t.price_now()}</span>
                    }
                })}
            <span class="current-price">{t.money(price)}</span>
        </p>
    }
}

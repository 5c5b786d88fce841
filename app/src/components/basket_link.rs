//! The basket icon with its item count, top right of every page.

use crate::i18n::use_locale;
use crate::live::island_started;
use crate::shopper::basket_store::BasketStore;
use leptos::prelude::*;

/// A link to the basket showing how many pieces it holds. The count is
/// blank until the browser has read the basket (the server cannot know it),
/// so the server's HTML and the first browser render agree.
#[cfg_attr(feature = "csr", component)]
#[cfg_attr(not(feature = "csr"), island)]
pub fn BasketLink() -> impl IntoView {
    let live = island_started();
    let t = use_locale();
    let count = BasketStore::get().item_count(live);
    let label = move || match count.get() {
        Some(n) => t.header_basket_count(u64::from(n)),
        None => t.header_basket().to_owned(),
    };
    view! {
        <a href=t.href("/basket") class="basket-link">
            <svg class="basket-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
                <path
                    d="M6 8h12l-1 12H7L6 8zm3 0V6a3 3 0 0 1 6 0v2"
                    fill="none"
                    stroke="currentColor"
                    stroke-width="1.6"
                    stroke-linejoin="round"
                />
            </svg>
            <span class="visually-hidden">{label}</span>
            <span class="basket-count" aria-hidden="true" data-count=move || count.get().map(|n| n.to_string())>
                {move || count.get().filter(|n| *n > 0).map(|n| n.to_string())}
            </span>
        </a>
    }
}

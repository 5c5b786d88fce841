//! Choosing a size on a product page, with each size's availability.
//!
//! Sizes are links (`?size=52`): they work before the WebAssembly loads, and
//! the chosen size stays in the URL to share or reload. Once live, a click
//! chooses the size in place (`choose`).

use crate::domain::{
    availability::StockLevel,
    catalogue::{Category, SizeLabel, SizeStock},
};
use crate::i18n::use_locale;
use leptos::prelude::*;

/// The sizes of a ring or bracelet, the chosen one marked.
#[component]
pub fn SizeSelector(
    category: Category,
    sizes: Vec<SizeStock>,
    #[prop(into)] chosen: Signal<Option<SizeLabel>>,
    choose: Callback<SizeLabel>,
    /// Made in the workshop once ordered: every size may be had, whatever the stock.
    made_to_order: bool,
) -> impl IntoView {
    let t = use_locale();
    view! {
        <fieldset class="size-selector">
            <legend>{t.size_selector_caption(category)}</legend>
            <ul>
                {sizes
                    .into_iter()
                    .map(|s| {
                        let href = format!("?size={}", s.size);
                        let label = s.size.to_string();
                        let size = s.size.clone();
                        let is_chosen = Memo::new(move |_| chosen.get().as_ref() == Some(&size));
                        let size = s.size.clone();
                        let on_click = move |ev: leptos::ev::MouseEvent| {
                            ev.prevent_default();
                            choose.run(size.clone());
                        };
                        let level = StockLevel::of(s.quantity);
                        let (state, note) = match level {
                            _ if made_to_order => ("in", t.product_badge_made_to_order()),
                            StockLevel::Out => ("out", t.stock_level_note(level)),
                            StockLevel::LastOne => ("few", t.stock_level_note(level)),
                            StockLevel::InStock => ("in", t.stock_level_note(level)),
                        };
                        view! {
                            <li>
                                <a
                                    href=href
                                    class=move || {
                                        format!("size size-{state}{}", if is_chosen.get() { " chosen" } else { "" })
                                    }
                                    aria-current=move || is_chosen.get().then_some("true")
                                    data-size=label.clone()
                                    on:click=on_click
                                >
                                    <span class="size-label">{label.clone()}</span>
                                    <span class="size-note">{note}</span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </fieldset>
    }
}

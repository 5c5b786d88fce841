//! Choosing a size on a product page, with each size's availability.
//!
//! Sizes are links (`?size=52`): they work before the WebAssembly loads, and
//! the chosen size stays in the URL to share or reload. Once live, a click
//! chooses the size in place (`choose`).

use crate::domain::{
    availability::StockLevel,
    catalogue::{Category, SizeLabel, SizeStock},
};
use leptos::prelude::*;

/// The sizes of a ring or bracelet, the chosen one marked.
#[component]
pub fn SizeSelector(
    category: Category,
    sizes: Vec<SizeStock>,
    #[prop(into)] chosen: Signal<Option<SizeLabel>>,
    choose: Callback<SizeLabel>,
) -> impl IntoView {
    view! {
        <fieldset class="size-selector">
            <legend>{category.size_caption()}</legend>
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
                        let (state, note) = match StockLevel::of(s.quantity) {
                            StockLevel::Out => ("out", "out of stock"),
                            StockLevel::LastOne => ("few", "last one"),
                            StockLevel::InStock => ("in", "in stock"),
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

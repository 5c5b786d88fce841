//! The interactive part of a product page, an island: the sizes, the size
//! helpers, and the buy area. Everything else on the page is server HTML.

use super::{
    bracelet_guide::BraceletGuide,
    buy_area::{BuyAreaView, Offer},
    ring_size_helper::RingSizeHelper,
    size_selector::SizeSelector,
};
use crate::domain::{
    availability::buy_area,
    basket::purchase_limit,
    catalogue::{Category, ProductFlags, SizeLabel, SizeStock, Stock},
    ring_size::Method,
    slug::Slug,
};
use crate::i18n::use_locale;
use crate::live::island_started;
use leptos::prelude::*;

/// What the buy panel needs to know about the piece, from the server.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PanelPiece {
    pub slug: Slug,
    pub name: String,
    pub category: Category,
    pub flags: ProductFlags,
    pub stock: Stock,
}

/// Sizes, size help and the buy area. `chosen` is the size in the page's
/// URL; `served` whether the shopper's delivery country is one the house
/// ships to, and `country` its name.
/// In the main module: a lazy island's
/// chunks would cost a product page more than they save the others.
#[cfg_attr(feature = "csr", component)]
#[cfg_attr(not(feature = "csr"), island)]
pub fn BuyPanel(piece: PanelPiece, chosen: Option<SizeLabel>, served: bool, country: String) -> impl IntoView {
    island_started();
    let t = use_locale();
    let PanelPiece { slug, name, category, flags, stock } = piece;
    let chosen = RwSignal::new(chosen);
    // A size chosen here is kept in the address too, to share or reload,
    // without a trip to the server (a size link still works without JavaScript).
    let choose = Callback::new({
        let slug = slug.clone();
        move |size: SizeLabel| {
            let url = t.href(&format!("/products/{slug}?size={size}"));
            if let Ok(history) = window().history() {
                let _ = history.replace_state_with_url(&leptos::wasm_bindgen::JsValue::NULL, "", Some(&url));
            }
            chosen.set(Some(size));
        }
    });
    let state = {
        let stock = stock.clone();
        Signal::derive(move || buy_area(flags, &stock, chosen.get().as_ref(), served))
    };
    let limit = {
        let stock = stock.clone();
        Signal::derive(move || purchase_limit(flags, &stock, chosen.get().as_ref()))
    };
    // The page's back-in-stock form shows when an alert is offered, for the size chosen.
    #[cfg(not(feature = "ssr"))]
    Effect::new(move |_| {
        let shown = state.get() == crate::domain::availability::BuyArea::NotifyWhenBackInStock;
        super::stock_alert_form::sync(shown, chosen.get().as_ref());
    });
    let offer = Offer { product: slug, name, chosen: chosen.into(), limit };
    let sizes = stock.sizes().to_vec();
    let sized = category.is_sized();
    view! {
        {sized
            .then(|| {
                view! {
                    <SizeSelector category sizes=sizes.clone() chosen choose made_to_order=flags.made_to_order/>
                }
            })}
        {sized.then(|| view! { <SizeHelp category sizes choose/> })}
        <BuyAreaView state offer country/>
    }
}

/// The ring-size helper or the bracelet guide, folded under the sizes. The
/// size it finds is chosen on the page, as if the shopper had clicked it.
#[component]
fn SizeHelp(category: Category, sizes: Vec<SizeStock>, choose: Callback<SizeLabel>) -> impl IntoView {
    let t = use_locale();
    let picked = RwSignal::new(None::<String>);
    let note = RwSignal::new(None::<String>);
    let made: Vec<SizeLabel> = sizes.iter().map(|s| s.size.clone()).collect();
    Effect::new(move |_| {
        let Some(size) = picked.get() else { return };
        match made.iter().find(|s| s.as_str() == size) {
            Some(label) => {
                choose.run(label.clone());
                note.set(Some(t.size_now_chosen(&size)));
            }
            None => note.set(Some(t.size_not_made(&size))),
        }
    });
    let rings = category == Category::Rings;
    let summary = if rings { t.size_find_ring() } else { t.size_find_bracelet() };
    // Built when first opened: most visitors never open it, so the server
    // does not render it and the page stays light. Without JavaScript the
    // fold offers the helper's own page instead.
    let opened = RwSignal::new(false);
    let helper = move || {
        if !opened.get() {
            return if rings {
                view! {
                    <p class="note">
                        <a href=t.href("/ring-size")>{t.size_open_ring_helper()}</a>
                    </p>
                }
                .into_any()
            } else {
                view! {
                    <p class="note">{t.size_bracelet_rule()}</p>
                }
                .into_any()
            };
        }
        // The helper's code is fetched when the fold is first opened.
        let picked = picked.write_only();
        if rings {
            Suspend::new(async move { ring_size_helper(picked).await }).into_any()
        } else {
            let sizes_cm = sizes.iter().filter_map(|s| s.size.as_str().parse().ok()).collect();
            Suspend::new(async move { bracelet_guide(sizes_cm, picked).await }).into_any()
        }
    };
    view! {
        <details class="size-help" on:toggle=move |_| if !opened.get_untracked() { opened.set(true) }>
            <summary>{summary}</summary>
            {helper}
            <p class="size-help-note" role="status">
                {move || note.get()}
            </p>
        </details>
        {rings
            .then(|| {
                view! {
                    <p class="note">
                        <a href=t.href("/ring-size")>{t.size_ring_helper_page()}</a>
                    </p>
                }
            })}
    }
}

/// The ring-size helper, in its own WebAssembly chunk: most visitors never open it.
#[cfg_attr(not(feature = "csr"), lazy)]
async fn ring_size_helper(picked: WriteSignal<Option<String>>) -> AnyView {
    view! { <RingSizeHelper method=Method::Circumference measurement=String::new() picked/> }.into_any()
}

/// The bracelet guide, in its own WebAssembly chunk, like the ring-size helper.
#[cfg_attr(not(feature = "csr"), lazy)]
async fn bracelet_guide(sizes_cm: Vec<u32>, picked: WriteSignal<Option<String>>) -> AnyView {
    view! { <BraceletGuide sizes_cm picked/> }.into_any()
}

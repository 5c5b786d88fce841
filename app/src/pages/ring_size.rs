//! The ring-size helper (PRODUCT.md §3). It runs in the browser, answering
//! as the shopper types; without JavaScript it is a plain GET form and the
//! server gives the same answer from the same rules.

use crate::components::ring_size_helper::RingSizeHelper;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// The helper's own page, `/ring-size`.
#[component]
pub fn RingSizePage() -> impl IntoView {
    view! {
        <Title text="Find your ring size"/>
        <Meta
            name="description"
            content="Measure your finger or a ring that fits, and find your French, US and UK ring size with the Maison Aurèle size chart."
        />
        <section class="ring-size-page">
            <h1>"Find your ring size"</h1>
            <p class="lead">
                "Measure around your finger with a strip of paper, or across the inside of a ring that fits you well."
            </p>
            <RingSizeHelper/>
        </section>
    }
}

//! The ring-size helper (PRODUCT.md §3). It runs in the browser, answering
//! as the shopper types; without JavaScript it is a plain GET form and the
//! server gives the same answer from the same rules.

use crate::components::ring_size_helper::RingSizeHelper;
use crate::domain::ring_size::Method;
use crate::i18n::use_locale;
use crate::live::island_started;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

/// The helper's own page, `/ring-size`.
#[component]
pub fn RingSizePage() -> impl IntoView {
    let (method, measurement) = use_query_map().with_untracked(|q| {
        (Method::from_param(&q.get("method").unwrap_or_default()), q.get("mm").unwrap_or_default())
    });
    // A measurement sent with the form (no JavaScript) that cannot be read is a bad request.
    #[cfg(feature = "ssr")]
    if !measurement.trim().is_empty() && crate::domain::ring_size::FingerSize::parse(method, &measurement).is_err() {
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(http::StatusCode::BAD_REQUEST);
        }
    }
    let t = use_locale();
    view! {
        <Title text=t.ring_size_title()/>
        <Meta name="description" content=t.ring_size_description()/>
        <section class="ring-size-page">
            <h1>{t.ring_size_title()}</h1>
            <p class="lead">{t.ring_size_lead()}</p>
            <RingSizeIsland method measurement/>
        </section>
    }
}

/// The helper as an island of its own, fetched with this page only.
#[cfg_attr(feature = "csr", component)]
#[cfg_attr(not(feature = "csr"), island(lazy))]
fn RingSizeIsland(method: Method, measurement: String) -> impl IntoView {
    crate::island_preload::preload_lazy_island("ring_size_island");
    island_started();
    view! { <RingSizeHelper method measurement/> }
}

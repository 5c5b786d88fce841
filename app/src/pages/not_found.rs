//! The 404 page, for unknown addresses and unknown products.

use crate::i18n::use_locale;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;

/// Says the page does not exist, and answers with status 404 on the server.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let t = use_locale();
    view! {
        <Title text=t.not_found_title()/>
        <Meta name="robots" content="noindex"/>
        <section class="not-found">
            <h1>{t.not_found_heading()}</h1>
            <p>{t.not_found_text()}</p>
            <p>
                <A href=t.href("/shop")>{t.not_found_browse()}</A>
                {t.not_found_or()}
                <A href=t.href("/")>{t.not_found_home()}</A>
                "."
            </p>
        </section>
    }
}

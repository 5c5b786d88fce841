//! The 404 page, for unknown addresses and unknown products.

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
    view! {
        <Title text="Page not found"/>
        <Meta name="robots" content="noindex"/>
        <section class="not-found">
            <h1>"This page does not exist"</h1>
            <p>"The piece or page you were looking for is not here, or is no longer offered."</p>
            <p>
                <A href="/shop">"Browse all jewellery"</A>
                " or "
                <A href="/">"return to the home page"</A>
                "."
            </p>
        </section>
    }
}

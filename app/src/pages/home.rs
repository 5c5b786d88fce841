//! The home page: the collections and the newest pieces.

use super::loading;
use crate::api::catalogue::home_page;
use crate::components::{error_notice::ErrorNotice, product_grid::ProductGrid};
use crate::page_data::page_resource;
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::components::A;

/// The storefront's front door.
#[component]
pub fn HomePage() -> impl IntoView {
    let page = page_resource(|| (), |_| home_page());
    view! {
        <Title text="Fine jewellery from Paris"/>
        <Meta
            name="description"
            content="Rings, bracelets, necklaces and earrings in gold, platinum and precious stones, made in the Maison Aurèle workshop in Paris."
        />
        <section class="hero">
            <h1>"Jewellery made in Paris, to be worn for a lifetime"</h1>
            <p>"Gold, platinum and precious stones, set by hand in our workshop on the rue de la Paix."</p>
            <A href="/shop" attr:class="button-primary">
                "Discover the jewellery"
            </A>
        </section>
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => {
                        view! {
                            <Link rel="canonical" href=page.canonical/>
                            <section class="collections" aria-labelledby="collections-heading">
                                <h2 id="collections-heading">"The collections"</h2>
                                <ul class="collection-grid">
                                    {page
                                        .collections
                                        .into_iter()
                                        .map(|c| {
                                            let href = format!("/collections/{}", c.slug);
                                            view! {
                                                <li class="collection-card">
                                                    <A href=href>
                                                        <img
                                                            src=c.picture.src
                                                            alt=c.picture.alt
                                                            width="480"
                                                            height="480"
                                                            loading="lazy"
                                                        />
                                                        <span class="collection-name">{c.name}</span>
                                                        <span class="collection-tagline">{c.tagline}</span>
                                                    </A>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            </section>
                            <section class="highlights" aria-labelledby="highlights-heading">
                                <h2 id="highlights-heading">"New in"</h2>
                                <ProductGrid products=page.highlights/>
                            </section>
                        }
                            .into_any()
                    }
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

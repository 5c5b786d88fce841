//! The home page: the collections and the newest pieces.

use super::loading;
use crate::api::catalogue::home_page;
use crate::components::{error_notice::ErrorNotice, product_grid::ProductGrid};
use crate::i18n::use_locale;
use crate::page_data::page_resource;
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::components::A;

/// The storefront's front door.
#[component]
pub fn HomePage() -> impl IntoView {
    let t = use_locale();
    let page = page_resource(|| (), |_| home_page());
    view! {
        <Title text=t.home_title()/>
        <Meta name="description" content=t.home_description()/>
        <section class="hero">
            <h1>{t.home_heading()}</h1>
            <p>{t.home_lead()}</p>
            <A href=t.href("/shop") attr:class="button-primary">
                {t.home_discover()}
            </A>
        </section>
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => {
                        view! {
                            <Link rel="canonical" href=page.canonical/>
                            <section class="collections" aria-labelledby="collections-heading">
                                <h2 id="collections-heading">{t.home_collections()}</h2>
                                <ul class="collection-grid">
                                    {page
                                        .collections
                                        .into_iter()
                                        .map(|c| {
                                            let href = t.href(&format!("/collections/{}", c.slug));
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
                                <h2 id="highlights-heading">{t.home_new_in()}</h2>
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

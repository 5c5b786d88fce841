//! The house's pages of information (PRODUCT.md §8): shipping, returns,
//! customs, care, size guides, privacy. Server HTML only: their words are
//! the house's Markdown, their figures the shop's data (`api::house`).

use super::{loading, meta_description};
use crate::api::house::house_info;
use crate::components::{breadcrumbs::Breadcrumbs, error_notice::ErrorNotice};
use crate::domain::house_page::HousePage;
use crate::page_data::page_resource;
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};

/// One of the house's pages.
#[component]
pub fn HouseInfoPage(page: HousePage) -> impl IntoView {
    let content = page_resource(move || page, house_info);
    let page_name: &'static str = page.into();
    view! {
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match content.await {
                    Ok(content) => {
                        view! {
                            <Title text=content.title.clone()/>
                            <Meta name="description" content=meta_description(&content.lede)/>
                            <Link rel="canonical" href=content.canonical.clone()/>
                            <article class="house-page" data-page=page_name>
                                <Breadcrumbs here=content.title.clone() canonical=content.canonical.clone()/>
                                <h1>{content.title}</h1>
                                <p class="lede">{content.lede}</p>
                                <div class="house-text" inner_html=content.html></div>
                            </article>
                        }
                            .into_any()
                    }
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

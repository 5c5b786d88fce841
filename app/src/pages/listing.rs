//! Listing pages: everything, a category, or a collection, with filters,
//! sorting and search carried in the URL.

use super::loading;
use crate::api::catalogue::{list_products, ListingContent as ListingData, ListingScope};
use crate::components::{error_notice::ErrorNotice, product_grid::ProductGrid};
use crate::domain::{
    catalogue::Category,
    listing::{ListingFilter, ListingQuery, SortOrder},
};
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::{
    components::{Form, A},
    hooks::{use_location, use_params_map, use_query_map},
};

/// A listing of pieces, its scope from the path and its filters from the query.
#[component]
pub fn ListingPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let scope = Memo::new(move |_| {
        let params = params.read();
        if let Some(category) = params.get("category") {
            ListingScope::Category(category)
        } else if let Some(collection) = params.get("collection") {
            ListingScope::Collection(collection)
        } else {
            ListingScope::Everything
        }
    });
    let listing_query = Memo::new(move |_| {
        let q = query.read();
        ListingQuery {
            category: q.get("category"),
            collection: q.get("collection"),
            material: q.get("material"),
            min: q.get("min"),
            max: q.get("max"),
            online: q.get("online"),
            sort: q.get("sort"),
            q: q.get("q"),
        }
    });
    let page = Resource::new(move || (scope.get(), listing_query.get()), |(scope, query)| list_products(scope, query));
    let path = use_location().pathname;

    view! {
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(data) => view! { <Listing data scope=scope.get_untracked()/> }.into_any(),
                    Err(error) => {
                        view! {
                            <Title text="Jewellery"/>
                            <ErrorNotice error back_to=path.get_untracked()/>
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// The heading, the filter form and the results.
#[component]
fn Listing(data: ListingData, scope: ListingScope) -> impl IntoView {
    let ListingData { heading, intro, products, filter, collections, materials, canonical } = data;
    let count = products.len();
    // Clearing the filters is the same path with no query string.
    let reset = use_location().pathname.get_untracked();
    let searching = filter.text.is_some();
    let results = if products.is_empty() {
        view! {
            <div class="empty-results" role="status">
                <p>"No piece matches these choices."</p>
                <p>
                    <A href=reset.clone()>"Clear the filters"</A>
                </p>
            </div>
        }
        .into_any()
    } else {
        view! {
            <p class="result-count" role="status">
                {if count == 1 { "1 piece".to_owned() } else { format!("{count} pieces") }}
            </p>
            <ProductGrid products/>
        }
        .into_any()
    };
    let title = heading.clone();
    view! {
        <Title text=title/>
        <Meta name="description" content=format!("{heading}: {intro}")/>
        <Link rel="canonical" href=canonical/>
        {searching.then(|| view! { <Meta name="robots" content="noindex"/> })}
        <header class="listing-header">
            <h1>{heading}</h1>
            <p>{intro}</p>
        </header>
        <div class="listing">
            <FilterForm filter scope collections materials reset/>
            <section class="results" aria-label="Pieces">
                {results}
            </section>
        </div>
    }
}

/// The filter, sort and search form: a plain GET form, so the URL carries
/// the choices and the page works before the WebAssembly loads.
#[component]
fn FilterForm(
    filter: ListingFilter,
    scope: ListingScope,
    collections: Vec<crate::domain::catalogue::Collection>,
    materials: Vec<crate::domain::catalogue::Material>,
    reset: String,
) -> impl IntoView {
    let category_choice = matches!(scope, ListingScope::Everything | ListingScope::Collection(_)).then(|| {
        let chosen = filter.category;
        view! {
            <label for="filter-category">"Category"</label>
            <select id="filter-category" name="category">
                <option value="">"All categories"</option>
                {Category::ALL
                    .into_iter()
                    .map(|c| view! { <option value=c.slug() selected={chosen == Some(c)}>{c.name()}</option> })
                    .collect_view()}
            </select>
        }
    });
    let collection_choice = (!matches!(scope, ListingScope::Collection(_))).then(|| {
        let chosen = filter.collection.clone();
        view! {
            <label for="filter-collection">"Collection"</label>
            <select id="filter-collection" name="collection">
                <option value="">"All collections"</option>
                {collections
                    .into_iter()
                    .map(|c| {
                        let selected = chosen.as_ref() == Some(&c.slug);
                        view! { <option value=c.slug.to_string() selected=selected>{c.name}</option> }
                    })
                    .collect_view()}
            </select>
        }
    });
    let chosen_material = filter.material.clone();
    let euros = |m: Option<crate::domain::money::Money>| m.map(|m| (m.cents() / 100).to_string()).unwrap_or_default();
    view! {
        <Form method="GET" action="" attr:class="filters" attr:aria-label="Filter and sort">
            <div class="filter-field filter-search">
                <label for="filter-q">"Search"</label>
                <input
                    id="filter-q"
                    type="search"
                    name="q"
                    maxlength="100"
                    value=filter.text.as_ref().map(|t| t.as_str().to_owned()).unwrap_or_default()
                />
            </div>
            {category_choice.map(|c| view! { <div class="filter-field">{c}</div> })}
            {collection_choice.map(|c| view! { <div class="filter-field">{c}</div> })}
            <div class="filter-field">
                <label for="filter-material">"Material"</label>
                <select id="filter-material" name="material">
                    <option value="">"All materials"</option>
                    {materials
                        .into_iter()
                        .map(|m| {
                            let selected = chosen_material.as_ref() == Some(&m.slug);
                            view! { <option value=m.slug.to_string() selected=selected>{m.name}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <fieldset class="filter-field filter-price">
                <legend>"Price (€)"</legend>
                <label for="filter-min">"From"</label>
                <input id="filter-min" type="number" name="min" min="0" step="1" inputmode="numeric" value=euros(filter.min_price)/>
                <label for="filter-max">"To"</label>
                <input id="filter-max" type="number" name="max" min="0" step="1" inputmode="numeric" value=euros(filter.max_price)/>
            </fieldset>
            <div class="filter-field filter-check">
                <input id="filter-online" type="checkbox" name="online" value="1" checked=filter.online_now/>
                <label for="filter-online">"Available online now"</label>
            </div>
            <div class="filter-field">
                <label for="filter-sort">"Sort by"</label>
                <select id="filter-sort" name="sort">
                    {SortOrder::ALL
                        .into_iter()
                        .map(|s| view! { <option value=s.param() selected={filter.sort == s}>{s.label()}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="filter-actions">
                <button type="submit" class="button-primary">"Apply"</button>
                <A href=reset attr:class="filter-reset">"Reset"</A>
            </div>
        </Form>
    }
}

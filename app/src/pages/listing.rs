//! Listing pages: everything, a category, or a collection, with filters,
//! sorting and search carried in the URL.

use super::loading;
use crate::api::catalogue::{list_products, ListingContent as ListingData, ListingScope};
use crate::components::{breadcrumbs::Breadcrumbs, error_notice::ErrorNotice, product_grid::ProductGrid};
use crate::domain::{
    catalogue::Category,
    listing::{ListingFilter, ListingQuery, SortOrder},
};
use crate::i18n::use_locale;
use crate::page_data::page_resource;
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::{
    components::A,
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
    let page = page_resource(move || (scope.get(), listing_query.get()), |(scope, query)| list_products(scope, query));
    let path = use_location().pathname;
    let t = use_locale();

    view! {
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(data) => view! { <Listing data scope=scope.get_untracked()/> }.into_any(),
                    Err(error) => {
                        view! {
                            <Title text=t.listing_title()/>
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
    let t = use_locale();
    let ListingData { heading, intro, products, filter, collections, materials, canonical } = data;
    let count = products.len() as u64;
    // Clearing the filters is the same path with no query string.
    let reset = use_location().pathname.get_untracked();
    let searching = filter.text.is_some();
    let results = if products.is_empty() {
        view! {
            <div class="empty-results" role="status">
                <p>{t.listing_no_match()}</p>
                <p>
                    <A href=reset.clone()>{t.listing_clear_filters()}</A>
                </p>
            </div>
        }
        .into_any()
    } else {
        view! {
            <p class="result-count" role="status">
                {t.listing_count(count)}
            </p>
            <ProductGrid products/>
        }
        .into_any()
    };
    let title = heading.clone();
    // Everything is one step from home; a category or a collection is in "all jewellery".
    let via = (scope != ListingScope::Everything).then(|| (t.header_all_jewellery().to_owned(), "/shop".to_owned()));
    let here = heading.clone();
    view! {
        <Title text=title/>
        <Meta name="description" content=t.listing_meta_description(&heading, &intro)/>
        <Link rel="canonical" href=canonical.clone()/>
        {searching.then(|| view! { <Meta name="robots" content="noindex"/> })}
        <Breadcrumbs via=via here canonical/>
        <header class="listing-header">
            <h1>{heading}</h1>
            <p>{intro}</p>
        </header>
        <div class="listing">
            <FilterForm filter scope collections materials reset/>
            <section class="results" aria-label=t.listing_results_label()>
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
    let t = use_locale();
    let category_choice = matches!(scope, ListingScope::Everything | ListingScope::Collection(_)).then(|| {
        let options = Category::ALL.into_iter().map(|c| (c.slug().to_owned(), t.category_name(c).to_owned())).collect();
        let chosen = filter.category.map(|c| c.slug().to_owned());
        view! {
            <Choice name="category" label=t.listing_category() any=Some(t.listing_all_categories()) options chosen/>
        }
    });
    let collection_choice = (!matches!(scope, ListingScope::Collection(_))).then(|| {
        let options = collections.into_iter().map(|c| (c.slug.to_string(), c.name)).collect();
        let chosen = filter.collection.as_ref().map(ToString::to_string);
        // "Collection" is written the same in both languages.
        view! { <Choice name="collection" label="Collection" any=Some(t.listing_all_collections()) options chosen/> }
    });
    let materials = materials.into_iter().map(|m| (m.slug.to_string(), m.name)).collect();
    let sorts =
        SortOrder::ALL.into_iter().map(|s| (s.param().to_owned(), t.listing_sort_label(s).to_owned())).collect();
    let euros = |m: Option<crate::domain::money::Money>| m.map(|m| (m.cents() / 100).to_string()).unwrap_or_default();
    view! {
        <form method="get" action="" class="filters" aria-label=t.listing_filters_label()>
            <div class="filter-field filter-search">
                <label for="filter-q">{t.listing_search()}</label>
                <input
                    id="filter-q"
                    type="search"
                    name="q"
                    maxlength="100"
                    value=filter.text.as_ref().map(|t| t.as_str().to_owned()).unwrap_or_default()
                />
            </div>
            {category_choice}
            {collection_choice}
            <Choice
                name="material"
                label=t.listing_material()
                any=Some(t.listing_all_materials())
                options=materials
                chosen=filter.material.as_ref().map(ToString::to_string)
            />
            <fieldset class="filter-field filter-price">
                <legend>{t.listing_price()}</legend>
                <label for="filter-min">{t.listing_price_from()}</label>
                <input id="filter-min" type="number" name="min" min="0" step="1" inputmode="numeric" value=euros(filter.min_price)/>
                <label for="filter-max">{t.listing_price_to()}</label>
                <input id="filter-max" type="number" name="max" min="0" step="1" inputmode="numeric" value=euros(filter.max_price)/>
            </fieldset>
            <div class="filter-field filter-check">
                <input id="filter-online" type="checkbox" name="online" value="1" checked=filter.online_now/>
                <label for="filter-online">{t.listing_online_now()}</label>
            </div>
            <Choice name="sort" label=t.listing_sort_by() any=None options=sorts chosen=Some(filter.sort.param().to_owned())/>
            <div class="filter-actions">
                <button type="submit" class="button-primary">{t.listing_apply()}</button>
                <A href=reset attr:class="filter-reset">{t.listing_reset()}</A>
            </div>
        </form>
    }
}

/// One labelled drop-down of the filter form; `any` is the "no filter" option.
#[component]
fn Choice(
    name: &'static str,
    label: &'static str,
    any: Option<&'static str>,
    /// (value in the URL, text shown)
    options: Vec<(String, String)>,
    chosen: Option<String>,
) -> impl IntoView {
    let id = format!("filter-{name}");
    view! {
        <div class="filter-field">
            <label for=id.clone()>{label}</label>
            <select id=id name=name>
                {any.map(|text| view! { <option value="">{text}</option> })}
                {options
                    .into_iter()
                    .map(|(value, text)| {
                        let selected = chosen.as_deref() == Some(value.as_str());
                        view! { <option value=value selected=selected>{text}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

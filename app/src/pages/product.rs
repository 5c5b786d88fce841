//! A product's page: pictures, description, materials, price, sizes and the buy area.

use super::{loading, meta_description};
use crate::api::catalogue::{product_page, ProductContent as ProductData};
use crate::components::{
    bracelet_guide::BraceletGuide,
    buy_area::{BuyAreaView, Offer},
    error_notice::ErrorNotice,
    price::Price,
    ring_size_helper::RingSizeHelper,
    size_selector::SizeSelector,
};
use crate::domain::{
    availability::{buy_area, AdvisorReason, BuyArea},
    basket::purchase_limit,
    catalogue::{Category, ProductDetail, SizeLabel, SizeStock},
    slug::Slug,
};
use crate::shopper::country::DeliveryCountry;
use crate::HOUSE_NAME;
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::{
    components::A,
    hooks::{use_navigate, use_params_map, use_query_map},
    NavigateOptions,
};

/// The page of one piece, found by its slug.
#[component]
pub fn ProductPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    // An unreadable size in the URL counts as no size chosen.
    let chosen = Memo::new(move |_| query.read().get("size").and_then(|s| SizeLabel::parse(&s).ok()));
    let page = Resource::new(move || slug.get(), product_page);
    view! {
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(data) => view! { <Product data chosen/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Product(data: ProductData, chosen: Memo<Option<SizeLabel>>) -> impl IntoView {
    let ProductData { product, canonical } = data;
    let json_ld = product_json_ld(&product, &canonical);
    let delivery = DeliveryCountry::expect();
    let flags = product.flags;
    let on_sale = product.is_on_sale();
    let stock = product.stock.clone();
    let state = Signal::derive(move || buy_area(flags, &stock, chosen.get().as_ref(), delivery.is_served()));
    let stock = product.stock.clone();
    let limit = Signal::derive(move || purchase_limit(flags, &stock, chosen.get().as_ref()));
    let offer = Offer { product: product.slug.clone(), name: product.name.clone(), chosen: chosen.into(), limit };
    let ProductDetail {
        slug,
        name,
        category,
        collection_slug,
        collection_name,
        description,
        materials,
        price,
        former_price,
        pictures,
        stock,
        ..
    } = product;
    let collection_href = format!("/collections/{collection_slug}");
    let category_href = format!("/shop/{}", category.slug());
    let sizes = stock.sizes().to_vec();
    let size_selector = category.is_sized().then(|| view! { <SizeSelector category sizes=sizes.clone() chosen/> });
    let size_help = category.is_sized().then(|| view! { <SizeHelp category slug=slug.clone() sizes=sizes.clone()/> });
    view! {
        <Title text=name.clone()/>
        <Meta name="description" content=meta_description(&description)/>
        <Link rel="canonical" href=canonical/>
        <script type="application/ld+json" inner_html=json_ld></script>
        <nav class="breadcrumbs" aria-label="Breadcrumb">
            <ol>
                <li>
                    <A href="/">"Home"</A>
                </li>
                <li>
                    <A href=category_href>{category.name()}</A>
                </li>
                <li aria-current="page">{name.clone()}</li>
            </ol>
        </nav>
        <article class="product" data-category=category.slug()>
            <div class="product-pictures">
                {pictures
                    .into_iter()
                    .enumerate()
                    .map(|(i, p)| {
                        // The first picture is what the shopper sees first: load it eagerly.
                        let loading = if i == 0 { "eager" } else { "lazy" };
                        view! { <img src=p.src alt=p.alt width="720" height="720" loading=loading/> }
                    })
                    .collect_view()}
            </div>
            <div class="product-info">
                <p class="product-collection">
                    <A href=collection_href>{collection_name}</A>
                </p>
                <h1>{name.clone()}</h1>
                <Price price former_price/>
                {on_sale.then(|| view! { <p class="note">"Sale pieces can be returned only if they arrive damaged."</p> })}
                {size_selector}
                {size_help}
                <BuyAreaView state offer/>
                {flags
                    .made_to_order
                    .then(|| {
                        view! {
                            <p class="note">"Made to order in our workshop: ships 4 to 6 weeks after your order."</p>
                        }
                    })}
                {flags
                    .personalised
                    .then(|| {
                        view! { <p class="note">"Engraved for you. Personalised pieces cannot be returned."</p> }
                    })}
                <section class="product-description">
                    <h2>"Description"</h2>
                    <p>{description}</p>
                </section>
                <section class="product-materials">
                    <h2>"Materials"</h2>
                    <ul>{materials.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                </section>
            </div>
        </article>
    }
}

/// The ring-size helper or the bracelet guide, folded under the sizes. The
/// size it finds is chosen on the page, as if the shopper had clicked it.
#[component]
fn SizeHelp(category: Category, slug: Slug, sizes: Vec<SizeStock>) -> impl IntoView {
    let picked = RwSignal::new(None::<String>);
    let note = RwSignal::new(None::<String>);
    let navigate = use_navigate();
    let made: Vec<String> = sizes.iter().map(|s| s.size.to_string()).collect();
    Effect::new(move |_| {
        let Some(size) = picked.get() else { return };
        if made.contains(&size) {
            let options = NavigateOptions { replace: true, scroll: false, ..Default::default() };
            navigate(&format!("/products/{slug}?size={size}"), options);
            note.set(Some(format!("Size {size} is now chosen above.")));
        } else {
            note.set(Some(format!(
                "This piece is not made in size {size}: a client advisor can tell you what the workshop can do."
            )));
        }
    });
    let rings = category == Category::Rings;
    let summary = if rings { "Find your ring size" } else { "Find your bracelet size" };
    // Built when first opened: most visitors never open it, so the server
    // does not render it and the page stays light. Without JavaScript the
    // fold offers the helper's own page instead.
    let opened = RwSignal::new(false);
    let helper = move || {
        if !opened.get() {
            return if rings {
                view! {
                    <p class="note">
                        <A href="/ring-size">"Open the ring-size helper"</A>
                    </p>
                }
                .into_any()
            } else {
                view! {
                    <p class="note">
                        "Measure around your wrist and add 1 cm for a snug fit, 1.5 cm for a comfortable one, 2 cm for a loose one; between two sizes, take the larger."
                    </p>
                }
                .into_any()
            };
        }
        if rings {
            view! { <RingSizeHelper picked=picked.write_only()/> }.into_any()
        } else {
            let sizes_cm = sizes.iter().filter_map(|s| s.size.as_str().parse().ok()).collect();
            view! { <BraceletGuide sizes_cm picked=picked.write_only()/> }.into_any()
        }
    };
    view! {
        <details class="size-help" on:toggle=move |_| opened.set(true)>
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
                        <A href="/ring-size">"The ring-size helper on its own page"</A>
                    </p>
                }
            })}
    }
}

/// schema.org Product data for search engines, as JSON-LD. Availability is
/// the piece's own, whatever country the visitor chose.
fn product_json_ld(product: &ProductDetail, canonical: &str) -> String {
    let availability = match buy_area(product.flags, &product.stock, None, true) {
        BuyArea::AskClientAdvisor(AdvisorReason::BoutiqueOnly) => "https://schema.org/InStoreOnly",
        _ if product.flags.made_to_order => "https://schema.org/MadeToOrder",
        BuyArea::NotifyWhenBackInStock => "https://schema.org/OutOfStock",
        _ => "https://schema.org/InStock",
    };
    let origin = canonical.split("/products/").next().unwrap_or_default();
    let data = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product.name,
        "description": product.description,
        "sku": product.slug.as_str(),
        "category": product.category.name(),
        "material": product.materials.join(", "),
        "image": product.pictures.iter().map(|p| format!("{origin}{}", p.src)).collect::<Vec<_>>(),
        "brand": { "@type": "Brand", "name": HOUSE_NAME },
        "offers": {
            "@type": "Offer",
            "url": canonical,
            "priceCurrency": "EUR",
            "price": product.price.decimal(),
            "availability": availability,
        },
    });
    // `</script>` inside the data would end the element early.
    data.to_string().replace('<', "\\u003c")
}

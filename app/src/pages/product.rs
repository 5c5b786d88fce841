//! A product's page: pictures, description, materials, price, sizes and the buy area.

use super::{loading, meta_description};
use crate::api::catalogue::{product_page, ProductContent as ProductData};
use crate::components::{buy_area::BuyAreaView, error_notice::ErrorNotice, price::Price, size_selector::SizeSelector};
use crate::domain::{
    availability::{buy_area, AdvisorReason, BuyArea},
    catalogue::{ProductDetail, SizeLabel},
};
use crate::HOUSE_NAME;
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::{
    components::A,
    hooks::{use_params_map, use_query_map},
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
    let ProductData { product, country_served, canonical } = data;
    let json_ld = product_json_ld(&product, country_served, &canonical);
    let flags = product.flags;
    let on_sale = product.is_on_sale();
    let stock = product.stock.clone();
    let state = Signal::derive(move || buy_area(flags, &stock, chosen.get().as_ref(), country_served));
    let ProductDetail {
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
    let size_selector = category.is_sized().then(|| view! { <SizeSelector category sizes chosen/> });
    let size_help = (category == crate::domain::catalogue::Category::Rings).then(|| {
        view! {
            <p class="note">
                <A href="/ring-size">"Not sure of your size? Find it with our ring-size helper."</A>
            </p>
        }
    });
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
                <BuyAreaView state product_name=name/>
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

/// schema.org Product data for search engines, as JSON-LD.
fn product_json_ld(product: &ProductDetail, country_served: bool, canonical: &str) -> String {
    let availability = match buy_area(product.flags, &product.stock, None, country_served) {
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

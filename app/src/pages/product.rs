//! A product's page: pictures, description, materials, price, sizes and the
//! buy area. The page is server HTML; its buy panel is an island.

use super::{loading, meta_description};
use crate::api::catalogue::{product_page, ProductContent as ProductData};
use crate::api::stock_alerts::RegisterAlert;
use crate::components::piece_picture::PiecePicture;
use crate::components::{
    breadcrumbs::Breadcrumbs,
    buy_panel::{BuyPanel, PanelPiece},
    error_notice::ErrorNotice,
    form_message::refused_without_javascript,
    price::Price,
    stock_alert_form::StockAlertForm,
};
use crate::domain::{
    availability::{buy_area, BuyArea},
    catalogue::{ProductDetail, SizeLabel},
};
use crate::i18n::use_locale;
use crate::page_data::page_resource;
use crate::shopper::country::DeliveryCountry;
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
    let chosen = query.read_untracked().get("size").and_then(|s| SizeLabel::parse(&s).ok());
    let chosen = StoredValue::new(chosen);
    let page = page_resource(move || slug.get(), product_page);
    view! {
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(data) => view! { <Product data chosen=chosen.get_value()/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Product(data: ProductData, chosen: Option<SizeLabel>) -> impl IntoView {
    let t = use_locale();
    let ProductData { product, canonical, json_ld, member_email } = data;
    let alert_refused = refused_without_javascript(<RegisterAlert as leptos::server_fn::ServerFn>::PATH);
    let delivery = DeliveryCountry::expect();
    let flags = product.flags;
    let on_sale = product.is_on_sale();
    let preview = flags.members_preview;
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
    let served = delivery.is_served();
    // The back-in-stock form, shown now if the buy area offers an alert (the island shows it later if it comes to).
    let alert_shown = buy_area(flags, &stock, chosen.as_ref(), served) == BuyArea::NotifyWhenBackInStock;
    let (alert_for, alert_sizes) = (slug.clone(), stock.sizes().to_vec());
    let piece = PanelPiece { slug, name: name.clone(), category, flags, stock };
    let country = delivery.chosen.display_name_in(t);
    let collection_href = t.href(&format!("/collections/{collection_slug}"));
    view! {
        <Title text=name.clone()/>
        <Meta name="description" content=meta_description(&description)/>
        <Link rel="canonical" href=canonical.clone()/>
        {json_ld.map(|json_ld| view! { <script type="application/ld+json" inner_html=json_ld></script> })}
        // Members' preview pieces stay out of search engines.
        {preview.then(|| view! { <Meta name="robots" content="noindex"/> })}
        <Breadcrumbs
            via=Some((t.category_name(category).to_owned(), format!("/shop/{}", category.slug())))
            here=name.clone()
            canonical=canonical.clone()
            described=!preview
        />
        <article class="product" data-category=category.slug()>
            <div class="product-pictures">
                {pictures
                    .into_iter()
                    .enumerate()
                    .map(|(i, p)| {
                        // The first picture is what the shopper sees first: load it eagerly.
                        let loading = if i == 0 { "eager" } else { "lazy" };
                        view! { <PiecePicture picture=p size=720 loading/> }
                    })
                    .collect_view()}
            </div>
            <div class="product-info">
                <p class="product-collection">
                    <A href=collection_href>{collection_name}</A>
                </p>
                {preview.then(|| view! { <p class="badge preview-mark">{t.product_badge_preview()}</p> })}
                <h1>{name.clone()}</h1>
                <Price price former_price/>
                {on_sale.then(|| view! { <p class="note">{t.product_sale_returns()}</p> })}
                <BuyPanel piece chosen=chosen.clone() served country/>
                <StockAlertForm product=alert_for chosen sizes=alert_sizes email=member_email refused=alert_refused shown=alert_shown/>
                {flags
                    .made_to_order
                    .then(|| {
                        view! {
                            <p class="note">{t.product_made_to_order_note()}</p>
                        }
                    })}
                {flags
                    .personalised
                    .then(|| {
                        view! { <p class="note">{t.product_personalised_note()}</p> }
                    })}
                <section class="product-description">
                    <h2>{t.product_description_heading()}</h2>
                    <p>{description}</p>
                </section>
                <section class="product-materials">
                    <h2>{t.product_materials_heading()}</h2>
                    <ul>{materials.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                </section>
            </div>
        </article>
    }
}

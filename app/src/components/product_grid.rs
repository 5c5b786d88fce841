//! A grid of product cards, for listings and the home page.

use super::piece_picture::PiecePicture;
use super::price::Price;
use crate::domain::catalogue::ProductCard;
use crate::i18n::use_locale;
use leptos::prelude::*;
use leptos_router::components::A;

/// A grid of cards linking to each product's page.
#[component]
pub fn ProductGrid(products: Vec<ProductCard>) -> impl IntoView {
    view! {
        <ul class="product-grid">
            {products.into_iter().map(|p| view! { <ProductCardView card=p/> }).collect_view()}
        </ul>
    }
}

/// One product's card.
#[component]
fn ProductCardView(card: ProductCard) -> impl IntoView {
    let t = use_locale();
    let href = t.href(&format!("/products/{}", card.slug));
    let badge = if card.flags.members_preview {
        Some(t.product_badge_preview())
    } else if !card.flags.online {
        Some(t.product_badge_boutique())
    } else if card.is_on_sale() {
        Some(t.product_badge_sale())
    } else if card.flags.made_to_order {
        Some(t.product_badge_made_to_order())
    } else if !card.available_online_now {
        Some(t.product_badge_sold_out())
    } else {
        None
    };
    let ProductCard { name, collection_name, price, former_price, picture, .. } = card;
    view! {
        <li class="product-card">
            <A href=href>
                <PiecePicture picture size=480/>
                {badge.map(|b| view! { <span class="badge">{b}</span> })}
                <span class="card-collection">{collection_name}</span>
                <span class="card-name">{name}</span>
            </A>
            <Price price former_price/>
        </li>
    }
}

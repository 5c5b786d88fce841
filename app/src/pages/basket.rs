//! The basket page (PRODUCT.md §2): lines re-priced and re-checked by the
//! server each time the page shows them, quantity and size changes, removal,
//! the gift with purchase, and the way to checkout.

use super::loading;
use crate::api::basket::{price_basket, BasketRequest, PricedBasket, PricedLine, RequestedLine};
use crate::components::piece_picture::PiecePicture;
use crate::components::{
    buy_area::{advisor_path, AdvisorContact},
    error_notice::ErrorNotice,
};
use crate::domain::{
    basket::{Basket, LineKey, Quantity},
    gift::{GiftOffer, GiftState},
    money::Money,
    slug::Slug,
};
use crate::i18n::{use_locale, Locale};
use crate::live::island_started;
use crate::shopper::{basket_store::BasketStore, country::DeliveryCountry};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// `/basket`. The basket lives in the browser, so the server sends the page's
/// frame and the basket island fills it in.
#[component]
pub fn BasketPage() -> impl IntoView {
    let t = use_locale();
    let country = DeliveryCountry::expect().chosen.as_str().to_owned();
    view! {
        <Title text=t.basket_title()/>
        <Meta name="description" content=t.basket_meta_description()/>
        <section class="basket-page">
            <h1>{t.basket_title()}</h1>
            <noscript>
                <p class="notice">{t.basket_noscript(crate::domain::service::SERVICE_PHONE.1)}</p>
            </noscript>
            <BasketIsland country/>
        </section>
    }
}

/// The basket, priced by the server for `country` (the delivery country's
/// code) each time it changes; never on the server, which cannot know it.
#[cfg_attr(feature = "csr", component)]
#[cfg_attr(not(feature = "csr"), island(lazy))]
fn BasketIsland(country: String) -> impl IntoView {
    crate::island_preload::preload_lazy_island("basket_island");
    let t = use_locale();
    let live = island_started();
    let store = BasketStore::get();
    let shown = store.shown(live);
    let priced = LocalResource::new(move || {
        let basket = shown.get();
        let country = country.clone();
        async move {
            let basket = basket?;
            Some(price_basket(request(&basket, &country)).await)
        }
    });
    // A gift the basket no longer qualifies for goes, and the shopper is told.
    Effect::new(move |_| {
        let Some(Some(Ok(priced))) = priced.get() else { return };
        if priced.gift == GiftState::Withdrawn && store.current().gift().is_some() {
            store.update(Basket::drop_gift);
            store.notify(withdrawn_message(t, priced.gift_offer.as_ref()));
        }
    });
    view! {
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                match priced.await {
                    None => loading().into_any(),
                    Some(Err(error)) => view! { <ErrorNotice error back_to=t.href("/basket")/> }.into_any(),
                    Some(Ok(priced)) => view! { <PricedBasketView priced/> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// What the server is asked to price: names, sizes and quantities only.
fn request(basket: &Basket, country: &str) -> BasketRequest {
    BasketRequest {
        lines: basket.lines().iter().map(RequestedLine::from).collect(),
        gift: basket.gift().map(ToString::to_string),
        country: country.to_owned(),
    }
}

fn withdrawn_message(t: Locale, offer: Option<&GiftOffer>) -> String {
    match offer {
        Some(offer) => t.basket_gift_withdrawn(&offer.name, offer.threshold),
        None => t.basket_gift_ended().to_owned(),
    }
}

#[component]
fn PricedBasketView(priced: PricedBasket) -> impl IntoView {
    let t = use_locale();
    let PricedBasket { lines, subtotal, gift, gift_offer, country, country_served, checkout_allowed } = priced;
    if lines.is_empty() && gift != GiftState::InBasket {
        return view! {
            <div class="basket-empty">
                <p>{t.basket_empty()}</p>
                <p>
                    <a href=t.href("/shop") class="button-primary">
                        {t.basket_discover()}
                    </a>
                </p>
            </div>
        }
        .into_any();
    }
    let blocked = lines.iter().any(|l| l.problem.is_some());
    let gift_line = match (&gift, &gift_offer) {
        (GiftState::InBasket, Some(offer)) => Some(view! { <GiftLine offer=offer.clone()/> }.into_any()),
        _ => None,
    };
    view! {
        {(!country_served)
            .then(|| {
                view! {
                    <div class="notice notice-warning" data-testid="country-not-served">
                        <p class="buy-status">{t.basket_country_not_served(&country.display_name_in(t))}</p>
                        <AdvisorContact about=advisor_path(None, None)/>
                    </div>
                }
            })}
        <ul class="basket-lines">
            {lines.into_iter().map(|line| view! { <LineView line/> }.into_any()).collect_view()} {gift_line}
        </ul>
        <GiftPanel state=gift offer=gift_offer/>
        <div class="basket-summary">
            <p class="basket-subtotal">
                {t.basket_subtotal()} " " <strong data-testid="subtotal">{t.money(subtotal)}</strong>
            </p>
            <p class="note">{t.basket_worked_out_at_checkout()}</p>
            {if checkout_allowed {
                view! {
                    <a class="button-primary" href=t.href("/checkout") data-testid="checkout">
                        {t.basket_proceed()}
                    </a>
                }
                    .into_any()
            } else {
                let why = if blocked { t.basket_blocked_by_lines() } else { t.basket_blocked_by_country() };
                view! {
                    <button type="button" class="button-primary" disabled=true data-testid="checkout">
                        {t.basket_proceed()}
                    </button>
                    <p class="field-error">{why}</p>
                }
                    .into_any()
            }}
        </div>
    }
    .into_any()
}

/// One line: picture, name, size, unit price, quantity, total, and what is wrong with it.
#[component]
fn LineView(line: PricedLine) -> impl IntoView {
    let t = use_locale();
    let store = BasketStore::get();
    let PricedLine {
        product,
        size,
        quantity,
        name,
        picture,
        unit_price,
        line_total,
        sizes,
        made_to_order,
        limit,
        problem,
        ..
    } = line;
    let key = LineKey { product: product.clone(), size: size.clone() };
    let name = if name.is_empty() { product.to_string() } else { name };
    let href = t.href(&format!("/products/{product}"));
    let set_quantity = {
        let (key, store) = (key.clone(), store.clone());
        move |to: u32| {
            if let Ok(q) = Quantity::parse(u64::from(to)) {
                store.update(|b| b.set_quantity(&key, q));
            }
        }
    };
    let (less, more) = (set_quantity.clone(), set_quantity);
    let change_size = {
        let (key, store) = (key.clone(), store.clone());
        move |ev: leptos::ev::Event| {
            if let Ok(size) = crate::domain::catalogue::SizeLabel::parse(&event_target_value(&ev)) {
                store.update(|b| b.change_size(&key, size));
            }
        }
    };
    let remove = move |_| {
        store.update(|b| b.remove(&key));
    };
    let size_field = (!sizes.is_empty()).then(|| {
        let current = size.clone();
        let id = format!("size-{product}-{}", size.as_ref().map(ToString::to_string).unwrap_or_default());
        view! {
            <label for=id.clone() class="line-field">
                {t.basket_size()}
            </label>
            <select id=id class="line-size" on:change=change_size>
                {current.is_none().then(|| view! { <option value="" selected=true>{t.basket_choose_size()}</option> })}
                {sizes
                    .into_iter()
                    .map(|s| {
                        let selected = current.as_ref() == Some(&s.size);
                        let text = if s.quantity == 0 && !made_to_order {
                            t.basket_size_out_of_stock(s.size.as_str())
                        } else {
                            s.size.to_string()
                        };
                        view! {
                            <option value=s.size.to_string() selected=selected>
                                {text}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        }
    });
    let size_text = size.as_ref().map(ToString::to_string).unwrap_or_default();
    let has_problem = problem.is_some();
    let group_label = t.basket_quantity_of(&name);
    view! {
        <li
            class="basket-line"
            class:has-problem=has_problem
            data-product=product.to_string()
            data-size=size_text
        >
            {picture.map(|p| view! { <PiecePicture picture=p size=120/> })}
            <div class="line-body">
                <a href=href class="line-name">
                    {name.clone()}
                </a>
                <div class="line-controls">
                    {size_field}
                    <span class="line-field">{t.basket_quantity()}</span>
                    <div class="quantity" role="group" aria-label=group_label>
                        <button
                            type="button"
                            class="button-small"
                            aria-label=t.basket_one_fewer()
                            disabled={quantity <= 1}
                            on:click=move |_| less(quantity - 1)
                        >
                            "−"
                        </button>
                        <span data-testid="quantity">{quantity}</span>
                        <button
                            type="button"
                            class="button-small"
                            aria-label=t.basket_one_more()
                            disabled={quantity >= limit}
                            on:click=move |_| more(quantity + 1)
                        >
                            "+"
                        </button>
                    </div>
                    <button type="button" class="link-button" on:click=remove>
                        {t.basket_remove()}
                    </button>
                </div>
                {problem.map(|p| {
                    // A piece the house still makes: a client advisor can help.
                    let ask = p.advisor_can_help().then(|| {
                        let about = advisor_path(Some(product.as_str()), size.as_ref().map(|s| s.as_str()));
                        view! { <p class="line-advisor"><a href=t.href(&about)>{t.buy_ask_advisor()}</a></p> }
                    });
                    view! { <p class="field-error line-problem">{t.basket_problem(&p)}</p> {ask} }
                })}
            </div>
            <div class="line-prices">
                {unit_price.map(|p| view! { <p class="note">{t.basket_each(p)}</p> })}
                <p class="line-total">{t.money(line_total)}</p>
            </div>
        </li>
    }
}

/// The gift, once taken: a line at €0 that can be given back.
#[component]
fn GiftLine(offer: GiftOffer) -> impl IntoView {
    let t = use_locale();
    let store = BasketStore::get();
    view! {
        <li class="basket-line gift-line" data-gift=offer.code.to_string()>
            <img src=offer.picture.src alt=offer.picture.alt width="120" height="120" loading="lazy"/>
            <div class="line-body">
                <span class="line-name">{offer.name}</span>
                <p class="note">{t.basket_gift_with_order()}</p>
                <button type="button" class="link-button" on:click=move |_| store.update(Basket::drop_gift)>
                    {t.basket_remove()}
                </button>
            </div>
            <div class="line-prices">
                <p class="line-total">{t.money(Money::ZERO)}</p>
            </div>
        </li>
    }
}

/// What the basket says about the gift: how far off it is, or the offer and its button.
#[component]
fn GiftPanel(state: GiftState, offer: Option<GiftOffer>) -> impl IntoView {
    let t = use_locale();
    let store = BasketStore::get();
    let offer = offer?;
    match state {
        GiftState::NotYet { missing } => Some(
            view! {
                <p class="gift-teaser" data-testid="gift-teaser">
                    {t.basket_gift_teaser(missing, &offer.name, offer.threshold)}
                </p>
            }
            .into_any(),
        ),
        GiftState::Offered => {
            let code: Slug = offer.code.clone();
            Some(
                view! {
                    <div class="gift-offer" data-testid="gift-offer">
                        <img src=offer.picture.src alt="" width="96" height="96" loading="lazy"/>
                        <div>
                            <p class="buy-status">{t.basket_gift_qualifies(&offer.name)}</p>
                            <p class="note">{offer.description}</p>
                            <button
                                type="button"
                                class="button-secondary"
                                on:click=move |_| store.update(|b| b.take_gift(code.clone()))
                            >
                                {t.basket_take_gift()}
                            </button>
                        </div>
                    </div>
                }
                .into_any(),
            )
        }
        GiftState::NoOffer | GiftState::InBasket | GiftState::Withdrawn => None,
    }
}

//! `/checkout` (PRODUCT.md §5): delivery details, shipping, promo code and
//! review on one page, step after step, then payment on the gateway's page.
//! The basket lives in the browser, so the page is filled in after
//! hydration; every figure on it comes from the server's quote.

use super::loading;
use crate::api::basket::{BasketRequest, RequestedLine};
use crate::api::checkout::{checkout_profile, place_order, quote_checkout, CheckoutRequest, Quote};
use crate::components::form_message::said;
use crate::domain::{country::countries_in, money::Money, profile::AddressForm};
use crate::error::AppError;
use crate::i18n::use_locale;
use crate::live::island_started;
use crate::shopper::{basket_store::BasketStore, country::DeliveryCountry};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// The delivery form's fields.
#[derive(Clone, Copy)]
struct Details {
    email: RwSignal<String>,
    full_name: RwSignal<String>,
    line1: RwSignal<String>,
    line2: RwSignal<String>,
    postcode: RwSignal<String>,
    city: RwSignal<String>,
    country: RwSignal<String>,
    phone: RwSignal<String>,
}

impl Details {
    fn address(&self) -> AddressForm {
        AddressForm {
            full_name: self.full_name.get_untracked(),
            line1: self.line1.get_untracked(),
            line2: self.line2.get_untracked(),
            postcode: self.postcode.get_untracked(),
            city: self.city.get_untracked(),
            country: self.country.get_untracked(),
            phone: self.phone.get_untracked(),
        }
    }

    fn fill(&self, address: &AddressForm) {
        self.full_name.set(address.full_name.clone());
        self.line1.set(address.line1.clone());
        self.line2.set(address.line2.clone());
        self.postcode.set(address.postcode.clone());
        self.city.set(address.city.clone());
        self.country.set(address.country.clone());
        if !address.phone.is_empty() {
            self.phone.set(address.phone.clone());
        }
    }
}

/// `/checkout`: the page's frame; the steps are an island.
#[component]
pub fn CheckoutPage() -> impl IntoView {
    let t = use_locale();
    let country = DeliveryCountry::expect().chosen.as_str().to_owned();
    view! {
        <Title text=t.checkout_title()/>
        <Meta name="description" content=t.checkout_meta_description()/>
        <section class="checkout-page">
            <h1>{t.checkout_title()}</h1>
            <noscript><p class="notice">{t.checkout_noscript()}</p></noscript>
            <CheckoutSteps country/>
        </section>
    }
}

/// The checkout's steps, for the basket in this browser; `country` is the
/// delivery country chosen so far (its code).
#[cfg_attr(feature = "csr", component)]
#[cfg_attr(not(feature = "csr"), island(lazy))]
fn CheckoutSteps(country: String) -> impl IntoView {
    crate::island_preload::preload_lazy_island("checkout_steps");
    let t = use_locale();
    let live = island_started();
    let store = BasketStore::get();
    let basket = store.shown(live);
    let details = Details {
        email: RwSignal::new(String::new()),
        full_name: RwSignal::new(String::new()),
        line1: RwSignal::new(String::new()),
        line2: RwSignal::new(String::new()),
        postcode: RwSignal::new(String::new()),
        city: RwSignal::new(String::new()),
        country: RwSignal::new(country),
        phone: RwSignal::new(String::new()),
    };
    let promo = RwSignal::new(String::new());
    let quote: RwSignal<Option<Quote>> = RwSignal::new(None);
    let problem: RwSignal<Option<AppError>> = RwSignal::new(None);

    // A copyable handle, for the closures below.
    let store = StoredValue::new(store);
    let request = move |promo_code: Option<String>| {
        let basket = store.with_value(BasketStore::current);
        CheckoutRequest {
            basket: BasketRequest {
                lines: basket.lines().iter().map(RequestedLine::from).collect(),
                gift: basket.gift().map(ToString::to_string),
                country: details.country.get_untracked(),
            },
            email: details.email.get_untracked(),
            address: details.address(),
            promo: promo_code.filter(|c| !c.trim().is_empty()),
            promo_revision: None,
            reviewed_total: None,
        }
    };
    let quoting = Action::new_local(move |request: &CheckoutRequest| quote_checkout(request.clone()));
    Effect::new(move |_| match quoting.value().get() {
        Some(Ok(answer)) => {
            problem.set(None);
            quote.set(Some(answer));
        }
        Some(Err(error)) => problem.set(Some(error)),
        None => {}
    });
    let paying =
        Action::new_local(move |(request, key): &(CheckoutRequest, String)| place_order(request.clone(), key.clone()));
    Effect::new(move |_| {
        match paying.value().get() {
            // To the gateway's own page: the card is typed there, never here.
            Some(Ok(placed)) => {
                let _ = window().location().assign(&placed.next_url);
            }
            // Something changed since the review (a price, a code, the stock):
            // the review shows what the order is now, beside the reason.
            Some(Err(AppError::Conflict(_))) => {
                let code = quote.get_untracked().and_then(|q| q.promo);
                quoting.dispatch(request(code));
            }
            _ => {}
        }
    });

    // Set when the shopper moves on from their details: the next step, once
    // priced, takes the focus (and a screen reader reads its heading).
    let arrive = RwSignal::new(false);
    let continue_to_shipping = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        quote.set(None);
        arrive.set(true);
        quoting.dispatch(request(None));
    };
    let apply_promo = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        quoting.dispatch(request(Some(promo.get_untracked())));
    };
    let pay = move |_| {
        if let Some(q) = quote.get_untracked() {
            // The code's terms and the total as reviewed: changed since, the
            // order is refused with the reason (and the review priced again).
            let reviewed = CheckoutRequest {
                promo_revision: q.promo_revision,
                reviewed_total: Some(q.totals.total.cents()),
                ..request(q.promo.clone())
            };
            paying.dispatch((reviewed, q.order_key.clone()));
        }
    };
    // A signed-in customer's address and saved addresses; nothing for a guest.
    let profile = LocalResource::new(|| async { checkout_profile().await.ok().flatten() });
    Effect::new(move |_| {
        if let Some(Some(profile)) = profile.get() {
            if details.email.get_untracked().is_empty() {
                details.email.set(profile.email.clone());
            }
            if let Some(first) = profile.addresses.iter().find(|a| a.is_default).or(profile.addresses.first()) {
                if details.line1.get_untracked().is_empty() {
                    details.fill(&first.address.to_form());
                }
            }
        }
    });
    let empty = move || basket.get().is_some_and(|b| b.is_empty());

    view! {
            <Show when=move || basket.get().is_some() fallback=loading>
                <Show when=move || !empty() fallback=move || view! {
                    <p>{t.basket_empty()}</p>
                    <p><a href=t.href("/shop") class="button-primary">{t.basket_discover()}</a></p>
                }>
                    <ol class="checkout-steps">
                        <li class="checkout-step">
                            <h2>{t.checkout_step_details()}</h2>
                            <Transition fallback=|| ()>
                                {move || Suspend::new(async move {
                                    let saved = profile.await.map(|p| p.addresses).unwrap_or_default();
                                    (!saved.is_empty()).then(|| view! {
                                        <fieldset class="saved-addresses">
                                            <legend>{t.checkout_saved_addresses()}</legend>
                                            {saved.into_iter().map(|s| {
                                                let form = s.address.to_form();
                                                let label = t.checkout_deliver_to(&s.address.lines_in(t).join(", "));
                                                view! {
                                                    <button type="button" class="button-small" on:click=move |_| details.fill(&form)>
                                                        {label}
                                                    </button>
                                                }
                                            }).collect_view()}
                                        </fieldset>
                                    })
                                })}
                            </Transition>
                            <form class="checkout-form" on:submit=continue_to_shipping>
                                <label for="checkout-email">{t.checkout_email()}</label>
                                <input id="checkout-email" name="email" type="email" autocomplete="email" required bind:value=details.email/>
                                <DeliveryFields details/>
                                // In the form, so that a field it names is tied to it.
                                {move || problem.get().map(|p| view! { <div data-testid="checkout-problem">{said(Err(p))}</div> })}
                                <button type="submit" class="button-primary" disabled=move || quoting.pending().get()>
                                    {t.checkout_continue()}
                                </button>
                            </form>
                        </li>
                        {move || quote.get().map(|q| view! { <QuoteSteps quote=q promo apply_promo pay paying arrive/> })}
                    </ol>
                </Show>
            </Show>
    }
}

#[component]
fn DeliveryFields(details: Details) -> impl IntoView {
    let t = use_locale();
    view! {
        <label for="checkout-name">{t.checkout_full_name()}</label>
        <input id="checkout-name" name="full_name" autocomplete="name" required maxlength="120" bind:value=details.full_name/>
        <label for="checkout-line1">{t.checkout_line1()}</label>
        <input id="checkout-line1" name="line1" autocomplete="address-line1" required maxlength="120" bind:value=details.line1/>
        <label for="checkout-line2">{t.checkout_line2()}</label>
        <input id="checkout-line2" name="line2" autocomplete="address-line2" maxlength="120" bind:value=details.line2/>
        <label for="checkout-postcode">{t.checkout_postcode()}</label>
        <input id="checkout-postcode" name="postcode" autocomplete="postal-code" required maxlength="12" bind:value=details.postcode/>
        <label for="checkout-city">{t.checkout_city()}</label>
        <input id="checkout-city" name="city" autocomplete="address-level2" required maxlength="120" bind:value=details.city/>
        <label for="checkout-country">{t.checkout_country()}</label>
        <select id="checkout-country" name="country" autocomplete="country" bind:value=details.country>
            {countries_in(t).into_iter().map(|(code, name)| view! { <option value=code>{name}</option> }).collect_view()}
        </select>
        <label for="checkout-phone">{t.checkout_phone()}</label>
        <input id="checkout-phone" name="phone" type="tel" autocomplete="tel" required maxlength="30" bind:value=details.phone/>
    }
}

/// Steps 2 to 5, once the server has priced the order.
#[component]
fn QuoteSteps(
    quote: Quote,
    promo: RwSignal<String>,
    apply_promo: impl Fn(leptos::ev::SubmitEvent) + 'static,
    pay: impl Fn(leptos::ev::MouseEvent) + 'static,
    paying: Action<(CheckoutRequest, String), Result<crate::api::checkout::PlacedOrder, AppError>>,
    arrive: RwSignal<bool>,
) -> impl IntoView {
    let Quote {
        lines,
        gift,
        totals,
        shipping_zone,
        estimate,
        promo: applied,
        promo_refusal,
        customs_notice,
        country_name,
        ..
    } = quote;
    let t = use_locale();
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(heading) = heading.get() {
            if arrive.get_untracked() {
                arrive.set(false);
                let _ = heading.focus();
            }
        }
    });
    view! {
        <li class="checkout-step">
            <h2 tabindex="-1" node_ref=heading>{t.checkout_step_shipping()}</h2>
            <p data-testid="shipping">
                {t.checkout_shipping(&shipping_zone, &country_name, totals.shipping, &estimate)}
            </p>
        </li>
        <li class="checkout-step">
            <h2>{t.checkout_step_promo()}</h2>
            <form class="promo-form" on:submit=apply_promo>
                <label for="checkout-promo">{t.checkout_promo_label()}</label>
                <input id="checkout-promo" autocomplete="off" maxlength="32" bind:value=promo/>
                <button type="submit" class="button-small">{t.checkout_apply()}</button>
            </form>
            {applied.map(|code| view! { <p class="form-success" role="status" data-testid="promo-applied">{t.checkout_promo_applied(&code)}</p> })}
            {promo_refusal.map(|why| view! { <p class="field-error" role="alert" data-testid="promo-refused">{why}</p> })}
        </li>
        <li class="checkout-step">
            <h2>{t.checkout_step_review()}</h2>
            <table class="order-lines">
                <thead><tr><th scope="col">{t.order_piece()}</th><th scope="col">{t.checkout_qty()}</th><th scope="col">{t.checkout_price()}</th></tr></thead>
                <tbody>
                    {lines.into_iter().map(|l| {
                        let size = l.size.map(|s| t.order_size_mark(s.as_str())).unwrap_or_default();
                        view! { <tr><td>{l.name}{size}</td><td>{l.quantity}</td><td>{t.money(l.line_total)}</td></tr> }
                    }).collect_view()}
                    {gift.map(|g| view! { <tr data-testid="gift-line"><td>{g} {t.checkout_gift_mark()}</td><td>"1"</td><td>{t.money(Money::ZERO)}</td></tr> })}
                </tbody>
            </table>
            <dl class="order-totals">
                <dt>{t.order_subtotal()}</dt><dd>{t.money(totals.subtotal)}</dd>
                {(totals.discount.cents() > 0).then(|| view! { <dt>{t.order_discount()}</dt><dd data-testid="discount">{t.order_minus(totals.discount)}</dd> })}
                <dt>{t.order_shipping()}</dt><dd>{t.money(totals.shipping)}</dd>
                <dt>{t.order_total()}</dt><dd><strong data-testid="total">{t.money(totals.total)}</strong></dd>
            </dl>
            {customs_notice.map(|n| view! { <p class="notice notice-warning" data-testid="customs-notice">{n}</p> })}
        </li>
        <li class="checkout-step">
            <h2>{t.checkout_step_payment()}</h2>
            <p>{t.checkout_payment_page()}</p>
            <button type="button" class="button-primary" on:click=pay disabled=move || paying.pending().get()>
                {move || if paying.pending().get() { t.checkout_opening_payment().to_owned() } else { t.checkout_pay(totals.total) }}
            </button>
            {move || paying.value().get().and_then(Result::err).map(|e| view! {
                <div class="field-error" role="alert" data-testid="place-problem">
                    <p>{e.message(t)}</p>
                    <p><a href=t.href("/basket")>{t.checkout_back_to_basket()}</a></p>
                </div>
            })}
        </li>
    }
}

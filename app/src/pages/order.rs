//! `/orders/:reference`: an order's page (PRODUCT.md §6) — its status and
//! what it means, the timeline, parcels with their tracking numbers, lines,
//! gift and totals, and the requests to cancel or change it. Reached signed
//! in or by the link in the order's emails (`?key=`); the payment gateway
//! sends the shopper back here (`&paid=1`), where the page waits for the
//! bank's answer.

use super::account::outcome;
use super::account::SignInRedirect;
use super::loading;
use crate::api::orders::{get_order, CancelOrder, OrderView, RequestChange};
use crate::components::error_notice::ErrorNotice;
use crate::domain::{basket::Basket, order_status::OrderStatus};
use crate::error::AppError;
use crate::live::island_started;
use crate::page_data::page_resource;
use crate::pages::here;
use crate::shopper::basket_store::BasketStore;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn OrderPage() -> impl IntoView {
    let reference = use_params_map().read_untracked().get("reference").unwrap_or_default();
    let query = use_query_map();
    let key = query.read_untracked().get("key");
    let paid_now = query.read_untracked().get("paid").is_some();
    view! {
        <Title text=format!("Order {reference}")/>
        <Meta name="robots" content="noindex"/>
        <section class="order-page">
            <OrderIsland reference key paid_now here=here()/>
        </section>
    }
}

/// The order, read again while it waits for the bank and after each
/// request; `key` is the emailed link's, `paid_now` when the shopper has
/// just come back from the payment page.
#[cfg_attr(feature = "csr", component)]
#[cfg_attr(not(feature = "csr"), island(lazy))]
fn OrderIsland(reference: String, key: Option<String>, paid_now: bool, here: String) -> impl IntoView {
    crate::island_preload::preload_lazy_island("order_island");
    let live = island_started();
    let key = StoredValue::new(key);
    let reference = StoredValue::new(reference);
    let cancel = ServerAction::<CancelOrder>::new();
    let change = ServerAction::<RequestChange>::new();
    // Bumped while the order waits for the bank, to ask again.
    let poll = RwSignal::new(0u32);
    let order = page_resource(
        move || (reference.get_value(), key.get_value(), cancel.version().get(), change.version().get(), poll.get()),
        |(reference, key, ..)| get_order(reference, key),
    );
    // While the bank has not answered, look again every second and a half.
    Effect::new(move |_| {
        if let Some(Ok(view)) = order.get() {
            if view.status == OrderStatus::AwaitingPayment {
                set_timeout(move || poll.update(|n| *n += 1), std::time::Duration::from_millis(1500));
            }
        }
    });
    // Paid: the basket has become this order.
    let store = BasketStore::get();
    let basket = store.shown(live);
    Effect::new(move |_| {
        if let Some(Ok(view)) = order.get() {
            if paid_now && view.status.is_paid() && basket.get().is_some_and(|b| !b.is_empty()) {
                store.update(|b| *b = Basket::new());
            }
        }
    });
    let here = StoredValue::new(here);
    view! {
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                match order.await {
                    Ok(view) => view! { <OrderDetail order=view key=key.get_value() paid_now cancel change/> }.into_any(),
                    Err(AppError::Unauthorized(_)) => view! { <SignInRedirect here=here.get_value()/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error back_to="/account/orders"/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn OrderDetail(
    order: OrderView,
    key: Option<String>,
    /// Back from the payment page just now.
    paid_now: bool,
    cancel: ServerAction<CancelOrder>,
    change: ServerAction<RequestChange>,
) -> impl IntoView {
    let reference = order.reference.clone();
    let status = order.status;
    let email = order.email.clone();
    let receipt = match &key {
        Some(k) => format!("/orders/{reference}/receipt?key={k}"),
        None => format!("/orders/{reference}/receipt"),
    };
    // Offered while the state machine lets the customer cancel (before Confirmed).
    let open = status.customer_may_change();
    let key_field = key.clone().unwrap_or_default();
    let key_field2 = key_field.clone();
    let (r1, r2) = (reference.clone(), reference.clone());
    view! {
        <h1>"Order " {reference.clone()}</h1>
        <p class="order-placed">"Placed on " {order.placed_at.clone()} " (Paris time)"</p>
        <div class=format!("order-status status-{}", status.as_str()) data-testid="order-status">
            <p class="order-status-label"><strong>{status.label()}</strong></p>
            <p>{status.meaning()}</p>
        </div>
        {(paid_now && status == OrderStatus::BeingValidated).then(|| view! {
            <p class="form-success" role="status" data-testid="thank-you">
                {format!("Thank you for your order. Its confirmation is on its way to {email}.")}
            </p>
        })}
        {(status == OrderStatus::AwaitingPayment).then(|| view! {
            <p class="notice" role="status" aria-live="polite">"Waiting for your bank's answer… this page updates by itself."</p>
        })}
        {order.payment_declined.then(|| view! {
            <div class="notice notice-error" role="alert" data-testid="payment-declined">
                <p>"Your bank declined the payment: nothing was charged, and this order is cancelled."</p>
                <p>"Your basket is still here. You may try again with another card."</p>
                <p><a href="/checkout" class="button-primary">"Try again"</a></p>
            </div>
        })}
        <OrderBody order=order.clone()/>
        <p><a href=receipt class="button-small" data-testid="receipt-link">"Printable receipt"</a></p>
        {open.then(|| view! {
            <section class="order-requests" aria-labelledby="requests-heading">
                <h2 id="requests-heading">"Change or cancel"</h2>
                <p class="note">"Possible until your order is confirmed. After that, a return is the way."</p>
                <ActionForm action=cancel>
                    <input type="hidden" name="reference" value=r1/>
                    <input type="hidden" name="key" value=key_field/>
                    <button type="submit" class="button-small" data-testid="cancel-order">"Cancel this order"</button>
                </ActionForm>
                <ActionForm action=change attr:class="account-form">
                    <input type="hidden" name="reference" value=r2/>
                    <input type="hidden" name="key" value=key_field2/>
                    <label for="change-message">"Ask for a change (size, address…)"</label>
                    <textarea id="change-message" name="message" maxlength="1000" required></textarea>
                    <button type="submit" class="button-small">"Send the request"</button>
                </ActionForm>
            </section>
        })}
        // Outside the section: the answer must stay when the order it changed
        // (or a refusal's fresh status) no longer offers the forms.
        {outcome(cancel.value(), |_| Some("Your order is cancelled.".to_owned()))}
        {outcome(change.value(), |_| Some("Your request is sent to our client service.".to_owned()))}
    }
}

/// What an order holds: parcels, timeline, lines, totals, delivery address.
/// Shared by the order page, the receipt and the back office.
#[component]
pub fn OrderBody(order: OrderView) -> impl IntoView {
    let OrderView {
        lines,
        totals,
        promo_code,
        shipping_zone,
        estimate,
        customs_notice,
        timeline,
        shipments,
        address,
        email,
        phone,
        ..
    } = order;
    view! {
        {(!shipments.is_empty()).then(|| view! {
            <section aria-labelledby="parcels-heading">
                <h2 id="parcels-heading">"Parcels"</h2>
                <ul class="shipments">
                    {shipments.into_iter().map(|s| view! {
                        <li data-testid="shipment">
                            {format!("Sent on {} with {}, tracking number ", s.shipped_at, s.carrier)}
                            <strong data-testid="tracking-number">{s.tracking_number}</strong>
                            {format!(": {}.", s.contents.join(", "))}
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">"Timeline"</h2>
            <ol class="timeline" data-testid="timeline">
                {timeline.into_iter().map(|e| view! {
                    <li><span class="timeline-at">{e.at}</span> " · " <strong>{e.status.label()}</strong>
                        {(!e.note.is_empty()).then(|| format!(" — {}", e.note))}</li>
                }).collect_view()}
            </ol>
        </section>
        <section aria-labelledby="lines-heading">
            <h2 id="lines-heading">"Pieces"</h2>
            <table class="order-lines">
                <thead><tr><th scope="col">"Piece"</th><th scope="col">"Qty"</th><th scope="col">"Unit price"</th><th scope="col">"Total"</th></tr></thead>
                <tbody>
                    {lines.into_iter().map(|l| {
                        let size = if l.size.is_empty() { String::new() } else { format!(" (size {})", l.size) };
                        let extra = if l.is_gift { " — gift" } else if l.made_to_order { " — made to order" } else { "" };
                        view! { <tr><td>{l.name}{size}{extra}</td><td>{l.quantity}</td><td>{l.unit.to_string()}</td><td>{l.total.to_string()}</td></tr> }
                    }).collect_view()}
                </tbody>
            </table>
            <dl class="order-totals">
                <dt>"Subtotal"</dt><dd>{totals.subtotal.to_string()}</dd>
                {(totals.discount.cents() > 0).then(|| view! {
                    <dt>{format!("Discount{}", promo_code.map(|c| format!(" ({c})")).unwrap_or_default())}</dt>
                    <dd>{format!("-{}", totals.discount)}</dd>
                })}
                <dt>{format!("Shipping ({shipping_zone}, {estimate})")}</dt><dd>{totals.shipping.to_string()}</dd>
                <dt>"Total"</dt><dd><strong>{totals.total.to_string()}</strong></dd>
            </dl>
            {customs_notice.map(|n| view! { <p class="note">{n}</p> })}
        </section>
        <section aria-labelledby="delivery-heading">
            <h2 id="delivery-heading">"Delivery"</h2>
            <address>{address.into_iter().map(|l| view! { <span>{l}</span><br/> }).collect_view()}</address>
            <p>{email}{phone.map(|p| format!(" · {p}"))}</p>
        </section>
    }
}

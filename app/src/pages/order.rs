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
use crate::i18n::use_locale;
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
    let t = use_locale();
    view! {
        <Title text=t.order_title(&reference)/>
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
    let t = use_locale();
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
                    Err(error) => view! { <ErrorNotice error back_to=t.href("/account/orders")/> }.into_any(),
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
    let t = use_locale();
    let reference = order.reference.clone();
    let status = order.status;
    let email = order.email.clone();
    let receipt = t.href(&match &key {
        Some(k) => format!("/orders/{reference}/receipt?key={k}"),
        None => format!("/orders/{reference}/receipt"),
    });
    // Offered while the state machine lets the customer cancel (before Confirmed).
    let open = status.customer_may_change();
    let key_field = key.clone().unwrap_or_default();
    let key_field2 = key_field.clone();
    let (r1, r2) = (reference.clone(), reference.clone());
    view! {
        <h1>{t.order_title(&reference)}</h1>
        <p class="order-placed">{t.order_placed_on(&order.placed_at)}</p>
        <div class=format!("order-status status-{}", status.as_str()) data-testid="order-status">
            <p class="order-status-label"><strong>{t.order_status(status)}</strong></p>
            <p>{t.order_status_meaning(status)}</p>
        </div>
        {(paid_now && status == OrderStatus::BeingValidated).then(|| view! {
            <p class="form-success" role="status" data-testid="thank-you">
                {t.order_thank_you(&email)}
            </p>
        })}
        {(status == OrderStatus::AwaitingPayment).then(|| view! {
            <p class="notice" role="status" aria-live="polite">{t.order_waiting_for_bank()}</p>
        })}
        {order.payment_declined.then(|| view! {
            <div class="notice notice-error" role="alert" data-testid="payment-declined">
                <p>{t.order_declined()}</p>
                <p>{t.order_declined_basket_kept()}</p>
                <p><a href=t.href("/checkout") class="button-primary">{t.order_try_again()}</a></p>
            </div>
        })}
        <OrderBody order=order.clone()/>
        {(!order.returns.is_empty()).then(|| view! {
            <section aria-labelledby="returns-heading" data-testid="returns">
                <h2 id="returns-heading">{t.order_returns()}</h2>
                <ul class="returns">
                    {order.returns.clone().into_iter().map(|r| view! {
                        <li class="return" data-testid="return">
                            <strong>{r.number.clone()}</strong> " · " <span class="timeline-at">{r.asked_at}</span>
                            " · " <span data-testid="return-state">{r.state}</span>
                            <br/>{r.summary}
                            {r.rejection.map(|why| view! { <br/><span data-testid="return-rejection">{why}</span> })}
                            {r.gift_back.then(|| view! { <br/><small>{t.return_gift_back()}</small> })}
                            {r.slip.map(|href| view! {
                                <br/><a href=href data-testid="slip-link">{t.return_slip_link()}</a>
                            })}
                            {(!r.photos.is_empty()).then(|| view! {
                                <br/>{r.photos.into_iter().enumerate().map(|(i, src)| view! {
                                    <a href=src class="return-photo-link">{format!("{} {}", t.return_photo(), i + 1)}</a> " "
                                }).collect_view()}
                            })}
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        {order.can_return.then(|| {
            let href = t.href(&match &key {
                Some(k) => format!("/orders/{reference}/return?key={k}"),
                None => format!("/orders/{reference}/return"),
            });
            view! {
                <p class="note">{t.order_returns_how()} " "
                    <a href=href class="button-small" data-testid="return-link">{t.return_link()}</a>
                </p>
            }
        })}
        <p><a href=receipt class="button-small" data-testid="receipt-link">{t.order_receipt_link()}</a></p>
        {open.then(|| view! {
            <section class="order-requests" aria-labelledby="requests-heading">
                <h2 id="requests-heading">{t.order_change_or_cancel()}</h2>
                <p class="note">{t.order_change_until_confirmed()}</p>
                <ActionForm action=cancel>
                    <input type="hidden" name="reference" value=r1/>
                    <input type="hidden" name="key" value=key_field/>
                    <button type="submit" class="button-small" data-testid="cancel-order">{t.order_cancel_this()}</button>
                </ActionForm>
                <ActionForm action=change attr:class="account-form">
                    <input type="hidden" name="reference" value=r2/>
                    <input type="hidden" name="key" value=key_field2/>
                    <label for="change-message">{t.order_ask_change()}</label>
                    <textarea id="change-message" name="message" maxlength="1000" required></textarea>
                    <button type="submit" class="button-small">{t.order_send_request()}</button>
                </ActionForm>
            </section>
        })}
        // Outside the section: the answer must stay when the order it changed
        // (or a refusal's fresh status) no longer offers the forms.
        {outcome(cancel.value(), move |_| Some(t.order_cancelled_now().to_owned()))}
        {outcome(change.value(), move |_| Some(t.order_request_sent().to_owned()))}
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
        refunds,
        ..
    } = order;
    let t = use_locale();
    view! {
        {(!refunds.is_empty()).then(|| view! {
            <section aria-labelledby="refunds-heading" data-testid="refunds">
                <h2 id="refunds-heading">{t.order_refunds()}</h2>
                <ul class="refunds">
                    {refunds.into_iter().map(|r| view! {
                        <li class=format!("refund refund-{}", r.state.as_str()) data-testid="refund">
                            <span class="timeline-at">{r.asked_at}</span> " · " {t.order_refund_row(r.amount, r.state)}
                        </li>
                    }).collect_view()}
                </ul>
                <p class="note">{t.order_refunds_arrive()}</p>
            </section>
        })}
        {(!shipments.is_empty()).then(|| view! {
            <section aria-labelledby="parcels-heading">
                <h2 id="parcels-heading">{t.order_parcels()}</h2>
                <ul class="shipments">
                    {shipments.into_iter().map(|s| view! {
                        <li data-testid="shipment">
                            {t.order_parcel_sent(&s.shipped_at, &s.carrier)}
                            <strong data-testid="tracking-number">{s.tracking_number}</strong>
                            {t.order_parcel_contents(&s.contents.join(", "))}
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{t.order_timeline()}</h2>
            <ol class="timeline" data-testid="timeline">
                {timeline.into_iter().map(|e| {
                    let parcel = e.parcel.as_ref().map(|(carrier, number)| (carrier.as_str(), number.as_str()));
                    let said = t.order_timeline_says(e.kind, &e.note, parcel);
                    view! {
                        <li><span class="timeline-at">{e.at}</span> " · " <strong>{t.order_status(e.status)}</strong>
                            {(!said.is_empty()).then(|| format!(" — {said}"))}</li>
                    }
                }).collect_view()}
            </ol>
        </section>
        <section aria-labelledby="lines-heading">
            <h2 id="lines-heading">{t.order_pieces()}</h2>
            <table class="order-lines">
                <thead><tr><th scope="col">{t.order_piece()}</th><th scope="col">{t.checkout_qty()}</th><th scope="col">{t.order_unit_price()}</th><th scope="col">{t.order_line_total()}</th></tr></thead>
                <tbody>
                    {lines.into_iter().map(|l| {
                        let size = if l.size.is_empty() { String::new() } else { t.order_size_mark(&l.size) };
                        let extra = if l.is_gift { t.order_gift_mark() } else if l.made_to_order { t.order_made_to_order_mark() } else { "" };
                        let returns = t.order_line_returns(&l.returns);
                        let returns = (!returns.is_empty()).then(|| view! {
                            <br/><small class="line-returns" data-testid="line-returns">{returns}</small>
                        });
                        view! { <tr><td>{l.name}{size}{extra}{returns}</td><td>{l.quantity}</td><td>{t.money(l.unit)}</td><td>{t.money(l.total)}</td></tr> }
                    }).collect_view()}
                </tbody>
            </table>
            <dl class="order-totals">
                <dt>{t.order_subtotal()}</dt><dd>{t.money(totals.subtotal)}</dd>
                {(totals.discount.cents() > 0).then(|| view! {
                    <dt>{t.order_discount_with(promo_code.as_deref())}</dt>
                    <dd>{t.order_minus(totals.discount)}</dd>
                })}
                <dt>{t.order_shipping_with(&shipping_zone, &estimate)}</dt><dd>{t.money(totals.shipping)}</dd>
                <dt>{t.order_total()}</dt><dd><strong>{t.money(totals.total)}</strong></dd>
            </dl>
            {customs_notice.map(|n| view! { <p class="note">{n}</p> })}
        </section>
        <section aria-labelledby="delivery-heading">
            <h2 id="delivery-heading">{t.order_delivery()}</h2>
            <address>{address.into_iter().map(|l| view! { <span>{l}</span><br/> }).collect_view()}</address>
            <p>{email}{phone.map(|p| format!(" · {p}"))}</p>
        </section>
    }
}

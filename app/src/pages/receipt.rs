//! `/orders/:reference/receipt`: the order as a printable receipt.

use super::loading;
use super::order::OrderBody;
use crate::api::orders::get_order;
use crate::components::error_notice::ErrorNotice;
use crate::i18n::use_locale;
use crate::live::island_started;
use crate::page_data::page_resource;
use crate::HOUSE_NAME;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn ReceiptPage() -> impl IntoView {
    let t = use_locale();
    let params = use_params_map();
    let query = use_query_map();
    let order = page_resource(
        move || (params.read().get("reference").unwrap_or_default(), query.read().get("key")),
        |(reference, key)| get_order(reference, key),
    );
    view! {
        <Meta name="robots" content="noindex"/>
        <section class="receipt">
            <Transition fallback=loading>
                {move || Suspend::new(async move {
                    match order.await {
                        Ok(order) => view! {
                            <Title text=t.order_receipt_title(&order.reference)/>
                            <header class="receipt-head">
                                <p class="receipt-house">{HOUSE_NAME} " · 12 rue de la Paix, 75002 Paris"</p>
                                <h1>{t.order_receipt_heading(&order.reference)}</h1>
                                <p>{t.order_placed_on(&order.placed_at)} " · " {t.order_status(order.status)}</p>
                            </header>
                            <OrderBody order/>
                            <p class="no-print">
                                <PrintButton/>
                            </p>
                        }.into_any(),
                        Err(error) => view! { <ErrorNotice error back_to=t.href("/account/orders")/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// The print button: the one thing on the receipt that needs the browser.
#[cfg_attr(feature = "csr", component)]
#[cfg_attr(not(feature = "csr"), island(lazy))]
fn PrintButton() -> impl IntoView {
    crate::island_preload::preload_lazy_island("print_button");
    island_started();
    let t = use_locale();
    view! {
        <button type="button" class="button-primary" on:click=|_| { let _ = window().print(); }>{t.order_print()}</button>
    }
}

//! `/account/orders`: the customer's orders, newest first, with the guest
//! orders their verified address placed before the account existed.

use super::{signed_in_only, AccountNav, AccountSection};
use crate::api::orders::{my_orders, OrderSummary};
use crate::i18n::use_locale;
use crate::page_data::page_resource;
use crate::pages::here;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;

#[component]
pub fn OrdersPage() -> impl IntoView {
    let orders = page_resource(|| (), |_| my_orders());
    let t = use_locale();
    view! {
        <Title text=t.account_orders_title()/>
        <Meta name="robots" content="noindex"/>
        <section class="account-page">
            {signed_in_only(orders, here(), |orders| view! { <OrderList orders/> }.into_any())}
        </section>
    }
}

#[component]
fn OrderList(orders: Vec<OrderSummary>) -> impl IntoView {
    let t = use_locale();
    view! {
        <h1>{t.account_orders_title()}</h1>
        <AccountNav current=AccountSection::Orders/>
        {if orders.is_empty() {
            view! { <p>{t.account_orders_none()}</p> }.into_any()
        } else {
            view! {
                <table class="order-list">
                    <thead><tr>
                        <th scope="col">{t.account_orders_col_order()}</th>
                        <th scope="col">{t.account_orders_col_placed()}</th>
                        <th scope="col">{t.account_orders_col_status()}</th>
                        <th scope="col">{t.account_orders_col_total()}</th>
                    </tr></thead>
                    <tbody>
                        {orders.into_iter().map(|o| view! {
                            <tr>
                                <td><A href=t.href(&format!("/orders/{}", o.reference))>{o.reference.clone()}</A></td>
                                <td>{o.placed_at}</td>
                                <td>{t.order_status(o.status)}</td>
                                <td>{t.money(o.total)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
    }
}

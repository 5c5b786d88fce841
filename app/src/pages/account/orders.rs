//! `/account/orders`: the customer's orders, newest first, with the guest
//! orders their verified address placed before the account existed.

use super::{signed_in_only, AccountNav, AccountSection};
use crate::api::orders::{my_orders, OrderSummary};
use crate::page_data::page_resource;
use crate::pages::here;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;

#[component]
pub fn OrdersPage() -> impl IntoView {
    let orders = page_resource(|| (), |_| my_orders());
    view! {
        <Title text="Your orders"/>
        <Meta name="robots" content="noindex"/>
        <section class="account-page">
            {signed_in_only(orders, here(), |orders| view! { <OrderList orders/> }.into_any())}
        </section>
    }
}

#[component]
fn OrderList(orders: Vec<OrderSummary>) -> impl IntoView {
    view! {
        <h1>"Your orders"</h1>
        <AccountNav current=AccountSection::Orders/>
        {if orders.is_empty() {
            view! { <p>"You have not ordered yet."</p> }.into_any()
        } else {
            view! {
                <table class="order-list">
                    <thead><tr><th scope="col">"Order"</th><th scope="col">"Placed"</th><th scope="col">"Status"</th><th scope="col">"Total"</th></tr></thead>
                    <tbody>
                        {orders.into_iter().map(|o| view! {
                            <tr>
                                <td><A href=format!("/orders/{}", o.reference)>{o.reference.clone()}</A></td>
                                <td>{o.placed_at}</td>
                                <td>{o.status.label()}</td>
                                <td>{o.total.to_string()}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
    }
}

//! `/staff/orders`: every order, newest first, filtered by status.

use super::StaffNav;
use crate::api::orders::OrderSummary;
use crate::api::staff::staff_orders;
use crate::domain::order_status::OrderStatus;
use crate::page_data::page_resource;
use crate::pages::{account::signed_in_only, here};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::{components::A, hooks::use_query_map};

#[component]
pub fn StaffOrdersPage() -> impl IntoView {
    let query = use_query_map();
    let orders = page_resource(move || query.read().get("status"), staff_orders);
    view! {
        <Title text="Orders · Back office"/>
        <Meta name="robots" content="noindex"/>
        <section class="staff-page">
            {signed_in_only(orders, here(), |orders| view! { <OrderTable orders/> }.into_any())}
        </section>
    }
}

#[component]
fn OrderTable(orders: Vec<OrderSummary>) -> impl IntoView {
    view! {
        <h1>"Orders"</h1>
        <StaffNav/>
        <form method="get" class="staff-filter">
            <label for="status-filter">"Status"</label>
            <select id="status-filter" name="status">
                <option value="">"Any"</option>
                {OrderStatus::ALL.iter().map(|s| view! { <option value=s.as_str()>{s.label()}</option> }).collect_view()}
            </select>
            <button type="submit" class="button-small">"Filter"</button>
        </form>
        <p>{format!("{} orders", orders.len())}</p>
        <table class="order-list">
            <thead><tr>
                <th scope="col">"Order"</th><th scope="col">"Placed"</th><th scope="col">"Customer"</th>
                <th scope="col">"Pieces"</th><th scope="col">"Status"</th><th scope="col">"Total"</th>
            </tr></thead>
            <tbody>
                {orders.into_iter().map(|o| {
                    let href = format!("/staff/orders/{}", o.reference);
                    let reference = o.reference.clone();
                    view! {
                    <tr data-reference=o.reference>
                        <td><A href=href>{reference}</A></td>
                        <td>{o.placed_at}</td>
                        <td>{o.name} <br/> <small>{o.email}</small></td>
                        <td>{o.pieces}</td>
                        <td>{o.status.label()}</td>
                        <td>{o.total.to_string()}</td>
                    </tr>
                }}).collect_view()}
            </tbody>
        </table>
    }
}

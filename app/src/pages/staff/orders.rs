//! `/staff/orders`: every order, newest first, filtered by status.

use super::StaffNav;
use crate::api::orders::OrderSummary;
use crate::api::staff::staff_orders;
use crate::domain::order_status::OrderStatus;
use crate::i18n::use_locale;
use crate::page_data::page_resource;
use crate::pages::{account::signed_in_only, here};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::{components::A, hooks::use_query_map};

#[component]
pub fn StaffOrdersPage() -> impl IntoView {
    let query = use_query_map();
    let orders = page_resource(move || query.read().get("status"), staff_orders);
    let t = use_locale();
    view! {
        <Title text=t.staff_orders_title()/>
        <Meta name="robots" content="noindex"/>
        <section class="staff-page">
            {signed_in_only(orders, here(), |orders| view! { <OrderTable orders/> }.into_any())}
        </section>
    }
}

#[component]
fn OrderTable(orders: Vec<OrderSummary>) -> impl IntoView {
    let t = use_locale();
    view! {
        <h1>{t.staff_orders_heading()}</h1>
        <StaffNav/>
        <form method="get" class="staff-filter">
            <label for="status-filter">{t.staff_filter_status()}</label>
            <select id="status-filter" name="status">
                <option value="">{t.staff_filter_any()}</option>
                {OrderStatus::ALL
                    .iter()
                    .map(|s| view! { <option value=s.as_str()>{t.order_status(*s)}</option> })
                    .collect_view()}
            </select>
            <button type="submit" class="button-small">{t.staff_filter_button()}</button>
        </form>
        <p>{t.staff_order_count(orders.len() as u64)}</p>
        <table class="order-list">
            <thead><tr>
                <th scope="col">{t.staff_col_order()}</th><th scope="col">{t.staff_col_placed()}</th><th scope="col">{t.staff_col_customer()}</th>
                <th scope="col">{t.staff_col_pieces()}</th><th scope="col">{t.staff_col_status()}</th><th scope="col">{t.staff_col_total()}</th>
            </tr></thead>
            <tbody>
                {orders.into_iter().map(|o| {
                    let href = t.href(&format!("/staff/orders/{}", o.reference));
                    let reference = o.reference.clone();
                    view! {
                    <tr data-reference=o.reference>
                        <td><A href=href>{reference}</A></td>
                        <td>{o.placed_at}</td>
                        <td>{o.name} <br/> <small>{o.email}</small></td>
                        <td>{t.number(u64::from(o.pieces))}</td>
                        <td>{t.order_status(o.status)}</td>
                        <td>{t.money(o.total)}</td>
                    </tr>
                }}).collect_view()}
            </tbody>
        </table>
    }
}

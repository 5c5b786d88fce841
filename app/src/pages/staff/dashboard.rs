//! `/staff`: the day's dashboard — orders placed today, what waits to be
//! validated or shipped, returns to answer or to inspect, and open client
//! service requests, each linking to its list. A plain page, no island.

use super::StaffNav;
use crate::api::staff_access::{staff_dashboard, DashboardView};
use crate::i18n::use_locale;
use crate::page_data::page_resource;
use crate::pages::{account::signed_in_only, here};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn StaffDashboardPage() -> impl IntoView {
    let t = use_locale();
    let waiting = page_resource(|| (), |()| staff_dashboard());
    view! {
        <Title text=t.staff_dashboard_title()/>
        <Meta name="robots" content="noindex"/>
        <section class="staff-page">
            {signed_in_only(waiting, here(), |view| view! { <Dashboard view/> }.into_any())}
        </section>
    }
}

#[component]
fn Dashboard(view: DashboardView) -> impl IntoView {
    let t = use_locale();
    let rows: [(&str, u64, &str, &str); 6] = [
        (t.staff_dashboard_placed_today(), view.placed_today, "/staff/orders", "placed-today"),
        (t.staff_dashboard_to_validate(), view.to_validate, "/staff/orders?status=being_validated", "to-validate"),
        (t.staff_dashboard_to_ship(), view.to_ship, "/staff/orders?status=confirmed", "to-ship"),
        (
            t.staff_dashboard_returns_to_answer(),
            view.returns_to_answer,
            "/staff/returns?state=requested",
            "returns-to-answer",
        ),
        (
            t.staff_dashboard_returns_to_inspect(),
            view.returns_to_inspect,
            "/staff/returns?state=approved",
            "returns-to-inspect",
        ),
        (t.staff_dashboard_inbox(), view.inbox_open, "/staff/service", "inbox-open"),
    ];
    let all_done =
        view.to_validate + view.to_ship + view.returns_to_answer + view.returns_to_inspect + view.inbox_open == 0;
    view! {
        <h1>{t.staff_dashboard_heading()}</h1>
        <StaffNav/>
        {all_done.then(|| view! { <p role="status">{t.staff_dashboard_all_done()}</p> })}
        <dl class="dashboard">
            {rows.into_iter().map(|(label, count, path, id)| view! {
                <div class="dashboard-item">
                    <dt><a href=t.href(path)>{label}</a></dt>
                    <dd data-testid=id>{t.number(count)}</dd>
                </div>
            }).collect_view()}
        </dl>
    }
}

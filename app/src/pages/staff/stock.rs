//! `/staff/stock`: stock per (product, size), with the alerts waiting for
//! each, set one row at a time. Each row remembers the stock it showed: a
//! save after someone else's change is refused and says the stock now.

use super::StaffNav;
use crate::api::staff_stock::{staff_set_stock, staff_stock, StockLine, StockSaved, MAX_STOCK};
use crate::components::form_message::said;
use crate::error::AppError;
use crate::i18n::use_locale;
use crate::live::island_started;
use crate::page_data::page_resource;
use crate::pages::{account::signed_in_only, here};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

#[component]
pub fn StaffStockPage() -> impl IntoView {
    let search = use_query_map().read_untracked().get("q");
    let t = use_locale();
    view! {
        <Title text=t.staff_stock_title()/>
        <Meta name="robots" content="noindex"/>
        <section class="staff-page">
            <StaffStockIsland search here=here()/>
        </section>
    }
}

/// The stock table, live: each row saves on its own.
#[cfg_attr(feature = "csr", component)]
#[cfg_attr(not(feature = "csr"), island(lazy))]
fn StaffStockIsland(search: Option<String>, here: String) -> impl IntoView {
    crate::island_preload::preload_lazy_island("staff_stock_island");
    island_started();
    let typed = search.clone().unwrap_or_default();
    let lines = page_resource(move || search.clone(), staff_stock);
    // The router is the server's: an island is given what it needs from the address.
    signed_in_only(lines, here, move |lines| view! { <StockTable lines search=typed.clone()/> }.into_any())
}

#[component]
fn StockTable(lines: Vec<StockLine>, search: String) -> impl IntoView {
    let t = use_locale();
    let empty = lines.is_empty();
    view! {
        <h1>{t.staff_stock_heading()}</h1>
        <StaffNav/>
        <p>{t.staff_stock_intro()}</p>
        <form method="get" class="staff-filter" role="search">
            <label for="stock-search">{t.staff_stock_search()}</label>
            <input id="stock-search" type="search" name="q" maxlength="100" value=search/>
            <button type="submit" class="button-small">{t.staff_stock_search_button()}</button>
        </form>
        {empty.then(|| view! { <p>{t.staff_stock_none()}</p> })}
        <table class="order-list stock-list">
            <thead><tr>
                <th scope="col">{t.staff_col_piece()}</th><th scope="col">{t.staff_col_size()}</th>
                <th scope="col">{t.staff_col_waiting()}</th><th scope="col">{t.staff_col_stock()}</th>
            </tr></thead>
            <tbody>{lines.into_iter().map(|line| view! { <StockRow line/> }).collect_view()}</tbody>
        </table>
    }
}

/// One (product, size): its flags, the alerts waiting, and its stock to set.
#[component]
fn StockRow(line: StockLine) -> impl IntoView {
    let t = use_locale();
    // The stock this row last saw: what a save expects to change.
    let shown = RwSignal::new(line.quantity);
    let typed = RwSignal::new(line.quantity.to_string());
    let waiting = RwSignal::new(line.waiting);
    let saving = Action::new(|(product, size, expected, quantity): &(String, String, u32, String)| {
        staff_set_stock(product.clone(), size.clone(), expected.to_string(), quantity.clone())
    });
    Effect::new(move |_| {
        if let Some(Ok(StockSaved { quantity, alerts_sent })) = saving.value().get() {
            shown.set(quantity);
            if alerts_sent > 0 {
                waiting.update(|w| *w = w.saturating_sub(alerts_sent));
            }
        }
    });
    let (slug, size) = (line.slug.clone(), line.size.clone());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saving.dispatch((slug.clone(), size.clone(), shown.get_untracked(), typed.get_untracked()));
    };
    let field = format!("stock-{}-{}", line.slug, if line.size.is_empty() { "one" } else { &line.size });
    let label = t.staff_stock_field(&line.name, &line.size);
    let size_shown = if line.size.is_empty() { t.staff_stock_one_size().to_owned() } else { line.size.clone() };
    let flags: Vec<&str> = [
        (!line.online).then(|| t.staff_stock_offline()),
        line.members_preview.then(|| t.staff_stock_preview()),
        line.made_to_order.then(|| t.staff_stock_made_to_order()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let answer = move || {
        saving.value().get().map(|result: Result<StockSaved, AppError>| {
            said(result.map(|saved| t.staff_stock_saved(saved.quantity, saved.alerts_sent)))
        })
    };
    view! {
        <tr data-product=line.slug.clone() data-size=line.size.clone()>
            <td>
                {line.name.clone()}
                {(!flags.is_empty()).then(|| view! { <br/><small>{flags.join(" · ")}</small> })}
            </td>
            <td>{size_shown}</td>
            <td data-testid="waiting">{move || t.number(u64::from(waiting.get()))}</td>
            <td>
                <form class="stock-form" on:submit=save>
                    <label for=field.clone() class="visually-hidden">{label}</label>
                    <input id=field type="number" name="quantity" min="0" max=MAX_STOCK required inputmode="numeric"
                        prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))/>
                    <button type="submit" class="button-small">{t.staff_stock_save()}</button>
                    {answer}
                </form>
            </td>
        </tr>
    }
}

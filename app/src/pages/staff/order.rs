//! `/staff/orders/:reference`: one order for staff — validate, ship all or
//! some lines with carrier and tracking number, mark delivered, cancel —
//! with its timeline and the audit log of staff actions.

use super::{PasswordAgain, StaffNav};
use crate::api::staff::{staff_order, staff_ship, ShipLine, StaffCancel, StaffDeliver, StaffOrderView, StaffValidate};
use crate::components::form_message::outcome;
use crate::domain::order_status::{Actor, OrderEvent, OrderStatus};
use crate::i18n::use_locale;
use crate::live::island_started;
use crate::page_data::page_resource;
use crate::pages::order::OrderBody;
use crate::pages::{account::signed_in_only, here};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

/// A shipment as the form sends it: reference, carrier, tracking number, lines.
type ShipInput = (String, String, String, Vec<ShipLine>);

/// The page's actions: any success reloads the order.
#[derive(Clone, Copy)]
struct Actions {
    validate: ServerAction<StaffValidate>,
    deliver: ServerAction<StaffDeliver>,
    cancel: ServerAction<StaffCancel>,
    ship: Action<ShipInput, Result<(), crate::error::AppError>>,
}

#[component]
pub fn StaffOrderPage() -> impl IntoView {
    let reference = use_params_map().read_untracked().get("reference").unwrap_or_default();
    let t = use_locale();
    view! {
        <Title text=t.staff_order_title(&reference)/>
        <Meta name="robots" content="noindex"/>
        <section class="staff-page">
            <StaffOrderIsland reference here=here()/>
        </section>
    }
}

/// The order and its actions, read again after each one.
#[cfg_attr(feature = "csr", component)]
#[cfg_attr(not(feature = "csr"), island(lazy))]
fn StaffOrderIsland(reference: String, here: String) -> impl IntoView {
    crate::island_preload::preload_lazy_island("staff_order_island");
    island_started();
    let actions = Actions {
        validate: ServerAction::new(),
        deliver: ServerAction::new(),
        cancel: ServerAction::new(),
        ship: Action::new(|(reference, carrier, tracking, lines): &ShipInput| {
            staff_ship(reference.clone(), carrier.clone(), tracking.clone(), lines.clone())
        }),
    };
    let order = page_resource(
        move || {
            (
                reference.clone(),
                actions.validate.version().get(),
                actions.deliver.version().get(),
                actions.cancel.version().get(),
                actions.ship.version().get(),
            )
        },
        |(reference, ..)| staff_order(reference),
    );
    signed_in_only(order, here, move |view| view! { <StaffOrder view actions/> }.into_any())
}

#[component]
fn StaffOrder(view: StaffOrderView, actions: Actions) -> impl IntoView {
    let t = use_locale();
    let StaffOrderView { order, audit, password_needed } = view;
    let reference = order.reference.clone();
    let status = order.status;
    let to_ship: Vec<(i64, String, u32)> = order
        .lines
        .iter()
        .filter(|l| l.shipped < l.quantity)
        .map(|l| {
            let size = if l.size.is_empty() { String::new() } else { format!(" ({})", l.size) };
            (l.id, format!("{}{size}", l.name), l.quantity - l.shipped)
        })
        .collect();
    let (r1, r2, r3, r4) = (reference.clone(), reference.clone(), reference.clone(), reference.clone());
    let carrier = RwSignal::new(String::new());
    let tracking = RwSignal::new(String::new());
    let quantities: Vec<(i64, RwSignal<u32>)> =
        to_ship.iter().map(|(id, _, left)| (*id, RwSignal::new(*left))).collect();
    let quantities = StoredValue::new(quantities);
    let ship = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lines = quantities
            .get_value()
            .iter()
            .map(|(line, n)| ShipLine { line: *line, quantity: n.get_untracked() })
            .filter(|l| l.quantity > 0)
            .collect();
        actions.ship.dispatch((r3.clone(), carrier.get_untracked(), tracking.get_untracked(), lines));
    };
    // The actions offered are the ones the order's state machine allows staff now.
    let may = |event| status.allows(event, Actor::Staff);
    let can_ship = may(OrderEvent::Ship { complete: false });
    view! {
        <h1>{t.staff_order_heading(&reference)}</h1>
        <StaffNav/>
        <p data-testid="staff-status">{t.staff_status_is()} <strong>{t.order_status(status)}</strong></p>
        <div class="staff-actions">
            {may(OrderEvent::Validate).then(|| view! {
                <ActionForm action=actions.validate>
                    <input type="hidden" name="reference" value=r1/>
                    <button type="submit" class="button-primary">{t.staff_validate()}</button>
                </ActionForm>
            })}
            {outcome(actions.validate.value(), move |_| Some(t.staff_validated().into()))}
            {can_ship.then(|| view! {
                <form class="account-form ship-form" on:submit=ship>
                    <fieldset>
                        <legend>{t.staff_ship_legend()}</legend>
                        {to_ship.into_iter().zip(quantities.get_value()).map(|((id, name, left), (_, n))| {
                            let field = format!("ship-{id}");
                            view! {
                                <label for=field.clone()>{t.staff_left_to_ship(&name, left)}</label>
                                <input id=field type="number" min="0" max=left
                                    prop:value=move || n.get().to_string()
                                    on:input=move |ev| n.set(event_target_value(&ev).parse().unwrap_or(0))/>
                            }
                        }).collect_view()}
                        <label for="ship-carrier">{t.staff_carrier()}</label>
                        <input id="ship-carrier" required maxlength="40" bind:value=carrier/>
                        <label for="ship-tracking">{t.staff_tracking()}</label>
                        <input id="ship-tracking" required maxlength="40" bind:value=tracking/>
                        <button type="submit" class="button-primary">{t.staff_hand_to_carrier()}</button>
                    </fieldset>
                </form>
            })}
            {outcome(actions.ship.value(), move |_| Some(t.staff_shipped().into()))}
            {may(OrderEvent::MarkDelivered).then(|| view! {
                <ActionForm action=actions.deliver>
                    <input type="hidden" name="reference" value=r2/>
                    <button type="submit" class="button-primary">{t.staff_mark_delivered()}</button>
                </ActionForm>
            })}
            {outcome(actions.deliver.value(), move |_| Some(t.staff_marked_delivered().into()))}
            {may(OrderEvent::Cancel).then(|| view! {
                <ActionForm action=actions.cancel attr:class="account-form">
                    <input type="hidden" name="reference" value=r4/>
                    <label for="cancel-reason">{t.staff_cancel_reason()}</label>
                    <input id="cancel-reason" name="reason" required maxlength="500"/>
                    // A paid order is refunded: a password typed long ago is asked again.
                    <PasswordAgain id="cancel-password" needed=password_needed && status != OrderStatus::AwaitingPayment/>
                    <button type="submit" class="button-small">{t.staff_cancel()}</button>
                </ActionForm>
            })}
            {outcome(actions.cancel.value(), move |_| Some(t.staff_cancelled().into()))}
        </div>
        <OrderBody order/>
        <section aria-labelledby="audit-heading">
            <h2 id="audit-heading">{t.staff_audit_heading()}</h2>
            <ol class="timeline">
                {audit.into_iter().map(|a| view! {
                    <li>{format!("{} · {} · {} · {}", a.at, a.staff, a.action, a.detail)}</li>
                }).collect_view()}
            </ol>
        </section>
    }
}

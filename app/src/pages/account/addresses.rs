//! `/account/addresses`: the delivery addresses kept in the account — add,
//! edit, remove, and choose the default.

use super::{outcome, signed_in_only, AccountNav, AccountSection};
use crate::api::addresses::{my_addresses, MakeDefaultAddress, RemoveAddress, SaveAddress};
use crate::domain::{
    country::COUNTRIES,
    profile::{AddressForm, SavedAddress, MAX_ADDRESSES},
};
use crate::live::island_started;
use crate::page_data::page_resource;
use crate::pages::here;
use crate::shopper::country::DeliveryCountry;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// The page's actions: any success reloads the list.
#[derive(Clone, Copy)]
struct Actions {
    save: ServerAction<SaveAddress>,
    remove: ServerAction<RemoveAddress>,
    make_default: ServerAction<MakeDefaultAddress>,
}

#[component]
pub fn AddressesPage() -> impl IntoView {
    let country = DeliveryCountry::expect().chosen.as_str().to_owned();
    view! {
        <Title text="Your addresses"/>
        <Meta name="robots" content="noindex"/>
        <section class="account-page">
            <AddressesIsland here=here() country/>
        </section>
    }
}

/// The address book, read again after each change; a new address starts
/// in `country`, the delivery country chosen (its code).
#[cfg_attr(feature = "csr", component)]
#[cfg_attr(not(feature = "csr"), island(lazy))]
fn AddressesIsland(here: String, country: String) -> impl IntoView {
    crate::island_preload::preload_lazy_island("addresses_island");
    island_started();
    let actions = Actions {
        save: ServerAction::<SaveAddress>::new(),
        remove: ServerAction::<RemoveAddress>::new(),
        make_default: ServerAction::<MakeDefaultAddress>::new(),
    };
    let list = page_resource(
        move || (actions.save.version().get(), actions.remove.version().get(), actions.make_default.version().get()),
        |_| my_addresses(),
    );
    signed_in_only(list, here, move |addresses| {
        let country = country.clone();
        view! { <AddressBook addresses actions country/> }.into_any()
    })
}

#[component]
fn AddressBook(addresses: Vec<SavedAddress>, actions: Actions, country: String) -> impl IntoView {
    let full = addresses.len() >= MAX_ADDRESSES;
    let blank = AddressForm { country, ..AddressForm::default() };
    let empty = addresses.is_empty();
    view! {
        <h1>"Your addresses"</h1>
        <AccountNav current=AccountSection::Addresses/>
        {outcome(actions.remove.value(), Some)}
        {outcome(actions.make_default.value(), Some)}
        {empty.then(|| view! { <p>"You have no saved address yet."</p> })}
        <ul class="address-list">
            {addresses.into_iter().map(|saved| view! { <AddressCard saved actions/> }).collect_view()}
        </ul>
        <section class="account-section" aria-labelledby="add-address-heading">
            <h2 id="add-address-heading">"Add an address"</h2>
            {if full {
                view! { <p>{format!("You keep {MAX_ADDRESSES} addresses, the most an account holds. Remove one to add another.")}</p> }.into_any()
            } else {
                view! {
                    <ActionForm action=actions.save attr:class="account-form address-form">
                        <AddressFields prefix="new" initial=blank/>
                        <label class="checkbox"><input type="checkbox" name="make_default" value="yes"/> "Make this my default address"</label>
                        {outcome(actions.save.value(), Some)}
                        <button type="submit" class="button-primary">"Add the address"</button>
                    </ActionForm>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn AddressCard(saved: SavedAddress, actions: Actions) -> impl IntoView {
    let SavedAddress { id, address, is_default } = saved;
    let editing = RwSignal::new(false);
    let lines = address.lines();
    // Kept in the arena: the edit form is built again each time it opens.
    let form = StoredValue::new((format!("address-{id}"), address.to_form()));
    view! {
        <li class="address-card" data-address-id=id>
            <address>{lines.into_iter().map(|l| view! { <span>{l}</span><br/> }).collect_view()}</address>
            {is_default.then(|| view! { <p class="address-default">"Default address"</p> })}
            <div class="address-actions">
                <button type="button" class="button-small" on:click=move |_| editing.update(|e| *e = !*e)>
                    {move || if editing.get() { "Cancel" } else { "Edit" }}
                </button>
                {(!is_default).then(|| view! {
                    <ActionForm action=actions.make_default>
                        <input type="hidden" name="id" value=id/>
                        <button type="submit" class="button-small">"Make default"</button>
                    </ActionForm>
                })}
                <ActionForm action=actions.remove>
                    <input type="hidden" name="id" value=id/>
                    <button type="submit" class="button-small">"Remove"</button>
                </ActionForm>
            </div>
            <Show when=move || editing.get()>
                <ActionForm action=actions.save attr:class="account-form address-form">
                    <input type="hidden" name="id" value=id/>
                    <AddressFields prefix=form.get_value().0 initial=form.get_value().1/>
                    {outcome(actions.save.value(), |_| None)}
                    <button type="submit" class="button-primary">"Save the address"</button>
                </ActionForm>
            </Show>
        </li>
    }
}

/// The fields of an address, named `address[…]` so the form posts one `AddressForm`.
#[component]
fn AddressFields(#[prop(into)] prefix: String, initial: AddressForm) -> impl IntoView {
    let field = move |name: &str| format!("{prefix}-{name}");
    let text = |id: String,
                label: &'static str,
                name: &'static str,
                value: String,
                auto: &'static str,
                required: bool| {
        view! {
            <label for=id.clone()>{label}</label>
            <input id=id name=format!("address[{name}]") value=value autocomplete=auto required=required maxlength="120"/>
        }
    };
    let chosen = initial.country.clone();
    view! {
        {text(field("full-name"), "Full name", "full_name", initial.full_name, "name", true)}
        {text(field("line1"), "Street address", "line1", initial.line1, "address-line1", true)}
        {text(field("line2"), "Address line 2 (optional)", "line2", initial.line2, "address-line2", false)}
        {text(field("postcode"), "Postcode", "postcode", initial.postcode, "postal-code", true)}
        {text(field("city"), "Town or city", "city", initial.city, "address-level2", true)}
        <label for=field("country")>"Country"</label>
        <select id=field("country") name="address[country]" autocomplete="country">
            {COUNTRIES
                .iter()
                .map(|(code, name)| view! { <option value=*code selected=*code == chosen.as_str()>{*name}</option> })
                .collect_view()}
        </select>
        {text(field("phone"), "Telephone for the courier (optional)", "phone", initial.phone, "tel", false)}
    }
}

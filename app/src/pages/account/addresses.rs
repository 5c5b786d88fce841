//! `/account/addresses`: the delivery addresses kept in the account — add,
//! edit, remove, and choose the default.

use super::{outcome, signed_in_only, AccountNav, AccountSection};
use crate::api::addresses::{my_addresses, MakeDefaultAddress, RemoveAddress, SaveAddress};
use crate::domain::{
    country::countries_in,
    profile::{AddressForm, SavedAddress, MAX_ADDRESSES},
};
use crate::i18n::use_locale;
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
    let t = use_locale();
    view! {
        <Title text=t.account_addresses_title()/>
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
    let t = use_locale();
    let full = addresses.len() >= MAX_ADDRESSES;
    let blank = AddressForm { country, ..AddressForm::default() };
    let empty = addresses.is_empty();
    view! {
        <h1>{t.account_addresses_title()}</h1>
        <AccountNav current=AccountSection::Addresses/>
        {outcome(actions.remove.value(), Some)}
        {outcome(actions.make_default.value(), Some)}
        {empty.then(|| view! { <p>{t.account_addresses_none()}</p> })}
        <ul class="address-list">
            {addresses.into_iter().map(|saved| view! { <AddressCard saved actions/> }).collect_view()}
        </ul>
        <section class="account-section" aria-labelledby="add-address-heading">
            <h2 id="add-address-heading">{t.account_address_add_heading()}</h2>
            {if full {
                view! { <p>{t.account_addresses_full(MAX_ADDRESSES)}</p> }.into_any()
            } else {
                view! {
                    <ActionForm action=actions.save attr:class="account-form address-form">
                        <AddressFields prefix="new" initial=blank/>
                        <label class="checkbox"><input type="checkbox" name="make_default" value="yes"/> {t.account_address_make_default_check()}</label>
                        {outcome(actions.save.value(), Some)}
                        <button type="submit" class="button-primary">{t.account_address_add()}</button>
                    </ActionForm>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn AddressCard(saved: SavedAddress, actions: Actions) -> impl IntoView {
    let t = use_locale();
    let SavedAddress { id, address, is_default } = saved;
    let editing = RwSignal::new(false);
    let lines = address.lines_in(t);
    // Kept in the arena: the edit form is built again each time it opens.
    let form = StoredValue::new((format!("address-{id}"), address.to_form()));
    view! {
        <li class="address-card" data-address-id=id>
            <address>{lines.into_iter().map(|l| view! { <span>{l}</span><br/> }).collect_view()}</address>
            {is_default.then(|| view! { <p class="address-default">{t.account_address_default()}</p> })}
            <div class="address-actions">
                <button type="button" class="button-small" on:click=move |_| editing.update(|e| *e = !*e)>
                    {move || if editing.get() { t.account_address_cancel() } else { t.account_address_edit() }}
                </button>
                {(!is_default).then(|| view! {
                    <ActionForm action=actions.make_default>
                        <input type="hidden" name="id" value=id/>
                        <button type="submit" class="button-small">{t.account_address_make_default()}</button>
                    </ActionForm>
                })}
                <ActionForm action=actions.remove>
                    <input type="hidden" name="id" value=id/>
                    <button type="submit" class="button-small">{t.account_address_remove()}</button>
                </ActionForm>
            </div>
            <Show when=move || editing.get()>
                <ActionForm action=actions.save attr:class="account-form address-form">
                    <input type="hidden" name="id" value=id/>
                    <AddressFields prefix=form.get_value().0 initial=form.get_value().1/>
                    {outcome(actions.save.value(), |_| None)}
                    <button type="submit" class="button-primary">{t.account_address_save()}</button>
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
    let t = use_locale();
    view! {
        {text(field("full-name"), t.account_address_full_name(), "full_name", initial.full_name, "name", true)}
        {text(field("line1"), t.account_address_line1(), "line1", initial.line1, "address-line1", true)}
        {text(field("line2"), t.account_address_line2(), "line2", initial.line2, "address-line2", false)}
        {text(field("postcode"), t.account_address_postcode(), "postcode", initial.postcode, "postal-code", true)}
        {text(field("city"), t.account_address_city(), "city", initial.city, "address-level2", true)}
        <label for=field("country")>{t.account_address_country()}</label>
        <select id=field("country") name="address[country]" autocomplete="country">
            {countries_in(t)
                .into_iter()
                .map(|(code, name)| view! { <option value=code selected=code == chosen.as_str()>{name}</option> })
                .collect_view()}
        </select>
        {text(field("phone"), t.account_address_phone(), "phone", initial.phone, "tel", false)}
    }
}

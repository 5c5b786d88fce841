//! `/account/delete`: deleting the account, with the password entered again;
//! and `/account/deleted`, where the shopper lands afterwards.

use super::{outcome, signed_in_only, AccountNav, AccountSection};
use crate::api::account::{my_account, DeleteAccount};
use crate::i18n::use_locale;
use crate::live::island_started;
use crate::page_data::page_resource;
use crate::pages::here;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;

#[component]
pub fn DeleteAccountPage() -> impl IntoView {
    let t = use_locale();
    view! {
        <Title text=t.account_delete_title()/>
        <Meta name="robots" content="noindex"/>
        <section class="account-page">
            <DeleteAccountIsland here=here()/>
        </section>
    }
}

#[cfg_attr(feature = "csr", component)]
#[cfg_attr(not(feature = "csr"), island(lazy))]
fn DeleteAccountIsland(here: String) -> impl IntoView {
    crate::island_preload::preload_lazy_island("delete_account_island");
    island_started();
    let account = page_resource(|| (), |_| my_account());
    // Made once, not in each render of the answer.
    let delete = ServerAction::<DeleteAccount>::new();
    let t = use_locale();
    signed_in_only(account, here, move |me| {
        let (confirm_before, confirm_after) = t.account_delete_confirm();
        view! {
                    <h1>{t.account_delete_title()}</h1>
                    <AccountNav current=AccountSection::Delete/>
                    <p>{t.account_delete_explain()}</p>
                    <ActionForm action=delete attr:class="account-form">
                        <p>{confirm_before} <strong>{me.email}</strong> {confirm_after}</p>
                        <label for="delete-password">{t.account_password_label()}</label>
                        <input id="delete-password" type="password" name="password" autocomplete="current-password" required maxlength="128"/>
                        {outcome(delete.value(), |()| None)}
                        <button type="submit" class="button-danger" disabled=move || delete.pending().get()>{t.account_delete_button()}</button>
                    </ActionForm>
                }
                .into_any()
    })
}

#[component]
pub fn AccountDeletedPage() -> impl IntoView {
    let t = use_locale();
    let (before, link, after) = t.account_deleted_welcome_back();
    view! {
        <Title text=t.account_deleted_title()/>
        <Meta name="robots" content="noindex"/>
        <section class="account-form-page">
            <h1>{t.account_deleted_title()}</h1>
            <p>{t.account_deleted_body()}</p>
            <p>{before} <A href=t.href("/account/register")>{link}</A> {after}</p>
        </section>
    }
}

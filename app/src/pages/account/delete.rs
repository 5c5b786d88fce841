//! `/account/delete`: deleting the account, with the password entered again;
//! and `/account/deleted`, where the shopper lands afterwards.

use super::{outcome, signed_in_only, AccountNav, AccountSection};
use crate::api::account::{my_account, DeleteAccount};
use crate::live::island_started;
use crate::page_data::page_resource;
use crate::pages::here;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;

#[component]
pub fn DeleteAccountPage() -> impl IntoView {
    view! {
        <Title text="Delete your account"/>
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
    signed_in_only(account, here, move |me| {
        view! {
                    <h1>"Delete your account"</h1>
                    <AccountNav current=AccountSection::Delete/>
                    <p>
                        "Deleting your account erases your name, telephone, addresses and newsletter subscription, and signs you out everywhere. "
                        "Orders you placed are kept for our accounts, without your name or addresses. This cannot be undone."
                    </p>
                    <ActionForm action=delete attr:class="account-form">
                        <p>"To confirm, enter the password of " <strong>{me.email}</strong> "."</p>
                        <label for="delete-password">"Password"</label>
                        <input id="delete-password" type="password" name="password" autocomplete="current-password" required maxlength="128"/>
                        {outcome(delete.value(), |()| None)}
                        <button type="submit" class="button-danger" disabled=move || delete.pending().get()>"Delete my account"</button>
                    </ActionForm>
                }
                .into_any()
    })
}

#[component]
pub fn AccountDeletedPage() -> impl IntoView {
    view! {
        <Title text="Your account is deleted"/>
        <Meta name="robots" content="noindex"/>
        <section class="account-form-page">
            <h1>"Your account is deleted"</h1>
            <p>"Your personal details are erased and you are signed out. A confirmation is on its way to your inbox."</p>
            <p>"You are welcome back at any time: " <A href="/account/register">"create a new account"</A> "."</p>
        </section>
    }
}

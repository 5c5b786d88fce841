//! The site header: the house's name, the categories, a search box, the
//! delivery country and the basket.

use super::{basket_link::BasketLink, country_selector::CountrySelector};
use crate::domain::catalogue::Category;
use crate::HOUSE_NAME;
use leptos::prelude::*;
use leptos_router::components::A;

/// The header on every page.
#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <A href="/" attr:class="brand">
                <span class="brand-name">{HOUSE_NAME}</span>
                <span class="brand-place">"Paris"</span>
            </A>
            <nav class="main-nav" aria-label="Categories">
                <ul>
                    {Category::ALL
                        .into_iter()
                        .map(|c| {
                            let href = format!("/shop/{}", c.slug());
                            view! {
                                <li>
                                    <A href=href>{c.name()}</A>
                                </li>
                            }
                        })
                        .collect_view()}
                    <li>
                        <A href="/shop" exact=true>"All jewellery"</A>
                    </li>
                </ul>
            </nav>
            <form method="get" action="/shop" class="site-search" role="search">
                <label for="site-search-q" class="visually-hidden">
                    "Search the jewellery"
                </label>
                <input id="site-search-q" type="search" name="q" placeholder="Search" maxlength="100"/>
                <button type="submit">"Search"</button>
            </form>
            <CountrySelector/>
            // The same link for everyone, so pages need no session lookup to
            // render: signed-out visitors are sent on to sign in.
            <A href="/account" attr:class="account-link">"Account"</A>
            <BasketLink/>
        </header>
    }
}

//! The site header: the house's name, the categories, a search box, the
//! delivery country, the basket, and for staff the back office.

use super::{basket_link::BasketLink, country_selector::CountrySelector, language_switcher::LanguageSwitcher};
use crate::domain::catalogue::Category;
use crate::i18n::use_locale;
use crate::HOUSE_NAME;
use leptos::prelude::*;
use leptos_router::components::A;

/// The header on every page.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let t = use_locale();
    view! {
        <header class="site-header">
            <A href=t.href("/") attr:class="brand">
                <span class="brand-name">{HOUSE_NAME}</span>
                // A place's name, the same in both languages.
                <span class="brand-place">"Paris"</span>
            </A>
            <nav class="main-nav" aria-label=t.header_categories_label()>
                <ul>
                    {Category::ALL
                        .into_iter()
                        .map(|c| {
                            let href = t.href(&format!("/shop/{}", c.slug()));
                            view! {
                                <li>
                                    <A href=href>{t.category_name(c)}</A>
                                </li>
                            }
                        })
                        .collect_view()}
                    <li>
                        <A href=t.href("/shop") exact=true>{t.header_all_jewellery()}</A>
                    </li>
                </ul>
            </nav>
            <form method="get" action=t.href("/shop") class="site-search" role="search">
                <label for="site-search-q" class="visually-hidden">
                    {t.header_search_label()}
                </label>
                <input id="site-search-q" type="search" name="q" placeholder=t.header_search_placeholder() maxlength="100"/>
                <button type="submit">{t.header_search_button()}</button>
            </form>
            <LanguageSwitcher/>
            <CountrySelector/>
            // The same link for everyone, so pages need no session lookup to
            // render: signed-out visitors are sent on to sign in.
            <A href=t.href("/account") attr:class="account-link">{t.header_account()}</A>
            {crate::shopper::is_staff_visitor()
                .then(|| view! { <A href=t.href("/staff") attr:class="account-link">{t.header_back_office()}</A> })}
            <BasketLink/>
        </header>
    }
}

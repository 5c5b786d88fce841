//! Vitrine's storefront: routes, pages, components, server functions and the
//! pure domain rules. Compiled to WebAssembly (`hydrate`, `csr`) and to
//! native code (`ssr`).
//!
//! Pages are rendered on the server; what a shopper interacts with (the
//! basket, the buy panel, forms, the ring-size helper…) is an island
//! (`#[island]`) that hydrates in the browser. The WebAssembly therefore
//! holds the islands and nothing else; islands used on few pages are
//! `lazy`, each in its own chunk fetched with the page that shows it.
//!
//! The client-only build (Trunk) renders everything in the browser: there
//! is no server HTML to hydrate, so there islands are plain components
//! (`#[cfg_attr(feature = "csr", component)]` on each).

// Leptos views are deeply nested types; the basket page's outgrows the default limit.
#![recursion_limit = "256"]

pub mod api;
#[cfg(feature = "ssr")]
pub mod auth;
pub mod components;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod island_preload;
pub mod live;
pub mod page_data;
pub mod pages;
pub mod shopper;

#[cfg(feature = "ssr")]
pub mod config;
#[cfg(feature = "ssr")]
pub mod content_policy;
#[cfg(feature = "ssr")]
pub mod emails;
#[cfg(feature = "ssr")]
pub mod house_pages;
#[cfg(feature = "ssr")]
pub mod lifecycle;
#[cfg(feature = "ssr")]
pub mod payments;
#[cfg(feature = "ssr")]
pub mod photos;
#[cfg(feature = "ssr")]
pub mod pictures;
#[cfg(feature = "ssr")]
pub mod refunds;
#[cfg(feature = "ssr")]
pub mod restock;
#[cfg(feature = "ssr")]
pub mod returns;
#[cfg(feature = "ssr")]
pub mod store;

use components::{
    footer::SiteFooter, header::SiteHeader, language_switcher::LanguageAlternates, site_notices::SiteNotices,
};
use domain::house_page::HousePage;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, Link, Meta, MetaTags, Stylesheet, Title};
use leptos_router::{
    components::{Outlet, ParentRoute, Route, Router, Routes},
    hooks::use_params_map,
    path, SsrMode,
};
use pages::{
    account::{
        addresses::AddressesPage,
        change_password::ChangePasswordPage,
        delete::{AccountDeletedPage, DeleteAccountPage},
        forgot_password::ForgotPasswordPage,
        orders::OrdersPage,
        overview::AccountPage,
        register::RegisterPage,
        reset_password::ResetPasswordPage,
        sign_in::SignInPage,
        verify::VerifyEmailPage,
    },
    basket::BasketPage,
    checkout::CheckoutPage,
    contact::ContactPage,
    faq::FaqPage,
    home::HomePage,
    house::HouseInfoPage,
    listing::ListingPage,
    newsletter::{NewsletterConfirmPage, NewsletterUnsubscribePage},
    not_found::NotFound,
    order::OrderPage,
    product::ProductPage,
    receipt::ReceiptPage,
    returns::{ReturnPage, SlipPage},
    ring_size::RingSizePage,
    shops::ShopsPage,
    staff::{
        audit::StaffAuditPage,
        dashboard::StaffDashboardPage,
        gift::StaffGiftPage,
        order::StaffOrderPage,
        orders::StaffOrdersPage,
        pieces::{StaffPiecePage, StaffPiecesPage},
        promos::{StaffPromoPage, StaffPromosPage},
        returns::{StaffReturnPage, StaffReturnsPage},
        second_factor::{RecoveryCodesPage, SecondFactorPage},
        service::StaffServicePage,
        stock::StaffStockPage,
    },
    stock_alert::StockAlertPage,
};
use shopper::country::DeliveryCountry;

/// The house the demo storefront sells for.
pub const HOUSE_NAME: &str = "Maison Aurèle";

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    // The islands read the page's language back from here.
    let lang = i18n::use_locale().tag();
    // Its nonce is the one Leptos stamps on the hydration script below.
    #[cfg(feature = "ssr")]
    content_policy::send();
    view! {
        <!DOCTYPE html>
        <html lang=lang>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <AutoReload options=options.clone()/>
                // By its hashed name in release builds (cached for a year).
                <HashedStylesheet options=options.clone() id="leptos"/>
                <HydrationScripts options islands=true/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The storefront: header, routed page, footer.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    DeliveryCountry::provide();
    let locale = i18n::use_locale();
    provide_context(locale);
    view! {
        // The client-only build has no server shell to link it.
        {cfg!(feature = "csr").then(|| view! { <Stylesheet id="leptos" href="/pkg/vitrine.css"/> })}
        <Link rel="icon" type_="image/svg+xml" href="/favicon.svg"/>
        <Title formatter=|title: String| format!("{title} · {HOUSE_NAME}")/>
        <Meta name="theme-color" content="#1f1b16"/>
        <Router>
            <a class="skip-link" href="#main">
                {locale.skip_to_content()}
            </a>
            <LanguageAlternates/>
            <SiteHeader/>
            <SiteNotices/>
            <main id="main" tabindex="-1">
                // Catalogue pages render fully before sending, so their content
                // is in the first HTML (crawlers, no-JS) and 404s get their status.
                <Routes fallback=NotFound>
                    // Every page is under its language: /fr/… and /en/… (the
                    // server sends addresses without one on to one).
                    <ParentRoute path=path!("/:lang") view=InLanguage>
                        <Route path=path!("") view=HomePage ssr=SsrMode::Async/>
                        <Route path=path!("/shop") view=ListingPage ssr=SsrMode::Async/>
                        <Route path=path!("/shop/:category") view=ListingPage ssr=SsrMode::Async/>
                        <Route path=path!("/collections/:collection") view=ListingPage ssr=SsrMode::Async/>
                        <Route path=path!("/products/:slug") view=ProductPage ssr=SsrMode::Async/>
                        <Route path=path!("/ring-size") view=RingSizePage/>
                        <Route path=path!("/basket") view=BasketPage/>
                        <Route path=path!("/account/sign-in") view=SignInPage/>
                        <Route path=path!("/account/register") view=RegisterPage/>
                        <Route
                            path=path!("/account/forgot-password")
                            view=ForgotPasswordPage
                        />
                        <Route path=path!("/account/deleted") view=AccountDeletedPage/>
                        // Pages that read the session or an emailed link wait for
                        // the answer, so a signed-out visitor gets a real redirect
                        // and a link's outcome is in the first HTML.
                        <Route
                            path=path!("/account/reset-password")
                            view=ResetPasswordPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/account/verify") view=VerifyEmailPage ssr=SsrMode::Async/>
                        <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async/>
                        <Route path=path!("/account/addresses") view=AddressesPage ssr=SsrMode::Async/>
                        <Route
                            path=path!("/account/password")
                            view=ChangePasswordPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/account/delete")
                            view=DeleteAccountPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/account/orders") view=OrdersPage ssr=SsrMode::Async/>
                        <Route path=path!("/checkout") view=CheckoutPage/>
                        <Route path=path!("/orders/:reference") view=OrderPage ssr=SsrMode::Async/>
                        <Route
                            path=path!("/orders/:reference/receipt")
                            view=ReceiptPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/staff") view=StaffDashboardPage ssr=SsrMode::Async/>
                        <Route
                            path=path!("/staff/second-factor")
                            view=SecondFactorPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/staff/recovery-codes")
                            view=RecoveryCodesPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/staff/orders") view=StaffOrdersPage ssr=SsrMode::Async/>
                        <Route
                            path=path!("/staff/orders/:reference")
                            view=StaffOrderPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/orders/:reference/return")
                            view=ReturnPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/returns/:number/slip") view=SlipPage ssr=SsrMode::Async/>
                        <Route path=path!("/staff/returns") view=StaffReturnsPage ssr=SsrMode::Async/>
                        <Route
                            path=path!("/staff/returns/:number")
                            view=StaffReturnPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/staff/stock") view=StaffStockPage ssr=SsrMode::Async/>
                        <Route path=path!("/staff/audit") view=StaffAuditPage ssr=SsrMode::Async/>
                        <Route path=path!("/staff/service") view=StaffServicePage ssr=SsrMode::Async/>
                        <Route path=path!("/staff/pieces") view=StaffPiecesPage ssr=SsrMode::Async/>
                        <Route path=path!("/staff/pieces/:slug") view=StaffPiecePage ssr=SsrMode::Async/>
                        <Route path=path!("/staff/promos") view=StaffPromosPage ssr=SsrMode::Async/>
                        <Route path=path!("/staff/promos/:code") view=StaffPromoPage ssr=SsrMode::Async/>
                        <Route path=path!("/staff/gift") view=StaffGiftPage ssr=SsrMode::Async/>
                        <Route path=path!("/alerts/cancel") view=StockAlertPage ssr=SsrMode::Async/>
                        // The forms' stamp and a signed-in customer's details are in the first HTML.
                        <Route path=path!("/contact") view=ContactPage ssr=SsrMode::Async/>
                        // The house's pages: their figures are read from the data, so
                        // they wait for it (and crawlers get them whole).
                        <Route path=path!("/faq") view=FaqPage ssr=SsrMode::Async/>
                        // The boutique locator: "open now" is read at each request.
                        <Route path=path!("/boutiques") view=ShopsPage ssr=SsrMode::Async/>
                        <Route
                            path=path!("/shipping")
                            view=|| view! { <HouseInfoPage page=HousePage::Shipping/> }
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/returns")
                            view=|| view! { <HouseInfoPage page=HousePage::Returns/> }
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/customs")
                            view=|| view! { <HouseInfoPage page=HousePage::Customs/> }
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/care")
                            view=|| view! { <HouseInfoPage page=HousePage::Care/> }
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/size-guide")
                            view=|| view! { <HouseInfoPage page=HousePage::SizeGuide/> }
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/privacy")
                            view=|| view! { <HouseInfoPage page=HousePage::Privacy/> }
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/newsletter/confirm")
                            view=NewsletterConfirmPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/newsletter/unsubscribe")
                            view=NewsletterUnsubscribePage
                            ssr=SsrMode::Async
                        />
                    </ParentRoute>
                </Routes>
            </main>
            <SiteFooter/>
        </Router>
    }
}

/// A page's language from its first segment: a known one shows the page,
/// anything else is not an address of the shop.
#[component]
fn InLanguage() -> impl IntoView {
    let known = use_params_map().read_untracked().get("lang").and_then(|tag| i18n::Locale::parse(&tag)).is_some();
    if known {
        view! { <Outlet/> }.into_any()
    } else {
        view! { <NotFound/> }.into_any()
    }
}

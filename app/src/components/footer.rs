//! The site footer: the house, client service and its hours, delivery, the
//! house's pages, the newsletter.

use super::newsletter_form::NewsletterForm;
use crate::domain::{
    service::{SERVICE_PHONE, SERVICE_WEEK},
    shipping::DeliveryTerms,
};
use crate::i18n::use_locale;
use crate::HOUSE_NAME;
use leptos::prelude::*;
use leptos_router::components::A;

/// The footer on every page. Its delivery line is worked out from the
/// shipping zones the server keeps in step with the database
/// (`server/src/catalogue_watch.rs` provides them to every render); the
/// client-only build has no server to ask and shows the link alone.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let t = use_locale();
    let terms = use_context::<DeliveryTerms>().map(|terms| view! { <p>{t.footer_delivery_terms(terms)}</p> });
    let link = move |path: &str, text: &'static str| view! { <li><A href=t.href(path)>{text}</A></li> };
    view! {
        <footer class="site-footer">
            <div>
                <p class="footer-house">{HOUSE_NAME}</p>
                <p>{t.footer_workshop()}</p>
            </div>
            <div>
                <p class="footer-heading">{t.footer_client_service()}</p>
                <p>
                    {t.footer_telephone()} <a href=SERVICE_PHONE.0>{SERVICE_PHONE.1}</a>
                </p>
                <p>{t.opening_hours(&SERVICE_WEEK)}</p>
                <p>
                    <A href=t.href("/contact")>{t.footer_contact()}</A>
                </p>
                <p>
                    <A href=t.href("/ring-size")>{t.footer_ring_size()}</A>
                </p>
                <p>
                    <A href=t.href(crate::api::shops::SHOPS_PATH)>{t.footer_shops()}</A>
                </p>
            </div>
            <div>
                <p class="footer-heading">{t.footer_delivery()}</p>
                {terms}
                <nav aria-label=t.footer_help()>
                    <p class="footer-heading">{t.footer_help()}</p>
                    <ul class="footer-links">
                        {link("/faq", t.footer_faq())}
                        {link("/shipping", t.footer_shipping())}
                        {link("/returns", t.footer_returns())}
                        {link("/customs", t.footer_customs())}
                        {link("/size-guide", t.footer_size_guide())}
                        {link("/care", t.footer_care())}
                        {link("/privacy", t.footer_privacy())}
                    </ul>
                </nav>
            </div>
            <div>
                <NewsletterForm/>
            </div>
        </footer>
    }
}

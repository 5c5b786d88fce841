//! The site footer: the house, its boutique and opening hours, the newsletter.

use super::newsletter_form::NewsletterForm;
use crate::i18n::use_locale;
use crate::HOUSE_NAME;
use leptos::prelude::*;
use leptos_router::components::A;

/// The footer on every page.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let t = use_locale();
    view! {
        <footer class="site-footer">
            <div>
                <p class="footer-house">{HOUSE_NAME}</p>
                <p>{t.footer_workshop()}</p>
            </div>
            <div>
                <p class="footer-heading">{t.footer_client_service()}</p>
                <p>
                    {t.footer_telephone()} <a href="tel:+33142600000">"+33 1 42 60 00 00"</a>
                </p>
                <p>{t.footer_opening_hours()}</p>
                <p>
                    <A href=t.href("/contact")>{t.footer_contact()}</A>
                </p>
                <p>
                    <A href=t.href("/ring-size")>{t.footer_ring_size()}</A>
                </p>
            </div>
            <div>
                <p class="footer-heading">{t.footer_delivery()}</p>
                <p>{t.footer_delivery_terms()}</p>
            </div>
            <div>
                <NewsletterForm/>
            </div>
        </footer>
    }
}

//! The site footer: the house, its boutique and opening hours, the newsletter.

use super::newsletter_form::NewsletterForm;
use crate::HOUSE_NAME;
use leptos::prelude::*;
use leptos_router::components::A;

/// The footer on every page.
#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div>
                <p class="footer-house">{HOUSE_NAME}</p>
                <p>"Fine jewellery made in our workshop, 12 rue de la Paix, 75002 Paris."</p>
            </div>
            <div>
                <p class="footer-heading">"Client service"</p>
                <p>
                    "Telephone " <a href="tel:+33142600000">"+33 1 42 60 00 00"</a>
                </p>
                <p>"Monday to Friday 10:00–19:00, Saturday 10:00–17:00 (Paris time)"</p>
                <p>
                    <A href="/ring-size">"Find your ring size"</A>
                </p>
            </div>
            <div>
                <p class="footer-heading">"Delivery"</p>
                <p>"Insured delivery within the European Union, 5–10 business days."</p>
            </div>
            <div>
                <NewsletterForm/>
            </div>
        </footer>
    }
}

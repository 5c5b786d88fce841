//! Messages about the shopper's basket, under the header of every page:
//! a stored basket that had to be repaired, a gift that was withdrawn.

use crate::i18n::use_locale;
use crate::live::island_started;
use crate::shopper::basket_store::BasketStore;
use leptos::prelude::*;

/// The messages, until the shopper dismisses them.
#[cfg_attr(feature = "csr", component)]
#[cfg_attr(not(feature = "csr"), island)]
pub fn SiteNotices() -> impl IntoView {
    let live = island_started();
    let t = use_locale();
    let store = BasketStore::get();
    let notices = store.notices(live);
    // An empty live region from the start, so screen readers announce what appears in it.
    view! {
        <div class="site-notices" role="status" aria-live="polite">
            {move || {
                let notices = notices.get();
                let store = store.clone();
                (!notices.is_empty())
                    .then(|| {
                        view! {
                            <div class="site-notice">
                                <ul>{notices.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                                <button type="button" class="button-small" on:click=move |_| store.dismiss_notices()>
                                    {t.notices_dismiss()}
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}

//! The back-in-stock form (PRODUCT.md §8): an email address for an
//! out-of-stock (product, size), under a product page's buy area.
//!
//! Server HTML, outside the buy panel's island: the island only shows it
//! when the buy area offers an alert and keeps its size in step with the
//! size chosen ([`sync`]). In the island, the form's view and a call to the
//! server were 5 to 9 KB brotli, measured, in the module every page loads,
//! for a form few shoppers use. It is a plain form: the server answers with
//! the alert's own page, which says it is registered (or was already) and
//! cancels it; a refusal comes back to the product page, said here.

use super::form_message::said;
use crate::api::stock_alerts::RegisterAlert;
use crate::domain::{
    catalogue::{SizeLabel, SizeStock},
    slug::Slug,
};
use crate::error::AppError;
use crate::i18n::use_locale;
use leptos::either::Either;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// The element the form is in, which the island shows and hides.
pub const ID: &str = "stock-alert";

/// The form, for `product`, its size (`sizes`, none for a one-size piece)
/// preselected to `chosen`; hidden unless `shown`. `email` is the address
/// to suggest (a signed-in customer's); `refused`, what the server said
/// when it sent the shopper back.
#[component]
pub fn StockAlertForm(
    product: Slug,
    chosen: Option<SizeLabel>,
    sizes: Vec<SizeStock>,
    email: Option<String>,
    refused: Option<String>,
    shown: bool,
) -> impl IntoView {
    let t = use_locale();
    let refused = refused.map(|message| said(Err(AppError::BadRequest(message))));
    let size = if sizes.is_empty() {
        Either::Left(view! { <input type="hidden" name="size" value=""/> })
    } else {
        Either::Right(view! {
            <label for="alert-size">{t.alert_size_label()}</label>
            <select id="alert-size" name="size" required>
                <option value="">"—"</option>
                {sizes
                    .iter()
                    .map(|s| {
                        let selected = chosen.as_ref() == Some(&s.size);
                        view! { <option value=s.size.to_string() selected=selected>{s.size.to_string()}</option> }
                    })
                    .collect_view()}
            </select>
        })
    };
    view! {
        <div id=ID class="stock-alert" hidden=!shown>
            <form action=RegisterAlert::PATH method="post" class="stock-alert-form">
                <p class="field-hint" id="alert-hint">{t.alert_form_intro()}</p>
                <input type="hidden" name="product" value=product.to_string()/>
                {size}
                <label for="alert-email">{t.alert_email_label()}</label>
                <input id="alert-email" type="email" name="email" autocomplete="email" required maxlength="254"
                    aria-describedby="alert-hint" value=email/>
                <button type="submit" class="button-secondary">{t.alert_submit()}</button>
                {refused}
            </form>
        </div>
    }
}

/// Shows the form when the buy area offers an alert (`shown`), and picks
/// `chosen` in its size list: called by the island as the size changes.
#[cfg(not(feature = "ssr"))]
pub fn sync(shown: bool, chosen: Option<&SizeLabel>) {
    use leptos::wasm_bindgen::JsCast;
    let document = document();
    if let Some(area) = document.get_element_by_id(ID) {
        let _ = area.toggle_attribute_with_force("hidden", !shown);
    }
    let select =
        document.get_element_by_id("alert-size").and_then(|e| e.dyn_into::<leptos::web_sys::HtmlSelectElement>().ok());
    if let (Some(select), Some(size)) = (select, chosen) {
        select.set_value(size.as_str());
    }
}

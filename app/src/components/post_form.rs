//! A form in the frame of every page (the delivery country, the newsletter)
//! that posts to a server function.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::{FormData, HtmlButtonElement, HtmlFormElement};

/// The fields of a submitted form, with the button that submitted it.
pub struct SubmittedFields(Option<FormData>);

impl SubmittedFields {
    fn from_event(event: &SubmitEvent) -> Self {
        let form = event.target().and_then(|t| t.dyn_into::<HtmlFormElement>().ok());
        let data = form.and_then(|form| FormData::new_with_form(&form).ok());
        if let (Some(data), Some(button)) =
            (&data, event.submitter().and_then(|s| s.dyn_into::<HtmlButtonElement>().ok()))
        {
            if !button.name().is_empty() {
                let _ = data.append_with_str(&button.name(), &button.value());
            }
        }
        SubmittedFields(data)
    }

    /// A field's text; empty when absent, as a browser would post it.
    pub fn text(&self, name: &str) -> String {
        self.0.as_ref().and_then(|data| data.get(name).as_string()).unwrap_or_default()
    }
}

/// A plain HTML form posting to `url` (a server function's): it works
/// without JavaScript, the server sending the shopper back. With JavaScript,
/// `submit` receives the fields instead and runs the action in place.
///
/// Leptos's `ActionForm` does the same for any server function, through a
/// generic form decoder (serde_qs); these forms are on every page, so each
/// reads its own few fields and that decoder stays out of the WebAssembly
/// module every shopper downloads.
#[component]
pub fn PostForm(
    url: &'static str,
    class: &'static str,
    submit: impl Fn(SubmittedFields) + Send + Sync + 'static,
    children: Children,
) -> impl IntoView {
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        submit(SubmittedFields::from_event(&event));
    };
    view! {
        <form action=url method="post" class=class on:submit=on_submit>
            {children()}
        </form>
    }
}

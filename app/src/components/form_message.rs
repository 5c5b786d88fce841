//! What a form or an emailed link's page says back: a success message, or
//! the error, each announced to screen readers.

use crate::error::AppError;
use leptos::prelude::*;

/// A message said back: the success in a `status`, the error in an `alert`.
pub fn said(result: Result<String, AppError>) -> AnyView {
    match result {
        Ok(message) => view! { <p class="form-success" role="status">{message}</p> }.into_any(),
        Err(AppError::Invalid { field, message }) => {
            // Tied to its field: read with it, and the field marked invalid.
            let id = format!("{field}-error");
            let node = NodeRef::<leptos::html::P>::new();
            #[cfg(not(feature = "ssr"))]
            tie_to_field(node, field, id.clone());
            view! { <p class="field-error" role="alert" id=id node_ref=node>{message}</p> }.into_any()
        }
        Err(error) => {
            let message = error.message(crate::i18n::use_locale());
            view! { <p class="field-error" role="alert">{message}</p> }.into_any()
        }
    }
}

/// An action's answer once it has one: `success` picks what a success says
/// (nothing, for actions that move the shopper elsewhere); an error is always said.
pub fn outcome<T: Clone + Send + Sync + 'static>(
    value: impl Get<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
    success: impl Fn(T) -> Option<String> + Send + Sync + 'static,
) -> impl IntoView {
    move || match value.get()? {
        Ok(answer) => success(answer).map(|message| said(Ok(message))),
        Err(error) => Some(said(Err(error))),
    }
}

/// The refusal of a form posted without JavaScript to the server function
/// at `path`, which the server put in the address it sent the shopper back
/// to, in the page's language.
pub fn refused_without_javascript(path: &str) -> Option<String> {
    #[cfg(feature = "ssr")]
    {
        use leptos::server_fn::error::ServerFnUrlError;
        let error = use_context::<leptos::server::ServerActionError>()?;
        (error.path() == path)
            .then(|| ServerFnUrlError::<AppError>::decode_err(error.err()).message(crate::i18n::use_locale()))
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = path;
        None
    }
}

/// Marks the field named `field` in the message's form as invalid and
/// described by the message (`aria-invalid`, `aria-describedby`), until the
/// message goes.
#[cfg(not(feature = "ssr"))]
fn tie_to_field(node: NodeRef<leptos::html::P>, field: String, id: String) {
    Effect::new(move |_| {
        let Some(message) = node.get() else { return };
        let input = message
            .closest("form")
            .ok()
            .flatten()
            .and_then(|form| form.query_selector(&format!("[name=\"{field}\"]")).ok().flatten());
        if let Some(input) = input {
            // A hint the field was already described by stays.
            let before = input.get_attribute("aria-describedby");
            let described = before.as_ref().map_or_else(|| id.clone(), |hint| format!("{id} {hint}"));
            let _ = input.set_attribute("aria-invalid", "true");
            let _ = input.set_attribute("aria-describedby", &described);
            // Found again by the message it names: an element is not `Send`.
            let id = id.clone();
            on_cleanup(move || {
                let selector = format!("[aria-describedby~=\"{id}\"]");
                let Some(input) = document().query_selector(&selector).ok().flatten() else { return };
                let _ = input.remove_attribute("aria-invalid");
                let _ = match &before {
                    Some(hint) => input.set_attribute("aria-describedby", hint),
                    None => input.remove_attribute("aria-describedby"),
                };
            });
        }
    });
}

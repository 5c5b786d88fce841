//! What a form or an emailed link's page says back: a success message, or
//! the error, each announced to screen readers.

use crate::error::AppError;
use leptos::prelude::*;

/// A message said back: the success in a `status`, the error in an `alert`.
pub fn said(result: Result<String, AppError>) -> AnyView {
    match result {
        Ok(message) => view! { <p class="form-success" role="status">{message}</p> }.into_any(),
        Err(error) => view! { <p class="field-error" role="alert">{error.to_string()}</p> }.into_any(),
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

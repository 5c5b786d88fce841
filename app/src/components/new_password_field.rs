//! The field where a customer chooses a password (registration, reset,
//! change): the browser's own length check, a password manager's hint, and
//! the rule in words.

use crate::domain::account::{MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS};
use crate::i18n::use_locale;
use leptos::prelude::*;

#[component]
pub fn NewPasswordField(
    /// The input's id (labels point at it).
    id: &'static str,
    /// The form field's name, as the server function calls it.
    name: &'static str,
    /// The label, in the page's language.
    label: &'static str,
    /// A sentence added to the rule, in the page's language, if any.
    #[prop(optional)]
    extra: &'static str,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let rule = use_locale().account_password_rule();
    view! {
        <label for=id>{label}</label>
        <input
            id=id
            type="password"
            name=name
            autocomplete="new-password"
            required
            minlength=MIN_PASSWORD_CHARS
            maxlength=MAX_PASSWORD_CHARS
            aria-describedby=hint_id.clone()
        />
        <p id=hint_id class="field-hint">
            {format!("{rule} {extra}")}
        </p>
    }
}

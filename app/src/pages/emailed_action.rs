//! A page an emailed link opens to change something (confirm an address,
//! confirm or end a subscription). Opening the link changes nothing: mail
//! scanners and link previews open every link they see (issue 17). The
//! page shows a button, a plain form posting the link's token to the
//! server function, which sends the browser back here with `?done=1`.

use crate::components::form_message::refused_without_javascript;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// What one such page says and where its button posts.
pub struct EmailedAction {
    /// The server function's address, `/api/…`.
    pub endpoint: &'static str,
    /// What the button will do, above it.
    pub intro: &'static str,
    pub button: &'static str,
    /// Shown once it is done.
    pub done: &'static str,
}

/// The button for the link's token, its refusal, or what was done.
#[component]
pub fn EmailedActionForm(action: EmailedAction) -> impl IntoView {
    let query = use_query_map().read_untracked();
    if query.get("done").is_some() {
        return view! { <p class="form-success" role="status">{action.done}</p> }.into_any();
    }
    let token = query.get("token").unwrap_or_default();
    view! {
        {refused_without_javascript(action.endpoint)
            .map(|message| view! { <p class="field-error" role="alert">{message}</p> })}
        <p>{action.intro}</p>
        <form method="post" action=action.endpoint class="account-form">
            <input type="hidden" name="token" value=token/>
            <button type="submit" class="button-primary">{action.button}</button>
        </form>
    }
    .into_any()
}

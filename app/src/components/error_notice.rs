//! How an error is shown in place of a page's content.

use crate::error::AppError;
use crate::pages::not_found::NotFound;
use leptos::prelude::*;
use leptos_router::components::A;

/// Shows an error: a 404 page for `NotFound`, a plain message otherwise.
#[component]
pub fn ErrorNotice(error: AppError, #[prop(optional, into)] back_to: Option<String>) -> impl IntoView {
    match error {
        AppError::NotFound => view! { <NotFound/> }.into_any(),
        other => {
            let back = back_to.unwrap_or_else(|| "/".to_owned());
            view! {
                <section class="notice notice-error" role="alert">
                    <h1>"We could not show this page"</h1>
                    <p>{other.to_string()}</p>
                    <p>
                        <A href=back>"Start again"</A>
                    </p>
                </section>
            }
            .into_any()
        }
    }
}

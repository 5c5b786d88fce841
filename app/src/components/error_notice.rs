//! How an error is shown in place of a page's content.

use crate::error::AppError;
use crate::i18n::{use_locale, Locale};
use crate::pages::not_found::NotFound;
use leptos::prelude::*;
use leptos_router::components::A;

/// Shows an error: a 404 page for `NotFound`, a plain message otherwise.
/// `back_to` is a page of the shop, with its language or without (it is
/// then given the page's).
#[component]
pub fn ErrorNotice(error: AppError, #[prop(optional, into)] back_to: Option<String>) -> impl IntoView {
    match error {
        AppError::NotFound => view! { <NotFound/> }.into_any(),
        other => {
            let t = use_locale();
            let back = match back_to {
                Some(path) if Locale::split_path(&path).is_some() => path,
                Some(path) => t.href(&path),
                None => t.href("/"),
            };
            view! {
                <section class="notice notice-error" role="alert">
                    <h1>{t.error_notice_heading()}</h1>
                    <p>{other.message(t)}</p>
                    <p>
                        <A href=back>{t.error_notice_start_again()}</A>
                    </p>
                </section>
            }
            .into_any()
        }
    }
}

//! `/alerts/cancel?token=…`: a back-in-stock alert's own page, linked from
//! its confirmation and its email. Shows what the alert waits for and
//! cancels it with one button: a plain form, so a mail scanner following
//! the link cancels nothing, and it works without JavaScript.
//!
//! A form posted without JavaScript lands here too: `new=1` for a new
//! alert, `already={piece}&size={size}` for an address that was already waiting, and
//! `cancelled=1` once cancelled.

use crate::api::stock_alerts::{product_path, stock_alert, AlertView, CancelAlert};
use crate::components::form_message::{refused_without_javascript, said};
use crate::domain::{catalogue::SizeLabel, slug::Slug};
use crate::i18n::use_locale;
use crate::page_data::page_resource;
use crate::pages::loading;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::{Meta, Title};
use leptos_router::{components::A, hooks::use_query_map};

#[component]
pub fn StockAlertPage() -> impl IntoView {
    let query = use_query_map().read_untracked().clone();
    let token = query.get("token").unwrap_or_default();
    let new = query.get("new").is_some();
    let cancelled = query.get("cancelled").is_some();
    // Only a piece's address is linked back to, never whatever the query says.
    let already = query.get("already").and_then(|slug| Slug::parse(&slug).ok()).map(|slug| {
        let size = query.get("size").and_then(|size| SizeLabel::parse(&size).ok());
        product_path(slug.as_str(), size.as_ref().map_or("", SizeLabel::as_str))
    });
    let t = use_locale();
    let alert = page_resource(
        {
            let token = token.clone();
            move || token.clone()
        },
        stock_alert,
    );
    let body = move || {
        let token = token.clone();
        let already = already.clone();
        Suspend::new(async move {
            if let Some(refused) = refused_without_javascript(CancelAlert::PATH) {
                return said(Err(crate::error::AppError::BadRequest(refused)));
            }
            if cancelled {
                return said(Ok(t.alert_cancelled().to_owned()));
            }
            if let Some(piece) = already {
                return view! {
                    <p class="form-success" role="status">{t.alert_already()}</p>
                    <p><A href=t.href(&piece)>{t.alert_back_to_piece()}</A></p>
                }
                .into_any();
            }
            match alert.await {
                Ok(Some(alert)) => view! { <Waiting alert new token/> }.into_any(),
                Ok(None) => view! { <p>{t.alert_page_gone()}</p> }.into_any(),
                Err(error) => said(Err(error)),
            }
        })
    };
    view! {
        <Title text=t.alert_page_title()/>
        <Meta name="robots" content="noindex"/>
        <section class="account-form-page">
            <h1>{t.alert_page_title()}</h1>
            <Suspense fallback=loading>{body}</Suspense>
        </section>
    }
}

/// A waiting alert, and the button that cancels it.
#[component]
fn Waiting(alert: AlertView, new: bool, token: String) -> impl IntoView {
    let t = use_locale();
    let size = (!alert.size.is_empty()).then_some(alert.size.as_str());
    let waiting = t.alert_waiting(&alert.email, &alert.product_name, size);
    view! {
        {new.then(|| view! { <p class="form-success" role="status">{t.alert_page_new()}</p> })}
        <p>{waiting}</p>
        <p><A href=t.href(&alert.product_path)>{t.alert_back_to_piece()}</A></p>
        <form method="post" action=CancelAlert::PATH class="account-form">
            <input type="hidden" name="token" value=token/>
            <button type="submit" class="button-secondary">{t.alert_cancel_button()}</button>
        </form>
    }
}

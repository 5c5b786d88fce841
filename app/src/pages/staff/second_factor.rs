//! `/staff/second-factor`: after the password, a member of staff types a
//! code from their authenticator app (or a recovery code); the first time,
//! the page shows the QR code to enrol. `/staff/recovery-codes`: the
//! recovery codes, shown once after enrolment. Plain forms, no island: the
//! pages add nothing to what the browser downloads, and work without
//! JavaScript.

use crate::api::staff_access::{recovery_codes, second_factor_page, RecoveryView, SecondFactorView};
use crate::components::form_message::refused_without_javascript;
use crate::domain::next_path::NextPath;
use crate::i18n::use_locale;
use crate::page_data::page_resource;
use crate::pages::{account::signed_in_only, here};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

const CHECK: &str = "/api/staff/second-factor";

/// Where to go once the code is typed: the `next` the sign-in gave, else the dashboard.
fn next() -> NextPath {
    let raw = use_query_map().read_untracked().get("next").filter(|n| !n.trim().is_empty());
    NextPath::parse(Some(raw.as_deref().unwrap_or("/staff")))
}

#[component]
pub fn SecondFactorPage() -> impl IntoView {
    let t = use_locale();
    let page = page_resource(|| (), |()| second_factor_page());
    let next = next();
    view! {
        <Title text=t.second_factor_title()/>
        <Meta name="robots" content="noindex"/>
        <section class="account-form-page">
            {signed_in_only(page, here(), move |view| {
                let next = next.clone();
                match view {
                    SecondFactorView::Done => {
                        #[cfg(feature = "ssr")]
                        leptos_axum::redirect(&next.href(use_locale()));
                        ().into_any()
                    }
                    SecondFactorView::Code => view! {
                        <h1>{t.second_factor_heading()}</h1>
                        <p>{t.second_factor_intro()}</p>
                        <CodeForm next=next.as_str().to_owned() label=t.second_factor_code_label()/>
                    }.into_any(),
                    SecondFactorView::Enrol { qr, key } => view! {
                        <h1>{t.second_factor_enrol_heading()}</h1>
                        <p>{t.second_factor_enrol_intro()}</p>
                        <img class="qr-code" src=qr alt=t.second_factor_qr_alt() width="200" height="200"/>
                        <p>{t.second_factor_key()} " : " <code data-testid="second-factor-key">{key}</code></p>
                        <CodeForm next=next.as_str().to_owned() label=t.second_factor_enrol_code_label()/>
                    }.into_any(),
                }
            })}
        </section>
    }
}

#[component]
fn CodeForm(next: String, label: &'static str) -> impl IntoView {
    let t = use_locale();
    let refused = refused_without_javascript(CHECK);
    let invalid = refused.is_some().then_some("true");
    view! {
        <form method="post" action=CHECK class="account-form">
            <input type="hidden" name="next" value=next/>
            <label for="second-factor-code">{label}</label>
            <input id="second-factor-code" name="code" required autocomplete="one-time-code" inputmode="text"
                maxlength="16" aria-invalid=invalid aria-describedby=refused.is_some().then_some("second-factor-error")/>
            {refused.map(|message| view! { <p id="second-factor-error" class="field-error" role="alert">{message}</p> })}
            <button type="submit" class="button-primary">{t.second_factor_button()}</button>
        </form>
    }
}

#[component]
pub fn RecoveryCodesPage() -> impl IntoView {
    let t = use_locale();
    let codes = page_resource(|| (), |()| recovery_codes());
    let next = next();
    view! {
        <Title text=t.recovery_title()/>
        <Meta name="robots" content="noindex"/>
        <section class="account-form-page">
            <h1>{t.recovery_heading()}</h1>
            {signed_in_only(codes, here(), move |RecoveryView { codes, left }| {
                let shown = !codes.is_empty();
                view! {
                    {shown.then(|| view! {
                        <p>{t.recovery_intro()}</p>
                        <ul class="recovery-codes" data-testid="recovery-codes">
                            {codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
                        </ul>
                    })}
                    {(!shown).then(|| view! { <p>{t.recovery_already()}</p> <p>{t.recovery_left(left)}</p> })}
                    <p><a class="button-primary" href=next.href(t)>{t.recovery_continue()}</a></p>
                }.into_any()
            })}
        </section>
    }
}

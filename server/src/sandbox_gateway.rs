//! The sandbox gateway's hosted payment page, `/sandbox-gateway/pay/{id}`.
//! It stands for a card processor's page: plain HTML of its own (none of
//! the shop's scripts, styles or cookies are used), the card typed here and
//! never stored (only its last four digits), the outcome decided from the
//! test card, the shopper sent back to the shop, and the shop told later by
//! a signed callback (see `workers.rs`).
//!
//! The page speaks the shopper's language: the one a `lang` parameter
//! names, else the request's ([`Locale::of_request`]: the shop's page that
//! sent them here, their remembered choice, their browser's). The card form
//! carries it, so an answer to the form is in the same language.

use app::domain::{
    money::Money,
    test_card::{CardOutcome, TestCard, TEST_CARDS},
};
use app::i18n::Locale;
use app::store::{sandbox_payments, unix_now, Db};
use axum::{
    extract::{Path, Query},
    http::{header, request::Parts, HeaderValue, StatusCode},
    response::{Html, IntoResponse, Redirect, Response},
    Extension, Form,
};
use leptos::prelude::*;
use serde::Deserialize;

/// How long the "approve after a delay" card keeps the shop waiting.
pub const DELAYED_APPROVAL_SECONDS: i64 = 8;

/// The card form, as posted.
#[derive(Deserialize)]
pub struct CardForm {
    #[serde(default)]
    number: String,
    #[serde(default)]
    expiry: String,
    #[serde(default)]
    cvc: String,
    /// The page's language, as the form carries it.
    #[serde(default)]
    lang: Option<String>,
}

/// The payment page's address may name its language.
#[derive(Deserialize)]
pub struct Language {
    #[serde(default)]
    lang: Option<String>,
}

/// The shopper's language: the one named (`lang`), else the request's.
fn locale_of(named: Option<&str>, parts: &Parts) -> Locale {
    named.and_then(Locale::parse).unwrap_or_else(|| Locale::of_request(parts))
}

fn with_headers(status: StatusCode, html: String) -> Response {
    let mut response = (status, Html(html)).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    // The page runs no script at all, and posts only to itself.
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
        ),
    );
    response
}

fn page(t: Locale, payment: &sandbox_payments::SandboxPayment, problem: Option<&str>) -> String {
    let amount = t.money(Money::from_cents(payment.amount_cents));
    let open = payment.status == "open";
    let state = match payment.status.as_str() {
        "authorised" => t.sandbox_authorised(),
        "declined" => t.sandbox_declined(),
        _ => "",
    };
    let back = payment.return_url.clone();
    let (asks_for, for_order, end) = t.sandbox_request();
    let problem = problem.map(str::to_owned);
    view! {
        <!DOCTYPE html>
        <html lang=t.tag()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="robots" content="noindex"/>
                <title>{t.sandbox_title(&amount)}</title>
                <style>
                    "body{font-family:system-ui,sans-serif;background:#eef1f6;color:#14213d;margin:0}main{max-width:26rem;margin:2rem auto;background:#fff;border-radius:8px;padding:1.5rem;box-shadow:0 2px 8px #0002}.banner{background:#ffb703;color:#000;text-align:center;padding:.4rem;font-weight:600}label{display:block;margin:.8rem 0 .2rem}input{width:100%;box-sizing:border-box;padding:.6rem;font-size:1rem;border:1px solid #9aa5b8;border-radius:4px}button{margin-top:1.2rem;width:100%;padding:.8rem;font-size:1rem;background:#14213d;color:#fff;border:0;border-radius:4px;cursor:pointer}.problem{color:#9b1c1c;background:#fdecea;padding:.6rem;border-radius:4px}table{width:100%;font-size:.9rem;margin-top:1rem;border-collapse:collapse}td{padding:.2rem 0}code{font-size:.95rem}"
                </style>
            </head>
            <body>
                <p class="banner">{t.sandbox_banner()}</p>
                <main>
                    <h1>{t.sandbox_heading()}</h1>
                    <p>
                        {asks_for} <strong data-amount="">{amount.clone()}</strong>
                        {for_order} <strong>{payment.order_reference.clone()}</strong> {end}
                    </p>
                    {problem.map(|p| view! { <p class="problem" role="alert">{p}</p> })}
                    {(!open).then(|| view! {
                        <p role="status">{state}</p>
                        <p><a href=back.clone()>{t.sandbox_back()}</a></p>
                    })}
                    {open.then(|| view! {
                        <form method="post">
                            <input type="hidden" name="lang" value=t.tag()/>
                            <label for="number">{t.sandbox_card_number()}</label>
                            <input id="number" name="number" inputmode="numeric" autocomplete="cc-number" required/>
                            <label for="expiry">{t.sandbox_expiry()}</label>
                            <input id="expiry" name="expiry" placeholder=t.sandbox_expiry_placeholder() autocomplete="cc-exp" required/>
                            <label for="cvc">{t.sandbox_cvc()}</label>
                            <input id="cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" required/>
                            <button type="submit">{t.sandbox_pay(&amount)}</button>
                        </form>
                        <p><a href=back.clone()>{t.sandbox_cancel()}</a></p>
                        <table>
                            <caption>{t.sandbox_test_cards()}</caption>
                            {TEST_CARDS.iter().map(|(n, outcome, _)| view! {
                                <tr><td><code>{*n}</code></td><td>{t.sandbox_card_outcome(*outcome)}</td></tr>
                            }).collect_view()}
                        </table>
                    })}
                </main>
            </body>
        </html>
    }
    .to_html()
}

async fn load(t: Locale, db: &Db, id: &str) -> Result<sandbox_payments::SandboxPayment, Response> {
    match sandbox_payments::get(db, id).await {
        Ok(Some(payment)) => Ok(payment),
        Ok(None) => Err((StatusCode::NOT_FOUND, t.sandbox_no_such_payment()).into_response()),
        Err(error) => {
            tracing::error!(%error, "sandbox gateway: a payment could not be read");
            Err((StatusCode::INTERNAL_SERVER_ERROR, t.sandbox_try_again()).into_response())
        }
    }
}

/// The payment page.
pub async fn show(
    Extension(db): Extension<Db>,
    Path(id): Path<String>,
    Query(language): Query<Language>,
    parts: Parts,
) -> Response {
    let t = locale_of(language.lang.as_deref(), &parts);
    match load(t, &db, &id).await {
        Ok(payment) => with_headers(StatusCode::OK, page(t, &payment, None)),
        Err(response) => response,
    }
}

/// The card form's post: a bad card is shown again with the reason; a good
/// one decides the payment and sends the shopper back to the shop.
pub async fn pay(
    Extension(db): Extension<Db>,
    Path(id): Path<String>,
    parts: Parts,
    Form(card): Form<CardForm>,
) -> Response {
    let t = locale_of(card.lang.as_deref(), &parts);
    let payment = match load(t, &db, &id).await {
        Ok(payment) => payment,
        Err(response) => return response,
    };
    if payment.status != "open" {
        return Redirect::to(&payment.return_url).into_response();
    }
    let now = unix_now();
    let (year, month) = year_month(now);
    let card = match TestCard::parse(&card.number, &card.expiry, &card.cvc, year, month) {
        Ok(card) => card,
        Err(problem) => {
            return with_headers(
                StatusCode::UNPROCESSABLE_ENTITY,
                page(t, &payment, Some(t.sandbox_card_problem(&problem))),
            )
        }
    };
    let (authorised, due) = match card.outcome {
        CardOutcome::Approve => (true, now),
        CardOutcome::Decline => (false, now),
        CardOutcome::ApproveAfterDelay => (true, now + DELAYED_APPROVAL_SECONDS),
    };
    match sandbox_payments::decide(&db, &payment.id, authorised, &card.last4, due).await {
        Ok(_) => {
            // The payment's id is a bearer secret (its pay page): debug only.
            tracing::debug!(payment = %payment.id, "sandbox: the payment the outcome is for");
            tracing::info!(authorised, last4 = %card.last4, "sandbox: card outcome decided");
            Redirect::to(&payment.return_url).into_response()
        }
        Err(error) => {
            tracing::error!(%error, "sandbox gateway: the outcome could not be saved");
            (StatusCode::INTERNAL_SERVER_ERROR, t.sandbox_try_again()).into_response()
        }
    }
}

/// Today's year and month in UTC, for the expiry check.
fn year_month(unix: i64) -> (u32, u32) {
    let today =
        jiff::Timestamp::from_second(unix).unwrap_or(jiff::Timestamp::UNIX_EPOCH).to_zoned(jiff::tz::TimeZone::UTC);
    (u32::try_from(today.year()).unwrap_or(0), u32::try_from(today.month()).unwrap_or(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn payment(status: &str) -> sandbox_payments::SandboxPayment {
        sandbox_payments::SandboxPayment {
            id: "p1".into(),
            order_reference: "MA-0123456789".into(),
            amount_cents: 125_000,
            return_url: "https://shop.example/fr/orders/MA-0123456789?key=k&paid=1".into(),
            status: status.into(),
        }
    }

    fn request(uri: &str, headers: &[(header::HeaderName, &str)]) -> Parts {
        let mut builder = axum::http::Request::builder().uri(uri);
        for (name, value) in headers {
            builder = builder.header(name, *value);
        }
        builder.body(()).unwrap().into_parts().0
    }

    #[test]
    fn the_page_is_in_the_shoppers_language() {
        let french = page(Locale::Fr, &payment("open"), None);
        assert!(french.contains("<html lang=\"fr\""), "{french}");
        assert!(french.contains("Paiements de test"));
        assert!(french.contains("1\u{202f}250,00\u{a0}€"));
        assert!(french.contains("name=\"lang\" value=\"fr\""), "the form keeps the language");
        let english = page(Locale::En, &payment("declined"), Some("x"));
        assert!(english.contains("<html lang=\"en\""));
        assert!(english.contains("Sandbox payments") && english.contains("€1,250.00"));
        assert!(english.contains("This payment was declined."));
    }

    #[test]
    fn the_language_comes_from_the_parameter_then_the_request() {
        let from_checkout =
            request("/sandbox-gateway/pay/p1", &[(header::REFERER, "https://shop.example/en/checkout")]);
        assert_eq!(locale_of(None, &from_checkout), Locale::En);
        assert_eq!(locale_of(Some("fr"), &from_checkout), Locale::Fr);
        assert_eq!(locale_of(Some("de"), &from_checkout), Locale::En, "an unknown tag is ignored");
        let browser = request("/sandbox-gateway/pay/p1", &[(header::ACCEPT_LANGUAGE, "en-GB,en;q=0.9")]);
        assert_eq!(locale_of(None, &browser), Locale::En);
        let remembered =
            request("/sandbox-gateway/pay/p1", &[(header::COOKIE, "vitrine_lang=fr"), (header::ACCEPT_LANGUAGE, "en")]);
        assert_eq!(locale_of(None, &remembered), Locale::Fr);
    }

    #[test]
    fn the_month_is_read_from_the_clock() {
        assert_eq!(super::year_month(0), (1970, 1));
        assert_eq!(super::year_month(1_795_000_000), (2026, 11));
        assert_eq!(super::year_month(951_782_400), (2000, 2), "29 Feb 2000");
    }
}

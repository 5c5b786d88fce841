//! The sandbox gateway's hosted payment page, `/sandbox-gateway/pay/{id}`.
//! It stands for a card processor's page: plain HTML of its own (none of
//! the shop's scripts, styles or cookies are used), the card typed here and
//! never stored (only its last four digits), the outcome decided from the
//! test card, the shopper sent back to the shop, and the shop told later by
//! a signed callback (see `workers.rs`).

use app::domain::{
    money::Money,
    test_card::{CardOutcome, TestCard, TEST_CARDS},
};
use app::store::{sandbox_payments, unix_now, Db};
use axum::{
    extract::Path,
    http::{header, HeaderValue, StatusCode},
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

fn page(payment: &sandbox_payments::SandboxPayment, problem: Option<String>) -> String {
    let amount = Money::from_cents(payment.amount_cents).to_string();
    let open = payment.status == "open";
    let state = match payment.status.as_str() {
        "authorised" => "This payment was authorised.",
        "declined" => "This payment was declined.",
        _ => "",
    };
    let back = payment.return_url.clone();
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="robots" content="noindex"/>
                <title>"Pay " {amount.clone()} " · Sandbox payments"</title>
                <style>
                    "body{font-family:system-ui,sans-serif;background:#eef1f6;color:#14213d;margin:0}main{max-width:26rem;margin:2rem auto;background:#fff;border-radius:8px;padding:1.5rem;box-shadow:0 2px 8px #0002}.banner{background:#ffb703;color:#000;text-align:center;padding:.4rem;font-weight:600}label{display:block;margin:.8rem 0 .2rem}input{width:100%;box-sizing:border-box;padding:.6rem;font-size:1rem;border:1px solid #9aa5b8;border-radius:4px}button{margin-top:1.2rem;width:100%;padding:.8rem;font-size:1rem;background:#14213d;color:#fff;border:0;border-radius:4px;cursor:pointer}.problem{color:#9b1c1c;background:#fdecea;padding:.6rem;border-radius:4px}table{width:100%;font-size:.9rem;margin-top:1rem;border-collapse:collapse}td{padding:.2rem 0}code{font-size:.95rem}"
                </style>
            </head>
            <body>
                <p class="banner">"SANDBOX · test mode · no real money moves"</p>
                <main>
                    <h1>"Sandbox payments"</h1>
                    <p>
                        "Maison Aurèle asks for " <strong data-amount="">{amount.clone()}</strong>
                        " for order " <strong>{payment.order_reference.clone()}</strong> "."
                    </p>
                    {problem.map(|p| view! { <p class="problem" role="alert">{p}</p> })}
                    {(!open).then(|| view! {
                        <p role="status">{state}</p>
                        <p><a href=back.clone()>"Back to the shop"</a></p>
                    })}
                    {open.then(|| view! {
                        <form method="post">
                            <label for="number">"Card number"</label>
                            <input id="number" name="number" inputmode="numeric" autocomplete="cc-number" required/>
                            <label for="expiry">"Expiry (MM/YY)"</label>
                            <input id="expiry" name="expiry" placeholder="MM/YY" autocomplete="cc-exp" required/>
                            <label for="cvc">"Security code"</label>
                            <input id="cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" required/>
                            <button type="submit">"Pay " {amount.clone()}</button>
                        </form>
                        <p><a href=back.clone()>"Cancel and return to the shop"</a></p>
                        <table>
                            <caption>"Test cards (any future expiry, any 3 digits)"</caption>
                            {TEST_CARDS.iter().map(|(n, _, what)| view! {
                                <tr><td><code>{*n}</code></td><td>{*what}</td></tr>
                            }).collect_view()}
                        </table>
                    })}
                </main>
            </body>
        </html>
    }
    .to_html()
}

async fn load(db: &Db, id: &str) -> Result<sandbox_payments::SandboxPayment, Response> {
    match sandbox_payments::get(db, id).await {
        Ok(Some(payment)) => Ok(payment),
        Ok(None) => Err((StatusCode::NOT_FOUND, "No such payment.").into_response()),
        Err(error) => {
            tracing::error!(%error, "sandbox gateway: a payment could not be read");
            Err((StatusCode::INTERNAL_SERVER_ERROR, "Please try again in a moment.").into_response())
        }
    }
}

/// The payment page.
pub async fn show(Extension(db): Extension<Db>, Path(id): Path<String>) -> Response {
    match load(&db, &id).await {
        Ok(payment) => with_headers(StatusCode::OK, page(&payment, None)),
        Err(response) => response,
    }
}

/// The card form's post: a bad card is shown again with the reason; a good
/// one decides the payment and sends the shopper back to the shop.
pub async fn pay(Extension(db): Extension<Db>, Path(id): Path<String>, Form(card): Form<CardForm>) -> Response {
    let payment = match load(&db, &id).await {
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
            return with_headers(StatusCode::UNPROCESSABLE_ENTITY, page(&payment, Some(problem.to_string())))
        }
    };
    let (authorised, due) = match card.outcome {
        CardOutcome::Approve => (true, now),
        CardOutcome::Decline => (false, now),
        CardOutcome::ApproveAfterDelay => (true, now + DELAYED_APPROVAL_SECONDS),
    };
    match sandbox_payments::decide(&db, &payment.id, authorised, &card.last4, due).await {
        Ok(_) => {
            tracing::info!(payment = %payment.id, authorised, last4 = %card.last4, "sandbox: card outcome decided");
            Redirect::to(&payment.return_url).into_response()
        }
        Err(error) => {
            tracing::error!(%error, "sandbox gateway: the outcome could not be saved");
            (StatusCode::INTERNAL_SERVER_ERROR, "Please try again in a moment.").into_response()
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
    #[test]
    fn the_month_is_read_from_the_clock() {
        assert_eq!(super::year_month(0), (1970, 1));
        assert_eq!(super::year_month(1_795_000_000), (2026, 11));
        assert_eq!(super::year_month(951_782_400), (2000, 2), "29 Feb 2000");
    }
}

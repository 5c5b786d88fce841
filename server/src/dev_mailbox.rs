//! `/dev/mailbox`: every email the shop wrote, newest first, with its links
//! clickable, for development and demos. Mounted only when
//! `VITRINE_DEV_MAILBOX=true`: it shows other people's emails.

use app::store::{outbox, Db};
use axum::{http::StatusCode, response::Html, Extension};
use leptos::prelude::*;

/// How many emails the page lists.
const SHOWN: i64 = 50;

/// The mailbox page, rendered on the server (no WebAssembly needed).
pub async fn mailbox(Extension(db): Extension<Db>) -> Result<Html<String>, StatusCode> {
    let emails = outbox::recent(&db, SHOWN).await.map_err(|error| {
        tracing::error!(%error, "development mailbox: the outbox could not be read");
        StatusCode::INTERNAL_SERVER_ERROR
    })?;
    let count = emails.len();
    let page = view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <title>"Development mailbox · Vitrine"</title>
                <meta name="robots" content="noindex"/>
                <style>
                    "body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}article{border:1px solid #ccc;border-radius:4px;padding:1rem;margin:1rem 0}iframe{width:100%;min-height:16rem;border:1px solid #eee}pre{white-space:pre-wrap;background:#f6f6f6;padding:.5rem}"
                </style>
            </head>
            <body>
                <h1>"Development mailbox"</h1>
                <p>
                    {format!("The {count} newest emails in the outbox. ")}
                    "Links in the HTML part open in this window. Turn this page off in production (VITRINE_DEV_MAILBOX)."
                </p>
                {emails
                    .into_iter()
                    .map(|e| {
                        let status = match (e.state.sent_at, e.state.attempts) {
                            (Some(_), _) => "sent".to_owned(),
                            (None, 0) => "waiting".to_owned(),
                            (None, n) => {
                                format!("{n} failed attempts: {}", e.state.last_error.clone().unwrap_or_default())
                            }
                        };
                        view! {
                            <article data-email-id=e.id>
                                <h2 data-subject="">{e.subject}</h2>
                                <p>"To: " <span data-to="">{e.to}</span> " · " {status}</p>
                                // Scripts in an email never run; links still navigate this window.
                                <iframe
                                    title="HTML part"
                                    sandbox="allow-top-navigation-by-user-activation allow-popups"
                                    srcdoc=links_open_on_top(&e.html_body)
                                ></iframe>
                                <details>
                                    <summary>"Plain-text part"</summary>
                                    <pre>{e.text_body}</pre>
                                </details>
                            </article>
                        }
                    })
                    .collect_view()}
            </body>
        </html>
    };
    Ok(Html(page.to_html()))
}

/// The email's HTML with its links set to open in the mailbox's window, not
/// inside the little frame, as they would from a real inbox.
fn links_open_on_top(html: &str) -> String {
    const BASE: &str = "<base target=\"_top\">";
    match html.find("<head>") {
        Some(at) => format!("{}{BASE}{}", &html[..at + 6], &html[at + 6..]),
        None => format!("{BASE}{html}"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn links_open_in_the_mailbox_window() {
        assert_eq!(
            super::links_open_on_top("<html><head><title>x</title>"),
            "<html><head><base target=\"_top\"><title>x</title>"
        );
        assert_eq!(super::links_open_on_top("<p>x</p>"), "<base target=\"_top\"><p>x</p>");
    }
}

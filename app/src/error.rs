//! The application's one error type: what went wrong, said safely.
//!
//! Every server function returns it. Each variant maps to an HTTP status and
//! a message fit for a shopper; internal detail is logged, never sent.

use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

/// What went wrong, in words a shopper can read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// The request itself was wrong; the message says how to put it right.
    #[error("{0}")]
    BadRequest(String),
    /// One field of a form was wrong: `field` is its name in the form, so
    /// the page can tie the message to it.
    #[error("{message}")]
    Invalid { field: String, message: String },
    /// A callback slot that cannot be booked (closed, past, too soon): the
    /// message says why, and `offered` holds the next open slots to pick.
    #[error("{message}")]
    SlotRefused { message: String, offered: Vec<crate::domain::service::SlotChoice> },
    /// There is nothing at this address.
    #[error("This page does not exist, or is no longer available.")]
    NotFound,
    /// The visitor must sign in, or their sign-in was refused; the message says which.
    #[error("{0}")]
    Unauthorized(String),
    /// A member of staff who has typed the password but not yet the second
    /// factor: pages send them to type the code, then back.
    #[error("{0}")]
    SecondFactor(String),
    /// Signed in, but not allowed to do this (a customer calling a staff function).
    #[error("{0}")]
    Forbidden(String),
    /// The request clashes with the state of things (sold out meanwhile, an
    /// order that moved on); the message says what happened.
    #[error("{0}")]
    Conflict(String),
    /// A rate limit was reached; the message says how long to wait.
    #[error("{0}")]
    TooManyAttempts(String),
    /// Our fault. The detail is in the server's log, under the request id.
    #[error("Something went wrong on our side. Please try again in a moment.")]
    Internal,
    /// The request never reached the server, or its answer could not be read.
    #[error("The boutique could not be reached. Please check your connection and try again.")]
    Transport(String),
}

impl AppError {
    /// What the shopper reads, in their language. Messages a server
    /// function wrote are already in the language of the page that called
    /// it; the fixed ones are written here.
    pub fn message(&self, locale: crate::i18n::Locale) -> String {
        match self {
            AppError::BadRequest(message)
            | AppError::Invalid { message, .. }
            | AppError::SlotRefused { message, .. }
            | AppError::Unauthorized(message)
            | AppError::SecondFactor(message)
            | AppError::Forbidden(message)
            | AppError::Conflict(message)
            | AppError::TooManyAttempts(message) => message.clone(),
            AppError::NotFound => locale.error_not_found().to_owned(),
            AppError::Internal => locale.error_internal().to_owned(),
            AppError::Transport(_) => locale.error_transport().to_owned(),
        }
    }

    /// The HTTP status this error is answered with.
    pub fn status(&self) -> u16 {
        match self {
            AppError::BadRequest(_) | AppError::Invalid { .. } | AppError::SlotRefused { .. } => 400,
            AppError::Unauthorized(_) | AppError::SecondFactor(_) => 401,
            AppError::Forbidden(_) => 403,
            AppError::NotFound => 404,
            AppError::Conflict(_) => 409,
            AppError::TooManyAttempts(_) => 429,
            AppError::Internal => 500,
            AppError::Transport(_) => 502,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // Arguments that could not be read are the caller's mistake.
            ServerFnErrorErr::Args(detail) | ServerFnErrorErr::MissingArg(detail) => {
                let error = AppError::BadRequest(unreadable(&detail));
                // On the server this runs while answering the request: make it a 400, not a 500.
                #[cfg(feature = "ssr")]
                let error = error.respond();
                error
            }
            // On the server, the only thing ever deserialized is a request's
            // arguments (a JSON body that is not the expected shape): a 400.
            // In the browser, it is an answer that could not be read.
            ServerFnErrorErr::Deserialization(detail) => {
                #[cfg(feature = "ssr")]
                let error = AppError::BadRequest(unreadable(&detail)).respond();
                #[cfg(not(feature = "ssr"))]
                let error = AppError::Transport(detail);
                error
            }
            ServerFnErrorErr::Request(detail)
            | ServerFnErrorErr::Response(detail)
            | ServerFnErrorErr::Serialization(detail) => AppError::Transport(detail),
            _ => AppError::Internal,
        }
    }
}

/// A request whose arguments could not be read, said in the caller's
/// language. The decoder's own words (field names, Rust types) are for the
/// log, not for the caller (issue 17).
fn unreadable(detail: &str) -> String {
    #[cfg(feature = "ssr")]
    tracing::debug!(detail, "a request's arguments could not be read");
    #[cfg(not(feature = "ssr"))]
    let _ = detail;
    crate::i18n::use_locale().error_unreadable_request().to_owned()
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        tracing::error!(%error, "database error");
        AppError::Internal
    }
}

#[cfg(feature = "ssr")]
impl AppError {
    /// Sets the status of the response being built (a server function's own,
    /// or the page's during server rendering) and hands the error back.
    pub fn respond(self) -> Self {
        // A form posted without JavaScript is answered by Leptos with a
        // redirect back to the page, the error in its query, for the page
        // to show: a status set here would replace that redirect.
        let form_without_js = crate::api::posted_without_javascript();
        if form_without_js {
            return self;
        }
        if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            if let Ok(status) = http::StatusCode::from_u16(self.status()) {
                response.set_status(status);
            }
        }
        self
    }
}

//! When an island is live in the browser.
//!
//! The server renders every page; an island hydrates on its own, later (a
//! lazy island once its chunk has arrived). What the server cannot know (the
//! basket in local storage) must appear only once the island is live, so the
//! first browser render agrees with the server's HTML.

use leptos::prelude::*;

/// Starts an island: returns whether it is live yet (false on the server and
/// while hydrating, true right after). Every island calls it once, first:
/// when the last island of the page is live, `<body data-hydrated="true">`
/// says so, for end-to-end tests and curious engineers.
pub fn island_started() -> Signal<bool> {
    answer_without_javascript();
    let live = RwSignal::new(false);
    // Effects run only in the browser, after the island has hydrated.
    Effect::new(move |_| {
        live.set(true);
        count_live_island();
    });
    live.into()
}

#[cfg(any(feature = "hydrate", feature = "csr"))]
fn count_live_island() {
    use std::cell::Cell;
    thread_local! {
        static LIVE: Cell<u32> = const { Cell::new(0) };
    }
    let live = LIVE.with(|n| {
        n.set(n.get() + 1);
        n.get()
    });
    let document = document();
    let islands = document.query_selector_all("leptos-island").map(|all| all.length()).unwrap_or(0);
    if live >= islands {
        if let Some(body) = document.body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    }
}

#[cfg(not(any(feature = "hydrate", feature = "csr")))]
fn count_live_island() {}

/// A form sent before its island was live is posted without JavaScript;
/// the server sends the page back with the answer in its address (`__err`)
/// and renders the action's error inside the island. On the server the
/// router reads that address for every `ServerAction`; in the browser no
/// router runs in islands mode, so the island reads it here, before it
/// makes its actions, and hydrates the same HTML (it panicked otherwise).
#[cfg(feature = "hydrate")]
fn answer_without_javascript() {
    use leptos_router::location::{BrowserUrl, LocationProvider};
    if let Ok(url) = BrowserUrl::current() {
        url.provide_server_action_error();
    }
}

#[cfg(not(feature = "hydrate"))]
fn answer_without_javascript() {}

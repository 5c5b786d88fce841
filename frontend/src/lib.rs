//! The browser side: the islands of the server-rendered page come alive.

/// Called by the script cargo-leptos puts in every page, before it walks
/// the page's `<leptos-island>` elements and hydrates each from its own
/// WebAssembly (a lazy island's chunk is fetched first).
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}

// The islands' entry points are exported by the `app` crate; keep it linked.
#[cfg(feature = "hydrate")]
pub use app;

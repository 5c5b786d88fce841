//! Asks the browser for a lazy island's WebAssembly chunks from the page's
//! `<head>`.
//!
//! A lazy island's code arrives as many small chunks (one per set of islands
//! sharing it: 40 to 70 for a page). Without this, the browser starts all
//! their fetches in one go once the main module runs, and that one task
//! (about 30 ms on a fast machine, four times more on Lighthouse's phone)
//! was most of the checkout's and the basket's blocking time. Preloaded,
//! they are fetched while the HTML is parsed and the loader finds them
//! waiting. Leptos does this for lazy routes, not for lazy islands, whose
//! loader exists only in the browser build.

/// Called by a lazy island as it renders on the server. `island` is the
/// island's name in snake case (`CheckoutSteps` → `"checkout_steps"`): the
/// split manifest's key for it is `{island}_loader_{hash}`. An unknown name,
/// or a build without `--split`, preloads nothing (the end-to-end suite
/// checks that every chunk a page fetches was preloaded).
#[cfg(feature = "ssr")]
pub fn preload_lazy_island(island: &'static str) {
    use leptos::prelude::{use_context, ReadValue};
    use std::{
        collections::HashMap,
        sync::{LazyLock, Mutex},
    };
    // Manifest keys as `&'static str`, which Leptos's preload list wants:
    // one per island, made once per process (the manifest does not change).
    static KEYS: LazyLock<Mutex<HashMap<&'static str, Option<&'static str>>>> = LazyLock::new(Default::default);

    let Some(manifest) = use_context::<leptos::WasmSplitManifest>() else { return };
    let key = *KEYS.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).entry(island).or_insert_with(|| {
        let prefix = format!("{island}_loader_");
        let (_, chunks, _) = &*manifest.0.read_value();
        chunks.keys().find(|key| key.starts_with(&prefix)).map(|key| &*Box::leak(key.clone().into_boxed_str()))
    });
    if let Some(key) = key {
        leptos::prefetch_lazy_fn_on_server(key);
    }
}

/// In the browser the chunks are already on their way.
#[cfg(not(feature = "ssr"))]
pub fn preload_lazy_island(_island: &'static str) {}

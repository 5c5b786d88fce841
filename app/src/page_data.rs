//! How a page's data crosses from the server's render to the browser.
//!
//! A resource's value is serialised into the page as JSON and decoded again
//! when the page hydrates; the same values, fetched later by client-side
//! navigation, arrive as server functions' JSON answers, which server_fn
//! decodes from bytes. Leptos's default resource codec decodes from a
//! `&str` instead, so every type would get its JSON decoder compiled twice
//! into the WebAssembly (one per input kind). [`PageJson`] decodes from
//! bytes too: one decoder per type, shared by both paths.

use leptos::prelude::*;
use leptos::server::codee::{Decoder, Encoder};
use serde::{de::DeserializeOwned, Serialize};

/// JSON, read from bytes like server functions' answers.
pub struct PageJson;

impl<T: Serialize> Encoder<T> for PageJson {
    type Error = serde_json::Error;
    type Encoded = String;

    fn encode(value: &T) -> Result<String, serde_json::Error> {
        serde_json::to_string(value)
    }
}

impl<T: DeserializeOwned> Decoder<T> for PageJson {
    type Error = serde_json::Error;
    type Encoded = str;

    fn decode(value: &str) -> Result<T, serde_json::Error> {
        serde_json::from_slice(value.as_bytes())
    }
}

/// A page's data, loaded on the server for its first render.
pub type PageResource<T> = Resource<T, PageJson>;

/// A resource of a page's data: `fetch` runs with `source`'s value on the
/// server for the first render, and again in the browser when it changes.
#[track_caller]
pub fn page_resource<S, T, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetch: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> PageResource<T>
where
    S: Send + Sync + Clone + PartialEq + 'static,
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
    Fut: std::future::Future<Output = T> + Send + 'static,
{
    Resource::new_with_options(source, fetch, false)
}

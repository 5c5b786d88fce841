//! The basket as the browser keeps it: in local storage (gloo-storage), read
//! once the page is live, written on every change, and re-read when another
//! tab changes it (the `storage` event).
//!
//! The server cannot know what a browser's storage holds, so on the server
//! and during hydration the basket is "not known yet" and the header's count
//! is blank. The browser fills it in right after hydration: no mismatch.

use crate::domain::basket::{Basket, Repair, STORAGE_KEY};
use leptos::prelude::*;

/// The shopper's basket and the messages about it, for every page.
#[derive(Clone, Copy, Debug)]
pub struct BasketStore {
    /// `None` until the browser has read its storage (and always on the server).
    basket: RwSignal<Option<Basket>>,
    /// What the shopper should be told about their basket (a repair, a withdrawn gift).
    notices: RwSignal<Vec<String>>,
}

impl BasketStore {
    /// Sets up the basket for the app and starts following storage.
    pub fn provide() -> Self {
        let store = BasketStore { basket: RwSignal::new(None), notices: RwSignal::new(Vec::new()) };
        provide_context(store);
        // Effects run in the browser only, once hydration is done.
        Effect::new(move |_| store.load());
        // Another tab changed the basket (or cleared storage): follow it.
        let listener = window_event_listener(leptos::ev::storage, move |event| {
            if event.key().is_none_or(|key| key == STORAGE_KEY) {
                store.load();
            }
        });
        on_cleanup(move || listener.remove());
        store
    }

    /// The app's basket, set up by [`BasketStore::provide`].
    pub fn expect() -> Self {
        expect_context()
    }

    /// The basket, once the browser has read it (tracked).
    pub fn basket(&self) -> Option<Basket> {
        self.basket.get()
    }

    /// The header's count, once known (tracked).
    pub fn item_count(&self) -> Option<u32> {
        self.basket.with(|b| b.as_ref().map(Basket::item_count))
    }

    /// Changes the basket and saves it. Reads storage first if the page has
    /// not yet, so a click just after loading is never lost.
    pub fn update<R>(&self, change: impl FnOnce(&mut Basket) -> R) -> R {
        if self.basket.with_untracked(Option::is_none) {
            self.load();
        }
        let mut basket = self.basket.get_untracked().unwrap_or_default();
        let result = change(&mut basket);
        self.save(&basket);
        self.basket.set(Some(basket));
        result
    }

    /// Messages for the shopper (tracked).
    pub fn notices(&self) -> Vec<String> {
        self.notices.get()
    }

    /// Tells the shopper something about their basket, once.
    pub fn notify(&self, message: String) {
        self.notices.update(|all| {
            if !all.contains(&message) {
                all.push(message);
            }
        });
    }

    /// The shopper has read the messages.
    pub fn dismiss_notices(&self) {
        self.notices.set(Vec::new());
    }

    /// Reads the basket from storage, repairing what must be and saying so.
    fn load(&self) {
        let (basket, repairs) = read_storage();
        if !repairs.is_empty() {
            // Keep the repaired basket, so the message is given once.
            self.save(&basket);
            for repair in repairs {
                self.notify(repair.to_string());
            }
        }
        self.basket.set(Some(basket));
    }

    fn save(&self, basket: &Basket) {
        if !write_storage(basket) {
            self.notify(
                "Your browser would not let us save your basket: it will be lost when you leave this page. \
                 Allowing this site to store data keeps it."
                    .to_owned(),
            );
        }
    }
}

/// Whether this browser lets the page use local storage at all; gloo-storage
/// throws when it does not (some private modes, storage blocked by settings).
#[cfg(any(feature = "hydrate", feature = "csr"))]
fn storage_available() -> bool {
    leptos::web_sys::window().and_then(|w| w.local_storage().ok().flatten()).is_some()
}

#[cfg(any(feature = "hydrate", feature = "csr"))]
fn read_storage() -> (Basket, Vec<Repair>) {
    use gloo_storage::{errors::StorageError, LocalStorage, Storage};
    if !storage_available() {
        return (Basket::new(), Vec::new());
    }
    match LocalStorage::get::<serde_json::Value>(STORAGE_KEY) {
        Ok(value) => Basket::from_stored_value(&value),
        Err(StorageError::KeyNotFound(_)) => (Basket::new(), Vec::new()),
        Err(_) => (Basket::new(), vec![Repair::Unreadable]),
    }
}

#[cfg(any(feature = "hydrate", feature = "csr"))]
fn write_storage(basket: &Basket) -> bool {
    use gloo_storage::{LocalStorage, Storage};
    storage_available() && LocalStorage::set(STORAGE_KEY, basket.to_stored()).is_ok()
}

// The server never holds a shopper's basket.
#[cfg(not(any(feature = "hydrate", feature = "csr")))]
fn read_storage() -> (Basket, Vec<Repair>) {
    (Basket::new(), Vec::new())
}

#[cfg(not(any(feature = "hydrate", feature = "csr")))]
fn write_storage(_: &Basket) -> bool {
    true
}

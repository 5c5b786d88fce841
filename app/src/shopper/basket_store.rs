//! The basket as the browser keeps it: in local storage (gloo-storage), read
//! when the page first needs it, written on every change, and re-read when
//! another tab changes it (the `storage` event).
//!
//! The server cannot know what a browser's storage holds, so on the server
//! and while an island hydrates the basket is "not known yet" and the
//! header's count is blank. Each island shows it once live: no mismatch.

use crate::domain::basket::Basket;
#[cfg(any(feature = "hydrate", feature = "csr"))]
use crate::domain::basket::{Repair, STORAGE_KEY};
use leptos::prelude::*;

/// The shopper's basket and the messages about it. In the browser there is
/// one per page, shared by every island on it (the header's count, the buy
/// panel, the basket page…), read from storage when first used and kept in
/// step with other tabs. On the server it is always empty: the server never
/// holds a shopper's basket.
#[derive(Clone, Debug)]
pub struct BasketStore {
    basket: ArcRwSignal<Option<Basket>>,
    /// What the shopper should be told about their basket (a repair, a
    /// withdrawn gift), in the page's language: each is written when it
    /// arises, and a page in the other language is another page load.
    notices: ArcRwSignal<Vec<String>>,
}

impl BasketStore {
    /// The page's basket.
    pub fn get() -> Self {
        #[cfg(any(feature = "hydrate", feature = "csr"))]
        {
            thread_local! {
                static STORE: BasketStore = BasketStore::start();
            }
            STORE.with(Clone::clone)
        }
        #[cfg(not(any(feature = "hydrate", feature = "csr")))]
        BasketStore::empty()
    }

    fn empty() -> Self {
        BasketStore { basket: ArcRwSignal::new(None), notices: ArcRwSignal::new(Vec::new()) }
    }

    /// Reads storage and follows it: another tab changed the basket (or
    /// cleared storage). The listener lives as long as the page.
    #[cfg(any(feature = "hydrate", feature = "csr"))]
    fn start() -> Self {
        let store = BasketStore::empty();
        store.load();
        let follower = store.clone();
        let listener = window_event_listener(leptos::ev::storage, move |event| {
            if event.key().is_none_or(|key| key == STORAGE_KEY) {
                follower.load();
            }
        });
        std::mem::forget(listener);
        store
    }

    /// The basket as an island shows it: unknown (`None`) until the island
    /// is live (`live`), so the first browser render matches the server's.
    pub fn shown(&self, live: Signal<bool>) -> Signal<Option<Basket>> {
        let basket = self.basket.clone();
        Signal::derive(move || if live.get() { basket.get() } else { None })
    }

    /// The header's count, once the island is live (tracked).
    pub fn item_count(&self, live: Signal<bool>) -> Signal<Option<u32>> {
        let basket = self.basket.clone();
        Signal::derive(move || if live.get() { basket.with(|b| b.as_ref().map(Basket::item_count)) } else { None })
    }

    /// The basket now, untracked: for event handlers.
    pub fn current(&self) -> Basket {
        self.basket.get_untracked().unwrap_or_default()
    }

    /// Changes the basket and saves it.
    pub fn update<R>(&self, change: impl FnOnce(&mut Basket) -> R) -> R {
        let mut basket = self.basket.get_untracked().unwrap_or_default();
        let result = change(&mut basket);
        self.save(&basket);
        self.basket.set(Some(basket));
        result
    }

    /// Messages for the shopper, once the island is live (tracked).
    pub fn notices(&self, live: Signal<bool>) -> Signal<Vec<String>> {
        let notices = self.notices.clone();
        Signal::derive(move || if live.get() { notices.get() } else { Vec::new() })
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
    #[cfg(any(feature = "hydrate", feature = "csr"))]
    fn load(&self) {
        let (basket, repairs) = read_storage();
        if !repairs.is_empty() {
            // Keep the repaired basket, so the message is given once.
            self.save(&basket);
            let t = crate::i18n::use_locale();
            for repair in repairs {
                self.notify(t.basket_repair(&repair));
            }
        }
        self.basket.set(Some(basket));
    }

    fn save(&self, basket: &Basket) {
        if !write_storage(basket) {
            self.notify(crate::i18n::use_locale().basket_not_saved().to_owned());
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
fn write_storage(_: &Basket) -> bool {
    true
}

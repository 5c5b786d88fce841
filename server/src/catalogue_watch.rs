//! Following the catalogue's version, and what every page says that
//! depends on it beyond its own data: the footer's delivery terms.
//!
//! One task per process reads the version each [`POLL`]. When it moves,
//! the delivery terms are read again *first*, then the new snapshot is
//! published: the page cache (which follows the same snapshots) moves its
//! epoch only after renders can see the new terms, so no page rendered
//! with the old ones is kept past the change. Shipping zones and the gift
//! are data: whatever changes them bumps the version in the same
//! transaction, as changes to pieces and stock do.

use app::{
    domain::{
        country::DeliveryCountries,
        shipping::{delivery_terms, DeliveryTerms},
    },
    i18n::Locale,
    store::{catalogue_version, shipping, Db},
};
use std::time::Duration;
use tokio::sync::watch;

/// How often each process reads the catalogue's version: the bound on how
/// long a page may show a catalogue that has changed.
pub const POLL: Duration = Duration::from_millis(100);

/// The catalogue as last read: its version and the delivery terms at that version.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    pub version: i64,
    /// `None` when no delivery country has a shipping zone.
    pub terms: Option<DeliveryTerms>,
}

/// The latest snapshot, or `None` until one is read (at start, or while
/// the database does not answer).
#[derive(Clone)]
pub struct CatalogueWatch(watch::Receiver<Option<Snapshot>>);

impl CatalogueWatch {
    /// Starts following `db`'s catalogue (the task ends when the last
    /// watcher is dropped).
    pub fn start(db: Db, countries: DeliveryCountries) -> CatalogueWatch {
        let (sender, receiver) = watch::channel(None);
        tokio::spawn(follow(sender, db, countries));
        CatalogueWatch(receiver)
    }

    /// The delivery terms now, if known.
    pub fn terms(&self) -> Option<DeliveryTerms> {
        self.0.borrow().as_ref().and_then(|snapshot| snapshot.terms)
    }

    /// A receiver of every new snapshot.
    pub fn subscribe(&self) -> watch::Receiver<Option<Snapshot>> {
        self.0.clone()
    }
}

async fn follow(sender: watch::Sender<Option<Snapshot>>, db: Db, countries: DeliveryCountries) {
    let mut ticks = tokio::time::interval(POLL);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        if sender.is_closed() {
            return;
        }
        let read = match catalogue_version::read(&db).await {
            Ok(version) if sender.borrow().as_ref().is_some_and(|s| s.version == version) => continue,
            // Either language's zone names would do: the terms are figures.
            Ok(version) => shipping::zones(&db, Locale::DEFAULT)
                .await
                .map(|zones| Snapshot { version, terms: delivery_terms(&zones, countries.codes()) }),
            Err(error) => Err(error),
        };
        match read {
            Ok(snapshot) => {
                sender.send_replace(Some(snapshot));
            }
            Err(error) => {
                tracing::warn!(%error, "the catalogue could not be read: pages are rendered afresh");
                sender.send_if_modified(|now| now.take().is_some());
            }
        }
    }
}

//! Integration tests: the real server, started in this process on a random
//! port against a fresh database (a new SQLite file, or a new PostgreSQL
//! database), driven over HTTP. One test binary for every feature, so the
//! server is linked once (zero2prod's `tests/api/main.rs`, crates.io's `tests/`).

#[macro_use]
mod common;

mod abuse;
mod accounts;
mod audit;
mod basket;
mod catalogue;
mod checkout;
mod checkout_rules;
mod cluster;
mod erasure;
mod fuzz;
mod hardening;
mod hoarding;
mod house_pages;
mod languages;
mod mailer;
mod members_preview;
mod newsletter;
mod outbox;
mod page_cache;
mod pictures;
mod pieces;
mod promos;
mod refunds;
mod render_stall;
mod returns;
mod ring_size;
mod service;
mod shops;
mod staff_access;
mod stock_alerts;

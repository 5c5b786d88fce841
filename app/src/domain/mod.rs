//! Pure business rules: no I/O, compiled for both the server and the browser.
//!
//! Parse, don't validate: a value of one of these types is valid by
//! construction, so code that holds one never has to check it again.

pub mod account;
pub mod audit;
pub mod availability;
pub mod basket;
pub mod boutique;
pub mod bracelet_size;
pub mod catalogue;
pub mod checkout;
pub mod country;
pub mod day;
pub mod faq;
pub mod gift;
pub mod hold;
pub mod house_page;
pub mod listing;
pub mod locale;
pub mod map;
// Server only: it needs the time zone database, which the browser never does.
#[cfg(feature = "ssr")]
pub mod local_hours;
pub mod money;
pub mod newsletter;
pub mod next_path;
// Server only: it needs the time zone database, which the browser never does.
#[cfg(feature = "ssr")]
pub mod opening_hours;
pub mod order_status;
pub mod outbox;
// Server only: libphonenumber's rules are megabytes the browser never needs.
#[cfg(feature = "ssr")]
pub mod phone;
pub mod piece_editor;
pub mod piece_picture;
pub mod policies;
pub mod profile;
pub mod promo;
pub mod promo_editor;
pub mod rate_limit;
pub mod refund;
pub mod returns;
pub mod ring_size;
pub mod second_factor;
pub mod service;
pub mod shipping;
pub mod shop_finder;
pub mod slug;
pub mod stock_alert;
pub mod test_card;

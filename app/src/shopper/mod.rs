//! What belongs to the shopper and lives in their browser: the basket and
//! the delivery country. Both are provided as context to every page.

pub mod basket_store;
pub mod country;

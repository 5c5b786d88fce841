//! Pieces of pages used in more than one place.

pub mod buy_area;
pub mod error_notice;
pub mod footer;
pub mod header;
pub mod price;
pub mod product_grid;
pub mod size_selector;

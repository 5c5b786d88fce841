//! Pieces of pages used in more than one place.

pub mod basket_link;
pub mod bracelet_guide;
pub mod breadcrumbs;
pub mod buy_area;
pub mod buy_panel;
pub mod country_selector;
pub mod error_notice;
pub mod footer;
pub mod form_message;
pub mod header;
pub mod language_switcher;
pub mod new_password_field;
pub mod newsletter_form;
pub mod piece_picture;
pub mod post_form;
pub mod price;
pub mod product_grid;
pub mod ring_size_helper;
pub mod site_notices;
pub mod size_selector;
pub mod stock_alert_form;

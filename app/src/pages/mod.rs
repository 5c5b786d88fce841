//! The pages, one file each.

pub mod account;
pub mod basket;
pub mod checkout;
pub mod contact;
pub mod emailed_action;
pub mod faq;
pub mod home;
pub mod house;
pub mod listing;
pub mod newsletter;
pub mod not_found;
pub mod order;
pub mod product;
pub mod receipt;
pub mod returns;
pub mod ring_size;
pub mod shops;
pub mod staff;
pub mod stock_alert;

/// Text for a meta description: at most about 155 characters, cut at a word.
pub(crate) fn meta_description(text: &str) -> String {
    const LIMIT: usize = 155;
    if text.chars().count() <= LIMIT {
        return text.to_owned();
    }
    let cut: String = text.chars().take(LIMIT).collect();
    match cut.rfind(' ') {
        Some(space) => format!("{}…", cut[..space].trim_end_matches([',', ';', '.'])),
        None => format!("{cut}…"),
    }
}

/// This page's path and query, as the server received it: where a visitor
/// comes back to after signing in. For page components, not islands (the
/// router lives on the server).
pub(crate) fn here() -> String {
    use leptos::prelude::GetUntracked;
    let location = leptos_router::hooks::use_location();
    // The router's `search` comes without its `?`.
    let (path, query) = (location.pathname.get_untracked(), location.search.get_untracked());
    if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    }
}

/// The message shown while a page's data is on its way.
pub(crate) fn loading() -> impl leptos::prelude::IntoView {
    use leptos::prelude::*;
    let t = crate::i18n::use_locale();
    view! {
        <p class="loading" aria-live="polite">
            {t.page_loading()}
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::meta_description;

    #[test]
    fn short_descriptions_are_kept_whole() {
        assert_eq!(meta_description("A ring."), "A ring.");
    }

    #[test]
    fn long_descriptions_are_cut_at_a_word() {
        let long = "word ".repeat(60);
        let cut = meta_description(&long);
        assert!(cut.chars().count() <= 156, "{cut}");
        assert!(cut.ends_with("word…"), "{cut}");
    }
}

//! The language switcher: the same page, with the same filters, in the
//! other language. Plain links: the server remembers the language a page
//! was read in, so following one is the choice.

use crate::i18n::{use_locale, Locale};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// A link to this page in each language, the current one marked.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let current = use_locale();
    let location = use_location();
    let here = with_query(location.pathname.get_untracked(), &location.search.get_untracked());
    view! {
        <nav class="language-switcher" aria-label=current.locale_switch_label()>
            <ul>
                {Locale::ALL
                    .into_iter()
                    .map(|locale| {
                        let href = locale.same_page(&here);
                        let is_current = locale == current;
                        view! {
                            <li>
                                <a
                                    href=href
                                    hreflang=locale.tag()
                                    lang=locale.tag()
                                    aria-current=is_current.then_some("true")
                                >
                                    {locale.name()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

/// A path and its query string (which the router may give with or without its `?`).
fn with_query(path: String, search: &str) -> String {
    match search.strip_prefix('?').unwrap_or(search) {
        "" => path,
        query => format!("{path}?{query}"),
    }
}

/// `hreflang` alternates for search engines: this page in each language,
/// and, for a visitor whose language is neither, the address without one
/// (which the server sends on by their browser's languages).
#[component]
pub fn LanguageAlternates() -> impl IntoView {
    #[cfg(feature = "ssr")]
    {
        use leptos_meta::Link;
        let site = use_context::<crate::config::SiteConfig>();
        // Without the query: filtered listings name their unfiltered page as canonical.
        let path = use_location().pathname.get_untracked();
        let rest = Locale::split_path(&path).map(|(_, rest)| rest.to_owned());
        site.zip(rest).map(|(site, rest)| {
            view! {
                {Locale::ALL
                    .into_iter()
                    .map(|locale| {
                        view! { <Link rel="alternate" hreflang=locale.tag() href=site.url(&locale.href(&rest))/> }
                    })
                    .collect_view()}
                <Link rel="alternate" hreflang="x-default" href=site.url(&rest)/>
            }
        })
    }
    #[cfg(not(feature = "ssr"))]
    None::<()>
}

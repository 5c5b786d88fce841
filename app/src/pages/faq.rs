//! `/faq` (PRODUCT.md §8): the house's answers, grouped, each question at
//! its own anchor. A search narrows them as the shopper types (a small
//! lazy island that hides what does not match, in place), and the same
//! search works as a plain GET without JavaScript (`?q=`), answered by the
//! server with the same rule (`domain::faq`).

use super::{loading, meta_description};
use crate::api::house::{faq_page, FaqContent};
use crate::components::{breadcrumbs::Breadcrumbs, error_notice::ErrorNotice};
use crate::domain::faq::MAX_QUERY_CHARS;
use crate::i18n::use_locale;
use crate::live::island_started;
use crate::page_data::page_resource;
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::use_query_map;

#[component]
pub fn FaqPage() -> impl IntoView {
    let query = use_query_map().read_untracked().get("q").unwrap_or_default();
    let content = page_resource(move || query.clone(), faq_page);
    view! {
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match content.await {
                    Ok(content) => view! { <Faq content/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The questions, every one in the HTML: those a search leaves out are
/// `hidden`, so the island can show them again as the search changes.
#[component]
fn Faq(content: FaqContent) -> impl IntoView {
    let t = use_locale();
    let FaqContent { title, lede, sections, query, shown, total, canonical, json_ld } = content;
    let contents = sections
        .iter()
        .map(|s| {
            let hidden = !s.entries.iter().any(|e| e.shown);
            view! {
                <li data-faq-contents=s.id.clone() hidden=hidden>
                    <a href=format!("#{}", s.id)>{s.heading.clone()}</a>
                </li>
            }
        })
        .collect_view();
    let sections = sections
        .into_iter()
        .map(|section| {
            let (heading_id, labelled_by) = (format!("{}-heading", section.id), format!("{}-heading", section.id));
            let any_shown = section.entries.iter().any(|e| e.shown);
            let entries = section
                .entries
                .into_iter()
                .map(|entry| {
                    let href = format!("#{}", entry.id);
                    view! {
                        <div class="faq-entry" id=entry.id data-faq-item="" data-search=entry.search hidden=!entry.shown>
                            <h3>
                                <a href=href>{entry.question}</a>
                            </h3>
                            <div class="faq-answer" inner_html=entry.answer_html></div>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <section id=section.id data-faq-group="" hidden=!any_shown aria-labelledby=labelled_by>
                    <h2 id=heading_id>{section.heading}</h2>
                    {entries}
                </section>
            }
        })
        .collect_view();
    view! {
        <Title text=title.clone()/>
        <Meta name="description" content=meta_description(&lede)/>
        <Link rel="canonical" href=canonical.clone()/>
        <script type="application/ld+json" inner_html=json_ld></script>
        <article class="house-page faq-page">
            <Breadcrumbs here=title.clone() canonical=canonical.clone()/>
            <h1>{title}</h1>
            <p class="lede">{lede}</p>
            <FaqSearch query shown total/>
            <nav class="faq-contents" aria-label=t.faq_groups_label()>
                <ul>{contents}</ul>
            </nav>
            {sections}
        </article>
    }
}

/// The search: a plain GET form to this page (how it works before, or
/// without, the island), with the count of questions shown and what to do
/// when none is. The box inside it is the island.
#[component]
fn FaqSearch(query: String, shown: usize, total: usize) -> impl IntoView {
    let t = use_locale();
    view! {
        <form class="faq-search" method="get" role="search">
            <label for="faq-q">{t.faq_search_label()}</label>
            <div class="faq-search-row">
                <FaqSearchBox query/>
                <button type="submit">{t.faq_search_button()}</button>
            </div>
            <p class="faq-count" role="status" data-faq-count="" data-testid="faq-count">
                {t.faq_shown(shown, total)}
            </p>
            <p class="faq-none" data-faq-none="" hidden=shown != 0>
                {t.faq_none_found()} " " <a href=t.href("/contact")>{t.faq_ask_us()}</a>
            </p>
        </form>
    }
}

/// The search box, live: as the shopper types, the questions that do not
/// match are hidden in place and the count (a status, announced) follows.
/// The island is the box alone and works on the server's HTML around it:
/// its code is what makes the FAQ's first load heavier than a page
/// without an island, so it is kept to that.
#[cfg_attr(feature = "csr", component)]
#[cfg_attr(not(feature = "csr"), island(lazy))]
fn FaqSearchBox(query: String) -> impl IntoView {
    crate::island_preload::preload_lazy_island("faq_search_box");
    island_started();
    view! {
        <input
            id="faq-q"
            type="search"
            name="q"
            value=query
            maxlength=MAX_QUERY_CHARS
            on:input=|ev| narrow(&event_target_value(&ev))
        />
    }
}

/// Shows the questions `typed` finds and hides the rest (and groups left
/// empty), says how many show, and keeps the search in the address. A
/// search the box cannot hold changes nothing.
fn narrow(typed: &str) {
    use crate::domain::faq::{strip_marks, FaqQuery};
    use leptos::wasm_bindgen::{JsCast, JsValue};
    // The browser decomposes and lowers the case: no Unicode tables in the module.
    let folded: String = js_sys::JsString::from(typed).normalize("NFD").to_lower_case().into();
    let Ok(query) = FaqQuery::parse(typed, &strip_marks(&folded)) else { return };
    let page = document();
    let each = |selector: &str, visit: &mut dyn FnMut(web_sys::Element)| {
        if let Ok(list) = page.query_selector_all(selector) {
            for i in 0..list.length() {
                if let Some(element) = list.item(i).and_then(|node| node.dyn_into::<web_sys::Element>().ok()) {
                    visit(element);
                }
            }
        }
    };
    let (mut shown, mut total) = (0, 0);
    each("[data-faq-item]", &mut |entry| {
        let found = query.matches(&entry.get_attribute("data-search").unwrap_or_default());
        shown += usize::from(found);
        total += 1;
        let _ = entry.toggle_attribute_with_force("hidden", !found);
    });
    each("[data-faq-group]", &mut |group| {
        let any = group.query_selector("[data-faq-item]:not([hidden])").ok().flatten().is_some();
        let _ = group.toggle_attribute_with_force("hidden", !any);
        // The table of contents links only to groups that show.
        if let Ok(Some(line)) = page.query_selector(&format!("[data-faq-contents=\"{}\"]", group.id())) {
            let _ = line.toggle_attribute_with_force("hidden", !any);
        }
    });
    each("[data-faq-count]", &mut |count| count.set_text_content(Some(&use_locale().faq_shown(shown, total))));
    each("[data-faq-none]", &mut |none| {
        let _ = none.toggle_attribute_with_force("hidden", shown != 0);
    });
    // The address says what is shown, to share or reload.
    let path = window().location().pathname().unwrap_or_default();
    let address = if query.is_empty() {
        path
    } else {
        format!("{path}?q={}", String::from(js_sys::encode_uri_component(typed.trim())))
    };
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&address));
    }
}

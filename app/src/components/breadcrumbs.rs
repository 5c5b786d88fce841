//! The trail from the home page to this one: shown above the page, and
//! told to search engines as schema.org `BreadcrumbList` (PRODUCT.md §11).
//! Server HTML only: no island carries it.

use crate::i18n::use_locale;
use leptos::prelude::*;
use leptos_router::components::A;

/// Home, then `via` (a name and a path without the language) if any, then
/// this page (`here`, at its canonical address). `described: false` leaves
/// the schema.org data out, for pages search engines must not learn of
/// (a members' preview piece).
#[component]
pub fn Breadcrumbs(
    #[prop(default = None)] via: Option<(String, String)>,
    here: String,
    canonical: String,
    #[prop(default = true)] described: bool,
) -> impl IntoView {
    let t = use_locale();
    // The origin, from the canonical address: `https://shop.example`.
    let origin = canonical.find("://").and_then(|scheme| canonical[scheme + 3..].find('/').map(|p| scheme + 3 + p));
    let origin = origin.map_or(canonical.as_str(), |end| &canonical[..end]).to_owned();
    let mut steps = vec![(t.product_breadcrumb_home().to_owned(), format!("{origin}{}", t.href("/")))];
    if let Some((name, path)) = &via {
        steps.push((name.clone(), format!("{origin}{}", t.href(path))));
    }
    steps.push((here.clone(), canonical));
    let items: Vec<serde_json::Value> = steps
        .iter()
        .enumerate()
        .map(
            |(i, (name, url))| serde_json::json!({ "@type": "ListItem", "position": i + 1, "name": name, "item": url }),
        )
        .collect();
    let json_ld = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": items,
    })
    .to_string()
    // `</script>` inside the data would end the element early.
    .replace('<', "\\u003c");
    let via = via.map(|(name, path)| view! { <li><A href=t.href(&path)>{name}</A></li> });
    let json_ld = described.then(|| view! { <script type="application/ld+json" inner_html=json_ld></script> });
    view! {
        {json_ld}
        <nav class="breadcrumbs" aria-label=t.product_breadcrumb_label()>
            <ol>
                <li>
                    <A href=t.href("/")>{t.product_breadcrumb_home()}</A>
                </li>
                {via}
                <li aria-current="page">{here}</li>
            </ol>
        </nav>
    }
}

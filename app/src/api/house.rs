//! The house's pages and the FAQ (PRODUCT.md §8): Markdown from
//! `app/content/`, filled with the shop's figures and rendered here, on the
//! server, into HTML the page shows as it is.

use crate::domain::house_page::HousePage;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A house page, ready to show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HouseContent {
    pub title: String,
    pub lede: String,
    /// Rendered from the house's own Markdown (raw HTML in it is escaped).
    pub html: String,
    pub canonical: String,
}

/// One question of the FAQ.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FaqEntry {
    pub id: String,
    pub question: String,
    pub answer_html: String,
    /// The question and answer folded for search (`domain::faq`): the
    /// browser searches this, so it needs no text of its own.
    pub search: String,
    /// Whether the search asked for shows it.
    pub shown: bool,
}

/// A group of questions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FaqSection {
    pub id: String,
    pub heading: String,
    pub entries: Vec<FaqEntry>,
}

/// The FAQ page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FaqContent {
    pub title: String,
    pub lede: String,
    pub sections: Vec<FaqSection>,
    /// The search as typed, to put back in the box.
    pub query: String,
    pub shown: usize,
    pub total: usize,
    pub canonical: String,
    /// schema.org `FAQPage` data, as JSON-LD text (every question, whatever the search).
    pub json_ld: String,
}

/// A house page in the page's language.
#[server(endpoint = "house/page")]
pub async fn house_info(page: HousePage) -> Result<HouseContent, AppError> {
    use crate::house_pages::{facts::Facts, markdown, source, Document};
    let (db, site) = super::context()?;
    let locale = crate::i18n::use_locale();
    let facts = Facts::load(&db, &site, locale).await?;
    let document = source(Document::Page(page), locale);
    let rendered = markdown::parts(document).and_then(|parts| {
        let body = markdown::fill(parts.body, &facts)?;
        Ok(HouseContent {
            title: parts.title.to_owned(),
            lede: parts.lede.to_owned(),
            html: markdown::to_html(&body, locale),
            canonical: site.url(&locale.href(&page.path())),
        })
    });
    rendered.map_err(|error| {
        tracing::error!(%error, ?page, ?locale, "a house page's Markdown is not in its shape");
        AppError::Internal
    })
}

/// The FAQ, with the questions a search (`q`, plain GET) finds marked
/// shown. A search longer than the box takes is a 400 that says so.
#[server(endpoint = "house/faq")]
pub async fn faq_page(#[server(default)] q: String) -> Result<FaqContent, AppError> {
    use crate::domain::faq::{FaqQuery, MAX_QUERY_CHARS};
    use crate::domain::house_page::FAQ_PATH;
    use crate::house_pages::{facts::Facts, faq, markdown, source, Document};
    let (db, site) = super::context()?;
    let locale = crate::i18n::use_locale();
    let query =
        FaqQuery::parse(&q, &fold(&q)).map_err(|_| super::bad_request(locale.faq_query_too_long(MAX_QUERY_CHARS)))?;
    let facts = Facts::load(&db, &site, locale).await?;
    let parsed = faq::parse(source(Document::Faq, locale), &facts).map_err(|error| {
        tracing::error!(%error, ?locale, "the FAQ's Markdown is not in its shape");
        AppError::Internal
    })?;
    let mut json_questions = Vec::new();
    let sections: Vec<FaqSection> = parsed
        .groups
        .into_iter()
        .map(|group| FaqSection {
            id: group.id,
            heading: group.heading,
            entries: group
                .questions
                .into_iter()
                .map(|question| {
                    let answer_text = markdown::to_text(&question.answer);
                    let search = fold(&format!("{} {answer_text}", markdown::to_text(&question.question)));
                    json_questions.push(serde_json::json!({
                        "@type": "Question",
                        "name": markdown::to_text(&question.question),
                        "acceptedAnswer": { "@type": "Answer", "text": answer_text },
                    }));
                    FaqEntry {
                        shown: query.matches(&search),
                        answer_html: markdown::to_html(&question.answer, locale),
                        id: question.id,
                        question: question.question,
                        search,
                    }
                })
                .collect(),
        })
        .collect();
    let total = sections.iter().map(|s| s.entries.len()).sum();
    let shown = sections.iter().flat_map(|s| &s.entries).filter(|e| e.shown).count();
    let json_ld = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "inLanguage": locale.tag(),
        "mainEntity": json_questions,
    });
    Ok(FaqContent {
        title: parsed.title,
        lede: parsed.lede,
        sections,
        query: q.trim().to_owned(),
        shown,
        total,
        canonical: site.url(&locale.href(FAQ_PATH)),
        // `</script>` inside the data would end the element early.
        json_ld: json_ld.to_string().replace('<', "\\u003c"),
    })
}

/// Text folded for search, on the server (the browser decomposes with its own tables).
#[cfg(feature = "ssr")]
pub fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    crate::domain::faq::fold_decomposed(&text.nfd().collect::<String>())
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    /// The server folds as the browser does (its `normalize("NFD")` and
    /// `toLowerCase`, then `strip_marks`): accents, case and ligatures.
    #[test]
    fn the_server_folds_accents_case_and_ligatures() {
        assert_eq!(super::fold("Délai d’ÉTÉ, Œuvre à Noël"), "delai d'ete, oeuvre a noel");
        assert_eq!(super::fold("courriers indésirables"), "courriers indesirables");
    }
}

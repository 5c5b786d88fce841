//! Filling a document's placeholders, and turning its Markdown into HTML.

use super::facts::{Fact, Facts};
use crate::domain::locale::Locale;
use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

/// Why a document cannot be shown: a mistake in its file, caught by the
/// tests that render every document (`house_pages::tests`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    #[error("unknown placeholder {{{{{0}}}}}")]
    UnknownPlaceholder(String),
    #[error("an unclosed {{{{ placeholder")]
    Unclosed,
    #[error("the document does not start with `# Title`, a blank line and a lede paragraph")]
    NoTitle,
}

/// A page's parts: its title, its lede, and the Markdown after them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parts<'a> {
    pub title: &'a str,
    pub lede: &'a str,
    pub body: &'a str,
}

/// Splits `# Title`, the lede paragraph and the rest.
pub fn parts(markdown: &str) -> Result<Parts<'_>, DocumentError> {
    let markdown = markdown.trim_start();
    let (first, rest) = markdown.split_once('\n').ok_or(DocumentError::NoTitle)?;
    let title = first.strip_prefix("# ").map(str::trim).filter(|t| !t.is_empty()).ok_or(DocumentError::NoTitle)?;
    let rest = rest.trim_start_matches(['\n', '\r']);
    let (lede, body) = rest.split_once("\n\n").unwrap_or((rest, ""));
    let lede = lede.trim();
    if lede.is_empty() || lede.starts_with('#') {
        return Err(DocumentError::NoTitle);
    }
    Ok(Parts { title, lede, body })
}

/// The placeholders a piece of Markdown names, in order.
pub fn placeholders(markdown: &str) -> Result<Vec<Fact>, DocumentError> {
    let mut found = Vec::new();
    let mut rest = markdown;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let end = after.find("}}").ok_or(DocumentError::Unclosed)?;
        let name = after[..end].trim();
        found.push(name.parse().map_err(|_| DocumentError::UnknownPlaceholder(name.to_owned()))?);
        rest = &after[end + 2..];
    }
    Ok(found)
}

/// Whether every placeholder of `markdown` has a value now.
pub fn all_known(markdown: &str, facts: &Facts) -> Result<bool, DocumentError> {
    Ok(placeholders(markdown)?.into_iter().all(|fact| facts.get(fact).is_some()))
}

/// Fills the placeholders of `markdown`. A block (paragraph, table…) that
/// names a fact the shop does not have now is left out, and in a list only
/// the item that names it.
pub fn fill(markdown: &str, facts: &Facts) -> Result<String, DocumentError> {
    let mut kept = Vec::new();
    for block in markdown.split("\n\n") {
        let is_list =
            block.trim_start().starts_with(['-', '*']) || block.trim_start().starts_with(|c: char| c.is_ascii_digit());
        if all_known(block, facts)? {
            kept.push(block.to_owned());
        } else if is_list {
            let mut lines = Vec::new();
            for line in block.lines() {
                if all_known(line, facts)? {
                    lines.push(line);
                }
            }
            if !lines.is_empty() {
                kept.push(lines.join("\n"));
            }
        }
    }
    let mut filled = kept.join("\n\n");
    for fact in placeholders(&filled)? {
        let name: &str = fact.into();
        let value = facts.get(fact).unwrap_or_default();
        filled = filled.replacen(&format!("{{{{{name}}}}}"), value, 1);
    }
    Ok(filled)
}

/// Markdown to HTML: tables and heading ids on; raw HTML shown as text;
/// the shop's own links (`/returns#refunds`) put in `locale`.
pub fn to_html(markdown: &str, locale: Locale) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_HEADING_ATTRIBUTES;
    let events = Parser::new_ext(markdown, options).map(|event| match event {
        Event::Html(html) | Event::InlineHtml(html) => Event::Text(html),
        Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
            let dest_url = if dest_url.starts_with('/') && !dest_url.starts_with("//") {
                CowStr::from(locale.href(&dest_url))
            } else {
                dest_url
            };
            Event::Start(Tag::Link { link_type, dest_url, title, id })
        }
        other => other,
    });
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

/// Markdown as plain text (for meta descriptions and schema.org answers).
pub fn to_text(markdown: &str) -> String {
    let mut text = String::new();
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_HEADING_ATTRIBUTES) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => text.push_str(&t),
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_) | TagEnd::TableCell | TagEnd::TableRow,
            ) => text.push(' '),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> Facts {
        let mut facts = Facts::default();
        facts.set(Fact::ReturnWindowDays, "30");
        facts
    }

    #[test]
    fn placeholders_are_filled_and_blocks_without_their_fact_left_out() {
        let markdown = "Within {{return_window_days}} days.\n\nAbove {{gift_threshold}}, a gift.\n\n- one\n- gift {{gift_name}}\n- {{return_window_days}} days";
        assert_eq!(fill(markdown, &facts()).unwrap(), "Within 30 days.\n\n- one\n- 30 days");
    }

    #[test]
    fn an_unknown_placeholder_is_a_mistake_not_a_blank() {
        assert_eq!(fill("{{return_days}}", &facts()), Err(DocumentError::UnknownPlaceholder("return_days".into())));
        assert_eq!(fill("{{return_window_days", &facts()), Err(DocumentError::Unclosed));
    }

    #[test]
    fn links_take_the_language_and_html_stays_text() {
        let html = to_html("See [returns](/returns#refunds), [call](tel:+331) <script>x</script>", Locale::Fr);
        assert!(html.contains(r#"<a href="/fr/returns#refunds">returns</a>"#), "{html}");
        assert!(html.contains(r#"<a href="tel:+331">call</a>"#), "{html}");
        assert!(html.contains("&lt;script&gt;") && !html.contains("<script>"), "{html}");
        assert!(to_html("## Damaged {#damaged}", Locale::En).contains(r#"<h2 id="damaged">Damaged</h2>"#));
    }

    #[test]
    fn a_page_is_a_title_a_lede_and_a_body() {
        let page = parts("# Shipping\n\nWhere we deliver.\n\n## Zones\n\nText.").unwrap();
        assert_eq!(page, Parts { title: "Shipping", lede: "Where we deliver.", body: "## Zones\n\nText." });
        assert_eq!(parts("Shipping\n\ntext"), Err(DocumentError::NoTitle));
        assert_eq!(to_text("**Bold** and [a link](/x).\n\nNext"), "Bold and a link. Next");
    }
}

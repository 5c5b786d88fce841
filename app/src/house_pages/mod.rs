//! The house's pages and the FAQ, rendered on the server from Markdown
//! (PRODUCT.md §8): the words are files in `app/content/{en,fr}/`, written
//! by the house and built into the server; the figures in them are
//! placeholders (`{{shipping_rate}}`) that [`facts::Facts`] fills from the
//! data the shop itself uses, so no figure is ever typed twice.
//!
//! A page's Markdown is: `# Title`, a plain lede paragraph (also its meta
//! description), then `##` sections. Raw HTML is shown as text, never
//! passed through; links to the shop are written without a language
//! (`/ring-size`) and get the page's. The FAQ's `##` are its groups and
//! its `###` its questions, each with an `{#id}` the same in both languages.

pub mod facts;
pub mod faq;
pub mod markdown;

use crate::domain::{house_page::HousePage, locale::Locale};

/// Which Markdown file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Document {
    Page(HousePage),
    Faq,
}

/// A document's Markdown in a language, as built into the server.
pub fn source(document: Document, locale: Locale) -> &'static str {
    macro_rules! both {
        ($file:literal) => {
            match locale {
                Locale::En => include_str!(concat!("../../content/en/", $file)),
                Locale::Fr => include_str!(concat!("../../content/fr/", $file)),
            }
        };
    }
    match document {
        Document::Page(HousePage::Shipping) => both!("shipping.md"),
        Document::Page(HousePage::Returns) => both!("returns.md"),
        Document::Page(HousePage::Customs) => both!("customs.md"),
        Document::Page(HousePage::Care) => both!("care.md"),
        Document::Page(HousePage::SizeGuide) => both!("size-guide.md"),
        Document::Page(HousePage::Privacy) => both!("privacy.md"),
        Document::Faq => both!("faq.md"),
    }
}

#[cfg(test)]
mod tests {
    use super::facts::{Fact, Facts};
    use super::*;
    use crate::config::SiteConfig;
    use crate::domain::{account::Email, country::DeliveryCountries};
    use strum::IntoEnumIterator;

    fn site() -> SiteConfig {
        SiteConfig {
            public_url: "https://shop.example".into(),
            delivery_countries: DeliveryCountries::house_default(),
            service_email: Email::parse("service@shop.example").unwrap(),
        }
    }

    /// Every fact set, each to a marker that says which it is.
    fn every_fact() -> Facts {
        let mut facts = Facts::default();
        for fact in Fact::iter() {
            let name: &str = fact.into();
            facts.set(fact, format!("FACT-{name}"));
        }
        facts
    }

    fn documents() -> Vec<Document> {
        HousePage::iter().map(Document::Page).chain([Document::Faq]).collect()
    }

    /// Every file is in its shape and names only placeholders that exist,
    /// in both languages, and each language's file has the same sections
    /// (`{#id}`s) and figures as the other's.
    #[test]
    fn every_document_renders_in_both_languages_alike() {
        for document in documents() {
            let mut shapes = Vec::new();
            for locale in Locale::ALL {
                let text = source(document, locale);
                let parts = markdown::parts(text).unwrap_or_else(|e| panic!("{document:?} {locale:?}: {e}"));
                assert!(parts.lede.chars().count() <= 155, "{document:?} {locale:?}: the lede is a meta description");
                assert!(!parts.lede.contains(['[', '{', '*']), "{document:?} {locale:?}: the lede is plain text");
                let filled = markdown::fill(parts.body, &every_fact())
                    .unwrap_or_else(|e| panic!("{document:?} {locale:?}: {e}"));
                assert!(!filled.contains("{{"), "{document:?} {locale:?}");
                let html = markdown::to_html(&filled, locale);
                assert!(!html.contains("&lt;"), "{document:?} {locale:?}: raw HTML in the Markdown");
                let ids: Vec<&str> =
                    text.match_indices("{#").map(|(i, _)| &text[i..i + text[i..].find('}').unwrap()]).collect();
                let facts = markdown::placeholders(text).unwrap();
                shapes.push((ids, facts));
            }
            assert_eq!(shapes[0], shapes[1], "{document:?}: French and English differ in sections or figures");
        }
    }

    /// The shop's links in the files lead to pages that exist.
    #[test]
    fn links_lead_to_the_shop_s_pages() {
        let known = [
            "/",
            "/ring-size",
            "/contact",
            "/account",
            "/account/orders",
            "/account/delete",
            "/account/forgot-password",
            "/basket",
            "/shop",
            "/shop/rings",
            "/shop/bracelets",
            "/shop/necklaces",
            "/shop/earrings",
        ];
        for document in documents() {
            for locale in Locale::ALL {
                let text = source(document, locale);
                for (i, _) in text.match_indices("](") {
                    let target = &text[i + 2..i + 2 + text[i + 2..].find(')').unwrap()];
                    if target.starts_with("tel:") || target.starts_with("mailto:") {
                        continue;
                    }
                    if let Some(anchor) = target.strip_prefix('#') {
                        assert!(text.contains(&format!("{{#{anchor}}}")), "{document:?} {locale:?}: no {target}");
                        continue;
                    }
                    let (path, anchor) = target.split_once('#').unwrap_or((target, ""));
                    let page = HousePage::iter().find(|p| p.path() == path).map(Document::Page);
                    let linked = page.or((path == "/faq").then_some(Document::Faq));
                    assert!(known.contains(&path) || linked.is_some(), "{document:?} {locale:?} links to {target}");
                    // An anchor on a house page or the FAQ names one of its sections or questions.
                    if let (Some(linked), false) = (linked, anchor.is_empty()) {
                        assert!(
                            source(linked, locale).contains(&format!("{{#{anchor}}}")),
                            "{document:?} {locale:?} links to {target}, which has no such anchor"
                        );
                    }
                }
            }
        }
    }

    /// The FAQ has the seven groups of PRODUCT.md §8, the same in both
    /// languages, and the questions the product owner asked for.
    #[test]
    fn the_faq_has_its_groups_and_questions() {
        let shape = |locale| {
            let faq = faq::parse(source(Document::Faq, locale), &every_fact()).unwrap();
            faq.groups
                .iter()
                .map(|g| (g.id.clone(), g.questions.iter().map(|q| q.id.clone()).collect::<Vec<_>>()))
                .collect::<Vec<_>>()
        };
        let (fr, en) = (shape(Locale::Fr), shape(Locale::En));
        assert_eq!(fr, en);
        let groups: Vec<&str> = en.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(groups, ["account", "buying", "orders", "shipping-and-customs", "returns", "sizes", "care"]);
        let questions: Vec<&str> = en.iter().flat_map(|(_, q)| q.iter().map(String::as_str)).collect();
        for asked in
            ["missing-confirmation", "preparation", "weekend-tracking", "missing-gift", "design-ideas", "refund-delay"]
        {
            assert!(questions.contains(&asked), "{asked}");
        }
        let unique: std::collections::HashSet<&&str> = questions.iter().collect();
        assert_eq!(unique.len(), questions.len(), "a question id is used twice");
    }

    /// The facts the shop holds fill every placeholder (the gift and the
    /// bracelet chart come from the database: see the integration tests).
    #[test]
    fn the_fixed_facts_and_delivery_fill_their_placeholders() {
        use crate::domain::{country::CountryCode, money::Money, shipping::ShippingZone};
        let code = |c: &str| CountryCode::parse(c).unwrap();
        let zones = vec![ShippingZone {
            name: "Europe".into(),
            rate: Money::from_cents(2200),
            min_days: 5,
            max_days: 10,
            countries: vec![code("FR"), code("BE"), code("CH")],
        }];
        let mut facts = Facts::fixed(Locale::En, &site());
        facts.add_delivery(Locale::En, &zones, &[code("FR"), code("BE"), code("CH"), code("PL")]);
        for fact in
            Fact::iter().filter(|f| !matches!(f, Fact::GiftThreshold | Fact::GiftName | Fact::BraceletSizeChart))
        {
            assert!(facts.get(fact).is_some(), "{fact:?}");
        }
        assert_eq!(facts.get(Fact::DeliveryCountries), Some("Belgium, France and Switzerland"));
        assert_eq!(facts.get(Fact::DeliveryDays), Some("5–10"));
        assert_eq!(facts.get(Fact::DeliveryCountryCount), Some("3 countries"), "PL has no zone");
        assert_eq!(facts.get(Fact::ShippingRate), Some("€22.00"));
        assert!(facts.get(Fact::CustomsCountries).unwrap().ends_with("customs union: Switzerland."));
        assert!(facts
            .get(Fact::ShippingTable)
            .unwrap()
            .contains("| Europe | €22.00 | 5–10 business days | Belgium, France and Switzerland |"));
        assert_eq!(facts.get(Fact::ServicePhone), Some("[+33 1 42 60 00 00](tel:+33142600000)"));
        assert!(facts.get(Fact::RingSizeChart).unwrap().contains("| 52 | 16.6 |"));
    }
}

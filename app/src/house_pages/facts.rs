//! The figures the house's pages state, read from the data the shop uses:
//! shipping zones and delivery countries (as checkout prices them), the
//! gift on offer (as the basket offers it), the policies' days, client
//! service's week, the size charts the helpers use.

use crate::config::SiteConfig;
use crate::domain::{
    account::{RESET_LINK_SECONDS, SESSION_SECONDS, VERIFY_LINK_SECONDS},
    bracelet_size::{advise, cm, BraceletAdvice, Fit, MAX_WRIST_MM, MIN_WRIST_MM},
    catalogue::Category,
    country::CountryCode,
    locale::Locale,
    newsletter::CONFIRM_LINK_SECONDS,
    policies::{DEFECT_REPORT_DAYS, PREPARATION_DAYS, REFUND_DELAY_DAYS, RETURN_WINDOW_DAYS},
    ring_size,
    service::{SERVICE_PHONE, SERVICE_WEEK},
    shipping::{delivery_terms, in_eu, zone_for, ShippingZone},
};
use crate::store::{gifts, products, shipping, Db};
use std::collections::HashMap;
use strum::{EnumIter, EnumString, IntoStaticStr};

/// A placeholder the Markdown may hold, written `{{snake_case}}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, EnumString, IntoStaticStr, EnumIter)]
#[strum(serialize_all = "snake_case")]
pub enum Fact {
    ShippingTable,
    ShippingRate,
    DeliveryDays,
    DeliveryCountries,
    DeliveryCountryCount,
    CustomsCountries,
    PreparationDays,
    ReturnWindowDays,
    DefectReportDays,
    RefundDelayDays,
    GiftThreshold,
    GiftName,
    OpeningHours,
    ServicePhone,
    ServiceEmail,
    SessionDays,
    ResetLinkMinutes,
    VerifyLinkDays,
    NewsletterLinkDays,
    RingSizeChart,
    BraceletSizeChart,
}

/// Each placeholder's Markdown in one language; a fact the shop does not
/// have now (no gift on offer, no delivery country with a zone) is absent,
/// and the text that needs it is left out.
#[derive(Clone, Debug, Default)]
pub struct Facts(HashMap<Fact, String>);

impl Facts {
    /// The Markdown for a fact, if the shop has it now.
    pub fn get(&self, fact: Fact) -> Option<&str> {
        self.0.get(&fact).map(String::as_str)
    }

    /// Sets a fact (tests set their own).
    pub fn set(&mut self, fact: Fact, markdown: impl Into<String>) {
        self.0.insert(fact, markdown.into());
    }

    /// Reads every fact as the shop holds it now, worded in `locale`.
    pub async fn load(db: &Db, site: &SiteConfig, locale: Locale) -> Result<Facts, sqlx::Error> {
        let zones = shipping::zones(db, locale).await?;
        let gift = gifts::current(db, locale).await?;
        let bracelet_sizes: Vec<u32> =
            products::sizes_made(db, Category::Bracelets).await?.iter().filter_map(|s| s.parse().ok()).collect();
        let mut facts = Facts::fixed(locale, site);
        facts.add_delivery(locale, &zones, site.delivery_countries.codes());
        if let Some(gift) = gift {
            facts.set(Fact::GiftThreshold, escape(&locale.money(gift.threshold)));
            // Named in a sentence ("our leather jewellery pouch"), as the basket does.
            let mut name = gift.name.chars();
            let name: String = name.next().map(|first| first.to_lowercase().chain(name).collect()).unwrap_or_default();
            facts.set(Fact::GiftName, escape(&name));
        }
        if let Some(chart) = bracelet_chart(locale, &bracelet_sizes) {
            facts.set(Fact::BraceletSizeChart, chart);
        }
        Ok(facts)
    }

    /// The facts that are the shop's constants and settings.
    pub fn fixed(locale: Locale, site: &SiteConfig) -> Facts {
        let mut facts = Facts::default();
        let days = |seconds: i64| (seconds / 86_400).to_string();
        facts.set(Fact::PreparationDays, locale.day_range(PREPARATION_DAYS));
        facts.set(Fact::ReturnWindowDays, RETURN_WINDOW_DAYS.to_string());
        facts.set(Fact::DefectReportDays, DEFECT_REPORT_DAYS.to_string());
        facts.set(Fact::RefundDelayDays, locale.day_range(REFUND_DELAY_DAYS));
        facts.set(Fact::OpeningHours, escape(&locale.opening_hours(&SERVICE_WEEK)));
        facts.set(Fact::ServicePhone, format!("[{}]({})", SERVICE_PHONE.1, SERVICE_PHONE.0));
        let email = site.service_email.as_str();
        facts.set(Fact::ServiceEmail, format!("[{}](mailto:{email})", escape(email)));
        facts.set(Fact::SessionDays, days(SESSION_SECONDS));
        facts.set(Fact::ResetLinkMinutes, (RESET_LINK_SECONDS / 60).to_string());
        facts.set(Fact::VerifyLinkDays, days(VERIFY_LINK_SECONDS));
        facts.set(Fact::NewsletterLinkDays, days(CONFIRM_LINK_SECONDS));
        facts.set(Fact::RingSizeChart, ring_chart(locale));
        facts
    }

    /// Delivery: the zones that serve the delivery countries, and customs.
    pub fn add_delivery(&mut self, locale: Locale, zones: &[ShippingZone], countries: &[CountryCode]) {
        let named = |codes: &[CountryCode]| {
            let mut names: Vec<String> = codes.iter().map(|c| c.display_name_in(locale)).collect();
            names.sort();
            escape(&locale.list(&names))
        };
        if let Some(terms) = delivery_terms(zones, countries) {
            self.set(Fact::ShippingRate, escape(&locale.rate_range(terms.rates)));
            self.set(Fact::DeliveryDays, locale.day_range(terms.days));
            self.set(Fact::DeliveryCountryCount, locale.house_country_count(terms.countries));
            let served: Vec<CountryCode> =
                countries.iter().copied().filter(|c| zone_for(zones, *c).is_some()).collect();
            self.set(Fact::DeliveryCountries, named(&served));
            let outside: Vec<CountryCode> = served.iter().copied().filter(|c| !in_eu(*c)).collect();
            let outside = (!outside.is_empty()).then(|| named(&outside));
            self.set(Fact::CustomsCountries, locale.house_customs_countries(outside.as_deref()));
        }
        let rows: Vec<String> = zones
            .iter()
            .filter_map(|zone| {
                let served: Vec<CountryCode> =
                    countries.iter().copied().filter(|c| zone.countries.contains(c)).collect();
                (!served.is_empty()).then(|| {
                    format!(
                        "| {} | {} | {} | {} |",
                        escape(&zone.name),
                        escape(&locale.money(zone.rate)),
                        locale.house_business_days(locale.day_range((zone.min_days, zone.max_days))),
                        named(&served)
                    )
                })
            })
            .collect();
        if !rows.is_empty() {
            let (zone, rate, delay, served) = locale.house_shipping_columns();
            self.set(
                Fact::ShippingTable,
                format!("| {zone} | {rate} | {delay} | {served} |\n|---|---|---|---|\n{}", rows.join("\n")),
            );
        }
    }
}

/// The ring chart the helper uses, as a table.
fn ring_chart(locale: Locale) -> String {
    let decimal = |value: f64| match locale {
        Locale::Fr => ring_size::one_decimal(value).replace('.', ","),
        Locale::En => ring_size::one_decimal(value),
    };
    let (french, diameter, us, uk) = locale.house_ring_columns();
    let rows: Vec<String> = ring_size::chart()
        .iter()
        .map(|row| {
            format!("| {} | {} | {} | {} |", row.french, decimal(row.diameter_mm), ring_size::us_label(row.us), row.uk)
        })
        .collect();
    format!("| {french} | {diameter} | {us} | {uk} |\n|---|---|---|---|\n{}", rows.join("\n"))
}

/// For each bracelet size made, the wrists the guide gives it for the fit
/// most choose; `None` when no bracelet is made in sizes.
fn bracelet_chart(locale: Locale, sizes_cm: &[u32]) -> Option<String> {
    let mut sizes = sizes_cm.to_vec();
    sizes.sort_unstable();
    sizes.dedup();
    let mut wrists: Vec<(u32, u32, u32)> = Vec::new();
    for wrist in MIN_WRIST_MM..=MAX_WRIST_MM {
        let Some(BraceletAdvice::Size(size)) = advise(wrist + Fit::Comfortable.ease_mm(), &sizes) else { continue };
        match wrists.last_mut() {
            Some((last_size, _, to)) if *last_size == size => *to = wrist,
            _ => wrists.push((size, wrist, wrist)),
        }
    }
    if wrists.is_empty() {
        return None;
    }
    let number = |mm: u32| match locale {
        Locale::Fr => cm(mm).replace('.', ","),
        Locale::En => cm(mm),
    };
    let (size, fits) = locale.house_bracelet_columns();
    let rows: Vec<String> =
        wrists.iter().map(|(size, from, to)| format!("| {size} cm | {}–{} cm |", number(*from), number(*to))).collect();
    Some(format!("| {size} | {fits} |\n|---|---|\n{}", rows.join("\n")))
}

/// Text from the data, made safe inside Markdown: its punctuation is
/// shown as written, never read as emphasis, links or table cells.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '!' | '{' | '}') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_bracelet_size_fits_a_run_of_wrists() {
        let chart = bracelet_chart(Locale::En, &[17, 15, 16, 16]).unwrap();
        // A 14 cm wrist wants 15.5 cm: the guide rounds to the nearest centimetre, up at half.
        assert!(chart.contains("| 15 cm | 13.0–13.9 cm |"), "{chart}");
        assert!(chart.contains("| 16 cm | 14.0–14.9 cm |"), "{chart}");
        assert!(chart.contains("| 17 cm | 15.0–15.9 cm |"), "{chart}");
        assert!(bracelet_chart(Locale::Fr, &[16]).unwrap().contains("| 16 cm | 14,0–14,9 cm |"));
        assert_eq!(bracelet_chart(Locale::En, &[]), None);
    }

    #[test]
    fn data_is_shown_as_written_inside_markdown() {
        assert_eq!(escape("Zone *A* | [B]"), "Zone \\*A\\* \\| \\[B\\]");
    }
}

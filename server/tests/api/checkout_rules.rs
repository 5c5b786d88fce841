//! The data checkout reads, seeded from the demo catalogue on both engines:
//! shipping zones (PRODUCT.md §5) and promo codes (§2), with the domain's
//! rules applied to what the database holds.

use crate::common::TestApp;
use app::domain::{
    country::CountryCode,
    money::Money,
    promo::{discount, normalise, PromoLine, PromoRefusal},
    shipping::{customs_notice, zone_for},
};
use app::store::{promos, shipping};

/// 2026-11-22, inside the demo codes' windows.
const NOW: i64 = 1_795_305_600;

fn country(code: &str) -> CountryCode {
    CountryCode::parse(code).unwrap()
}

async fn zones_price_and_time_each_country(app: &TestApp) {
    let zones = shipping::zones(&app.db, app::i18n::Locale::En).await.unwrap();
    let french = shipping::zones(&app.db, app::i18n::Locale::Fr).await.unwrap();
    assert_eq!(french[1].name, "Hors d’Europe", "zones are named in each language");
    let europe = zone_for(&zones, country("FR")).expect("France is served");
    assert_eq!(
        (europe.name.as_str(), europe.rate, europe.estimate().as_str()),
        ("Europe", Money::from_cents(2200), "5–10 business days")
    );
    let world = zone_for(&zones, country("US")).expect("the United States are served");
    assert_eq!(world.estimate(), "10–15 business days");
    assert!(customs_notice(country("US")).is_some() && customs_notice(country("CH")).is_some());
    assert!(customs_notice(country("FR")).is_none());
    // Every country the selector offers is in exactly one zone.
    for (code, ..) in app::domain::country::COUNTRIES {
        assert_eq!(zones.iter().filter(|z| z.countries.contains(&country(code))).count(), 1, "{code}");
    }
}
on_both_engines!(shipping_zones, zones_price_and_time_each_country);

async fn promo_codes_follow_the_rules(app: &TestApp) {
    let lines = [
        PromoLine { total: Money::from_cents(40_000), on_sale: false },
        PromoLine { total: Money::from_cents(20_000), on_sale: true },
    ];
    let welcome =
        promos::find(&app.db, &normalise(" bienvenue10 ").unwrap()).await.unwrap().expect("a demo code").promo;
    assert_eq!(discount(&welcome, &lines, NOW), Ok(Money::from_cents(4_000)), "10% of the non-sale line only");
    let short = [PromoLine { total: Money::from_cents(28_000), on_sale: false }];
    assert!(matches!(discount(&welcome, &short, NOW), Err(PromoRefusal::BelowMinimum { .. })));
    let fixed = promos::find(&app.db, "AUBE50").await.unwrap().unwrap().promo;
    assert_eq!(discount(&fixed, &lines, NOW), Ok(Money::from_cents(5_000)));
    let summer = promos::find(&app.db, "ETE2025").await.unwrap().unwrap().promo;
    assert_eq!(discount(&summer, &lines, NOW), Err(PromoRefusal::Expired("ETE2025".into())));
    assert_eq!(promos::find(&app.db, "NOPE").await.unwrap(), None);
    // A code the house switched off is unknown.
    sqlx::query("UPDATE promo_codes SET active = 0 WHERE code = 'AUBE50'").execute(&app.db.pool).await.unwrap();
    assert_eq!(promos::find(&app.db, "AUBE50").await.unwrap(), None);
}
on_both_engines!(promo_codes, promo_codes_follow_the_rules);

//! The back office's promo codes and gift (issue 16 part 3), on both
//! engines: created, edited, ended and used at checkout; bad input refused
//! with nothing written; a used code's terms never rewritten; two saves at
//! once, one refused with what changed; staff only; the password asked
//! again; every action in the audit log.

use crate::checkout::{checkout, count, key, one_ring, place};
use crate::common::{TestApp, PASSWORD};
use crate::staff_access::password_typed_ago;
use app::domain::{local_hours::paris_day_of, second_factor::STEP_UP_SECONDS};
use app::store::{promos, unix_now};
use serde_json::{json, Value};

const CLERK: &str = "promos.clerk@maison-aurele.fr";
const OTHER_CLERK: &str = "promos.other@maison-aurele.fr";

fn today() -> String {
    paris_day_of(unix_now()).unwrap().iso()
}

fn tomorrow() -> String {
    paris_day_of(unix_now() + 86_400).unwrap().iso()
}

/// The save form for `code` with `changes` over a running 10% code with no end.
fn form(code: &str, changes: &[(&'static str, &str)]) -> Vec<(String, String)> {
    let mut fields: Vec<(&'static str, String)> = vec![
        ("code", code.to_owned()),
        ("kind", "percent".into()),
        ("amount", "10".into()),
        ("first_day", today()),
        ("last_day", String::new()),
        ("minimum", String::new()),
    ];
    for (name, value) in changes {
        match fields.iter_mut().find(|(n, _)| n == name) {
            Some(field) => field.1 = (*value).to_owned(),
            None => fields.push((name, (*value).to_owned())),
        }
    }
    // Posted as the page's form does: the terms as `terms[…]`.
    fields.into_iter().map(|(name, value)| (posted("terms", name), value)).collect()
}

/// A field's name in a form that posts a struct: `terms[code]`, `gift[threshold]`.
fn posted(group: &str, name: &str) -> String {
    const TERMS: [&str; 6] = ["code", "kind", "amount", "first_day", "last_day", "minimum"];
    const GIFT: [&str; 6] = ["name_en", "name_fr", "description_en", "description_fr", "threshold", "offered"];
    let inside = if group == "terms" { &TERMS[..] } else { &GIFT[..] };
    if inside.contains(&name) {
        format!("{group}[{name}]")
    } else {
        name.to_owned()
    }
}

async fn save(app: &TestApp, fields: &[(String, String)], cookie: &str) -> crate::common::Answer {
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
    app.post_form("staff/promos/save", &pairs, Some(cookie)).await
}

async fn promo(app: &TestApp, code: &str, cookie: &str) -> Value {
    let answer = app.post_form("staff/promo", &[("code", code)], Some(cookie)).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    answer.json()["row"].clone()
}

async fn quote_discount(app: &TestApp, code: &str) -> (i64, Value) {
    let (status, quote) = app
        .call_json("checkout/quote", &json!({ "request": checkout("p@example.fr", one_ring("54"), Some(code)) }))
        .await;
    assert_eq!(status, 200, "{quote}");
    (quote["totals"]["discount"].as_i64().unwrap(), quote["promo_refusal"].clone())
}

async fn audit_actions(app: &TestApp) -> Vec<(String, String, String)> {
    sqlx::query_as(
        "SELECT action, before_value, after_value FROM staff_audit WHERE action LIKE 'promo%' OR action LIKE 'gift%' \
         ORDER BY id",
    )
    .fetch_all(&app.db.pool)
    .await
    .unwrap()
}

async fn staff_create_edit_use_and_end_a_code(app: &TestApp) {
    let clerk = app.staff(CLERK).await;
    let codes_before = count(app, "SELECT COUNT(*) FROM promo_codes").await;

    // Bad input: a 400 naming the field, and nothing written.
    let (first, yesterday) = (today(), paris_day_of(unix_now() - 86_400).unwrap().iso());
    let bad: [(&[(&'static str, &str)], &str); 9] = [
        (&[("code", "a b")], "code"),
        (&[("code", "<script>")], "code"),
        (&[("kind", "half")], "kind"),
        (&[("amount", "150")], "amount"),
        (&[("kind", "fixed"), ("amount", "-5")], "amount"),
        (&[("first_day", "06/12/2026")], "first_day"),
        (&[("last_day", "2026-02-30")], "last_day"),
        (&[("first_day", first.as_str()), ("last_day", yesterday.as_str())], "last_day"),
        (&[("minimum", "lots")], "minimum"),
    ];
    for (changes, field) in bad {
        let answer = save(app, &form("NOEL26", changes), &clerk).await;
        assert_eq!(answer.status, 400, "{changes:?}: {}", answer.body);
        assert!(answer.body.contains(field), "{changes:?} names {field}: {}", answer.body);
    }
    assert_eq!(count(app, "SELECT COUNT(*) FROM promo_codes").await, codes_before, "nothing written");
    assert!(audit_actions(app).await.is_empty());

    // Created, listed, and taken at checkout.
    let created = save(app, &form(" noel26 ", &[("minimum", "100")]), &clerk).await;
    assert!(created.status < 400, "{} {}", created.status, created.body);
    let row = promo(app, "NOEL26", &clerk).await;
    assert_eq!((row["phase"].as_str(), row["uses"].as_i64()), (Some("Running"), Some(0)), "{row}");
    assert_eq!(
        (row["kind"].as_str(), row["amount"].as_str(), row["minimum"].as_str()),
        (Some("percent"), Some("10"), Some("100.00"))
    );
    let list = app.post_form("staff/promos", &[], Some(&clerk)).await;
    assert_eq!(list.status, 200);
    assert!(list.json()["codes"].as_array().unwrap().iter().any(|c| c["code"] == "NOEL26"));
    let again = save(app, &form("NOEL26", &[]), &clerk).await;
    assert_eq!(again.status, 409, "{}", again.body);
    assert!(again.body.contains("exists already"), "{}", again.body);
    assert_eq!(quote_discount(app, "noel26").await.0, 8_900, "10% of €890");

    // An unused code may change in every way.
    let revision = row["revision"].as_i64().unwrap().to_string();
    let edited = save(app, &form("NOEL26", &[("amount", "20"), ("revision", &revision)]), &clerk).await;
    assert!(edited.status < 400, "{}", edited.body);
    assert_eq!(quote_discount(app, "NOEL26").await.0, 17_800);

    // Used on an order: its terms are fixed, its last day is not.
    let placed = place(app, &checkout("p@example.fr", one_ring("54"), Some("NOEL26")), &key(), None).await;
    assert_eq!(placed.status, 200, "{}", placed.body);
    let row = promo(app, "NOEL26", &clerk).await;
    assert_eq!(row["uses"], 1);
    let revision = row["revision"].as_i64().unwrap().to_string();
    let richer = save(app, &form("NOEL26", &[("amount", "50"), ("revision", &revision)]), &clerk).await;
    assert_eq!(richer.status, 400, "{}", richer.body);
    assert!(richer.body.contains("has been used"), "{}", richer.body);
    let later = [("amount", "20"), ("last_day", "2027-01-31"), ("revision", &revision)];
    let moved = save(app, &form("NOEL26", &later), &clerk).await;
    assert!(moved.status < 400, "{}", moved.body);
    assert_eq!(promo(app, "NOEL26", &clerk).await["last_day"], "2027-01-31");

    // A save from a page shown before that one: refused with what the code is now.
    let stale = save(app, &form("NOEL26", &[("amount", "20"), ("revision", &revision)]), &clerk).await;
    assert_eq!(stale.status, 409, "{}", stale.body);
    assert!(stale.body.contains("changed meanwhile") && stale.body.contains("31 Jan 2027"), "{}", stale.body);
    let fr = app.post_form("staff/promos/end", &[("code", "NOEL26"), ("revision", &revision)], Some(&clerk)).await;
    assert_eq!(fr.status, 409, "ending from a stale page: {}", fr.body);

    // Ended: refused at checkout with its reason, its history kept.
    let revision = promo(app, "NOEL26", &clerk).await["revision"].as_i64().unwrap().to_string();
    let ended = app.post_form("staff/promos/end", &[("code", "NOEL26"), ("revision", &revision)], Some(&clerk)).await;
    assert!(ended.status < 400, "{}", ended.body);
    let (discount, refusal) = quote_discount(app, "NOEL26").await;
    assert_eq!(discount, 0);
    assert!(refusal.as_str().unwrap().contains("The code NOEL26 is not valid"), "{refusal}");
    let row = promo(app, "NOEL26", &clerk).await;
    assert_eq!(
        (row["phase"].as_str(), row["uses"].as_i64(), row["amount"].as_str()),
        (Some("Ended"), Some(1), Some("20"))
    );
    assert_eq!(
        count(app, "SELECT COUNT(*) FROM orders WHERE promo_code = 'NOEL26' AND discount_cents = 17800").await,
        1
    );
    // Saved again as the page shows it (its last day today): it stays ended.
    let revision = row["revision"].as_i64().unwrap().to_string();
    let shown = [
        ("amount", "20"),
        ("first_day", row["first_day"].as_str().unwrap()),
        ("last_day", row["last_day"].as_str().unwrap()),
        ("minimum", row["minimum"].as_str().unwrap_or("")),
        ("revision", &revision),
    ];
    let unchanged = save(app, &form("NOEL26", &shown), &clerk).await;
    assert!(unchanged.status < 400, "{}", unchanged.body);
    assert_eq!(promo(app, "NOEL26", &clerk).await["phase"], "Ended", "not reopened until midnight");
    assert_eq!(quote_discount(app, "NOEL26").await.0, 0);
    // It stays ended: a later last day is refused.
    let revision = promo(app, "NOEL26", &clerk).await["revision"].as_i64().unwrap().to_string();
    let reopened = [shown[0], shown[1], ("last_day", "2027-12-31"), shown[3], ("revision", &revision)];
    let answer = save(app, &form("NOEL26", &reopened), &clerk).await;
    assert_eq!(answer.status, 400, "{}", answer.body);
    assert!(answer.body.contains("stays ended"), "{}", answer.body);
    assert_eq!(promo(app, "NOEL26", &clerk).await["phase"], "Ended");
    // The demo's code, seeded at midnight UTC, moves its last day without touching its terms.
    let aube = promo(app, "AUBE50", &clerk).await;
    let aube_revision = aube["revision"].as_i64().unwrap().to_string();
    let moved = [
        ("kind", "fixed"),
        ("amount", aube["amount"].as_str().unwrap()),
        ("first_day", aube["first_day"].as_str().unwrap()),
        ("last_day", "2028-06-30"),
        ("revision", &aube_revision),
    ];
    sqlx::query("UPDATE promo_codes SET uses = 3 WHERE code = 'AUBE50'").execute(&app.db.pool).await.unwrap();
    let answer = save(app, &form("AUBE50", &moved), &clerk).await;
    assert!(answer.status < 400, "{}", answer.body);
    let revision = promo(app, "NOEL26", &clerk).await["revision"].as_i64().unwrap().to_string();
    let twice = app.post_form("staff/promos/end", &[("code", "NOEL26"), ("revision", &revision)], Some(&clerk)).await;
    assert_eq!(twice.status, 409, "{}", twice.body);
    assert_eq!(app.post_form("staff/promo", &[("code", "NOPE99")], Some(&clerk)).await.status, 404);

    // A code that starts tomorrow, ended before it began, never works.
    let scheduled = save(app, &form("DEMAIN", &[("first_day", tomorrow().as_str())]), &clerk).await;
    assert!(scheduled.status < 400, "{}", scheduled.body);
    assert_eq!(promo(app, "DEMAIN", &clerk).await["phase"], "Scheduled");
    let revision = promo(app, "DEMAIN", &clerk).await["revision"].as_i64().unwrap().to_string();
    let ended = app.post_form("staff/promos/end", &[("code", "DEMAIN"), ("revision", &revision)], Some(&clerk)).await;
    assert!(ended.status < 400, "{}", ended.body);
    assert_eq!(promo(app, "DEMAIN", &clerk).await["phase"], "Ended");

    // Every action in the audit log, with before and after.
    let actions: Vec<String> = audit_actions(app).await.into_iter().map(|(a, ..)| a).collect();
    assert_eq!(
        actions,
        [
            "promo_created",
            "promo_changed",
            "promo_changed",
            "promo_ended",
            "promo_changed",
            "promo_changed",
            "promo_created",
            "promo_ended"
        ],
    );
    let (_, before, after) = audit_actions(app).await.remove(1);
    assert!(before.starts_with("10%") && after.starts_with("20%"), "{before} → {after}");

    // Both languages.
    let page = app.get_page("/fr/staff/promos/NOEL26", Some(&clerk)).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Terminé") && page.body.contains("20\u{a0}% de remise"), "{}", page.body);
    let page = app.get_page("/en/staff/promos", Some(&clerk)).await;
    assert!(page.body.contains("NOEL26") && page.body.contains("Create the code"));
}
on_both_engines!(promo_codes_in_the_back_office, staff_create_edit_use_and_end_a_code);

async fn two_saves_at_once_make_one_change(app: &TestApp) {
    let clerk = app.staff(CLERK).await;
    let other = app.staff(OTHER_CLERK).await;
    assert!(save(app, &form("DUO26", &[]), &clerk).await.status < 400);
    let revision = promo(app, "DUO26", &clerk).await["revision"].as_i64().unwrap().to_string();
    let first = form("DUO26", &[("amount", "15"), ("revision", &revision)]);
    let second = form("DUO26", &[("amount", "25"), ("revision", &revision)]);
    let (a, b) = tokio::join!(save(app, &first, &clerk), save(app, &second, &other));
    let mut statuses = [a.status, b.status];
    statuses.sort_unstable();
    assert!(statuses[0] < 400 && statuses[1] == 409, "{} {} / {} {}", a.status, a.body, b.status, b.body);
    let refused = if a.status == 409 { &a } else { &b };
    assert!(refused.body.contains("changed meanwhile"), "{}", refused.body);
    let kept = promo(app, "DUO26", &clerk).await;
    let won = if a.status == 409 { "25" } else { "15" };
    assert_eq!(kept["amount"], won, "the save that came first stands");
    assert_eq!(count(app, "SELECT COUNT(*) FROM staff_audit WHERE action = 'promo_changed'").await, 1);
}
on_both_engines!(promo_concurrent_edits, two_saves_at_once_make_one_change);

/// The guards in the database itself, for the races a page cannot see: an
/// order counts its use only at the revision its quote read, and a used
/// code's terms are not replaced even by a save that read it unused.
async fn a_code_changed_while_an_order_is_placed_is_not_used(app: &TestApp) {
    let clerk = app.staff(CLERK).await;
    assert!(save(app, &form("COURSE", &[]), &clerk).await.status < 400);
    let read = promos::find(&app.db, "COURSE").await.unwrap().unwrap();
    let revision = read.revision.to_string();
    assert!(save(app, &form("COURSE", &[("amount", "5"), ("revision", &revision)]), &clerk).await.status < 400);
    let mut conn = app.db.pool.acquire().await.unwrap();
    assert!(!promos::count_use(&mut conn, "COURSE", read.revision).await.unwrap(), "the quote's revision is gone");
    let now = promos::find(&app.db, "COURSE").await.unwrap().unwrap();
    assert!(promos::count_use(&mut conn, "COURSE", now.revision).await.unwrap());
    let richer =
        app::domain::promo::PromoCode { discount: app::domain::promo::Discount::Percent(90), ..now.promo.clone() };
    assert!(!promos::update(&mut conn, &richer, now.revision, false).await.unwrap(), "used: terms kept");
    assert_eq!(promos::find(&app.db, "COURSE").await.unwrap().unwrap().promo, now.promo);
}
on_both_engines!(promo_changed_while_placing, a_code_changed_while_an_order_is_placed_is_not_used);

/// A shopper pays what the review showed: a code changed between the
/// review and the payment refuses the order with the reason.
async fn the_review_s_terms_are_the_ones_paid(app: &TestApp) {
    let clerk = app.staff(CLERK).await;
    assert!(save(app, &form("REVUE", &[("amount", "20")]), &clerk).await.status < 400);
    let request = checkout("r@example.fr", one_ring("54"), Some("REVUE"));
    let (status, quote) = app.call_json("checkout/quote", &json!({ "request": request })).await;
    assert_eq!(status, 200, "{quote}");
    assert_eq!(quote["totals"]["discount"], 17_800);
    let reviewed = quote["promo_revision"].clone();
    let revision = reviewed.as_i64().unwrap().to_string();
    assert!(save(app, &form("REVUE", &[("amount", "10"), ("revision", &revision)]), &clerk).await.status < 400);
    let mut paying = request.clone();
    paying["promo_revision"] = reviewed;
    let refused = place(app, &paying, &key(), None).await;
    assert_eq!(refused.status, 409, "{}", refused.body);
    assert!(refused.body.contains("have just changed"), "{}", refused.body);
    assert_eq!(count(app, "SELECT COUNT(*) FROM orders").await, 0, "nothing placed");
    assert_eq!(promo(app, "REVUE", &clerk).await["uses"], 0);
    // Reviewed again, it is placed at the new terms.
    let (_, quote) = app.call_json("checkout/quote", &json!({ "request": request })).await;
    paying["promo_revision"] = quote["promo_revision"].clone();
    let placed = place(app, &paying, &key(), None).await;
    assert_eq!(placed.status, 200, "{}", placed.body);
    assert_eq!(count(app, "SELECT COUNT(*) FROM orders WHERE discount_cents = 8900").await, 1);
}
on_both_engines!(promo_reviewed_then_changed, the_review_s_terms_are_the_ones_paid);

fn gift_form(revision: &str, changes: &[(&'static str, &str)]) -> Vec<(String, String)> {
    let mut fields: Vec<(&'static str, String)> = vec![
        ("code", "leather-pouch".into()),
        ("revision", revision.into()),
        ("name_en", "Leather jewellery pouch".into()),
        ("name_fr", "Pochette à bijoux en cuir".into()),
        ("description_en", "Navy calf leather.".into()),
        ("description_fr", "Cuir de veau bleu marine.".into()),
        ("threshold", "500".into()),
        ("offered", "on".into()),
    ];
    for (name, value) in changes {
        match fields.iter_mut().find(|(n, _)| n == name) {
            Some(field) => field.1 = (*value).to_owned(),
            None => fields.push((name, (*value).to_owned())),
        }
    }
    fields.into_iter().map(|(name, value)| (posted("gift", name), value)).collect()
}

async fn save_gift(app: &TestApp, fields: &[(String, String)], cookie: &str) -> crate::common::Answer {
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
    app.post_form("staff/gifts/save", &pairs, Some(cookie)).await
}

async fn gift_revision(app: &TestApp, cookie: &str) -> String {
    let gifts = app.post_form("staff/gifts", &[], Some(cookie)).await;
    assert_eq!(gifts.status, 200, "{}", gifts.body);
    gifts.json()["gifts"][0]["revision"].as_i64().unwrap().to_string()
}

async fn basket_gift(app: &TestApp) -> Value {
    let basket = json!({ "basket": { "lines": one_ring("54"), "gift": null, "country": "FR" } });
    let (status, priced) = app.call_json("basket/price", &basket).await;
    assert_eq!(status, 200, "{priced}");
    priced["gift"].clone()
}

async fn staff_set_the_gift_and_baskets_follow(app: &TestApp) {
    let clerk = app.staff(CLERK).await;
    assert_eq!(basket_gift(app).await, "Offered", "€890 from €500");
    let revision = gift_revision(app, &clerk).await;
    for (changes, field) in [
        (&[("name_fr", " ")][..], "name_fr"),
        (&[("description_en", "")][..], "description_en"),
        (&[("threshold", "-1")][..], "threshold"),
        (&[("threshold", "lots")][..], "threshold"),
    ] {
        let answer = save_gift(app, &gift_form(&revision, changes), &clerk).await;
        assert_eq!(answer.status, 400, "{changes:?}: {}", answer.body);
        assert!(answer.body.contains(field), "{}", answer.body);
    }
    assert_eq!(gift_revision(app, &clerk).await, revision, "nothing written");
    let bad_revision = save_gift(app, &gift_form("x", &[]), &clerk).await;
    assert_eq!(bad_revision.status, 400);
    let unknown = save_gift(app, &gift_form(&revision, &[("code", "gold-watch")]), &clerk).await;
    assert_eq!(unknown.status, 404);

    // A gift placed under the old threshold keeps it for its returns.
    let placed = place(
        app,
        &json!({ "basket": { "lines": one_ring("54"), "gift": "leather-pouch", "country": "FR" },
                 "email": "g@example.fr",
                 "address": { "full_name": "Anne Dupont", "line1": "1 rue de la Paix", "line2": "", "postcode": "75002",
                              "city": "Paris", "country": "FR", "phone": "+33 6 12 34 56 78" },
                 "promo": null }),
        &key(),
        None,
    )
    .await;
    assert_eq!(placed.status, 200, "{}", placed.body);

    let raised = save_gift(app, &gift_form(&revision, &[("threshold", "1000")]), &clerk).await;
    assert!(raised.status < 400, "{}", raised.body);
    assert_eq!(basket_gift(app).await, json!({ "NotYet": { "missing": 11_000 } }), "€890 of €1,000");
    let line: (i64, String) =
        sqlx::query_as("SELECT id, name FROM order_lines WHERE is_gift = 1").fetch_one(&app.db.pool).await.unwrap();
    let mut conn = app.db.pool.acquire().await.unwrap();
    let threshold = app::store::returns::gift_threshold(&mut conn, line.0, &line.1).await.unwrap();
    assert_eq!(threshold, Some(app::domain::money::Money::from_cents(50_000)), "the order's own threshold");
    drop(conn);

    // The FAQ names the new threshold (the catalogue's version moved).
    let faq = app.get_page("/en/faq", None).await;
    assert!(faq.body.contains("€1,000"), "the FAQ follows the gift");

    // A save from the page shown before: refused with the gift as it is now.
    let stale = save_gift(app, &gift_form(&revision, &[("threshold", "200")]), &clerk).await;
    assert_eq!(stale.status, 409, "{}", stale.body);
    assert!(stale.body.contains("changed meanwhile") && stale.body.contains("€1,000.00"), "{}", stale.body);

    // Not offered: the basket offers nothing.
    let revision = gift_revision(app, &clerk).await;
    let fields: Vec<_> = gift_form(&revision, &[]).into_iter().filter(|(n, _)| n != "gift[offered]").collect();
    assert!(save_gift(app, &fields, &clerk).await.status < 400);
    assert_eq!(basket_gift(app).await, "NoOffer");
    let actions: Vec<String> = audit_actions(app).await.into_iter().map(|(a, ..)| a).collect();
    assert_eq!(actions, ["gift_changed", "gift_changed"]);
    let (_, before, after) = audit_actions(app).await.remove(0);
    assert!(before.contains("€500.00") && after.contains("€1,000.00"), "{before} → {after}");
    let page = app.get_page("/fr/staff/gift", Some(&clerk)).await;
    assert!(page.body.contains("Pochette à bijoux en cuir") && page.body.contains("Proposer ce cadeau"));
}
on_both_engines!(gift_in_the_back_office, staff_set_the_gift_and_baskets_follow);

async fn only_staff_and_a_recent_password(app: &TestApp) {
    let customer = app.register("promos.customer@example.fr").await;
    let calls: [(&str, Vec<(&str, &str)>); 5] = [
        ("staff/promos", vec![]),
        ("staff/promo", vec![("code", "AUBE50")]),
        ("staff/promos/save", vec![("terms[code]", "HACK10"), ("terms[kind]", "percent"), ("terms[amount]", "90")]),
        ("staff/promos/end", vec![("code", "AUBE50"), ("revision", "1")]),
        ("staff/gifts", vec![]),
    ];
    let gift = gift_form("1", &[("threshold", "1")]);
    let gift: Vec<(&str, &str)> = gift.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
    let calls: Vec<(&str, Vec<(&str, &str)>)> = calls.into_iter().chain([("staff/gifts/save", gift)]).collect();
    for (endpoint, fields) in &calls {
        let answer = app.post_form(endpoint, fields, Some(&customer)).await;
        assert_eq!(answer.status, 403, "{endpoint} for a customer: {}", answer.body);
        assert_eq!(app.post_form(endpoint, fields, None).await.status, 401, "{endpoint} signed out");
    }
    for page in ["/en/staff/promos", "/fr/staff/promos/AUBE50", "/en/staff/gift"] {
        assert_eq!(app.get_page(page, Some(&customer)).await.status, 403, "{page}");
    }
    assert_eq!(count(app, "SELECT COUNT(*) FROM promo_codes WHERE code = 'HACK10'").await, 0);

    // Staff whose password was typed over 15 minutes ago type it again.
    let clerk = app.staff(CLERK).await;
    password_typed_ago(app, CLERK, STEP_UP_SECONDS + 1).await;
    let view = app.post_form("staff/promos", &[], Some(&clerk)).await;
    assert_eq!(view.json()["password_needed"], true);
    let asked = save(app, &form("LATE10", &[]), &clerk).await;
    assert_eq!(asked.status, 403, "{}", asked.body);
    let wrong = save(app, &form("LATE10", &[("password", "not it")]), &clerk).await;
    assert_eq!(wrong.status, 403);
    let revision = gift_revision(app, &clerk).await;
    assert_eq!(save_gift(app, &gift_form(&revision, &[]), &clerk).await.status, 403);
    assert_eq!(count(app, "SELECT COUNT(*) FROM promo_codes WHERE code = 'LATE10'").await, 0);
    let typed = save(app, &form("LATE10", &[("password", PASSWORD)]), &clerk).await;
    assert!(typed.status < 400, "{}", typed.body);
    let revision = promo(app, "LATE10", &clerk).await["revision"].as_i64().unwrap().to_string();
    let ended = app.post_form("staff/promos/end", &[("code", "LATE10"), ("revision", &revision)], Some(&clerk)).await;
    assert!(ended.status < 400, "the password typed again counts for 15 minutes: {}", ended.body);
}
on_both_engines!(promo_staff_only, only_staff_and_a_recent_password);

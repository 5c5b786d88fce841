//! The back office's catalogue editor (issue 16 part 1), on both engines:
//! a piece made, published, edited, withdrawn, and the shop showing each
//! step at once in both languages; bad input refused with nothing written;
//! two saves at once, the second refused with what changed; sizes in stock
//! kept; a release day honoured; staff only; the password asked again for
//! prices; every action in the audit log.

use crate::checkout::count;
use crate::common::{TestApp, PASSWORD};
use crate::staff_access::password_typed_ago;
use app::domain::{local_hours::paris_day_of, second_factor::STEP_UP_SECONDS};
use app::store::unix_now;
use serde_json::{json, Value};

pub(crate) const CLERK: &str = "pieces.clerk@maison-aurele.fr";
const OTHER_CLERK: &str = "pieces.other@maison-aurele.fr";

/// The save form of a necklace `slug` with `changes` (by field name; a
/// name outside the piece, such as `revision`, is posted as it is).
pub(crate) fn form(slug: &str, changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = [
        ("slug", slug),
        ("category", "necklaces"),
        ("collection", "eclat"),
        ("name_en", "Tide pendant"),
        ("name_fr", "Pendentif Marée"),
        ("description_en", "A drop of white gold on a fine chain."),
        ("description_fr", "Une goutte d’or blanc sur une chaîne fine."),
        ("materials][white-gold", "on"),
        ("price", "1 200"),
        ("former_price", ""),
        ("sizes", ""),
        ("online", "on"),
        ("made_to_order", "on"),
        ("public_from", ""),
    ]
    .into_iter()
    .map(|(n, v)| (n.to_owned(), v.to_owned()))
    .collect();
    for (name, value) in changes {
        match fields.iter_mut().find(|(n, _)| n == name) {
            Some(field) => field.1 = (*value).to_owned(),
            None => fields.push(((*name).to_owned(), (*value).to_owned())),
        }
    }
    const OUTSIDE: [&str; 3] = ["revision", "seen", "password"];
    fields
        .into_iter()
        .map(|(n, v)| if OUTSIDE.contains(&n.as_str()) { (n, v) } else { (format!("piece[{n}]"), v) })
        .collect()
}

pub(crate) async fn save(app: &TestApp, fields: &[(String, String)], cookie: &str) -> crate::common::Answer {
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
    app.post_form("staff/pieces/save", &pairs, Some(cookie)).await
}

pub(crate) async fn piece(app: &TestApp, slug: &str, cookie: &str) -> Value {
    let answer = app.post_form("staff/piece", &[("slug", slug)], Some(cookie)).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    answer.json()
}

/// The revision and what the page showed, as its forms send them back.
pub(crate) fn page_state(view: &Value) -> (String, String) {
    (view["revision"].as_i64().unwrap().to_string(), view["seen"].as_str().unwrap().to_owned())
}

pub(crate) async fn publish(app: &TestApp, slug: &str, to: bool, cookie: &str) -> crate::common::Answer {
    let (revision, seen) = page_state(&piece(app, slug, cookie).await);
    let to = if to { "true" } else { "false" };
    app.post_form(
        "staff/pieces/publish",
        &[("slug", slug), ("revision", &revision), ("publish", to), ("seen", &seen)],
        Some(cookie),
    )
    .await
}

async fn audit_actions(app: &TestApp) -> Vec<(String, String, String)> {
    sqlx::query_as("SELECT action, before_value, after_value FROM staff_audit WHERE action LIKE 'piece%' ORDER BY id")
        .fetch_all(&app.db.pool)
        .await
        .unwrap()
}

async fn basket_line(app: &TestApp, slug: &str, size: Option<&str>) -> Value {
    let priced = app
        .post_json(
            "basket/price",
            &json!({ "basket": { "lines": [{ "product": slug, "size": size, "quantity": 1 }], "country": "FR" } }),
            None,
        )
        .await;
    assert_eq!(priced.status, 200, "{}", priced.body);
    priced.json()["lines"][0].clone()
}

async fn staff_make_publish_edit_and_withdraw_a_piece(app: &TestApp) {
    let clerk = app.staff(CLERK).await;
    let products_before = count(app, "SELECT COUNT(*) FROM products").await;

    // Bad input: a 400 naming the field, and nothing written.
    let bad: [(&[(&str, &str)], &str); 13] = [
        (&[("slug", "Tide Pendant")], "piece[slug]"),
        (&[("category", "brooches")], "piece[category]"),
        (&[("collection", "nowhere")], "piece[collection]"),
        (&[("name_fr", "  ")], "piece[name_fr]"),
        (&[("description_en", "")], "piece[description_en]"),
        (&[("materials][white-gold", "")], "piece[materials]"),
        (&[("materials][unobtainium", "on")], "piece[materials]"),
        (&[("price", "free")], "piece[price]"),
        (&[("former_price", "1100")], "piece[former_price]"),
        (&[("sizes", "42")], "piece[sizes]"),
        (&[("category", "rings")], "piece[sizes]"),
        (&[("public_from", "2099-01-01")], "piece[public_from]"),
        (&[("members_preview", "on"), ("public_from", "2001-01-01")], "piece[public_from]"),
    ];
    for (changes, field) in bad {
        let answer = save(app, &form("tide-pendant", changes), &clerk).await;
        assert_eq!(answer.status, 400, "{changes:?}: {}", answer.body);
        assert!(answer.body.contains(field), "{changes:?} names {field}: {}", answer.body);
    }
    assert_eq!(count(app, "SELECT COUNT(*) FROM products").await, products_before, "nothing written");
    assert!(audit_actions(app).await.is_empty());

    // Made: not on the shop yet, in the back office's list.
    let created = save(app, &form("tide-pendant", &[]), &clerk).await;
    assert!(created.status < 400, "{} {}", created.status, created.body);
    let again = save(app, &form("tide-pendant", &[]), &clerk).await;
    assert_eq!(again.status, 409, "{}", again.body);
    assert!(again.body.contains("already"), "{}", again.body);
    let view = piece(app, "tide-pendant", &clerk).await;
    assert_eq!(view["state"], "NotPublished");
    assert_eq!((view["form"]["price"].as_str(), view["form"]["made_to_order"].as_str()), (Some("1200.00"), Some("on")));
    let list = app.post_form("staff/pieces", &[], Some(&clerk)).await;
    assert!(list.json()["pieces"].as_array().unwrap().iter().any(|p| p["slug"] == "tide-pendant"));
    assert_eq!(app.get("/en/products/tide-pendant").await.0, 404, "not published: no page");
    assert!(!app.get("/en/shop/necklaces").await.1.contains("Tide pendant"));
    assert_eq!(basket_line(app, "tide-pendant", None).await["problem"], "NoLongerOffered");

    // Published: its page and the listings in both languages, at once.
    let published = publish(app, "tide-pendant", true, &clerk).await;
    assert!(published.status < 400, "{}", published.body);
    let shows = |text: &'static str| move |status: u16, html: &str| status == 200 && html.contains(text);
    let en = app.get_until("/en/products/tide-pendant", "the piece", shows("Tide pendant")).await;
    assert!(en.contains("€1,200.00"), "the English page");
    let fr = app.get_until("/fr/products/tide-pendant", "the piece", shows("Pendentif Marée")).await;
    assert!(fr.contains("Une goutte d’or blanc"), "the French page");
    app.get_until("/en/shop/necklaces", "the piece", shows("Tide pendant")).await;
    app.get_until("/fr/shop/necklaces", "the piece", shows("Pendentif Marée")).await;
    app.get_until("/en/shop?q=tide", "the piece", shows("tide-pendant")).await;
    let line = basket_line(app, "tide-pendant", None).await;
    assert_eq!(
        (line["unit_price"].as_i64(), &line["problem"]),
        (Some(120_000), &Value::Null),
        "made to order: buyable"
    );

    // Repriced on sale: the page and a basket being re-priced show it.
    let (revision, seen) = page_state(&piece(app, "tide-pendant", &clerk).await);
    let sale = [("price", "950"), ("former_price", "1200"), ("revision", &revision), ("seen", &seen)];
    let saved = save(app, &form("tide-pendant", &sale), &clerk).await;
    assert!(saved.status < 400, "{}", saved.body);
    let en = app.get_until("/en/products/tide-pendant", "the sale", shows("€950.00")).await;
    assert!(en.contains("€1,200.00"), "the sale price and the former one");
    assert_eq!(basket_line(app, "tide-pendant", None).await["unit_price"], 95_000);

    // Two staff on the same page: the second save is refused, naming what the first changed.
    let other = app.staff(OTHER_CLERK).await;
    let (revision, seen) = page_state(&piece(app, "tide-pendant", &other).await);
    let first = [("price", "990"), ("former_price", "1200"), ("name_fr", "Pendentif Marée haute")];
    let first: Vec<(&str, &str)> =
        first.into_iter().chain([("revision", revision.as_str()), ("seen", seen.as_str())]).collect();
    assert!(save(app, &form("tide-pendant", &first), &clerk).await.status < 400);
    let second = [
        ("price", "950"),
        ("former_price", "1200"),
        ("description_en", "Mine."),
        ("revision", &revision),
        ("seen", &seen),
    ];
    let refused = save(app, &form("tide-pendant", &second), &other).await;
    assert_eq!(refused.status, 409, "{}", refused.body);
    assert!(refused.body.contains("the price") && refused.body.contains("the name in French"), "{}", refused.body);
    assert!(!refused.body.contains("description"), "only what changed: {}", refused.body);
    let now_is = piece(app, "tide-pendant", &clerk).await;
    assert_eq!(
        (now_is["form"]["price"].as_str(), now_is["form"]["description_en"].as_str()),
        (Some("990.00"), Some("A drop of white gold on a fine chain."))
    );
    // A publish from the stale page too.
    let stale = app
        .post_form(
            "staff/pieces/publish",
            &[("slug", "tide-pendant"), ("revision", &revision), ("publish", "false"), ("seen", &seen)],
            Some(&other),
        )
        .await;
    assert_eq!(stale.status, 409, "{}", stale.body);
    // Its slug and category stay.
    let (revision, seen) = page_state(&now_is);
    let moved =
        save(app, &form("tide-pendant", &[("category", "earrings"), ("revision", &revision), ("seen", &seen)]), &clerk)
            .await;
    assert_eq!(moved.status, 400, "{}", moved.body);
    assert!(moved.body.contains("piece[category]"));

    // Withdrawn: gone from the shop, its basket line flagged, its row kept.
    let withdrawn = publish(app, "tide-pendant", false, &clerk).await;
    assert!(withdrawn.status < 400, "{}", withdrawn.body);
    app.get_until("/en/products/tide-pendant", "a 404", |status, _| status == 404).await;
    app.get_until("/fr/shop/necklaces", "the piece gone", |_, html| !html.contains("Pendentif Marée")).await;
    assert_eq!(basket_line(app, "tide-pendant", None).await["problem"], "NoLongerOffered");
    assert_eq!(piece(app, "tide-pendant", &clerk).await["state"], "NotPublished");

    // Every action in the audit log, with before and after.
    let actions = audit_actions(app).await;
    let names: Vec<&str> = actions.iter().map(|(a, _, _)| a.as_str()).collect();
    assert_eq!(names, ["piece_created", "piece_published", "piece_changed", "piece_changed", "piece_withdrawn"]);
    let (_, before, after) = &actions[2];
    assert!(before.contains("price: 1200.00") && after.contains("price: 950.00 (former 1200.00)"), "{before}\n{after}");
    assert!(actions[4].1.contains("\npublished\n") && actions[4].2.contains("not published"));
}
on_both_engines!(catalogue_editor, staff_make_publish_edit_and_withdraw_a_piece);

async fn sizes_in_stock_stay_on_the_piece(app: &TestApp) {
    let clerk = app.staff(CLERK).await;
    let ring = |changes: &[(&str, &str)]| {
        let mut all = vec![("category", "rings"), ("sizes", "50 52"), ("made_to_order", "")];
        all.extend_from_slice(changes);
        form("tide-ring", &all)
    };
    assert!(save(app, &ring(&[]), &clerk).await.status < 400);
    let sizes = || async {
        sqlx::query_as::<_, (String, i64)>(
            "SELECT size, quantity FROM stock WHERE product_id = (SELECT id FROM products WHERE slug = 'tide-ring') \
             ORDER BY position",
        )
        .fetch_all(&app.db.pool)
        .await
        .unwrap()
    };
    assert_eq!(sizes().await, [("50".to_owned(), 0), ("52".to_owned(), 0)], "new sizes start with nothing");
    sqlx::query("UPDATE stock SET quantity = 3 WHERE size = '52' AND product_id = (SELECT id FROM products WHERE slug = 'tide-ring')")
        .execute(&app.db.pool)
        .await
        .unwrap();

    let (revision, seen) = page_state(&piece(app, "tide-ring", &clerk).await);
    let refused = save(app, &ring(&[("sizes", "50"), ("revision", &revision), ("seen", &seen)]), &clerk).await;
    assert_eq!(refused.status, 400, "{}", refused.body);
    assert!(refused.body.contains("Size 52 still has 3 in stock"), "{}", refused.body);
    let saved = save(app, &ring(&[("sizes", "54 52"), ("revision", &revision), ("seen", &seen)]), &clerk).await;
    assert!(saved.status < 400, "{}", saved.body);
    assert_eq!(sizes().await, [("54".to_owned(), 0), ("52".to_owned(), 3)], "50 off, 54 on, in the order typed");
}
on_both_engines!(catalogue_editor_sizes, sizes_in_stock_stay_on_the_piece);

async fn a_preview_goes_public_on_its_release_day(app: &TestApp) {
    let clerk = app.staff(CLERK).await;
    let tomorrow = paris_day_of(unix_now() + 86_400).unwrap().iso();
    let preview = [("members_preview", "on"), ("public_from", tomorrow.as_str())];
    assert!(save(app, &form("tide-cuff", &preview), &clerk).await.status < 400);
    assert!(publish(app, "tide-cuff", true, &clerk).await.status < 400);
    assert_eq!(app.get("/en/products/tide-cuff").await.0, 404, "a preview: members only");
    let member = app.register("pieces.member@example.com").await;
    assert_eq!(app.get_page("/en/products/tide-cuff", Some(&member)).await.status, 200);

    // Nothing to release before the day; on it, any server's worker makes it
    // public, once (the server's own worker may be the one that does).
    assert_eq!(server::workers::release_previews(&app.db, &app.site()).await.unwrap(), 0);
    sqlx::query("UPDATE products SET public_from = '2000-01-01' WHERE slug = 'tide-cuff'")
        .execute(&app.db.pool)
        .await
        .unwrap();
    assert!(server::workers::release_previews(&app.db, &app.site()).await.unwrap() <= 1);
    assert_eq!(server::workers::release_previews(&app.db, &app.site()).await.unwrap(), 0, "once");
    app.get_until("/en/products/tide-cuff", "the piece, public now", |status, _| status == 200).await;
    let view = piece(app, "tide-cuff", &clerk).await;
    assert_eq!((view["state"].as_str(), view["form"]["public_from"].as_str()), (Some("Published"), Some("")));
}
on_both_engines!(catalogue_editor_release, a_preview_goes_public_on_its_release_day);

async fn alerts_wait_while_a_piece_is_off_the_shop(app: &TestApp) {
    use crate::stock_alerts::{alert, emails_to, set_stock};
    let clerk = app.staff(CLERK).await;
    let kept = [("made_to_order", "")];
    assert!(save(app, &form("tide-drop", &kept), &clerk).await.status < 400);
    assert!(publish(app, "tide-drop", true, &clerk).await.status < 400);
    let waiting = "pieces.waiting@example.com";
    assert_eq!(alert(app, "tide-drop", "", waiting, None).await.0, 200, "out of stock: an alert is offered");

    // Restocked while withdrawn: no page to send anyone to, so nobody is told...
    assert!(publish(app, "tide-drop", false, &clerk).await.status < 400);
    assert_eq!(set_stock(app, &clerk, "tide-drop", "", 0, 2).await.0, 200);
    assert!(emails_to(app, waiting).await.is_empty());
    // ...until it is published again.
    assert!(publish(app, "tide-drop", true, &clerk).await.status < 400);
    let told = emails_to(app, waiting).await;
    assert_eq!(told.len(), 1, "told once");
    assert!(told[0].text_body.contains("/products/tide-drop"), "{}", told[0].text_body);
    assert!(publish(app, "tide-drop", false, &clerk).await.status < 400);
    assert!(publish(app, "tide-drop", true, &clerk).await.status < 400);
    assert_eq!(emails_to(app, waiting).await.len(), 1, "not twice");
}
on_both_engines!(catalogue_editor_alerts, alerts_wait_while_a_piece_is_off_the_shop);

async fn the_catalogue_editor_is_for_staff_and_prices_ask_the_password(app: &TestApp) {
    let customer = app.register("pieces.customer@example.com").await;
    let made = form("sneaky-pendant", &[]);
    let made: Vec<(&str, &str)> = made.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
    let calls: [(&str, &[(&str, &str)]); 4] = [
        ("staff/pieces", &[]),
        ("staff/piece", &[("slug", "aube-band-ring")]),
        ("staff/pieces/save", &made),
        ("staff/pieces/publish", &[("slug", "aube-band-ring"), ("revision", "1"), ("publish", "false")]),
    ];
    for (endpoint, fields) in calls {
        let answer = app.post_form(endpoint, fields, Some(&customer)).await;
        assert_eq!(answer.status, 403, "{endpoint} for a customer: {}", answer.body);
        assert_eq!(app.post_form(endpoint, fields, None).await.status, 401, "{endpoint} signed out");
    }
    for page in ["/en/staff/pieces", "/fr/staff/pieces/aube-band-ring"] {
        assert_eq!(app.get_page(page, Some(&customer)).await.status, 403, "{page}");
    }
    assert_eq!(count(app, "SELECT COUNT(*) FROM products WHERE slug = 'sneaky-pendant'").await, 0);
    assert_eq!(app.get("/en/products/aube-band-ring").await.0, 200, "still published");

    // A price is a sensitive action: typed over 15 minutes ago, the password is asked again.
    let clerk = app.staff(CLERK).await;
    password_typed_ago(app, CLERK, STEP_UP_SECONDS + 1).await;
    assert_eq!(piece(app, "aube-band-ring", &clerk).await["password_needed"], true);
    let asked = save(app, &form("late-pendant", &[]), &clerk).await;
    assert_eq!(asked.status, 403, "a new piece sets a price: {}", asked.body);
    assert!(save(app, &form("late-pendant", &[("password", PASSWORD)]), &clerk).await.status < 400);
    password_typed_ago(app, CLERK, STEP_UP_SECONDS + 1).await;
    let (revision, seen) = page_state(&piece(app, "late-pendant", &clerk).await);
    let at = [("revision", revision.as_str()), ("seen", seen.as_str())];
    let renamed: Vec<(&str, &str)> = [("name_en", "Late pendant")].into_iter().chain(at).collect();
    assert!(save(app, &form("late-pendant", &renamed), &clerk).await.status < 400, "a name is not a price");
    let (revision, seen) = page_state(&piece(app, "late-pendant", &clerk).await);
    let repriced = [("name_en", "Late pendant"), ("price", "1"), ("revision", &revision), ("seen", &seen)];
    let asked = save(app, &form("late-pendant", &repriced), &clerk).await;
    assert_eq!(asked.status, 403, "{}", asked.body);
    assert_eq!(piece(app, "late-pendant", &clerk).await["form"]["price"], "1200.00", "nothing written");
}
on_both_engines!(catalogue_editor_access, the_catalogue_editor_is_for_staff_and_prices_ask_the_password);

async fn an_order_is_for_the_price_the_shopper_reviewed(app: &TestApp) {
    use crate::checkout::{checkout, key, place};
    let clerk = app.staff(CLERK).await;
    assert!(save(app, &form("tide-chain", &[]), &clerk).await.status < 400);
    assert!(publish(app, "tide-chain", true, &clerk).await.status < 400);
    let mut request = checkout("pieces.buyer@example.com", json!([{ "product": "tide-chain", "quantity": 1 }]), None);
    let quoted = app.post_json("checkout/quote", &json!({ "request": request }), None).await;
    assert_eq!(quoted.status, 200, "{}", quoted.body);
    let reviewed = quoted.json()["totals"]["total"].as_i64().unwrap();
    request["reviewed_total"] = json!(reviewed);

    // Staff put it on sale between the review and the payment: refused, with why.
    let (revision, seen) = page_state(&piece(app, "tide-chain", &clerk).await);
    let sale = [("price", "950"), ("former_price", "1200"), ("revision", &revision), ("seen", &seen)];
    assert!(save(app, &form("tide-chain", &sale), &clerk).await.status < 400);
    let orders = || count(app, "SELECT COUNT(*) FROM orders WHERE email = 'pieces.buyer@example.com'");
    let refused = place(app, &request, &key(), None).await;
    assert_eq!(refused.status, 409, "{}", refused.body);
    assert!(refused.body.contains("prices in your order have just changed"), "{}", refused.body);
    assert_eq!(orders().await, 0, "nothing written");

    // Reviewed again, it goes through at the new price.
    let quoted = app.post_json("checkout/quote", &json!({ "request": request }), None).await;
    request["reviewed_total"] = quoted.json()["totals"]["total"].clone();
    let placed = place(app, &request, &key(), None).await;
    assert_eq!(placed.status, 200, "{}", placed.body);
    assert_eq!(count(app, "SELECT MIN(unit_cents) FROM order_lines WHERE slug = 'tide-chain'").await, 95_000);

    // Withdrawn: no longer sold, whatever the shopper reviewed.
    assert!(publish(app, "tide-chain", false, &clerk).await.status < 400);
    let refused = place(app, &request, &key(), None).await;
    assert_eq!(refused.status, 409, "{}", refused.body);
    assert_eq!(orders().await, 1);
}
on_both_engines!(catalogue_editor_checkout, an_order_is_for_the_price_the_shopper_reviewed);

async fn a_change_shows_on_every_server(app: &TestApp) {
    let replica = app.spawn_replica().await;
    let clerk = app.staff(CLERK).await;
    assert!(save(app, &form("tide-link", &[]), &clerk).await.status < 400);
    // Both servers render the listing before the piece is published: each keeps a page.
    for server in [app, &replica] {
        server.get_until("/en/shop/necklaces", "the listing", |status, _| status == 200).await;
    }
    assert!(publish(app, "tide-link", true, &clerk).await.status < 400);
    replica
        .get_until("/en/shop/necklaces", "the new piece on the other server", |_, html| html.contains("tide-link"))
        .await;
    let (revision, seen) = page_state(&piece(app, "tide-link", &clerk).await);
    let sale = [("price", "950"), ("former_price", "1200"), ("revision", &revision), ("seen", &seen)];
    assert!(save(app, &form("tide-link", &sale), &clerk).await.status < 400);
    replica
        .get_until("/fr/products/tide-link", "the sale on the other server", |_, html| html.contains("950,00"))
        .await;
    replica.finish().await;
}
on_both_engines!(catalogue_editor_replicas, a_change_shows_on_every_server);

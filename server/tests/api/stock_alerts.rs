//! Back-in-stock alerts and the staff's stock on a real server and
//! database: an alert registered once, refused where none is offered; a
//! restock from zero that emails each waiting shopper exactly once however
//! many restocks and server processes race; cancelled and erased alerts
//! that send nothing; members' preview pieces; the staff role on every call.

use crate::common::{TestApp, PASSWORD};
use app::store::outbox;
use serde_json::Value;

/// How many alerts wait, in all.
async fn waiting(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM stock_alerts").fetch_one(&app.db.pool).await.unwrap()
}

pub(crate) async fn alert(app: &TestApp, product: &str, size: &str, email: &str, cookie: Option<&str>) -> (u16, Value) {
    let answer =
        app.post_form("alerts/register", &[("product", product), ("size", size), ("email", email)], cookie).await;
    (answer.status, answer.json())
}

/// The token of a new alert's cancel link.
fn cancel_token(answer: &Value) -> String {
    let path = answer["New"]["cancel"].as_str().unwrap_or_else(|| panic!("a new alert: {answer}"));
    path.split("token=").nth(1).unwrap().to_owned()
}

/// A member of staff's session cookie.
async fn staff(app: &TestApp, email: &str) -> String {
    app.staff(email).await
}

pub(crate) async fn set_stock(
    app: &TestApp,
    cookie: &str,
    product: &str,
    size: &str,
    expected: u32,
    quantity: u32,
) -> (u16, Value) {
    let (expected, quantity) = (expected.to_string(), quantity.to_string());
    let form = [("product", product), ("size", size), ("expected", expected.as_str()), ("quantity", quantity.as_str())];
    let answer = app.post_form("staff/stock/set", &form, Some(cookie)).await;
    (answer.status, answer.json())
}

/// Every email written to an address, oldest first.
pub(crate) async fn emails_to(app: &TestApp, to: &str) -> Vec<outbox::OutboxEntry> {
    let mut all: Vec<_> = outbox::recent(&app.db, 500).await.unwrap().into_iter().filter(|e| e.to == to).collect();
    all.reverse();
    all
}

async fn an_alert_is_registered_once_and_only_where_one_is_offered(app: &TestApp) {
    // Size 54 of the solitaire is sold out; 52 is in stock.
    let (status, first) = alert(app, "aube-solitaire-ring", "54", "anne@example.fr", None).await;
    assert_eq!(status, 200, "{first}");
    assert!(first["New"]["cancel"].as_str().unwrap().starts_with("/alerts/cancel?token="), "{first}");
    let (status, again) = alert(app, "aube-solitaire-ring", "54", " Anne@Example.FR ", None).await;
    assert_eq!((status, again), (200, Value::String("Already".into())), "the same address, however written");
    assert_eq!(waiting(app).await, 1);

    for (product, size, email, status) in [
        ("aube-solitaire-ring", "54", "not an address", 400),
        ("aube-solitaire-ring", "", "anne@example.fr", 400),
        ("aube-solitaire-ring", "99", "anne@example.fr", 400),
        ("aube-solitaire-ring", "5 2", "anne@example.fr", 400),
        ("aube-solitaire-ring", "52", "anne@example.fr", 409),
        ("no-such-piece", "52", "anne@example.fr", 404),
        ("../etc", "", "anne@example.fr", 404),
        // Boutique only: a client advisor helps, no alert.
        ("constellation-ruby-ring", "52", "anne@example.fr", 400),
        // Made to order: never out of stock.
        ("eclat-eternity-ring", "52", "anne@example.fr", 409),
        // A members' preview piece does not exist for a visitor.
        ("constellation-comet-ring", "52", "anne@example.fr", 404),
        // A one-size piece has no size to wait for.
        ("rivage-drop-pendant", "52", "anne@example.fr", 400),
    ] {
        let (got, body) = alert(app, product, size, email, None).await;
        assert_eq!(got, status, "{product} {size:?} {email:?}: {body}");
    }
    assert_eq!(app.post_form("alerts/register", &[("product", "aube-solitaire-ring")], None).await.status, 400);
    assert_eq!(waiting(app).await, 1, "a refused request writes nothing");
    assert!(emails_to(app, "anne@example.fr").await.is_empty(), "leaving an alert sends no email");

    // Without JavaScript the form lands on the alert's page, which can cancel it.
    let browser = crate::common::client_builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let posted = browser
        .post(format!("{}/api/alerts/register", app.base))
        .header("Accept", "text/html")
        .header("Referer", format!("{}/en/products/rivage-drop-pendant", app.base))
        .form(&[("product", "rivage-drop-pendant"), ("size", ""), ("email", "bruno@example.fr")])
        .send()
        .await
        .unwrap();
    assert_eq!(posted.status().as_u16(), 302);
    let page = posted.headers()["location"].to_str().unwrap().to_owned();
    assert!(page.starts_with("/en/alerts/cancel?token=") && page.ends_with("&new=1"), "{page}");
    let shown = app.get_page(&page, None).await;
    assert_eq!(shown.status, 200);
    for said in
        ["Your alert is registered.", "We will write to bruno@example.fr once, as soon as Rivage drop pendant is back."]
    {
        assert!(shown.body.contains(said), "{said}: {}", shown.body);
    }
    assert!(shown.body.contains(r#"action="/api/alerts/cancel""#), "{}", shown.body);
    assert_eq!(shown.header("cache-control").as_deref(), Some("no-store"), "an alert's page is personal");

    // An address is limited to 10 alerts an hour (the two above counted).
    for size in ["48", "49", "50", "51", "53", "55", "56", "57"] {
        let _ = alert(app, "aube-twin-ring", size, "anne@example.fr", None).await;
    }
    let (limited, body) = alert(app, "aube-twin-ring", "58", "anne@example.fr", None).await;
    assert_eq!(limited, 429, "{body}");
}
on_both_engines!(registered_once, an_alert_is_registered_once_and_only_where_one_is_offered);

async fn a_restock_from_zero_emails_each_waiting_shopper_exactly_once(app: &TestApp) {
    // The toi et moi ring is out in every size.
    alert(app, "aube-twin-ring", "52", "anne@example.fr", None).await;
    alert(app, "aube-twin-ring", "54", "claire@example.fr", None).await;
    // Left from a French page: the email will be French.
    let french = app
        .client
        .post(format!("{}/api/alerts/register", app.base))
        .header("Accept", "application/json")
        .header("Referer", format!("{}/fr/products/aube-twin-ring?size=52", app.base))
        .form(&[("product", "aube-twin-ring"), ("size", "52"), ("email", "bruno@example.fr")])
        .send()
        .await
        .unwrap();
    assert_eq!(french.status().as_u16(), 200);
    assert_eq!(waiting(app).await, 3);

    // Two members of staff restock size 52 at the same moment, on two server processes.
    let replica = app.spawn_replica().await;
    let (first, second) =
        (staff(app, "clerk@maison-aurele.example").await, staff(app, "lea@maison-aurele.example").await);
    let (a, b) = tokio::join!(
        set_stock(app, &first, "aube-twin-ring", "52", 0, 3),
        set_stock(&replica, &second, "aube-twin-ring", "52", 0, 2),
    );
    let mut statuses = [a.0, b.0];
    statuses.sort();
    assert_eq!(statuses, [200, 409], "one restock wins; the other is told: {a:?} {b:?}");
    let (won, lost) = if a.0 == 200 { (a.1, b.1) } else { (b.1, a.1) };
    assert_eq!(won["alerts_sent"], 2, "{won}");
    assert!(lost.to_string().contains("it is now"), "{lost}");

    let anne = emails_to(app, "anne@example.fr").await;
    assert_eq!(anne.len(), 1);
    assert_eq!(anne[0].subject, "Aube toi et moi ring is back in stock");
    assert!(anne[0].text_body.contains("Aube toi et moi ring in size 52"), "{}", anne[0].text_body);
    assert!(anne[0].text_body.contains("/en/products/aube-twin-ring?size=52"), "{}", anne[0].text_body);
    assert!(anne[0].text_body.contains("/en/alerts/cancel?token="), "{}", anne[0].text_body);
    let bruno = emails_to(app, "bruno@example.fr").await;
    assert_eq!(bruno.len(), 1);
    assert_eq!(bruno[0].subject, "Bague toi et moi Aube est de retour");
    assert!(bruno[0].text_body.contains("/fr/products/aube-twin-ring?size=52"), "{}", bruno[0].text_body);
    assert!(emails_to(app, "claire@example.fr").await.is_empty(), "size 54 is still out");
    assert_eq!(waiting(app).await, 1, "the alerts sent are used up");

    // Two workers (one per process) claim what is due: each email once.
    let (w1, w2) = tokio::join!(
        outbox::claim_due(&app.db, "worker-1", i64::MAX / 2, 60, 100),
        outbox::claim_due(&replica.db, "worker-2", i64::MAX / 2, 60, 100),
    );
    let mut claimed: Vec<String> =
        w1.unwrap().into_iter().chain(w2.unwrap()).map(|c| c.email.to.as_str().to_owned()).collect();
    claimed.retain(|to| to.ends_with("@example.fr"));
    claimed.sort();
    assert_eq!(claimed, ["anne@example.fr", "bruno@example.fr"]);

    // Sold out and restocked again: the used alerts send nothing more.
    let cookie = first.as_str();
    let now: u32 = if a.0 == 200 { 3 } else { 2 };
    assert_eq!(set_stock(app, cookie, "aube-twin-ring", "52", now, 0).await.0, 200);
    let (status, again) = set_stock(app, cookie, "aube-twin-ring", "52", 0, 1).await;
    assert_eq!((status, again["alerts_sent"].as_u64()), (200, Some(0)), "{again}");
    assert_eq!(emails_to(app, "anne@example.fr").await.len(), 1);

    // The page shows the size back, and the restock is in the audit log.
    let page = app.get_page("/en/products/aube-twin-ring?size=52", None).await;
    assert!(page.body.contains(r#"data-state="add-to-basket""#), "{}", page.body);
    let audited: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM staff_audit WHERE action = 'set_stock'")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(audited, 3);
    replica.finish().await;
}
on_both_engines!(restock_sends_once, a_restock_from_zero_emails_each_waiting_shopper_exactly_once);

async fn cancelled_and_erased_alerts_send_nothing(app: &TestApp) {
    let (_, dora) = alert(app, "rivage-drop-pendant", "", "dora@example.fr", None).await;
    let token = cancel_token(&dora);
    let page = app.get_page(&format!("/en/alerts/cancel?token={token}"), None).await;
    assert!(page.body.contains("Rivage drop pendant"), "{}", page.body);
    assert_eq!(app.post_form("alerts/cancel", &[("token", &token)], None).await.status, 200);
    assert_eq!(app.post_form("alerts/cancel", &[("token", &token)], None).await.status, 200, "twice is harmless");
    assert_eq!(app.post_form("alerts/cancel", &[("token", "forged")], None).await.status, 400);
    let gone = app.get_page(&format!("/en/alerts/cancel?token={token}"), None).await;
    assert!(gone.body.contains("no longer waiting"), "{}", gone.body);

    // Alerts are erased with the account of their address.
    let eve = app.register("eve@example.fr").await;
    alert(app, "rivage-drop-pendant", "", "eve@example.fr", Some(&eve)).await;
    assert_eq!(waiting(app).await, 1);
    let deleted = app.post_form("account/delete", &[("password", PASSWORD)], Some(&eve)).await;
    assert_eq!(deleted.status, 200, "{}", deleted.body);
    assert_eq!(waiting(app).await, 0);

    let clerk = staff(app, "clerk@maison-aurele.example").await;
    let (status, restock) = set_stock(app, &clerk, "rivage-drop-pendant", "", 0, 2).await;
    assert_eq!((status, restock["alerts_sent"].as_u64()), (200, Some(0)), "{restock}");
    assert!(emails_to(app, "dora@example.fr").await.is_empty());
    assert!(emails_to(app, "eve@example.fr").await.iter().all(|e| !e.subject.contains("back in stock")));
}
on_both_engines!(cancelled_and_erased, cancelled_and_erased_alerts_send_nothing);

async fn a_preview_restock_tells_only_account_holders(app: &TestApp) {
    let clerk = staff(app, "clerk@maison-aurele.example").await;
    assert_eq!(set_stock(app, &clerk, "constellation-comet-ring", "52", 1, 0).await.0, 200);
    let fanny = app.register("fanny@example.fr").await;
    let (status, body) = alert(app, "constellation-comet-ring", "52", "fanny@example.fr", Some(&fanny)).await;
    assert_eq!(status, 200, "{body}");
    // A member may leave an address that has no account: it waits until the piece is public.
    assert_eq!(alert(app, "constellation-comet-ring", "52", "gaston@example.fr", Some(&fanny)).await.0, 200);
    let (status, restock) = set_stock(app, &clerk, "constellation-comet-ring", "52", 0, 1).await;
    assert_eq!((status, restock["alerts_sent"].as_u64()), (200, Some(1)), "{restock}");
    assert_eq!(
        emails_to(app, "fanny@example.fr").await.last().unwrap().subject,
        "Constellation comet ring is back in stock"
    );
    assert!(emails_to(app, "gaston@example.fr").await.is_empty());
    assert_eq!(waiting(app).await, 1);
}
on_both_engines!(preview_members_only, a_preview_restock_tells_only_account_holders);

async fn only_staff_see_and_set_stock(app: &TestApp) {
    let customer = app.register("anne@example.fr").await;
    let set = [("product", "aube-twin-ring"), ("size", "52"), ("expected", "0"), ("quantity", "5")];
    for (cookie, status) in [(None, 401), (Some(customer.as_str()), 403)] {
        assert_eq!(app.post_form("staff/stock", &[], cookie).await.status, status);
        assert_eq!(app.post_form("staff/stock/set", &set, cookie).await.status, status);
        let page = app.get_page("/en/staff/stock", cookie).await;
        assert_eq!(page.status, if cookie.is_some() { 403 } else { 302 });
    }
    let home = app.get_page("/en/shop", Some(&customer)).await;
    assert!(!home.body.contains(r#"href="/en/staff""#), "no back-office link for a customer");

    let clerk = staff(app, "clerk@maison-aurele.example").await;
    let listed = app.post_form("staff/stock", &[("search", "toi et moi")], Some(&clerk)).await;
    assert_eq!(listed.status, 200, "{}", listed.body);
    let lines = listed.json();
    assert_eq!(lines.as_array().unwrap().len(), 13, "sizes 48 to 60: {lines}");
    assert_eq!(app.post_form("staff/stock", &[("search", &"x".repeat(101))], Some(&clerk)).await.status, 400);
    for (field, value, status) in [
        ("quantity", "-1", 400),
        ("quantity", "two", 400),
        ("quantity", "10001", 400),
        ("expected", "", 400),
        ("product", "no-such-piece", 404),
        ("size", "99", 404),
    ] {
        let mut form = set.to_vec();
        form.retain(|(name, _)| *name != field);
        form.push((field, value));
        let answer = app.post_form("staff/stock/set", &form, Some(&clerk)).await;
        assert_eq!(answer.status, status, "{field}={value}: {}", answer.body);
    }
    let untouched: i64 = sqlx::query_scalar(
        "SELECT s.quantity FROM stock s JOIN products p ON p.id = s.product_id WHERE p.slug = 'aube-twin-ring' AND s.size = '52'",
    )
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    assert_eq!(untouched, 0, "a refused change writes nothing");

    let page = app.get_page("/en/staff/stock?q=twin", Some(&clerk)).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Aube toi et moi ring"), "{}", page.body);
    // The header links staff to the back office.
    let shop = app.get_page("/en/shop", Some(&clerk)).await;
    assert!(shop.body.contains(r#"href="/en/staff""#), "{}", shop.body);
}
on_both_engines!(staff_only, only_staff_see_and_set_stock);

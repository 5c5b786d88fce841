//! Returns (PRODUCT.md §7), each on SQLite and PostgreSQL: a delivered
//! order says, line by line, whether and until when each piece can go back;
//! the returns form, its refusals and its photos; staff's steps, each
//! emailed, and the refund they end with.

use crate::checkout::{
    checkout, key, link_key, pay_on_the_sandbox, place, set_stock, status_of, wait_for_status, RING,
};
use crate::common::{Answer, TestApp};
use crate::refunds::{balance, emails_to, wait_for_refund};
use reqwest::multipart::{Form, Part};
use serde_json::{json, Value};

const EARRINGS: &str = "aube-sun-studs";

/// A delivered order of `lines` for a new customer at `email`: (reference,
/// the customer's cookie, a member of staff's cookie, the lines' ids).
async fn delivered(app: &TestApp, email: &str, lines: Value) -> (String, String, String, Vec<i64>) {
    set_stock(app, RING, "50", 5).await;
    let customer = app.register(email).await;
    let mut request = checkout(email, lines, None);
    request["basket"]["gift"] = json!("leather-pouch");
    let (reference, staff, ids) = delivered_order(app, &request, &customer).await;
    (reference, customer, staff, ids)
}

/// Places `request` as the customer signed in with `customer`, pays for it,
/// and has staff validate, ship and deliver it: (reference, a member of
/// staff's cookie, the lines' ids).
pub(crate) async fn delivered_order(app: &TestApp, request: &Value, customer: &str) -> (String, String, Vec<i64>) {
    let placed = place(app, request, &key(), Some(customer)).await;
    assert_eq!(placed.status, 200, "{}", placed.body);
    let reference = placed.json()["reference"].as_str().unwrap().to_owned();
    let next = placed.json()["next_url"].as_str().unwrap().to_owned();
    assert_eq!(pay_on_the_sandbox(app, &next, "4242 4242 4242 4242").await.status, 303);
    wait_for_status(app, &reference, "being_validated").await;
    let staff_email = format!("clerk-{}@maison-aurele.example", &key()[..8]);
    let staff = app.staff(&staff_email).await;
    let s = Some(staff.as_str());
    let r = reference.as_str();
    assert_eq!(app.post_form("staff/validate", &[("reference", r)], s).await.status, 200);
    let view = app.post_form("staff/order", &[("reference", r)], s).await.json();
    let ids: Vec<i64> = view["order"]["lines"].as_array().unwrap().iter().map(|l| l["id"].as_i64().unwrap()).collect();
    let ship: Vec<Value> = view["order"]["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| json!({ "line": l["id"], "quantity": l["quantity"] }))
        .collect();
    let ship = json!({ "reference": r, "carrier": "Colissimo", "tracking_number": "6A12345678", "lines": ship });
    assert_eq!(app.post_json("staff/ship", &ship, s).await.status, 200, "shipped");
    assert_eq!(app.post_form("staff/deliver", &[("reference", r)], s).await.status, 200);
    (reference, staff, ids)
}

/// The returns form as a browser sends it: its fields, then its photos.
fn form(reference: &str, fields: &[(&str, &str)], photos: Vec<Vec<u8>>) -> Form {
    let mut form = Form::new().text("reference", reference.to_owned()).text("key", "");
    if !fields.iter().any(|(name, _)| *name == "form_key") {
        form = form.text("form_key", key().replace('-', ""));
    }
    for (name, value) in fields {
        form = form.text((*name).to_owned(), (*value).to_owned());
    }
    for (i, photo) in photos.into_iter().enumerate() {
        form =
            form.part("photos", Part::bytes(photo).file_name(format!("photo-{i}.jpg")).mime_str("image/jpeg").unwrap());
    }
    form
}

pub(crate) async fn ask(
    app: &TestApp,
    reference: &str,
    fields: &[(&str, &str)],
    photos: Vec<Vec<u8>>,
    cookie: &str,
) -> Answer {
    app.post_multipart("returns/request", form(reference, fields, photos), Some(cookie)).await
}

/// A JPEG with an EXIF segment that holds a GPS position.
pub(crate) fn photo_with_gps() -> Vec<u8> {
    let picture = image::DynamicImage::ImageRgb8(image::RgbImage::from_fn(64, 48, |x, y| {
        image::Rgb([(x * 4) as u8, (y * 5) as u8, 90])
    }));
    let mut plain = Vec::new();
    picture.write_to(&mut std::io::Cursor::new(&mut plain), image::ImageFormat::Jpeg).unwrap();
    let mut exif = b"Exif\0\0MM\0\x2a\0\0\0\x08".to_vec();
    exif.extend_from_slice(b"GPSLatitude 48.8566 N GPSLongitude 2.3522 E");
    let length = u16::try_from(exif.len() + 2).unwrap().to_be_bytes();
    let mut out = plain[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1, length[0], length[1]]);
    out.extend_from_slice(&exif);
    out.extend_from_slice(&plain[2..]);
    out
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.db.pool).await.unwrap()
}

async fn return_state(app: &TestApp, number: &str) -> String {
    sqlx::query_scalar("SELECT state FROM returns WHERE number = $1")
        .bind(number)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

/// Moves the order's delivery `days` into the past.
async fn delivered_days_ago(app: &TestApp, reference: &str, days: i64) {
    sqlx::query(
        "UPDATE order_events SET at = $1 WHERE status = 'delivered' \
         AND order_id = (SELECT id FROM orders WHERE reference = $2)",
    )
    .bind(app::store::unix_now() - days * 24 * 3600 - 60)
    .bind(reference)
    .execute(&app.db.pool)
    .await
    .unwrap();
}

/// The `returns` of each line, in order.
async fn line_returns(app: &TestApp, reference: &str, cookie: &str) -> Vec<Value> {
    let view = app.post_form("orders/view", &[("reference", reference)], Some(cookie)).await;
    assert_eq!(view.status, 200, "{}", view.body);
    view.json()["lines"].as_array().unwrap().iter().map(|l| l["returns"].clone()).collect()
}

async fn a_delivered_order_says_per_line_whether_and_until_when(app: &TestApp) {
    set_stock(app, RING, "50", 2).await;
    let anne = app.register("anne@example.fr").await;
    let lines = json!([
        { "product": RING, "size": "50", "quantity": 1 },
        { "product": "aube-sun-studs", "quantity": 1 }
    ]);
    let placed = place(app, &checkout("anne@example.fr", lines, None), &key(), Some(&anne)).await;
    assert_eq!(placed.status, 200, "{}", placed.body);
    let reference = placed.json()["reference"].as_str().unwrap().to_owned();
    let next = placed.json()["next_url"].as_str().unwrap().to_owned();
    assert_eq!(pay_on_the_sandbox(app, &next, "4242 4242 4242 4242").await.status, 303);
    wait_for_status(app, &reference, "being_validated").await;
    assert_eq!(line_returns(app, &reference, &anne).await, [json!("Nothing"), json!("Nothing")], "not delivered");

    let staff = app.staff("clerk@maison-aurele.example").await;
    let s = Some(staff.as_str());
    let r = reference.as_str();
    assert_eq!(app.post_form("staff/validate", &[("reference", r)], s).await.status, 200);
    let view = app.post_form("staff/order", &[("reference", r)], s).await.json();
    let ids: Vec<i64> = view["order"]["lines"].as_array().unwrap().iter().map(|l| l["id"].as_i64().unwrap()).collect();
    let lines: Vec<Value> = ids.iter().map(|id| json!({ "line": id, "quantity": 1 })).collect();
    let ship = json!({ "reference": r, "carrier": "Colissimo", "tracking_number": "6A12345678", "lines": lines });
    assert_eq!(app.post_json("staff/ship", &ship, s).await.status, 200);
    assert_eq!(app.post_form("staff/deliver", &[("reference", r)], s).await.status, 200);
    assert_eq!(status_of(app, r).await, "delivered");

    // Just delivered: the ring for 30 days; the earrings only damaged or defective, for 7.
    let returns = line_returns(app, r, &anne).await;
    assert!(returns[0]["Until"]["until"].as_str().is_some_and(|d| !d.is_empty()), "{returns:?}");
    assert!(returns[0]["Until"]["fault_until"].as_str().is_some_and(|d| !d.is_empty()), "{returns:?}");
    assert_eq!(returns[1]["FinalSale"]["why"], "Earrings", "{returns:?}");
    assert!(returns[1]["FinalSale"]["fault_until"].is_string(), "{returns:?}");
    let page = app.get_page(&format!("/en/orders/{r}"), Some(&anne)).await;
    assert!(page.body.contains("Returnable until"), "the page says it");
    assert!(page.body.contains("Earrings cannot be returned unless damaged or defective"));
    let page = app.get_page(&format!("/fr/orders/{r}"), Some(&anne)).await;
    assert!(page.body.contains("Retour possible jusqu’au"), "and in French");

    // Eight days on, a defect can no longer be reported; the ring can still go back.
    delivered_days_ago(app, r, 8).await;
    let returns = line_returns(app, r, &anne).await;
    assert!(returns[0]["Until"].is_object(), "{returns:?}");
    assert!(returns[1]["FinalSale"]["fault_until"].is_null(), "{returns:?}");
    // Thirty-one days on, the period has ended.
    delivered_days_ago(app, r, 31).await;
    let returns = line_returns(app, r, &anne).await;
    assert!(returns[0]["Ended"]["on"].is_string(), "{returns:?}");
    let page = app.get_page(&format!("/en/orders/{r}"), Some(&anne)).await;
    assert!(page.body.contains("The return period ended on"));
}
on_both_engines!(line_returnability, a_delivered_order_says_per_line_whether_and_until_when);

async fn a_ring_goes_back_and_is_refunded_step_by_step(app: &TestApp) {
    let email = "ines@example.fr";
    let (reference, ines, staff, ids) =
        delivered(app, email, json!([{ "product": RING, "size": "50", "quantity": 1 }])).await;
    let r = reference.as_str();
    let ring = ids[0].to_string();
    let line = format!("line-{ring}");
    let page = app.get_page(&format!("/en/orders/{r}"), Some(&ines)).await;
    assert!(page.body.contains("data-testid=\"return-link\""), "the order page offers the form");
    let page = app.get_page(&format!("/fr/orders/{r}/return"), Some(&ines)).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Demander le retour"), "the form, in French");

    // The form sent twice (a double click) is one return.
    let fields = [(line.as_str(), "1"), ("reason", "wrong_size"), ("condition", "on"), ("form_key", "k1double")];
    let first = ask(app, r, &fields, vec![], &ines).await;
    assert_eq!(first.status, 200, "{}", first.body);
    let again = ask(app, r, &fields, vec![], &ines).await;
    assert_eq!(again.body, first.body);
    assert_eq!(count(app, "SELECT COUNT(*) FROM returns").await, 1);
    let number = format!("RT-{}-1", &r[3..]);
    assert!(first.body.contains(&number), "{}", first.body);
    // The gift was owed for the ring alone: it comes back in the parcel, for nothing.
    assert_eq!(count(app, "SELECT gift_back FROM returns").await, 1);
    assert_eq!(count(app, "SELECT COUNT(*) FROM return_lines").await, 2, "the ring and the gift");
    let proposed = count(app, "SELECT proposed_cents FROM returns").await;
    assert_eq!(proposed, 89_000, "the ring at the price paid, not the shipping");
    // Nothing left to return: the same pieces again are refused.
    let more = [(line.as_str(), "1"), ("reason", "wrong_size"), ("condition", "on")];
    let refused = ask(app, r, &more, vec![], &ines).await;
    assert_eq!(refused.status, 409, "{}", refused.body);
    assert!(refused.body.contains("already in a return"), "{}", refused.body);

    // Staff: the queue, then each step, each emailed to the customer.
    let s = Some(staff.as_str());
    let queue = app.post_form("staff/returns", &[("state", "requested")], s).await;
    assert_eq!(queue.json()[0]["number"], number.as_str(), "{}", queue.body);
    assert_eq!(app.post_form("staff/returns", &[("state", "lost")], s).await.status, 400);
    assert_eq!(app.post_form("staff/returns", &[("state", "")], Some(&ines)).await.status, 403, "staff only");
    let n = number.as_str();
    assert_eq!(
        app.post_form("staff/return-refund", &[("number", n), ("amount", "890"), ("reason", "")], s).await.status,
        409,
        "not before it is received"
    );
    assert_eq!(app.post_form("staff/return-approve", &[("number", n)], s).await.status, 200);
    let slip = app.get_page(&format!("/en/returns/{n}/slip"), Some(&ines)).await;
    assert!(slip.body.contains("18 rue de la Paix") && slip.body.contains("Leather jewellery pouch"), "{}", slip.body);
    let bad = [("number", n), ("postage", "nobody")];
    assert_eq!(app.post_form("staff/return-receive", &bad, s).await.status, 400);
    assert_eq!(app.post_form("staff/return-receive", &[("number", n), ("postage", "customer")], s).await.status, 200);
    let too_much =
        app.post_form("staff/return-refund", &[("number", n), ("amount", "890.01"), ("reason", "")], s).await;
    assert_eq!(too_much.status, 400, "{}", too_much.body);
    let lower = app.post_form("staff/return-refund", &[("number", n), ("amount", "850"), ("reason", " ")], s).await;
    assert_eq!(lower.status, 400, "a lower amount needs its reason: {}", lower.body);
    assert_eq!(
        app.post_form("staff/return-refund", &[("number", n), ("amount", "abc"), ("reason", "")], s).await.status,
        400
    );
    let refund = [("number", n), ("amount", "850"), ("reason", "Pouch not sent back")];
    assert_eq!(app.post_form("staff/return-refund", &refund, s).await.status, 200);
    assert_eq!(app.post_form("staff/return-refund", &refund, s).await.status, 409, "refunded once");
    wait_for_refund(app, r, "refunded").await;
    assert_eq!(balance(app, r).await.1, 85_000);
    assert_eq!(return_state(app, n).await, "refunded");
    let subjects: Vec<String> = emails_to(app, email).await.into_iter().map(|(subject, _)| subject).collect();
    for wanted in ["Your return request", "is approved", "We have received your return", "refund"] {
        assert!(subjects.iter().any(|s| s.contains(wanted)), "{wanted} in {subjects:?}");
    }
    let audit = count(app, "SELECT COUNT(*) FROM staff_audit WHERE action LIKE 'return_%'").await;
    assert_eq!(audit, 3, "approve, receive, refund; nothing for the steps refused");
    let page = app.get_page(&format!("/en/orders/{r}"), Some(&ines)).await;
    assert!(
        page.body.contains(&format!("Return {n} requested.")) && page.body.contains(&format!("Return {n} approved"))
    );
    assert!(page.body.contains("Refunded"), "the order shows the return's state");
}
on_both_engines!(a_ring_goes_back, a_ring_goes_back_and_is_refunded_step_by_step);

/// A request refused: its fields, its photos, and what the answer says.
type Refused<'a> = (Vec<(&'a str, &'a str)>, Vec<Vec<u8>>, &'a str);

async fn each_refusal_says_why_and_writes_nothing(app: &TestApp) {
    let lines = json!([{ "product": RING, "size": "50", "quantity": 1 }, { "product": EARRINGS, "quantity": 1 }]);
    let (reference, olga, _, ids) = delivered(app, "olga@example.fr", lines).await;
    let r = reference.as_str();
    let (ring, studs) = (format!("line-{}", ids[0]), format!("line-{}", ids[1]));
    let (ring, studs) = (ring.as_str(), studs.as_str());
    let cases: Vec<Refused> = vec![
        (vec![(studs, "1"), ("reason", "changed_mind"), ("condition", "on")], vec![], "Earrings cannot be returned"),
        (vec![(ring, "1"), ("reason", "defective")], vec![], "at least one photo"),
        (vec![(ring, "1"), ("reason", "wrong_size")], vec![], "unworn"),
        (vec![(ring, "0"), ("reason", "wrong_size"), ("condition", "on")], vec![], "at least one piece"),
        (vec![(ring, "2"), ("reason", "wrong_size"), ("condition", "on")], vec![], "At most 1"),
        (vec![("line-999999", "1"), ("reason", "wrong_size"), ("condition", "on")], vec![], "not in this order"),
        (vec![(ring, "1"), ("reason", "bored"), ("condition", "on")], vec![], "why you are returning"),
        (vec![(studs, "1"), ("reason", "damaged")], vec![b"%PDF-1.7 a document".to_vec()], "not a JPEG, PNG or WebP"),
        (vec![(studs, "1"), ("reason", "damaged")], vec![photo_with_gps(); 6], "At most 5 photos"),
        (vec![(studs, "1"), ("reason", "damaged")], vec![vec![0xFF; 10 * 1024 * 1024 + 1]], "at most 10 MB"),
        (vec![(ring, "x"), ("reason", "wrong_size"), ("condition", "on")], vec![], "could not be read"),
    ];
    for (fields, photos, says) in cases {
        let answer = ask(app, r, &fields, photos, &olga).await;
        assert_eq!(answer.status, 400, "{fields:?}: {}", answer.body);
        assert!(answer.body.contains(says), "{fields:?}: {says} in {}", answer.body);
    }
    // A multipart body without its boundary.
    let client = crate::common::client_builder().build().unwrap();
    let bare = client
        .post(format!("{}/api/returns/request", app.base))
        .header("Content-Type", "multipart/form-data")
        .header("Cookie", &olga)
        .body("reference=x")
        .send()
        .await
        .unwrap();
    assert_eq!(bare.status().as_u16(), 400);
    // Too late: 31 days after delivery, and 8 for a defect.
    delivered_days_ago(app, r, 31).await;
    let late = ask(app, r, &[(ring, "1"), ("reason", "wrong_size"), ("condition", "on")], vec![], &olga).await;
    assert!(late.status == 400 && late.body.contains("30-day return period ended"), "{}", late.body);
    let late = ask(app, r, &[(studs, "1"), ("reason", "defective")], vec![photo_with_gps()], &olga).await;
    assert!(late.status == 400 && late.body.contains("within 7 days"), "{}", late.body);
    for table in ["returns", "return_lines", "return_photos"] {
        assert_eq!(count(app, &format!("SELECT COUNT(*) FROM {table}")).await, 0, "nothing in {table}");
    }
    assert_eq!(count(app, "SELECT CAST(COALESCE(SUM(returned), 0) AS BIGINT) FROM order_lines").await, 0);
}
on_both_engines!(return_refusals, each_refusal_says_why_and_writes_nothing);

async fn a_defect_on_earrings_with_a_photo_is_private(app: &TestApp) {
    let lines = json!([{ "product": EARRINGS, "quantity": 1 }]);
    let (reference, paul, staff, ids) = delivered(app, "paul@example.fr", lines).await;
    let r = reference.as_str();
    let studs = format!("line-{}", ids[0]);
    let sent = ask(app, r, &[(studs.as_str(), "1"), ("reason", "defective")], vec![photo_with_gps()], &paul).await;
    assert_eq!(sent.status, 200, "{}", sent.body);
    let id: String = sqlx::query_scalar("SELECT id FROM return_photos").fetch_one(&app.db.pool).await.unwrap();
    let path = format!("{}/returns/photos/{id}", app.base);
    let client = crate::common::client_builder().build().unwrap();
    let get = |cookie: Option<String>, query: String| {
        let request = client.get(format!("{path}{query}"));
        let request = match cookie {
            Some(cookie) => request.header("Cookie", cookie),
            None => request,
        };
        async move {
            let response = request.send().await.unwrap();
            let status = response.status().as_u16();
            let kind = response.headers().get("content-type").map(|v| v.to_str().unwrap().to_owned());
            (status, kind, response.bytes().await.unwrap().to_vec())
        }
    };
    let (status, kind, bytes) = get(Some(paul.clone()), String::new()).await;
    assert_eq!((status, kind.as_deref()), (200, Some("image/jpeg")));
    assert!(!bytes.windows(3).any(|w| w == b"GPS") && !bytes.windows(4).any(|w| w == b"Exif"), "no metadata kept");
    let back = image::load_from_memory(&bytes).unwrap();
    assert_eq!((back.width(), back.height()), (64, 48));
    assert_eq!(get(Some(staff.clone()), String::new()).await.0, 200, "staff see it");
    let other = app.register("mallory@example.fr").await;
    assert_eq!(get(Some(other.clone()), String::new()).await.0, 404, "another customer does not");
    assert_eq!(get(None, String::new()).await.0, 404, "nor a stranger");
    let order_key = link_key(app, r).await;
    assert_eq!(get(None, format!("?key={order_key}")).await.0, 200, "the order's link opens it");
    assert_eq!(get(None, "?key=not-the-key".into()).await.0, 404);
    assert_eq!(get(Some(paul.clone()), String::new()).await.0, 200);
    let missing = format!("{}/returns/photos/{}", app.base, "0".repeat(32));
    assert_eq!(client.get(missing).header("Cookie", &paul).send().await.unwrap().status().as_u16(), 404);
    // Another customer can neither ask for a return on the order nor read its slip.
    let theirs = ask(app, r, &[(studs.as_str(), "1"), ("reason", "defective")], vec![photo_with_gps()], &other).await;
    assert_eq!(theirs.status, 404, "{}", theirs.body);
    let number = format!("RT-{}-1", &r[3..]);
    let slip = app.post_form("returns/slip", &[("number", number.as_str())], Some(&other)).await;
    assert_eq!(slip.status, 404);
    assert_eq!(count(app, "SELECT COUNT(*) FROM returns").await, 1);
    // Staff reject it with the reason the customer reads; the earrings may be asked for again.
    let s = Some(staff.as_str());
    assert_eq!(
        app.post_form("staff/return-reject", &[("number", number.as_str()), ("reason", "")], s).await.status,
        400
    );
    let reject = [("number", number.as_str()), ("reason", "The mark is the stone's natural inclusion")];
    assert_eq!(app.post_form("staff/return-reject", &reject, s).await.status, 200);
    assert_eq!(count(app, "SELECT CAST(COALESCE(SUM(returned), 0) AS BIGINT) FROM order_lines").await, 0);
    let page = app.get_page(&format!("/en/orders/{r}"), Some(&paul)).await;
    assert!(page.body.contains("natural inclusion"), "the order says why");
    assert!(emails_to(app, "paul@example.fr").await.iter().any(|(_, body)| body.contains("natural inclusion")));
}
on_both_engines!(return_photos, a_defect_on_earrings_with_a_photo_is_private);

//! Issue 17's hardening, on both engines: a request that cannot be read
//! gets our message, never the decoder's internals; emailed links act only
//! on their button; HTTPS cookies and HSTS; the Content-Security-Policy.

use crate::common::TestApp;
use serde_json::json;

/// What serde and the server-function decoder say of a bad request.
const INTERNALS: [&str; 6] = ["missing field", "invalid type", "expected", "unknown variant", "Args", "serde"];

async fn unreadable_requests_get_our_words(app: &TestApp) {
    let form = app.post_form("account/register", &[("email", "x@example.fr")], None).await;
    let wrong_type = app.post_json("checkout/quote", &json!({ "request": { "basket": 7 } }), None).await;
    let not_json = app
        .client
        .post(format!("{}/api/checkout/quote", app.base))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    let not_json = (not_json.status().as_u16(), not_json.text().await.unwrap());
    for (status, body) in [(form.status, form.body), (wrong_type.status, wrong_type.body), not_json] {
        assert_eq!(status, 400, "{body}");
        assert!(body.contains("The request could not be read: reload the page and try again."), "{body}");
        for word in INTERNALS {
            assert!(!body.contains(word), "{word:?} in {body}");
        }
    }
    // Sent from a French page, it is said in French.
    let fr = app
        .client
        .post(format!("{}/api/account/register", app.base))
        .header("Referer", format!("{}/fr/account/register", app.base))
        .header("Accept", "application/json")
        .form(&[("email", "x@example.fr")])
        .send()
        .await
        .unwrap();
    assert_eq!(fr.status(), 400);
    let body = fr.text().await.unwrap();
    assert!(body.contains("La demande n’a pas pu être lue"), "{body}");
}
on_both_engines!(unreadable_requests, unreadable_requests_get_our_words);

/// A production configuration does not start with the sandbox gateway or
/// the development mailbox: the binary says why and exits.
#[test]
fn production_does_not_start_with_the_sandbox() {
    let database = std::env::temp_dir().join(format!("vitrine-test-production-{}.db", uuid::Uuid::new_v4().simple()));
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .env("VITRINE_ENV", "production")
        .env("VITRINE_DEV_MAILBOX", "true")
        .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
        .env("DATABASE_URL", format!("sqlite://{}", database.display()))
        .output()
        .expect("the server binary runs");
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{said}");
    assert!(said.contains("VITRINE_ENV=production refuses to start"), "{said}");
    assert!(said.contains("sandbox gateway") && said.contains("VITRINE_DEV_MAILBOX"), "{said}");
    assert!(!database.exists(), "nothing was made before refusing");
}

/// Whether the account's address is confirmed.
async fn verified(app: &TestApp, email: &str) -> bool {
    let at: Option<i64> = sqlx::query_scalar("SELECT email_verified_at FROM customers WHERE email_key = $1")
        .bind(email.to_ascii_lowercase())
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    at.is_some()
}

/// A mail scanner opens every link of an email: opening one changes
/// nothing, the page's button (a plain form, no JavaScript) does it.
async fn emailed_links_act_only_on_their_button(app: &TestApp) {
    use crate::accounts::links_to;
    let email = "scanned@example.fr";
    app.register(email).await;
    let token = links_to(app, email, "/account/verify").await.remove(0);
    for _ in 0..2 {
        let page = app.get_page(&format!("/en/account/verify?token={token}"), None).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Confirm my address") && page.body.contains(&token), "the button and its token");
    }
    assert!(!verified(app, email).await, "opening the link confirms nothing");

    // The button, as a browser posts it without JavaScript: done, and back to the page.
    let browser = crate::common::client_builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let press = || {
        browser
            .post(format!("{}/api/account/verify", app.base))
            .header("Referer", format!("{}/en/account/verify?token={token}", app.base))
            .header("Accept", "text/html")
            .form(&[("token", token.as_str())])
            .send()
    };
    let pressed = press().await.unwrap();
    assert!(pressed.status().is_redirection(), "{}", pressed.status());
    let location = pressed.headers().get("location").unwrap().to_str().unwrap().to_owned();
    assert!(location.ends_with("/en/account/verify?done=1"), "{location}");
    assert!(verified(app, email).await);
    let done = app.get_page("/en/account/verify?done=1", None).await;
    assert!(done.body.contains("your email address is confirmed"), "{}", done.body);

    // Pressed again (the link is used up): back to the page with the reason.
    let again = press().await.unwrap();
    let location = again.headers().get("location").unwrap().to_str().unwrap().to_owned();
    let page = app.get_page(location.trim_start_matches(&app.base), None).await;
    assert!(page.body.contains("This confirmation link does not work any more"), "{}", page.body);
}
on_both_engines!(emailed_links, emailed_links_act_only_on_their_button);

/// Served over HTTPS: the session cookie is `__Host-` prefixed and Secure,
/// a plain-named one (which a neighbouring subdomain could plant) is not a
/// session, and browsers are told to keep to HTTPS. The cookie's handling
/// does not touch the database's engine: one engine is enough.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn over_https_the_session_is_a_host_cookie_and_hsts_is_sent() {
    use crate::common::{Engine, PASSWORD};
    let app = TestApp::spawn_at(Engine::Sqlite, "https://shop.example").await;
    let form = [("email", "tls@example.fr"), ("password", PASSWORD), ("first_name", "Anne"), ("last_name", "Dupont")];
    let answer = app.post_form("account/register", &form, None).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    let set = answer.set_cookies().into_iter().find(|c| c.starts_with("__Host-vitrine_session=")).expect("a session");
    for part in ["Secure", "HttpOnly", "Path=/", "SameSite=Lax"] {
        assert!(set.contains(part), "{part} in {set}");
    }
    assert!(!set.to_ascii_lowercase().contains("domain="), "{set}");
    let cookie = set.split(';').next().unwrap().to_owned();
    assert_eq!(app.post_form("account/me", &[], Some(&cookie)).await.status, 200);
    let planted = cookie.replacen("__Host-", "", 1);
    assert_eq!(app.post_form("account/me", &[], Some(&planted)).await.status, 401, "not ours over HTTPS");

    let page = app.client.get(format!("{}/en", app.base)).send().await.unwrap();
    let hsts = page.headers().get("strict-transport-security").map(|v| v.to_str().unwrap().to_owned());
    assert_eq!(hsts.as_deref(), Some("max-age=63072000; includeSubDomains"));
    app.finish().await;

    // Over plain HTTP (development): the plain name, and no HSTS.
    let plain = TestApp::spawn(Engine::Sqlite).await;
    let page = plain.client.get(format!("{}/en", plain.base)).send().await.unwrap();
    assert!(page.headers().get("strict-transport-security").is_none());
    plain.finish().await;
}

async fn with_mailbox(engine: crate::common::Engine) -> TestApp {
    TestApp::spawn_with(engine, true).await
}

/// A page's policy and body, asked for in `encoding`, the body decoded.
async fn page_as(
    app: &TestApp,
    path: &str,
    encoding: &str,
    etag: Option<&str>,
) -> (u16, Option<String>, String, Option<String>) {
    use std::io::Read;
    let mut request = app.client.get(format!("{}{path}", app.base)).header("Accept-Encoding", encoding);
    if let Some(etag) = etag {
        request = request.header("If-None-Match", etag);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let header = |name: &str| response.headers().get(name).map(|v| v.to_str().unwrap().to_owned());
    let (policy, etag, sent) = (header("content-security-policy"), header("etag"), header("content-encoding"));
    let bytes = response.bytes().await.unwrap();
    let mut body = String::new();
    match sent.as_deref() {
        Some("br") => brotli::Decompressor::new(&bytes[..], 4096).read_to_string(&mut body).map(drop).unwrap(),
        Some("gzip") => flate2::read::GzDecoder::new(&bytes[..]).read_to_string(&mut body).map(drop).unwrap(),
        _ => body = String::from_utf8(bytes.to_vec()).unwrap(),
    }
    (status, policy, body, etag)
}

/// Every `nonce="…"` in a page.
fn nonces_in(body: &str) -> Vec<&str> {
    body.split("nonce=\"").skip(1).filter_map(|rest| rest.split('"').next()).collect()
}

/// Every page is sent with a Content-Security-Policy that lets scripts run
/// only from the shop or with the answer's own nonce, which no other answer
/// shares, kept pages included (whatever their encoding); a page the
/// browser already has is confirmed without a policy (its own still
/// matches its nonce); server-written pages allow no script at all.
async fn pages_carry_a_policy_with_a_nonce_of_their_own(app: &TestApp) {
    use app::content_policy::nonce_of;
    let mut seen = Vec::new();
    for path in ["/en", "/fr/shop/rings", "/en/account/sign-in"] {
        for encoding in ["br", "gzip", "identity"] {
            for _ in 0..2 {
                let (status, policy, body, _) = page_as(app, path, encoding, None).await;
                assert_eq!(status, 200, "{path}");
                let policy = policy.expect("a policy on every page");
                let nonce = nonce_of(&policy).expect("a nonce").to_owned();
                assert!(policy.contains("frame-ancestors 'none'") && !policy.contains("unsafe-inline"), "{policy}");
                let stamped = nonces_in(&body);
                assert!(!stamped.is_empty(), "the hydration script carries the nonce: {path}");
                assert!(stamped.iter().all(|n| *n == nonce), "{path} {encoding}: {stamped:?} against {nonce}");
                assert!(body.contains("</html>"), "the whole page, {path} {encoding}");
                assert!(!seen.contains(&nonce), "a nonce is never sent twice");
                seen.push(nonce);
            }
        }
    }
    // Kept pages were answered from memory, and still differ per answer.
    let (_, _, _, etag) = page_as(app, "/en", "br", None).await;
    let etag = etag.expect("a kept page has an ETag");
    let (status, policy, _, _) = page_as(app, "/en", "br", Some(&etag)).await;
    assert_eq!((status, policy), (304, None), "a 304 leaves the browser's policy as it was");
    // A signed-in page (never kept) has one too.
    let cookie = app.register("csp@example.fr").await;
    let page = app.get_page("/en/account", Some(&cookie)).await;
    let policy = page.header("content-security-policy").expect("a policy");
    let nonce = nonce_of(&policy).unwrap().to_owned();
    assert!(nonces_in(&page.body).iter().all(|n| *n == nonce) && !seen.contains(&nonce));
    // A page the server writes itself runs no script at all.
    let mailbox = app.get_page("/dev/mailbox", None).await;
    assert_eq!(mailbox.status, 200);
    assert_eq!(mailbox.header("content-security-policy").as_deref(), Some(app::content_policy::WITHOUT_SCRIPTS));
}
on_both_engines!(content_policy, pages_carry_a_policy_with_a_nonce_of_their_own, with_mailbox);

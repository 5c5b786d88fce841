//! Accounts on a real server and database: registering, signing in and
//! out, sessions, rate limits, the forgotten password, addresses, and
//! deleting the account — each on SQLite and PostgreSQL.

use crate::common::{Answer, TestApp, PASSWORD};
use app::store::outbox;

const NEW_PASSWORD: &str = "copper meadow whistle";
const REFUSED: &str = "The email address or password is incorrect.";

async fn register(app: &TestApp, email: &str) -> Answer {
    app.post_form(
        "account/register",
        &[
            ("email", email),
            ("password", PASSWORD),
            ("first_name", "Anne"),
            ("last_name", "Dupont"),
            ("next", "/account/addresses"),
        ],
        None,
    )
    .await
}

async fn sign_in(app: &TestApp, email: &str, password: &str) -> Answer {
    app.post_form("account/sign-in", &[("email", email), ("password", password)], None).await
}

/// The links in the newest outbox emails to `to`, newest first.
pub(crate) async fn links_to(app: &TestApp, to: &str, path: &str) -> Vec<String> {
    outbox::recent(&app.db, 100)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.to == to)
        .filter_map(|e| {
            let start = e.text_body.find(path)?;
            let rest = &e.text_body[start..];
            let token = rest.split("token=").nth(1)?.split_whitespace().next()?.to_owned();
            Some(token)
        })
        .collect()
}

async fn emails_to(app: &TestApp, to: &str) -> Vec<String> {
    outbox::recent(&app.db, 100).await.unwrap().into_iter().filter(|e| e.to == to).map(|e| e.subject).collect()
}

async fn registering_signs_in_and_the_session_guards_the_pages(app: &TestApp) {
    // Signed out: the account pages send to sign-in and back.
    let page = app.get_page("/en/account/addresses", None).await;
    assert_eq!(page.status, 302, "{}", page.body);
    assert_eq!(page.header("location").as_deref(), Some("/en/account/sign-in?next=/account/addresses"));
    let page = app.get_page("/en/account", None).await;
    assert_eq!(page.header("location").as_deref(), Some("/en/account/sign-in"));
    assert_eq!(app.post_form("account/me", &[], None).await.status, 401);

    let answer = register(app, "Anne.Dupont@Example.fr").await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(answer.header("location").as_deref(), Some("/en/account/addresses"), "goes where it was asked");
    let set = answer.set_cookies().join(" | ");
    for part in ["vitrine_session=", "HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(set.contains(part), "{set}");
    }
    assert!(!set.contains("Secure"), "plain http in tests: {set}");
    let cookie = answer.session_cookie().expect("a session cookie");

    let page = app.get_page("/en/account", Some(&cookie)).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Anne.Dupont@example.fr"), "the address as typed, domain lower-cased");
    assert_eq!(page.header("cache-control").as_deref(), Some("no-store"));
    assert_eq!(emails_to(app, "Anne.Dupont@example.fr").await, vec!["Welcome to Maison Aurèle"]);

    // The welcome email's link confirms the address, once.
    let token = links_to(app, "Anne.Dupont@example.fr", "/account/verify").await.remove(0);
    let confirmed = app.post_form("account/verify", &[("token", &token)], None).await;
    assert_eq!(confirmed.status, 200, "{}", confirmed.body);
    assert_eq!(app.post_form("account/verify", &[("token", &token)], None).await.status, 400);

    // Signing in gives a new session id; signing out ends it everywhere.
    let again = sign_in(app, "anne.dupont@example.fr", PASSWORD).await;
    assert_eq!(again.status, 200, "{}", again.body);
    assert_eq!(again.header("location").as_deref(), Some("/en/account"));
    let second = again.session_cookie().unwrap();
    assert_ne!(second, cookie);
    let out = app.post_form("account/sign-out", &[], Some(&second)).await;
    assert_eq!(out.status, 200);
    assert!(out.set_cookies().iter().any(|c| c.starts_with("vitrine_session=;") && c.contains("Max-Age=0")));
    assert_eq!(app.get_page("/en/account", Some(&second)).await.status, 302, "the session is gone on the server");
    assert_eq!(app.get_page("/en/account", Some(&cookie)).await.status, 200, "the other browser is still signed in");
    // A forged cookie is no session.
    assert_eq!(
        app.get_page("/en/account", Some("vitrine_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).await.status,
        302
    );
}
on_both_engines!(registration_and_sessions, registering_signs_in_and_the_session_guards_the_pages);

/// Moves every session of the account at `email` back `seconds` since sign-in.
async fn signed_in_ago(app: &TestApp, email: &str, seconds: i64) {
    sqlx::query(
        "UPDATE sessions SET created_at = created_at - $1 \
         WHERE customer_id = (SELECT id FROM customers WHERE email = $2)",
    )
    .bind(seconds)
    .bind(email)
    .execute(&app.db.pool)
    .await
    .unwrap();
}

async fn sessions_end_after_their_lifetime_however_used(app: &TestApp) {
    let hour = 3600;
    // A member of staff signed in 10 hours ago: a stolen cookie no longer works.
    let staff = app.staff("clerk@maison-aurele.example").await;
    assert_eq!(app.post_form("staff/orders", &[], Some(&staff)).await.status, 200);
    signed_in_ago(app, "clerk@maison-aurele.example", 9 * hour).await;
    assert_eq!(app.post_form("staff/orders", &[], Some(&staff)).await.status, 200, "still the same working day");
    signed_in_ago(app, "clerk@maison-aurele.example", hour).await;
    assert_eq!(app.post_form("staff/orders", &[], Some(&staff)).await.status, 401, "a working day is over");
    // A customer's session outlives a working day, not 90 days.
    let anne = app.register("anne@example.fr").await;
    signed_in_ago(app, "anne@example.fr", 30 * 24 * hour).await;
    assert_eq!(app.post_form("orders/mine", &[], Some(&anne)).await.status, 200);
    signed_in_ago(app, "anne@example.fr", 60 * 24 * hour).await;
    assert_eq!(app.post_form("orders/mine", &[], Some(&anne)).await.status, 401, "90 days since sign-in");
    // Signing in again starts a new lifetime.
    let again = sign_in(app, "anne@example.fr", PASSWORD).await;
    let cookie = again.session_cookie().expect("a new session");
    assert_eq!(app.post_form("orders/mine", &[], Some(&cookie)).await.status, 200);
}
on_both_engines!(session_lifetime, sessions_end_after_their_lifetime_however_used);

async fn bad_registrations_are_refused_and_write_nothing(app: &TestApp) {
    assert_eq!(register(app, "anne@example.fr").await.status, 200);
    // Each refusal names the field it is about, for the page to tie it there:
    // (form, words of the message, field).
    type Case<'a> = (&'a [(&'a str, &'a str)], &'a str, &'a str);
    let cases: [Case; 5] = [
        (
            &[("email", "ANNE@example.fr"), ("password", PASSWORD), ("first_name", "A"), ("last_name", "B")],
            "already exists",
            "email",
        ),
        (
            &[("email", "bea@example.fr"), ("password", "short"), ("first_name", "B"), ("last_name", "C")],
            "at least 10",
            "password",
        ),
        (
            &[("email", "bea@example.fr"), ("password", "password123"), ("first_name", "B"), ("last_name", "C")],
            "too easy",
            "password",
        ),
        (
            &[("email", "not-an-address"), ("password", PASSWORD), ("first_name", "B"), ("last_name", "C")],
            "not an email",
            "email",
        ),
        (
            &[("email", "bea@example.fr"), ("password", PASSWORD), ("first_name", " "), ("last_name", "C")],
            "first name",
            "first_name",
        ),
    ];
    for (form, message, field) in cases {
        let answer = app.post_form("account/register", form, None).await;
        assert_eq!(answer.status, 400, "{form:?}");
        assert!(answer.body.contains(message), "{form:?}: {}", answer.body);
        assert_eq!(answer.json()["Invalid"]["field"], field, "{form:?}: {}", answer.body);
        assert!(answer.session_cookie().is_none());
    }
    assert!(emails_to(app, "bea@example.fr").await.is_empty());
    assert_eq!(
        app.post_form("account/register", &[("email", "x@example.fr")], None).await.status,
        400,
        "missing fields"
    );
}
on_both_engines!(bad_registrations, bad_registrations_are_refused_and_write_nothing);

async fn sign_in_never_tells_whether_an_address_exists_and_is_rate_limited(app: &TestApp) {
    assert_eq!(register(app, "anne@example.fr").await.status, 200);
    let wrong = sign_in(app, "anne@example.fr", "not the password").await;
    let unknown = sign_in(app, "nobody@example.fr", "not the password").await;
    assert_eq!((wrong.status, unknown.status), (401, 401));
    assert_eq!(wrong.body, unknown.body);
    assert!(wrong.body.contains(REFUSED), "{}", wrong.body);

    // Four more failures reach the limit for this address: even the right
    // password now waits, and says why.
    for _ in 0..4 {
        assert_eq!(sign_in(app, "anne@example.fr", "still wrong").await.status, 401);
    }
    let limited = sign_in(app, "anne@example.fr", PASSWORD).await;
    assert_eq!(limited.status, 429, "{}", limited.body);
    assert!(limited.body.contains("wait 15 minutes"), "{}", limited.body);
    assert!(limited.session_cookie().is_none());
    // Another address from the same client is not locked by that one.
    assert_eq!(register(app, "bea@example.fr").await.status, 200);
    assert_eq!(sign_in(app, "bea@example.fr", PASSWORD).await.status, 200);
    // Failures spread over many addresses hit the per-client limit (20).
    for n in 0..14 {
        assert_eq!(sign_in(app, &format!("guess{n}@example.fr"), "guess").await.status, 401);
    }
    assert_eq!(sign_in(app, "bea@example.fr", PASSWORD).await.status, 429);
}
on_both_engines!(sign_in_refusals, sign_in_never_tells_whether_an_address_exists_and_is_rate_limited);

async fn a_reset_link_works_once_within_the_hour_and_ends_other_sessions(app: &TestApp) {
    let registered = register(app, "anne@example.fr").await;
    let old_session = registered.session_cookie().unwrap();
    let known = app.post_form("account/forgot-password", &[("email", "anne@example.fr")], None).await;
    let unknown = app.post_form("account/forgot-password", &[("email", "nobody@example.fr")], None).await;
    assert_eq!((known.status, unknown.status), (200, 200));
    assert_eq!(known.body.replace("anne@example.fr", "X"), unknown.body.replace("nobody@example.fr", "X"));
    assert!(emails_to(app, "nobody@example.fr").await.is_empty());
    let token = links_to(app, "anne@example.fr", "/account/reset-password").await.remove(0);

    // The page shows the form for a live link, and says a bad one is dead.
    let page = app.get_page(&format!("/en/account/reset-password?token={token}"), None).await;
    assert!(page.body.contains("Save my new password"), "{}", page.body);
    let page = app.get_page("/en/account/reset-password?token=nonsense", None).await;
    assert!(page.body.contains("does not work any more"), "{}", page.body);

    // A weak password is refused without using the link up.
    let weak = app.post_form("account/reset-password", &[("token", &token), ("password", "short")], None).await;
    assert_eq!(weak.status, 400);
    let done = app.post_form("account/reset-password", &[("token", &token), ("password", NEW_PASSWORD)], None).await;
    assert_eq!(done.status, 200, "{}", done.body);
    assert_eq!(done.header("location").as_deref(), Some("/en/account/sign-in?reset=done"));
    let again = app
        .post_form("account/reset-password", &[("token", &token), ("password", "another fine passphrase")], None)
        .await;
    assert_eq!(again.status, 400, "single use");
    assert!(again.body.contains("does not work any more"));

    assert_eq!(app.get_page("/en/account", Some(&old_session)).await.status, 302, "other sessions ended");
    assert_eq!(sign_in(app, "anne@example.fr", PASSWORD).await.status, 401);
    assert_eq!(sign_in(app, "anne@example.fr", NEW_PASSWORD).await.status, 200);
    assert!(emails_to(app, "anne@example.fr").await.contains(&"Your password was changed".to_owned()));

    // Asking again and again for one address hits its limit (3 an hour).
    for _ in 0..2 {
        assert_eq!(app.post_form("account/forgot-password", &[("email", "anne@example.fr")], None).await.status, 200);
    }
    let limited = app.post_form("account/forgot-password", &[("email", "anne@example.fr")], None).await;
    assert_eq!(limited.status, 429);
}
on_both_engines!(password_reset, a_reset_link_works_once_within_the_hour_and_ends_other_sessions);

async fn an_expired_reset_link_is_refused(app: &TestApp) {
    register(app, "anne@example.fr").await;
    app.post_form("account/forgot-password", &[("email", "anne@example.fr")], None).await;
    let token = links_to(app, "anne@example.fr", "/account/reset-password").await.remove(0);
    // Age the link past the hour.
    sqlx::query("UPDATE account_tokens SET created_at = created_at - 3601 WHERE purpose = 'reset'")
        .execute(&app.db.pool)
        .await
        .unwrap();
    let late = app.post_form("account/reset-password", &[("token", &token), ("password", NEW_PASSWORD)], None).await;
    assert_eq!(late.status, 400);
    assert_eq!(sign_in(app, "anne@example.fr", PASSWORD).await.status, 200, "the password did not change");
}
on_both_engines!(expired_reset_link, an_expired_reset_link_is_refused);

async fn changing_the_password_needs_the_current_one(app: &TestApp) {
    let here = register(app, "anne@example.fr").await.session_cookie().unwrap();
    let elsewhere = sign_in(app, "anne@example.fr", PASSWORD).await.session_cookie().unwrap();
    let wrong = app
        .post_form("account/password", &[("current_password", "nope"), ("new_password", NEW_PASSWORD)], Some(&here))
        .await;
    assert_eq!(wrong.status, 401);
    let done = app
        .post_form("account/password", &[("current_password", PASSWORD), ("new_password", NEW_PASSWORD)], Some(&here))
        .await;
    assert_eq!(done.status, 200, "{}", done.body);
    assert!(done.body.contains("other device was signed out"), "{}", done.body);
    assert_eq!(app.get_page("/en/account", Some(&here)).await.status, 200, "this session stays");
    assert_eq!(app.get_page("/en/account", Some(&elsewhere)).await.status, 302, "the other one ends");
    let signed_out = app
        .post_form("account/password", &[("current_password", NEW_PASSWORD), ("new_password", PASSWORD)], None)
        .await;
    assert_eq!(signed_out.status, 401);
}
on_both_engines!(password_change, changing_the_password_needs_the_current_one);

fn address<'a>(name: &'a str, city: &'a str) -> Vec<(&'static str, &'a str)> {
    vec![
        ("address[full_name]", name),
        ("address[line1]", "12 rue de la Paix"),
        ("address[postcode]", "75002"),
        ("address[city]", city),
        ("address[country]", "FR"),
    ]
}

async fn list(app: &TestApp, cookie: &str) -> serde_json::Value {
    let answer = app.post_form("account/addresses", &[], Some(cookie)).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    serde_json::from_str(&answer.body).unwrap()
}

async fn addresses_belong_to_their_owner(app: &TestApp) {
    let anne = register(app, "anne@example.fr").await.session_cookie().unwrap();
    let bea = register(app, "bea@example.fr").await.session_cookie().unwrap();
    assert_eq!(
        app.post_form("account/addresses/save", &address("Anne Dupont", "Paris"), Some(&anne)).await.status,
        200
    );
    let mut second = address("Anne Dupont", "Lyon");
    second.push(("make_default", "yes"));
    assert_eq!(app.post_form("account/addresses/save", &second, Some(&anne)).await.status, 200);
    let held = list(app, &anne).await;
    assert_eq!(held.as_array().unwrap().len(), 2);
    assert_eq!(held[0]["address"]["city"], "Lyon", "the new default comes first");
    assert_eq!(held[0]["is_default"], true);
    assert_eq!(held[1]["is_default"], false);
    let (lyon, paris) = (held[0]["id"].to_string(), held[1]["id"].to_string());

    // Bad input: 400, nothing written.
    let mut bad = address("Anne Dupont", "Paris");
    bad[4] = ("address[country]", "ZZ");
    let refused = app.post_form("account/addresses/save", &bad, Some(&anne)).await;
    assert_eq!(refused.status, 400);
    assert!(refused.body.contains("country"), "{}", refused.body);
    assert_eq!(list(app, &anne).await.as_array().unwrap().len(), 2);

    // Someone else's address: not found, and untouched.
    let mut edit = address("Mallory", "Nowhere");
    edit.push(("id", &lyon));
    assert_eq!(app.post_form("account/addresses/save", &edit, Some(&bea)).await.status, 404);
    assert_eq!(app.post_form("account/addresses/remove", &[("id", &paris)], Some(&bea)).await.status, 404);
    assert_eq!(app.post_form("account/addresses/default", &[("id", &paris)], Some(&bea)).await.status, 404);
    assert_eq!(app.post_form("account/addresses/remove", &[("id", &paris)], None).await.status, 401);
    let held = list(app, &anne).await;
    assert_eq!(held[0]["address"]["full_name"], "Anne Dupont");
    assert!(list(app, &bea).await.as_array().unwrap().is_empty());

    // The owner edits, switches the default, removes the default.
    let mut edit = address("Anne Martin", "Lyon");
    edit.push(("id", &lyon));
    assert_eq!(app.post_form("account/addresses/save", &edit, Some(&anne)).await.status, 200);
    assert_eq!(app.post_form("account/addresses/default", &[("id", &paris)], Some(&anne)).await.status, 200);
    let held = list(app, &anne).await;
    assert_eq!(held[0]["address"]["city"], "Paris");
    assert_eq!(held[1]["address"]["full_name"], "Anne Martin");
    assert_eq!(app.post_form("account/addresses/remove", &[("id", &paris)], Some(&anne)).await.status, 200);
    let held = list(app, &anne).await;
    assert_eq!(held.as_array().unwrap().len(), 1);
    assert_eq!(held[0]["is_default"], true, "the remaining address becomes the default");
    assert_eq!(app.post_form("account/addresses/remove", &[("id", "not-a-number")], Some(&anne)).await.status, 400);
}
on_both_engines!(addresses, addresses_belong_to_their_owner);

async fn deleting_the_account_erases_it_and_frees_the_address(app: &TestApp) {
    let cookie = register(app, "anne@example.fr").await.session_cookie().unwrap();
    app.post_form("account/addresses/save", &address("Anne Dupont", "Paris"), Some(&cookie)).await;
    app.post_form("newsletter", &[("email", "anne@example.fr"), ("intent", "subscribe")], None).await;
    let wrong = app.post_form("account/delete", &[("password", "not mine")], Some(&cookie)).await;
    assert_eq!(wrong.status, 401);
    assert_eq!(app.get_page("/en/account", Some(&cookie)).await.status, 200, "still there");
    assert_eq!(app.post_form("account/delete", &[("password", PASSWORD)], None).await.status, 401, "signed out");

    let deleted = app.post_form("account/delete", &[("password", PASSWORD)], Some(&cookie)).await;
    assert_eq!(deleted.status, 200, "{}", deleted.body);
    assert_eq!(deleted.header("location").as_deref(), Some("/en/account/deleted"));
    assert_eq!(app.get_page("/en/account", Some(&cookie)).await.status, 302, "the session ended");
    assert_eq!(sign_in(app, "anne@example.fr", PASSWORD).await.status, 401);
    for table in ["customers", "sessions", "addresses", "account_tokens", "newsletter_subscribers"] {
        let rows: i64 =
            sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(&app.db.pool).await.unwrap();
        assert_eq!(rows, 0, "{table} keeps nothing of her");
    }
    assert!(emails_to(app, "anne@example.fr").await.contains(&"Your account was deleted".to_owned()));
    assert_eq!(register(app, "anne@example.fr").await.status, 200, "the address is free again");
}
on_both_engines!(account_deletion, deleting_the_account_erases_it_and_frees_the_address);

async fn signing_in_works_without_javascript(app: &TestApp) {
    register(app, "anne@example.fr").await;
    let browser = crate::common::client_builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let page = format!("{}/en/account/sign-in?next=/account/password", app.base);
    let post = |password: &'static str| {
        browser
            .post(format!("{}/api/account/sign-in", app.base))
            .header("Accept", "text/html")
            .header("Referer", &page)
            .form(&[("email", "anne@example.fr"), ("password", password), ("next", "/account/password")])
            .send()
    };
    // Refused: back to the page, which shows why.
    let refused = post("not the password").await.unwrap();
    assert!(refused.status().is_redirection(), "{}", refused.status());
    let back = refused.headers().get("location").unwrap().to_str().unwrap().to_owned();
    assert!(back.starts_with(&page), "{back}");
    let shown = app.get_page(back.trim_start_matches(&app.base), None).await;
    assert!(shown.body.contains(REFUSED), "{}", shown.body);
    // Accepted: on to where the shopper was going, signed in.
    let accepted = post(PASSWORD).await.unwrap();
    assert!(accepted.status().is_redirection(), "{}", accepted.status());
    assert_eq!(accepted.headers().get("location").unwrap(), "/en/account/password");
    assert!(accepted
        .headers()
        .get_all("set-cookie")
        .iter()
        .any(|c| c.to_str().unwrap().starts_with("vitrine_session=")));
}
on_both_engines!(without_javascript, signing_in_works_without_javascript);

async fn other_sites_cannot_post_forms(app: &TestApp) {
    register(app, "anne@example.fr").await;
    let form = [("email", "anne@example.fr"), ("password", PASSWORD)];
    let from = |origin: &str| {
        app.client
            .post(format!("{}/api/account/sign-in", app.base))
            .header("Accept", "application/json")
            .header("Origin", origin.to_owned())
            .form(&form)
            .send()
    };
    // Another site signing the visitor into an account of its choosing: refused.
    let evil = from("https://evil.example").await.unwrap();
    assert_eq!(evil.status().as_u16(), 403);
    assert!(evil.headers().get("set-cookie").is_none());
    // The shop's own pages post with their own origin.
    assert_eq!(from(&app.base).await.unwrap().status().as_u16(), 200);
    let newsletter = app
        .client
        .post(format!("{}/api/newsletter", app.base))
        .header("Origin", "https://evil.example")
        .form(&[("email", "victim@example.fr"), ("intent", "unsubscribe")])
        .send()
        .await
        .unwrap();
    assert_eq!(newsletter.status().as_u16(), 403);
}
on_both_engines!(cross_site_posts, other_sites_cannot_post_forms);

async fn an_account_never_holds_more_than_ten_addresses_even_when_saved_at_once(app: &TestApp) {
    let cookie = register(app, "many@example.fr").await.session_cookie().expect("a session");
    let saves = (0..14).map(|i| {
        let cookie = cookie.clone();
        async move {
            let city = format!("Ville {i}");
            let form = [
                ("address[full_name]", "Anne Dupont"),
                ("address[line1]", "3 rue Vivienne"),
                ("address[postcode]", "75002"),
                ("address[city]", city.as_str()),
                ("address[country]", "FR"),
            ];
            app.post_form("account/addresses/save", &form, Some(&cookie)).await.status
        }
    });
    let statuses = futures::future::join_all(saves).await;
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 10, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 400).count(), 4, "{statuses:?}");
    let held: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM addresses").fetch_one(&app.db.pool).await.unwrap();
    let defaults: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM addresses WHERE is_default = 1")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!((held, defaults), (10, 1));
}
on_both_engines!(
    address_limit_under_concurrency,
    an_account_never_holds_more_than_ten_addresses_even_when_saved_at_once
);

//! Hurting the shop without a hole (issue 17, item 1): limits that hold
//! when attempts are sent all at once, a lock-out that strangers cannot
//! impose on an account's owner, IPv6 clients counted by their /64, and
//! promo codes that cannot be guessed.

use crate::checkout::{checkout, one_ring};
use crate::common::{client_builder, Answer, TestApp, PASSWORD};
use serde_json::json;

async fn sign_in(app: &TestApp, email: &str, password: &str, cookie: Option<&str>) -> Answer {
    app.post_form("account/sign-in", &[("email", email), ("password", password)], cookie).await
}

/// The `name=value` of the known-browser mark an answer sets.
fn device_cookie(answer: &Answer) -> Option<String> {
    answer.cookie("vitrine_device")
}

/// Posts a form as the client at `ip` (the server trusts its proxy's `X-Forwarded-For`).
async fn post_as(app: &TestApp, ip: &str, endpoint: &str, form: &[(&str, &str)]) -> Answer {
    let client = client_builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let request = client
        .post(format!("{}/api/{endpoint}", app.base))
        .header("Accept", "application/json")
        .header("X-Forwarded-For", ip)
        .form(form);
    let response = request.send().await.unwrap();
    let (status, headers) = (response.status().as_u16(), response.headers().clone());
    Answer { status, headers, body: response.text().await.unwrap() }
}

async fn sign_ins_sent_at_once_pass_the_limit_no_more_than_it_allows(app: &TestApp) {
    app.register("anne@example.fr").await;
    // Thirty wrong passwords at once for one address: each is counted
    // before it is judged, so at most five are checked.
    let tries = (0..30).map(|n| async move { sign_in(app, "anne@example.fr", &format!("guess {n}"), None).await });
    let answers = futures::future::join_all(tries).await;
    let statuses: Vec<u16> = answers.iter().map(|a| a.status).collect();
    let checked = statuses.iter().filter(|s| **s == 401).count();
    let refused = statuses.iter().filter(|s| **s == 429).count();
    assert!(checked <= 5 && checked + refused == 30, "{statuses:?}");
    // Refused tries did nothing and do not count; the checked ones do:
    // once five have been checked, even the right password waits.
    for n in checked..5 {
        assert_eq!(sign_in(app, "anne@example.fr", &format!("late guess {n}"), None).await.status, 401);
    }
    assert_eq!(sign_in(app, "anne@example.fr", PASSWORD, None).await.status, 429);
    let rows: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM rate_events WHERE bucket = 'sign-in-address:anne@example.fr'")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(rows, 5, "only the five checked failures are counted");
}
on_both_engines!(concurrent_sign_ins, sign_ins_sent_at_once_pass_the_limit_no_more_than_it_allows);

async fn a_browser_that_signed_in_before_is_not_locked_out_by_strangers(app: &TestApp) {
    app.register("anne@example.fr").await;
    let first = sign_in(app, "anne@example.fr", PASSWORD, None).await;
    assert_eq!(first.status, 200, "{}", first.body);
    let mark = device_cookie(&first).expect("a signed-in browser is marked as known");
    for part in ["HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(first.set_cookies().iter().any(|c| c.starts_with("vitrine_device=") && c.contains(part)));
    }
    // A stranger types five wrong passwords: the address is closed to new browsers…
    for _ in 0..5 {
        assert_eq!(sign_in(app, "anne@example.fr", "stranger's guess", None).await.status, 401);
    }
    assert_eq!(sign_in(app, "anne@example.fr", PASSWORD, None).await.status, 429);
    // …but not to the owner's browser, which is counted apart.
    let owner = sign_in(app, "anne@example.fr", PASSWORD, Some(&mark)).await;
    assert_eq!(owner.status, 200, "{}", owner.body);
    // A mark given for another address, or forged, vouches for nothing.
    app.register("bea@example.fr").await;
    let bea = device_cookie(&sign_in(app, "bea@example.fr", PASSWORD, None).await).unwrap();
    assert_eq!(sign_in(app, "anne@example.fr", PASSWORD, Some(&bea)).await.status, 429);
    let forged = format!("{}x", mark);
    assert_eq!(sign_in(app, "anne@example.fr", PASSWORD, Some(&forged)).await.status, 429);
    // The known browser has five tries of its own, no more.
    for _ in 0..5 {
        assert_eq!(sign_in(app, "anne@example.fr", "owner's typo", Some(&mark)).await.status, 401);
    }
    assert_eq!(sign_in(app, "anne@example.fr", PASSWORD, Some(&mark)).await.status, 429);
    // A reset link reaches the owner's inbox: the address opens again everywhere.
    app.post_form("account/forgot-password", &[("email", "anne@example.fr")], None).await;
    let token = crate::accounts::links_to(app, "anne@example.fr", "/account/reset-password").await.remove(0);
    let new_password = "a brand new passphrase";
    let reset = app.post_form("account/reset-password", &[("token", &token), ("password", new_password)], None).await;
    assert_eq!(reset.status, 200, "{}", reset.body);
    assert_eq!(sign_in(app, "anne@example.fr", new_password, None).await.status, 200);
}
on_both_engines!(lock_out, a_browser_that_signed_in_before_is_not_locked_out_by_strangers);

async fn ipv6_clients_are_counted_by_their_64(app: &TestApp) {
    // Twenty failures over many addresses, each from another address of one /64.
    for n in 0..20 {
        let ip = format!("2001:db8:1:2::{:x}", n + 1);
        let email = format!("guess{n}@example.fr");
        let answer = post_as(app, &ip, "account/sign-in", &[("email", &email), ("password", "guess")]).await;
        assert_eq!(answer.status, 401, "{}", answer.body);
    }
    // A new address in that /64 is the same client, and has reached its limit…
    let same = post_as(app, "2001:db8:1:2:ffff::1", "account/sign-in", &[("email", "x@example.fr"), ("password", "g")]);
    assert_eq!(same.await.status, 429);
    // …a neighbouring /64, or an IPv4 client, is another client.
    let next = post_as(app, "2001:db8:1:3::1", "account/sign-in", &[("email", "x@example.fr"), ("password", "g")]);
    assert_eq!(next.await.status, 401);
    let v4 = post_as(app, "203.0.113.9", "account/sign-in", &[("email", "y@example.fr"), ("password", "g")]);
    assert_eq!(v4.await.status, 401);
}
on_both_engines!(ipv6_clients, ipv6_clients_are_counted_by_their_64, TestApp::spawn_behind_proxy);

async fn registering_is_limited_even_when_refused(app: &TestApp) {
    // Addresses already taken are answers worth limiting: every try counts.
    app.register("anne@example.fr").await;
    let form = |email: &'static str| {
        [("email", email), ("password", PASSWORD), ("first_name", "Anne"), ("last_name", "Dupont")]
    };
    let mut statuses = Vec::new();
    for _ in 0..20 {
        statuses.push(post_as(app, "198.51.100.7", "account/register", &form("anne@example.fr")).await.status);
    }
    assert!(statuses.iter().all(|s| *s == 400), "{statuses:?}");
    let limited = post_as(app, "198.51.100.7", "account/register", &form("new@example.fr")).await;
    assert_eq!(limited.status, 429, "{}", limited.body);
    let created: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM customers WHERE email = 'new@example.fr'")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(created, 0, "a refused registration writes nothing");
}
on_both_engines!(registration_guessing, registering_is_limited_even_when_refused, TestApp::spawn_behind_proxy);

async fn promo_codes_cannot_be_guessed(app: &TestApp) {
    let quote = |code: String| async move {
        let request = checkout("q@example.fr", one_ring("56"), Some(&code));
        app.call_json("checkout/quote", &json!({ "request": request })).await
    };
    // An expired code and one that never existed read the same.
    let (_, expired) = quote("ETE2025".into()).await;
    let (_, unknown) = quote("ETE2099".into()).await;
    let said = |q: &serde_json::Value| q["promo_refusal"].as_str().unwrap_or_default().to_owned();
    assert_eq!(said(&expired).replace("ETE2025", "X"), said(&unknown).replace("ETE2099", "X"));
    // A valid code does not count against the shopper, however often quoted.
    for _ in 0..25 {
        assert_eq!(quote("BIENVENUE10".into()).await.1["promo"], "BIENVENUE10");
    }
    // Guesses do (the two above and eighteen more, sent at once): then even a
    // real code is not looked up, and the quote says why.
    let guesses = (0..18).map(|n| quote(format!("GUESS{n:02}")));
    for (status, answer) in futures::future::join_all(guesses).await {
        assert_eq!(status, 200, "{answer}");
        assert!(said(&answer).contains("is not valid"), "{answer}");
    }
    let (status, limited) = quote("BIENVENUE10".into()).await;
    assert_eq!(status, 200, "the quote still prices the basket: {limited}");
    assert!(said(&limited).contains("15 minutes") || said(&limited).contains("60 minutes"), "{limited}");
    assert_eq!(limited["totals"]["discount"], 0);
    // The order can still be placed without a code.
    let (status, plain) =
        app.call_json("checkout/quote", &json!({ "request": checkout("q@example.fr", one_ring("56"), None) })).await;
    assert_eq!((status, plain["promo_refusal"].clone()), (200, serde_json::Value::Null));
}
on_both_engines!(promo_guessing, promo_codes_cannot_be_guessed);

//! Staff accounts that are hard to steal (issue 16 part 5): the second
//! factor after the password (enrolment, replay, recovery codes, guessing),
//! the password asked again before a refund, and the day's dashboard.

use crate::common::{Answer, TestApp, PASSWORD};
use app::domain::second_factor::{step_of, STEP_UP_SECONDS};

const CLERK: &str = "clerk@maison-aurele.example";

async fn sign_in(app: &TestApp, email: &str) -> Answer {
    app.post_form("account/sign-in", &[("email", email), ("password", PASSWORD)], None).await
}

async fn audit_actions(app: &TestApp) -> Vec<(String, String)> {
    sqlx::query_as::<_, (String, String)>("SELECT action, detail FROM staff_audit ORDER BY id")
        .fetch_all(&app.db.pool)
        .await
        .unwrap()
}

async fn enrolled(app: &TestApp, email: &str) -> bool {
    let id = app::store::customers::credentials(&app.db, &app::domain::account::Email::parse(email).unwrap())
        .await
        .unwrap()
        .unwrap()
        .0;
    app::store::second_factors::get(&app.db, id).await.unwrap().is_some_and(|f| f.enrolled)
}

async fn the_back_office_asks_for_a_second_factor(app: &TestApp) {
    // A customer made staff: until the second factor, the session is a customer's.
    let cookie = app.register(CLERK).await;
    let clerk = app::domain::account::Email::parse(CLERK).unwrap();
    assert!(app::store::customers::set_staff(&app.db, &clerk, true).await.unwrap());
    let refused = app.post_form("staff/orders", &[], Some(&cookie)).await;
    assert_eq!(refused.status, 401, "{}", refused.body);
    assert!(refused.json()["SecondFactor"].is_string(), "{}", refused.body);
    for endpoint in ["staff/dashboard", "staff/returns", "staff/stock", "staff/service", "staff/recovery-codes"] {
        assert_eq!(app.post_form(endpoint, &[], Some(&cookie)).await.status, 401, "{endpoint}");
    }
    // A staff page sends the browser to type the code, then back.
    let page = app.get_page("/en/staff/orders", Some(&cookie)).await;
    assert_eq!(page.status, 302);
    assert_eq!(page.header("location").as_deref(), Some("/en/staff/second-factor?next=/staff/orders"));

    // Signing in sends staff to the second factor, with where they were going.
    let signed = sign_in(app, CLERK).await;
    assert!(signed.status < 400, "{}", signed.body);
    let cookie = signed.session_cookie().expect("a session");
    let to = signed.header("location").unwrap_or_default();
    assert!(to.ends_with("/staff/second-factor?next=/staff"), "{to}");

    // The first time, the page offers a QR code; reloaded, the same key.
    let first = app.post_form("staff/second-factor/page", &[], Some(&cookie)).await.json();
    let key = first["Enrol"]["key"].as_str().expect("an enrolment").to_owned();
    assert!(first["Enrol"]["qr"].as_str().unwrap().starts_with("data:image/png;base64,"));
    let again = app.post_form("staff/second-factor/page", &[], Some(&cookie)).await.json();
    assert_eq!(again["Enrol"]["key"].as_str(), Some(key.as_str()), "the QR code already scanned stays");
    let secret = app.second_factor_secret(CLERK).await;
    assert_eq!(key.replace(' ', ""), secret);

    // Not a code, a wrong code: 400, the session still waits, nothing is enrolled.
    let right = app::auth::second_factor::code_at(&secret, step_of(app::store::unix_now())).unwrap();
    let wrong = if right == "000000" { "111111" } else { "000000" };
    for bad in ["12345", "abc", "", wrong, "ABCDE-FGHIJ"] {
        let answer = app.post_form("staff/second-factor", &[("code", bad)], Some(&cookie)).await;
        assert_eq!(answer.status, 400, "{bad:?}: {}", answer.body);
    }
    assert!(!enrolled(app, CLERK).await);
    assert_eq!(app.post_form("staff/orders", &[], Some(&cookie)).await.status, 401);
    assert!(audit_actions(app).await.is_empty(), "nothing was written");

    // The right code enrols, opens the back office, and goes to the recovery codes.
    let code = app.next_code(&cookie, CLERK).await;
    let passed = app.post_form("staff/second-factor", &[("code", code.as_str())], Some(&cookie)).await;
    assert!(passed.status < 400, "{}", passed.body);
    // Both factors in: a new token, and the one that waited for the code is worth nothing.
    let waited = cookie;
    let cookie = passed.session_cookie().expect("a new session");
    assert_ne!(cookie, waited);
    assert_eq!(app.post_form("staff/orders", &[], Some(&waited)).await.status, 401);
    assert!(passed.header("location").unwrap_or_default().contains("/staff/recovery-codes?next=/staff"));
    assert!(enrolled(app, CLERK).await);
    assert_eq!(app.post_form("staff/orders", &[], Some(&cookie)).await.status, 200);
    assert_eq!(app.post_form("staff/second-factor/page", &[], Some(&cookie)).await.json(), serde_json::json!("Done"));
    // The header links to the back office only now.
    let home = app.get_page("/en", Some(&cookie)).await;
    assert!(home.body.contains(r#"href="/en/staff""#), "the staff link shows once the second factor is passed");
    let waiting = sign_in(app, CLERK).await.session_cookie().unwrap();
    let home = app.get_page("/en", Some(&waiting)).await;
    assert!(!home.body.contains(r#"href="/en/staff""#), "not before");

    // The recovery codes are shown once.
    let shown = app.post_form("staff/recovery-codes", &[], Some(&cookie)).await.json();
    let codes: Vec<String> =
        shown["codes"].as_array().unwrap().iter().map(|c| c.as_str().unwrap().to_owned()).collect();
    assert_eq!(codes.len(), 10);
    assert!(codes.iter().all(|c| c.len() == 11 && c.as_bytes()[5] == b'-'), "{codes:?}");
    let later = app.post_form("staff/recovery-codes", &[], Some(&cookie)).await.json();
    assert_eq!(later["codes"], serde_json::json!([]), "never shown again");
    assert_eq!(later["left"], 10);
    let stored: Vec<String> =
        sqlx::query_scalar("SELECT code_digest FROM staff_recovery_codes").fetch_all(&app.db.pool).await.unwrap();
    assert_eq!(stored.len(), 10);
    assert!(stored.iter().all(|d| !codes.iter().any(|c| d.contains(&c.replace('-', "")))), "only digests kept");

    // The same code in a new session is a replay: refused.
    let thief = sign_in(app, CLERK).await.session_cookie().unwrap();
    let replay = app.post_form("staff/second-factor", &[("code", code.as_str())], Some(&thief)).await;
    assert_eq!(replay.status, 400, "{}", replay.body);
    assert_eq!(app.post_form("staff/orders", &[], Some(&thief)).await.status, 401);

    // A recovery code opens one session, once.
    let lost_phone = sign_in(app, CLERK).await.session_cookie().unwrap();
    let recovery = codes[3].to_lowercase();
    let used = app.post_form("staff/second-factor", &[("code", recovery.as_str())], Some(&lost_phone)).await;
    assert!(used.status < 400, "{}", used.body);
    let lost_phone = used.session_cookie().expect("a new session");
    assert_eq!(app.post_form("staff/orders", &[], Some(&lost_phone)).await.status, 200);
    let twice = sign_in(app, CLERK).await.session_cookie().unwrap();
    assert_eq!(app.post_form("staff/second-factor", &[("code", codes[3].as_str())], Some(&twice)).await.status, 400);
    assert_eq!(app.post_form("staff/recovery-codes", &[], Some(&lost_phone)).await.json()["left"], 9);

    // Each sign-in is in the audit log, with how.
    let audit = audit_actions(app).await;
    assert_eq!(
        audit,
        vec![
            ("staff_sign_in".to_owned(), "one-time code, authenticator enrolled".to_owned()),
            ("staff_sign_in".to_owned(), "recovery code".to_owned()),
        ]
    );

    // A customer has no second factor to type.
    let anne = app.register("anne@example.fr").await;
    assert_eq!(app.post_form("staff/second-factor/page", &[], Some(&anne)).await.status, 403);
    assert_eq!(app.post_form("staff/second-factor", &[("code", "123456")], Some(&anne)).await.status, 403);
    assert_eq!(app.post_form("staff/second-factor/page", &[], None).await.status, 401);
}
on_both_engines!(second_factor, the_back_office_asks_for_a_second_factor);

async fn guessing_codes_is_limited(app: &TestApp) {
    app.staff(CLERK).await;
    let cookie = sign_in(app, CLERK).await.session_cookie().unwrap();
    let secret = app.second_factor_secret(CLERK).await;
    let now = step_of(app::store::unix_now());
    let codes: Vec<String> = (-1..=1).map(|s| app::auth::second_factor::code_at(&secret, now + s).unwrap()).collect();
    let mut guesses = (0..1_000_000).map(|n| format!("{n:06}")).filter(|g| !codes.contains(g));
    for _ in 0..5 {
        let guess = guesses.next().unwrap();
        assert_eq!(app.post_form("staff/second-factor", &[("code", guess.as_str())], Some(&cookie)).await.status, 400);
    }
    // The sixth try waits, even with the right code.
    let right = app.next_code(&cookie, CLERK).await;
    assert_eq!(app.post_form("staff/second-factor", &[("code", right.as_str())], Some(&cookie)).await.status, 429);
    assert_eq!(app.post_form("staff/orders", &[], Some(&cookie)).await.status, 401);
}
on_both_engines!(second_factor_guessing, guessing_codes_is_limited);

async fn guesses_sent_at_once_are_limited_too(app: &TestApp) {
    app.staff(CLERK).await;
    let cookie = sign_in(app, CLERK).await.session_cookie().unwrap();
    let secret = app.second_factor_secret(CLERK).await;
    let now = step_of(app::store::unix_now());
    let codes: Vec<String> = (-2..=2).map(|s| app::auth::second_factor::code_at(&secret, now + s).unwrap()).collect();
    let guesses: Vec<String> =
        (0..1_000_000).map(|n| format!("{n:06}")).filter(|g| !codes.contains(g)).take(30).collect();
    // Thirty wrong codes sent at once: the count comes first, so no more than five are tried.
    let forms: Vec<[(&str, &str); 1]> = guesses.iter().map(|g| [("code", g.as_str())]).collect();
    let tries = forms.iter().map(|form| app.post_form("staff/second-factor", form, Some(&cookie)));
    let answers = futures::future::join_all(tries).await;
    let tried = answers.iter().filter(|a| a.status == 400).count();
    let refused = answers.iter().filter(|a| a.status == 429).count();
    // Each try counts before it is judged, so at most five are; which five depends on the race.
    let statuses: Vec<u16> = answers.iter().map(|a| a.status).collect();
    assert!(tried <= 5 && tried + refused == 30, "{statuses:?}");
}
on_both_engines!(second_factor_concurrent_guessing, guesses_sent_at_once_are_limited_too);

async fn a_password_alone_cannot_enrol_or_change_the_account(app: &TestApp) {
    // A new member of staff, not enrolled yet; a thief with the password opens the page first.
    app.register(CLERK).await;
    let clerk = app::domain::account::Email::parse(CLERK).unwrap();
    assert!(app::store::customers::set_staff(&app.db, &clerk, true).await.unwrap());
    let thief = sign_in(app, CLERK).await.session_cookie().unwrap();
    let shown_to_thief = app.post_form("staff/second-factor/page", &[], Some(&thief)).await.json();
    let stolen_key = shown_to_thief["Enrol"]["key"].as_str().unwrap().replace(' ', "");
    // The owner's page offers a key of its own; the thief's stops working.
    let owner = sign_in(app, CLERK).await.session_cookie().unwrap();
    let shown_to_owner = app.post_form("staff/second-factor/page", &[], Some(&owner)).await.json();
    let key = shown_to_owner["Enrol"]["key"].as_str().unwrap().replace(' ', "");
    assert_ne!(key, stolen_key);
    let stolen_code = app::auth::second_factor::code_at(&stolen_key, step_of(app::store::unix_now())).unwrap();
    assert_eq!(app.post_form("staff/second-factor", &[("code", stolen_code.as_str())], Some(&thief)).await.status, 400);
    // Nor can the thief use the owner's key from the thief's session.
    let code = app::auth::second_factor::code_at(&key, step_of(app::store::unix_now())).unwrap();
    assert_eq!(app.post_form("staff/second-factor", &[("code", code.as_str())], Some(&thief)).await.status, 400);
    assert!(!enrolled(app, CLERK).await);
    // The password alone changes nothing: not the password, not the account.
    let change = [("current_password", PASSWORD), ("new_password", "a brand new passphrase")];
    let changed = app.post_form("account/password", &change, Some(&thief)).await;
    assert_eq!(changed.status, 401, "{}", changed.body);
    assert!(changed.json()["SecondFactor"].is_string());
    // The owner enrols in their own session.
    let owner = app.pass_second_factor(&owner, CLERK).await;
    assert!(enrolled(app, CLERK).await);
    assert_eq!(app.post_form("staff/orders", &[], Some(&owner)).await.status, 200);
}
on_both_engines!(second_factor_phished, a_password_alone_cannot_enrol_or_change_the_account);

async fn a_lost_phone_is_reset_and_enrolled_again(app: &TestApp) {
    app.staff(CLERK).await;
    let id = app::store::customers::credentials(&app.db, &app::domain::account::Email::parse(CLERK).unwrap())
        .await
        .unwrap()
        .unwrap()
        .0;
    let old = app.second_factor_secret(CLERK).await;
    // What `server staff reset-second-factor` does.
    let mut tx = app.db.begin_write().await.unwrap();
    assert!(app::store::second_factors::reset(&mut tx, id).await.unwrap());
    tx.commit().await.unwrap();
    let cookie = sign_in(app, CLERK).await.session_cookie().unwrap();
    let page = app.post_form("staff/second-factor/page", &[], Some(&cookie)).await.json();
    assert!(page["Enrol"]["key"].is_string(), "{page}");
    assert_ne!(app.second_factor_secret(CLERK).await, old, "a new key");
    let cookie = app.pass_second_factor(&cookie, CLERK).await;
    assert_eq!(app.post_form("staff/orders", &[], Some(&cookie)).await.status, 200);
}
on_both_engines!(second_factor_reset, a_lost_phone_is_reset_and_enrolled_again);

/// Moves the time the password was last typed in every session of `email` back.
pub(crate) async fn password_typed_ago(app: &TestApp, email: &str, seconds: i64) {
    sqlx::query(
        "UPDATE sessions SET password_at = COALESCE(password_at, created_at) - $1 \
         WHERE customer_id = (SELECT id FROM customers WHERE email = $2)",
    )
    .bind(seconds)
    .bind(email)
    .execute(&app.db.pool)
    .await
    .unwrap();
}

async fn a_refund_asks_for_the_password_again_after_a_quarter_of_an_hour(app: &TestApp) {
    let cookie = app.staff(CLERK).await;
    // No such return: a fresh password lets the call through to "not found".
    let form = |password: &'static str| {
        vec![("number", "RT-ABCDE12345-1"), ("amount", "10.00"), ("reason", ""), ("password", password)]
    };
    assert_eq!(app.post_form("staff/return-refund", &form("")[..3], Some(&cookie)).await.status, 404);
    password_typed_ago(app, CLERK, STEP_UP_SECONDS + 1).await;
    let asked = app.post_form("staff/return-refund", &form("")[..3], Some(&cookie)).await;
    assert_eq!(asked.status, 403, "{}", asked.body);
    assert!(asked.body.contains("password again"), "{}", asked.body);
    assert_eq!(app.post_form("staff/return-refund", &form(""), Some(&cookie)).await.status, 403);
    let wrong = app.post_form("staff/return-refund", &form("not the password"), Some(&cookie)).await;
    assert_eq!(wrong.status, 403);
    assert!(wrong.body.contains("not right"), "{}", wrong.body);
    // The right password passes, and counts as typed now.
    assert_eq!(app.post_form("staff/return-refund", &form(PASSWORD), Some(&cookie)).await.status, 404);
    assert_eq!(app.post_form("staff/return-refund", &form("")[..3], Some(&cookie)).await.status, 404);
    // Guessing the password here counts against the account's sign-in limit.
    password_typed_ago(app, CLERK, STEP_UP_SECONDS + 1).await;
    for _ in 0..4 {
        assert_eq!(app.post_form("staff/return-refund", &form("guess"), Some(&cookie)).await.status, 403);
    }
    assert_eq!(app.post_form("staff/return-refund", &form(PASSWORD), Some(&cookie)).await.status, 429);
}
on_both_engines!(step_up, a_refund_asks_for_the_password_again_after_a_quarter_of_an_hour);

async fn the_dashboard_counts_what_waits(app: &TestApp) {
    let cookie = app.staff(CLERK).await;
    let empty = app.post_form("staff/dashboard", &[], Some(&cookie)).await;
    assert_eq!(empty.status, 200, "{}", empty.body);
    assert_eq!(empty.json()["inbox_open"], 0);
    let now = app::store::unix_now();
    for handled in [None, None, Some(now)] {
        sqlx::query(
            "INSERT INTO service_requests (kind, locale, created_at, handled_at) VALUES ('contact', 'fr', $1, $2)",
        )
        .bind(now)
        .bind(handled)
        .execute(&app.db.pool)
        .await
        .unwrap();
    }
    let counts = app.post_form("staff/dashboard", &[], Some(&cookie)).await.json();
    assert_eq!(counts["inbox_open"], 2, "{counts}");
    assert_eq!(counts["to_validate"], 0);
    let page = app.get_page("/fr/staff", Some(&cookie)).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Demandes ouvertes du service client"), "in French");
    // Customers and strangers are kept out.
    let anne = app.register("anne@example.fr").await;
    assert_eq!(app.post_form("staff/dashboard", &[], Some(&anne)).await.status, 403);
    assert_eq!(app.post_form("staff/dashboard", &[], None).await.status, 401);
    assert_eq!(app.get_page("/en/staff", None).await.status, 302);
}
on_both_engines!(dashboard, the_dashboard_counts_what_waits);

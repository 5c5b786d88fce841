//! The audit log (issue 16 part 4): every staff action with before and
//! after, filtered by member of staff, kind and date, exported as CSV, for
//! staff only, and append-only in the database itself.

use crate::common::TestApp;
use serde_json::Value;

const CLERK: &str = "clerk@maison-aurele.example";
const OTHER: &str = "second@maison-aurele.example";

async fn set_stock(app: &TestApp, cookie: &str, expected: &str, quantity: &str) {
    let form = [("product", "aube-twin-ring"), ("size", "52"), ("expected", expected), ("quantity", quantity)];
    let answer = app.post_form("staff/stock/set", &form, Some(cookie)).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
}

async fn audit(app: &TestApp, cookie: Option<&str>, form: &[(&str, &str)]) -> (u16, Value) {
    let answer = app.post_form("staff/audit", form, cookie).await;
    (answer.status, answer.json())
}

fn actions(log: &Value) -> Vec<(String, String, String, String)> {
    log["entries"]
        .as_array()
        .unwrap_or_else(|| panic!("entries: {log}"))
        .iter()
        .map(|e| {
            let s = |k: &str| e[k].as_str().unwrap_or_default().to_owned();
            (s("staff"), s("action"), s("before"), s("after"))
        })
        .collect()
}

async fn the_audit_log_lists_filters_and_exports_every_staff_action(app: &TestApp) {
    let clerk = app.staff(CLERK).await;
    let other = app.staff(OTHER).await;
    let start: i64 = sqlx::query_scalar(
        "SELECT quantity FROM stock s JOIN products p ON p.id = s.product_id \
         WHERE p.slug = 'aube-twin-ring' AND s.size = '52'",
    )
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    set_stock(app, &clerk, &start.to_string(), "7").await;
    set_stock(app, &other, "7", "8").await;

    // Newest first: the second's stock change, then the first's, then both sign-ins.
    let (status, all) = audit(app, Some(&clerk), &[]).await;
    assert_eq!(status, 200, "{all}");
    let listed = actions(&all);
    assert_eq!(listed.len(), 4, "{listed:?}");
    assert_eq!(listed[0], (OTHER.into(), "set_stock".into(), "7".into(), "8".into()));
    assert_eq!(listed[1], (CLERK.into(), "set_stock".into(), start.to_string(), "7".into()));
    assert_eq!(&listed[2].1, "staff_sign_in");
    assert_eq!(&listed[3].1, "staff_sign_in");
    assert_eq!(all["more"], false);

    // By member of staff (in any case), by kind, by day.
    let (_, mine) = audit(app, Some(&clerk), &[("staff", "CLERK@maison-aurele.example")]).await;
    assert!(actions(&mine).iter().all(|a| a.0 == CLERK), "{mine}");
    assert_eq!(actions(&mine).len(), 2);
    let (_, stock) = audit(app, Some(&clerk), &[("kind", "stock")]).await;
    assert_eq!(actions(&stock).len(), 2);
    let (_, sign_ins) = audit(app, Some(&clerk), &[("kind", "sign_in")]).await;
    assert_eq!(actions(&sign_ins).len(), 2);
    let (_, long_ago) = audit(app, Some(&clerk), &[("from", "2001-01-01"), ("to", "2001-12-31")]).await;
    assert_eq!(actions(&long_ago).len(), 0);
    let (_, until_far) = audit(app, Some(&clerk), &[("from", "2001-01-01"), ("to", "2999-12-31")]).await;
    assert_eq!(actions(&until_far).len(), 4);

    // Filters that cannot be read: 400 with the reason.
    for (field, value) in [("kind", "refunds"), ("from", "06/12/2026"), ("to", "2026-02-30")] {
        let (status, body) = audit(app, Some(&clerk), &[(field, value)]).await;
        assert_eq!(status, 400, "{field}={value}: {body}");
    }
    let (status, body) = audit(app, Some(&clerk), &[("from", "2026-12-06"), ("to", "2026-12-01")]).await;
    assert_eq!(status, 400);
    assert!(body.to_string().contains("before the start"), "{body}");

    // The page, in both languages, with the actions named.
    let page = app.get_page("/fr/staff/audit?kind=stock", Some(&clerk)).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Stock modifié"), "in French");
    let page = app.get_page("/en/staff/audit", Some(&clerk)).await;
    assert!(page.body.contains("Back-office sign-in"));

    // The CSV export: the same filters, oldest first, a header line, formulas defused.
    let csv = app.get_page("/staff/audit.csv?kind=stock", Some(&clerk)).await;
    assert_eq!(csv.status, 200, "{}", csv.body);
    assert_eq!(csv.header("content-type").as_deref(), Some("text/csv; charset=utf-8"));
    assert!(csv.header("content-disposition").unwrap_or_default().starts_with("attachment; filename=\"vitrine-audit-"));
    assert_eq!(csv.header("cache-control").as_deref(), Some("private, no-store"));
    let lines: Vec<&str> = csv.body.lines().collect();
    assert_eq!(lines[0], "at_utc,staff,kind,action,order,before,after,detail");
    assert_eq!(lines.len(), 3, "{}", csv.body);
    assert!(lines[1].contains(&format!("{CLERK},stock,set_stock,,{start},7,")), "oldest first: {}", lines[1]);
    assert!(lines[2].contains(&format!("{OTHER},stock,set_stock,,7,8,")), "{}", lines[2]);
    let everything = app.get_page("/staff/audit.csv", Some(&clerk)).await;
    assert_eq!(everything.body.lines().count(), 5);
    assert_eq!(app.get_page("/staff/audit.csv?from=yesterday", Some(&clerk)).await.status, 400);

    // Customers and strangers are kept out of both.
    let anne = app.register("anne@example.fr").await;
    assert_eq!(audit(app, Some(&anne), &[]).await.0, 403);
    assert_eq!(audit(app, None, &[]).await.0, 401);
    assert_eq!(app.get_page("/staff/audit.csv", Some(&anne)).await.status, 403);
    assert_eq!(app.get_page("/staff/audit.csv", None).await.status, 401);
    assert_eq!(app.get_page("/en/staff/audit", Some(&anne)).await.status, 403);
}
on_both_engines!(audit_log, the_audit_log_lists_filters_and_exports_every_staff_action);

async fn the_log_cannot_be_edited_even_from_the_database(app: &TestApp) {
    app.staff(CLERK).await;
    let before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM staff_audit").fetch_one(&app.db.pool).await.unwrap();
    assert_eq!(before, 1, "the sign-in");
    for edit in [
        "UPDATE staff_audit SET detail = 'nothing happened'",
        "UPDATE staff_audit SET staff_email = 'someone@else.example'",
        "UPDATE staff_audit SET at = at - 86400",
        "DELETE FROM staff_audit",
    ] {
        let refused = sqlx::query(edit).execute(&app.db.pool).await;
        let error = refused.expect_err(edit).to_string();
        assert!(error.contains("the audit log cannot be edited"), "{edit}: {error}");
    }
    if app.db.backend == app::store::Backend::Postgres {
        // Row triggers do not see TRUNCATE: a statement trigger refuses it too.
        let error = sqlx::query("TRUNCATE staff_audit").execute(&app.db.pool).await.expect_err("TRUNCATE").to_string();
        assert!(error.contains("the audit log cannot be edited"), "{error}");
    }
    let detail: String = sqlx::query_scalar("SELECT detail FROM staff_audit").fetch_one(&app.db.pool).await.unwrap();
    assert_eq!(detail, "one-time code, authenticator enrolled");
    // Erasing the member of staff's account unlinks the entries, which stay as written.
    let id: i64 = sqlx::query_scalar("SELECT id FROM customers WHERE email = $1")
        .bind(CLERK)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    sqlx::query("DELETE FROM customers WHERE id = $1").bind(id).execute(&app.db.pool).await.unwrap();
    let kept: (Option<i64>, String) =
        sqlx::query_as("SELECT staff_id, staff_email FROM staff_audit").fetch_one(&app.db.pool).await.unwrap();
    assert_eq!(kept, (None, CLERK.to_owned()));
}
on_both_engines!(audit_append_only, the_log_cannot_be_edited_even_from_the_database);

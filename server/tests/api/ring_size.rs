//! The ring-size helper without JavaScript: the server answers the GET form
//! with the same rules the browser uses.

use crate::common::TestApp;

async fn the_helper_answers_from_the_query(app: &TestApp) {
    let (status, html) = app.get("/en/ring-size").await;
    assert_eq!(status, 200);
    assert!(html.contains("Find your ring size") && html.contains("The chart we use"));
    assert_eq!(html.matches("data-french=").count(), 23, "chart rows 44 to 66");

    let (status, html) = app.get("/en/ring-size?method=circumference&mm=52").await;
    assert_eq!(status, 200);
    assert!(html.contains(r#"data-answer="french">52<"#), "French 52");
    assert!(html.contains(r#"data-answer="us">6<"#), "US 6");

    let (_, html) = app.get("/en/ring-size?method=diameter&mm=17.3").await;
    assert!(html.contains(r#"data-answer="french">54<"#), "17.3 mm across is a 54");

    let (_, html) = app.get("/en/ring-size?method=circumference&mm=51.5").await;
    assert!(html.contains("between sizes 51 and 52: we advise 52"));

    for (mm, says) in [("abc", "is not a number"), ("5.2", "looks like centimetres"), ("300", "outside the sizes")] {
        let (status, html) = app.get(&format!("/en/ring-size?method=circumference&mm={mm}")).await;
        assert_eq!(status, 400, "{mm}");
        assert!(html.contains(says), "{mm} should say {says:?}");
        assert!(!html.contains(r#"data-answer="french""#), "{mm} gives no size");
    }
}
on_both_engines!(ring_size, the_helper_answers_from_the_query);

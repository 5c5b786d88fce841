//! Pages keep rendering while other routers are built in the same process.
//! Building a router walks the app's routes, and Leptos marks the whole
//! process "suppress resource loads" during that walk: a page whose resource
//! started then waited for ever (leptos-rs/leptos#4773). That was the stall
//! behind the test client's old retry; the server now walks its routes once.

use crate::common::{Engine, TestApp};

const PAGES: [&str; 4] = ["/", "/shop/rings", "/products/aube-solitaire-ring", "/collections/aube"];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_render_while_other_routers_are_built() {
    let app = TestApp::spawn(Engine::Sqlite).await;
    let loads = (0..8).map(|worker| {
        let app = &app;
        async move {
            for n in 0..40 {
                let path = PAGES[(worker + n) % PAGES.len()];
                // A stalled render makes the client give up after 10 s and the test fail here.
                let (status, html) = app.get(path).await;
                assert_eq!(status, 200, "{path}");
                assert!(html.contains("</main>"), "{path} rendered whole");
            }
        }
    });
    let builds = async {
        for _ in 0..40 {
            let _router = app.build_another_router();
            tokio::task::yield_now().await;
        }
    };
    tokio::join!(futures::future::join_all(loads), builds);
    app.finish().await;
}

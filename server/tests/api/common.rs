//! Starts the real server, in this process, on a random port, against a
//! fresh database: a new SQLite file, or a new PostgreSQL database.

use app::domain::country::DeliveryCountries;
use leptos::config::LeptosOptions;
use server::config::Config;
use sqlx::{Connection, Executor, PgConnection};
use std::net::SocketAddr;

/// The database engine a test runs against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// A running server and a client for it.
pub struct TestApp {
    pub base: String,
    /// The server's own database handle, for tests of server-side parts.
    pub db: app::store::Db,
    pub client: reqwest::Client,
    config: Config,
    options: LeptosOptions,
    cleanup: Cleanup,
}

enum Cleanup {
    /// A replica's: the database belongs to the first server.
    None,
    File(std::path::PathBuf),
    Database {
        admin_url: String,
        name: String,
    },
}

/// The PostgreSQL server the suite uses; these machines run one with trust auth.
fn postgres_admin_url() -> String {
    std::env::var("VITRINE_TEST_POSTGRES_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned())
}

/// The password the tests open accounts with.
pub const PASSWORD: &str = "velvet harbour lantern";

/// Client service's address in the tests: where contact messages go.
pub const SERVICE_EMAIL: &str = "service@maison-aurele.test";

/// Whether the PostgreSQL half of the suite was switched off on purpose
/// (the test command does so, and says so loudly, where no server runs).
pub fn postgres_skipped() -> bool {
    std::env::var("VITRINE_TEST_SKIP_POSTGRES").is_ok_and(|v| v == "1")
}

impl TestApp {
    /// Starts a server with the demo catalogue on a fresh database.
    pub async fn spawn(engine: Engine) -> TestApp {
        Self::spawn_with(engine, false).await
    }

    /// Starts a server, with the development mailbox on or off.
    pub async fn spawn_with(engine: Engine, dev_mailbox: bool) -> TestApp {
        Self::spawn_configured(engine, |config| config.dev_mailbox = dev_mailbox).await
    }

    /// A server whose public address is `public_url` (`https://…`: served
    /// behind TLS, as the test client still talks to it over loopback).
    pub async fn spawn_at(engine: Engine, public_url: &str) -> TestApp {
        let public_url = public_url.to_owned();
        Self::spawn_configured(engine, move |config| config.public_url = Some(public_url)).await
    }

    /// A server behind a trusted reverse proxy: the client is the last
    /// address of `X-Forwarded-For`, so a test can speak as any client.
    pub async fn spawn_behind_proxy(engine: Engine) -> TestApp {
        Self::spawn_configured(engine, |config| config.trust_forwarded_for = true).await
    }

    /// A server behind a trusted proxy with no limits on unpaid orders, as
    /// the order benchmark runs it (`VITRINE_HOLD_LIMITS=false`).
    pub async fn spawn_without_hold_limits(engine: Engine) -> TestApp {
        Self::spawn_configured(engine, |config| {
            config.trust_forwarded_for = true;
            config.hold_limits = false;
        })
        .await
    }

    /// Starts a server with its page cache on or off.
    pub async fn spawn_with_cache(engine: Engine, page_cache: bool) -> TestApp {
        Self::spawn_configured(engine, |config| config.page_cache = page_cache).await
    }

    /// Starts a server on a fresh database, its configuration adjusted by `adjust`.
    async fn spawn_configured(engine: Engine, adjust: impl FnOnce(&mut Config)) -> TestApp {
        server::telemetry::init();
        let id = uuid::Uuid::new_v4().simple().to_string();
        let (database_url, cleanup) = match engine {
            Engine::Sqlite => {
                let file = std::env::temp_dir().join(format!("vitrine-test-{id}.db"));
                (format!("sqlite://{}", file.display()), Cleanup::File(file))
            }
            Engine::Postgres => {
                let admin_url = postgres_admin_url();
                let name = format!("vitrine_test_{id}");
                let mut admin = PgConnection::connect(&admin_url).await.unwrap_or_else(|e| {
                    panic!(
                        "PostgreSQL at {admin_url} is not reachable ({e}). Start one, point \
                         VITRINE_TEST_POSTGRES_URL at one, or set VITRINE_TEST_SKIP_POSTGRES=1"
                    )
                });
                admin.execute(format!(r#"CREATE DATABASE "{name}""#).as_str()).await.expect("create the test database");
                let url = match admin_url.rsplit_once('/') {
                    Some((server, _)) => format!("{server}/{name}"),
                    None => panic!("VITRINE_TEST_POSTGRES_URL must name a database"),
                };
                (url, Cleanup::Database { admin_url, name })
            }
        };
        let mut config = test_config(database_url, &id);
        adjust(&mut config);
        Self::serve(config, cleanup).await
    }

    /// Starts another server process's worth of server on this one's
    /// database, as a second replica would: its own router, workers and
    /// page cache. Its `finish` leaves the database to this one's.
    pub async fn spawn_replica(&self) -> TestApp {
        Self::serve(self.config.clone(), Cleanup::None).await
    }

    /// A handle on a server running elsewhere (another process, behind a
    /// proxy) at `base`, on the database `db` at `database_url`: the same
    /// helpers drive it. Its `finish` leaves the server and database alone.
    pub fn attach(base: &str, database_url: &str, db: app::store::Db) -> TestApp {
        let config = test_config(database_url.to_owned(), "attached");
        let options = LeptosOptions::builder().output_name("vitrine").build();
        let client = client_builder().build().expect("an HTTP client");
        TestApp { base: base.to_owned(), db, client, config, options, cleanup: Cleanup::None }
    }

    /// Prepares the database, then serves on a free port.
    async fn serve(mut config: Config, cleanup: Cleanup) -> TestApp {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a free port");
        let addr: SocketAddr = listener.local_addr().expect("its address");
        config.addr = addr;
        // The repository's public files stand for the built site: enough to
        // tell static files from pages.
        let options = LeptosOptions::builder()
            .output_name("vitrine")
            .site_addr(addr)
            .site_root(concat!(env!("CARGO_MANIFEST_DIR"), "/../public"))
            .build();
        let db = server::prepare_database(&config).await.expect("the database is prepared");
        let app = server::router(&config, options.clone(), db.clone());
        server::start_workers(&config, &db);
        tokio::spawn(async move {
            axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
                .await
                .expect("the server runs")
        });
        // A request that hangs fails its test, naming itself, instead of stalling the suite.
        let client = client_builder().build().expect("an HTTP client");
        TestApp { base: format!("http://{addr}"), db, client, config, options, cleanup }
    }

    /// Builds another router for this server's database, as a second
    /// server in this process would (it is not served).
    pub fn build_another_router(&self) -> axum::Router {
        server::router(&self.config, self.options.clone(), self.db.clone())
    }

    /// GETs a path; returns the status and the body.
    /// Where this server keeps return photos and the catalogue's pictures.
    pub fn photos(&self) -> &app::photos::PhotoStore {
        &self.config.photo_store
    }

    /// What the server's workers are given of the site, for calling one
    /// here as another server process would.
    pub fn site(&self) -> app::config::SiteConfig {
        app::config::SiteConfig {
            public_url: self.base.clone(),
            delivery_countries: app::domain::country::DeliveryCountries::house_default(),
            service_email: app::domain::account::Email::parse("service@example.fr").unwrap(),
        }
    }

    pub async fn get(&self, path: &str) -> (u16, String) {
        text_answer(self.client.get(format!("{}{path}", self.base)), path).await
    }

    /// GETs a path until its answer passes `test`: pages follow the
    /// catalogue's version within `server::catalogue_watch::POLL` (100 ms);
    /// 3 s is far beyond the bound, room for a loaded machine.
    pub async fn get_until(&self, path: &str, what: &str, test: impl Fn(u16, &str) -> bool) -> String {
        let began = std::time::Instant::now();
        loop {
            let (status, html) = self.get(path).await;
            if test(status, &html) {
                return html;
            }
            assert!(began.elapsed() < std::time::Duration::from_secs(3), "{path} never showed {what} ({status})");
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
    }

    /// Calls a server function the way the browser does (a url-encoded POST).
    pub async fn call(&self, endpoint: &str, form: &[(&str, &str)]) -> (u16, serde_json::Value) {
        let response = self
            .client
            .post(format!("{}/api/{endpoint}", self.base))
            .header("Accept", "application/json")
            .form(form)
            .send()
            .await
            .unwrap_or_else(|e| panic!("POST /api/{endpoint} {form:?}: no answer: {e}"));
        json_answer(response).await
    }

    /// Opens an account for `email` (password [`PASSWORD`]); returns its session cookie.
    pub async fn register(&self, email: &str) -> String {
        self.register_named(email, "Anne", "Dupont").await
    }

    /// Opens an account for `email` in the name given; returns its session cookie.
    pub async fn register_named(&self, email: &str, first_name: &str, last_name: &str) -> String {
        let form = [("email", email), ("password", PASSWORD), ("first_name", first_name), ("last_name", last_name)];
        let answer = self.post_form("account/register", &form, None).await;
        assert!(answer.status < 400, "{} {}", answer.status, answer.body);
        answer.session_cookie().expect("a session")
    }

    /// A member of staff signed in with both factors: opens an account for
    /// `email`, gives it the staff role (as `server staff add` does), then
    /// enrols an authenticator and types its code. Returns the session cookie.
    pub async fn staff(&self, email: &str) -> String {
        let cookie = self.register(email).await;
        let address = app::domain::account::Email::parse(email).expect("an address");
        assert!(app::store::customers::set_staff(&self.db, &address, true).await.unwrap());
        self.pass_second_factor(&cookie, email).await
    }

    /// Types a one-time code for the staff account at `email` in the session
    /// of `cookie`, as the app would show it (enrolling the first time);
    /// returns the new session's cookie (a new token once both factors are in).
    pub async fn pass_second_factor(&self, cookie: &str, email: &str) -> String {
        let code = self.next_code(cookie, email).await;
        let answer = self.post_form("staff/second-factor", &[("code", code.as_str())], Some(cookie)).await;
        assert!(answer.status < 400, "{} {}", answer.status, answer.body);
        answer.session_cookie().expect("a new session")
    }

    /// The next code the authenticator of `email` shows that the server has
    /// not taken yet (waiting for the next step if the current ones are used).
    pub async fn next_code(&self, cookie: &str, email: &str) -> String {
        use app::domain::second_factor::{step_of, SKEW_STEPS};
        let page = self.post_form("staff/second-factor/page", &[], Some(cookie)).await;
        assert_eq!(page.status, 200, "{}", page.body);
        let secret = self.second_factor_secret(email).await;
        let id = self.customer_id(email).await;
        let last = app::store::second_factors::get(&self.db, id).await.unwrap().expect("a secret").last_step;
        let mut now_step = step_of(app::store::unix_now());
        // The current step's code when it is free: it stays good for
        // SKEW_STEPS more steps. (The oldest code still taken, now - SKEW,
        // could expire between reading the clock and the server checking it.)
        let step = now_step.max(last + 1);
        while step > now_step + SKEW_STEPS {
            tokio::time::sleep(std::time::Duration::from_millis(500)).await;
            now_step = step_of(app::store::unix_now());
        }
        app::auth::second_factor::code_at(&secret, step).expect("a code")
    }

    /// The authenticator secret on offer or enrolled for the staff account at `email`.
    pub async fn second_factor_secret(&self, email: &str) -> String {
        let id = self.customer_id(email).await;
        app::store::second_factors::get(&self.db, id).await.unwrap().expect("a secret on offer").secret
    }

    async fn customer_id(&self, email: &str) -> i64 {
        let address = app::domain::account::Email::parse(email).expect("an address");
        app::store::customers::credentials(&self.db, &address).await.unwrap().expect("an account").0
    }

    /// GETs a path with a `Cookie` header; returns the status and the body.
    pub async fn get_with_cookie(&self, path: &str, cookie: &str) -> (u16, String) {
        text_answer(self.client.get(format!("{}{path}", self.base)).header("Cookie", cookie), path).await
    }

    /// Calls a JSON-encoded server function with `body` as its arguments.
    pub async fn call_json(&self, endpoint: &str, body: &serde_json::Value) -> (u16, serde_json::Value) {
        let response = self
            .client
            .post(format!("{}/api/{endpoint}", self.base))
            .header("Accept", "application/json")
            .json(body)
            .send()
            .await
            .unwrap_or_else(|e| panic!("POST /api/{endpoint}: no answer: {e}"));
        json_answer(response).await
    }

    /// POSTs a form to a server function as the browser's JavaScript does,
    /// with an optional `Cookie` header, without following redirects.
    pub async fn post_form(&self, endpoint: &str, form: &[(&str, &str)], cookie: Option<&str>) -> Answer {
        let client = client_builder().redirect(reqwest::redirect::Policy::none()).build().expect("an HTTP client");
        let mut request =
            client.post(format!("{}/api/{endpoint}", self.base)).header("Accept", "application/json").form(form);
        if let Some(cookie) = cookie {
            request = request.header("Cookie", cookie);
        }
        Answer::read(request.send().await.unwrap_or_else(|e| panic!("POST /api/{endpoint}: no answer: {e}"))).await
    }

    /// Calls a JSON-encoded server function with an optional `Cookie` header.
    pub async fn post_json(&self, endpoint: &str, body: &serde_json::Value, cookie: Option<&str>) -> Answer {
        let mut request =
            self.client.post(format!("{}/api/{endpoint}", self.base)).header("Accept", "application/json").json(body);
        if let Some(cookie) = cookie {
            request = request.header("Cookie", cookie);
        }
        Answer::read(request.send().await.unwrap_or_else(|e| panic!("POST /api/{endpoint}: no answer: {e}"))).await
    }

    /// Calls a JSON-encoded server function as the client at `ip` (for a
    /// server that trusts its proxy's `X-Forwarded-For`).
    pub async fn post_json_as(&self, ip: &str, endpoint: &str, body: &serde_json::Value) -> Answer {
        let request = self
            .client
            .post(format!("{}/api/{endpoint}", self.base))
            .header("Accept", "application/json")
            .header("X-Forwarded-For", ip)
            .json(body);
        Answer::read(request.send().await.unwrap_or_else(|e| panic!("POST /api/{endpoint}: no answer: {e}"))).await
    }

    /// Posts a multipart form (files and fields) to a server function, as the returns form does.
    pub async fn post_multipart(&self, endpoint: &str, form: reqwest::multipart::Form, cookie: Option<&str>) -> Answer {
        let client = client_builder().redirect(reqwest::redirect::Policy::none()).build().expect("an HTTP client");
        let mut request =
            client.post(format!("{}/api/{endpoint}", self.base)).header("Accept", "application/json").multipart(form);
        if let Some(cookie) = cookie {
            request = request.header("Cookie", cookie);
        }
        Answer::read(request.send().await.unwrap_or_else(|e| panic!("POST /api/{endpoint}: no answer: {e}"))).await
    }

    /// GETs a page as a browser does, without following redirects, with an optional `Cookie` header.
    pub async fn get_page(&self, path: &str, cookie: Option<&str>) -> Answer {
        let client = client_builder().redirect(reqwest::redirect::Policy::none()).build().expect("an HTTP client");
        // As a browser asks: a redirect is then a real 302.
        let request = client.get(format!("{}{path}", self.base)).header("Accept", "text/html");
        let request = match cookie {
            Some(cookie) => request.header("Cookie", cookie),
            None => request,
        };
        let response = request.send().await.unwrap_or_else(|e| panic!("GET {path}: no answer: {e}"));
        Answer::read(response).await
    }

    /// Removes the test's database.
    pub async fn finish(self) {
        match self.cleanup {
            Cleanup::None => {}
            Cleanup::File(file) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
                }
            }
            Cleanup::Database { admin_url, name } => {
                if let Ok(mut admin) = PgConnection::connect(&admin_url).await {
                    let _ = admin.execute(format!(r#"DROP DATABASE IF EXISTS "{name}" WITH (FORCE)"#).as_str()).await;
                }
            }
        }
    }
}

/// The configuration the tests' servers start from: the demo catalogue,
/// no mail server, the house's defaults.
fn test_config(database_url: String, id: &str) -> Config {
    Config {
        database_url,
        addr: SocketAddr::from(([127, 0, 0, 1], 0)),
        public_url: None,
        delivery_countries: DeliveryCountries::house_default(),
        cors_origins: Vec::new(),
        seed_demo: true,
        smtp_url: None,
        mail_from: server::config::DEFAULT_MAIL_FROM.to_owned(),
        service_email: app::domain::account::Email::parse(SERVICE_EMAIL).unwrap(),
        dev_mailbox: false,
        trust_forwarded_for: false,
        payment_minutes: app::domain::checkout::DEFAULT_PAYMENT_MINUTES,
        hold_limits: true,
        email_retention_days: server::config::DEFAULT_EMAIL_RETENTION_DAYS,
        secret_key: None,
        page_cache: true,
        photo_store: app::photos::PhotoStore::open(
            &std::env::temp_dir().join(format!("vitrine-test-photos-{id}")).display().to_string(),
        )
        .expect("a photo directory"),
    }
}

/// An answer: status, headers and body.
pub struct Answer {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: String,
}

impl Answer {
    async fn read(response: reqwest::Response) -> Answer {
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        Answer { status, headers, body: response.text().await.expect("a body") }
    }

    /// The body as JSON (a server function's answer).
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|_| serde_json::Value::String(self.body.clone()))
    }

    /// A header's value, if present.
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_owned)
    }

    /// Every `Set-Cookie` value.
    pub fn set_cookies(&self) -> Vec<String> {
        self.headers.get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()).map(str::to_owned).collect()
    }

    /// The `name=value` pair of the session cookie this answer sets, if any.
    pub fn session_cookie(&self) -> Option<String> {
        self.cookie("vitrine_session")
    }

    /// The `name=value` pair of the cookie `name` this answer sets (not removes), if any.
    pub fn cookie(&self, name: &str) -> Option<String> {
        let set = format!("{name}=");
        self.set_cookies()
            .iter()
            .find(|c| c.starts_with(&set) && !c.starts_with(&format!("{set};")))
            .and_then(|c| c.split(';').next())
            .map(str::to_owned)
    }
}

/// A server function's status and body, the body as JSON when it is JSON.
/// Sends a GET for `path`; returns the status and the body as text.
async fn text_answer(request: reqwest::RequestBuilder, path: &str) -> (u16, String) {
    let response = request.send().await.unwrap_or_else(|e| panic!("GET {path}: no answer: {e}"));
    (response.status().as_u16(), response.text().await.expect("a body"))
}

async fn json_answer(response: reqwest::Response) -> (u16, serde_json::Value) {
    let status = response.status().as_u16();
    let text = response.text().await.expect("a body");
    let json = serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text));
    (status, json)
}

/// Declares a test that runs once against SQLite and once against
/// PostgreSQL, on a server started by `TestApp::spawn` or by `$spawn`.
#[macro_export]
macro_rules! on_both_engines {
    ($name:ident, $body:path) => {
        on_both_engines!($name, $body, $crate::common::TestApp::spawn);
    };
    ($name:ident, $body:path, $spawn:path) => {
        mod $name {
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let app = $spawn($crate::common::Engine::Sqlite).await;
                $body(&app).await;
                app.finish().await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if $crate::common::postgres_skipped() {
                    eprintln!("PostgreSQL suite switched off (VITRINE_TEST_SKIP_POSTGRES=1)");
                    return;
                }
                let app = $spawn($crate::common::Engine::Postgres).await;
                $body(&app).await;
                app.finish().await;
            }
        }
    };
}

/// How the tests' browser asks: in English unless a test says otherwise
/// (the shop answers a visitor without a preference in French), with a
/// bound on every request.
pub fn client_builder() -> reqwest::ClientBuilder {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(reqwest::header::ACCEPT_LANGUAGE, reqwest::header::HeaderValue::from_static("en-GB,en;q=0.9"));
    reqwest::Client::builder().default_headers(headers).timeout(std::time::Duration::from_secs(10))
}

//! Fuzzed inputs (issue 17, item 6): every server function receives
//! generated arguments, made from its own signature (read from the app's
//! sources: each argument's type, each struct's fields) and spoiled with
//! hostile strings, numbers, sizes, types and encodings; anonymously, as a
//! customer and as staff. No answer may be a 5xx, and an answer that
//! refuses (4xx) must write nothing.
//!
//! The test command runs a small set with a fixed seed; `bench/fuzz.sh`
//! runs many more (`VITRINE_FUZZ_CASES`, `VITRINE_FUZZ_SEED`).

use crate::common::TestApp;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::path::Path;

/// A server function as its source declares it.
#[derive(Clone)]
struct ServerFunction {
    endpoint: String,
    input: Input,
    args: Vec<(String, syn::Type)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Input {
    Form,
    Json,
    Multipart,
}

/// The app's server functions and the named-field structs their arguments may be.
struct Sources {
    functions: Vec<ServerFunction>,
    structs: HashMap<String, Vec<(String, syn::Type)>>,
}

fn read_sources() -> Sources {
    let mut sources = Sources { functions: Vec::new(), structs: HashMap::new() };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/src");
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let file = syn::parse_file(&std::fs::read_to_string(&path).unwrap()).unwrap();
                collect(&file.items, &mut sources);
            }
        }
    }
    sources.functions.sort_by(|a, b| a.endpoint.cmp(&b.endpoint));
    sources
}

fn collect(items: &[syn::Item], sources: &mut Sources) {
    for item in items {
        match item {
            syn::Item::Fn(function) => {
                let Some(attr) = function.attrs.iter().find(|a| a.path().is_ident("server")) else { continue };
                let said = attr.meta.to_token_stream_string();
                let Some(endpoint) = said.split("endpoint = \"").nth(1).and_then(|r| r.split('"').next()) else {
                    continue;
                };
                let input = if said.contains("MultipartFormData") {
                    Input::Multipart
                } else if said.contains("Json") {
                    Input::Json
                } else {
                    Input::Form
                };
                let args = function
                    .sig
                    .inputs
                    .iter()
                    .filter_map(|arg| match arg {
                        syn::FnArg::Typed(typed) => match &*typed.pat {
                            syn::Pat::Ident(name) => Some((name.ident.to_string(), (*typed.ty).clone())),
                            _ => None,
                        },
                        syn::FnArg::Receiver(_) => None,
                    })
                    .collect();
                sources.functions.push(ServerFunction { endpoint: endpoint.to_owned(), input, args });
            }
            syn::Item::Struct(item) => {
                if let syn::Fields::Named(fields) = &item.fields {
                    let fields = fields
                        .named
                        .iter()
                        .filter_map(|f| f.ident.as_ref().map(|i| (i.to_string(), f.ty.clone())))
                        .collect();
                    sources.structs.insert(item.ident.to_string(), fields);
                }
            }
            syn::Item::Mod(module) => {
                if let Some((_, items)) = &module.content {
                    collect(items, sources);
                }
            }
            _ => {}
        }
    }
}

/// `quote`'s `ToTokens` without naming the crate: the attribute as written.
trait TokenString {
    fn to_token_stream_string(&self) -> String;
}

impl TokenString for syn::Meta {
    fn to_token_stream_string(&self) -> String {
        match self {
            syn::Meta::List(list) => list.tokens.to_string(),
            _ => String::new(),
        }
    }
}

/// Strings an attacker or a broken client sends.
fn hostile_string() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just(" ".to_owned()),
        Just("\u{0}".to_owned()),
        Just("' OR 1=1 --".to_owned()),
        Just("\"; DROP TABLE orders; --".to_owned()),
        Just("<script>alert(1)</script>".to_owned()),
        Just("../../../../etc/passwd".to_owned()),
        Just("%00%ff%fe".to_owned()),
        Just("\u{202e}gnp.exe".to_owned()),
        Just("😀".repeat(300)),
        Just("a".repeat(100_000)),
        Just("-1".to_owned()),
        Just("9223372036854775808".to_owned()),
        Just("NaN".to_owned()),
        Just("1e309".to_owned()),
        Just("MA-0000000000".to_owned()),
        Just("anne@example.fr".to_owned()),
        Just("https://evil.example/".to_owned()),
        Just("//evil.example".to_owned()),
        any::<String>(),
        "[a-z0-9@.\\-_ ]{0,40}",
    ]
}

fn hostile_number() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!(0)),
        Just(json!(-1)),
        Just(json!(i64::MAX)),
        Just(json!(i64::MIN)),
        Just(json!(u64::MAX)),
        Just(json!(1.5)),
        Just(json!(1e300)),
        any::<i32>().prop_map(|n| json!(n)),
        hostile_string().prop_map(Value::String),
    ]
}

/// The last segment of a type path (`Option<T>` → ("Option", [T])).
fn shape(ty: &syn::Type) -> (String, Vec<syn::Type>) {
    match ty {
        syn::Type::Path(path) => {
            let Some(last) = path.path.segments.last() else { return (String::new(), Vec::new()) };
            let inner = match &last.arguments {
                syn::PathArguments::AngleBracketed(args) => args
                    .args
                    .iter()
                    .filter_map(|a| match a {
                        syn::GenericArgument::Type(t) => Some(t.clone()),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            };
            (last.ident.to_string(), inner)
        }
        syn::Type::Reference(reference) => shape(&reference.elem),
        _ => (String::new(), Vec::new()),
    }
}

/// A value for `ty`: usually of its shape, sometimes of another.
fn value_for(ty: &syn::Type, structs: &HashMap<String, Vec<(String, syn::Type)>>, depth: u32) -> BoxedStrategy<Value> {
    let (name, inner) = shape(ty);
    let fitting: BoxedStrategy<Value> = match name.as_str() {
        "String" | "str" => hostile_string().prop_map(Value::String).boxed(),
        "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "usize" | "isize" | "f64" | "f32" => {
            hostile_number().boxed()
        }
        "bool" => prop_oneof![Just(json!(true)), Just(json!(false)), Just(json!("on")), Just(json!("maybe"))].boxed(),
        "Option" if !inner.is_empty() => prop_oneof![Just(Value::Null), value_for(&inner[0], structs, depth)].boxed(),
        "Vec" if !inner.is_empty() && depth < 3 => {
            proptest::collection::vec(value_for(&inner[0], structs, depth + 1), 0..4).prop_map(Value::Array).boxed()
        }
        other => match structs.get(other) {
            Some(fields) if depth < 3 => {
                let fields: Vec<(String, BoxedStrategy<Value>)> =
                    fields.iter().map(|(n, t)| (n.clone(), value_for(t, structs, depth + 1))).collect();
                let names: Vec<String> = fields.iter().map(|(n, _)| n.clone()).collect();
                let values: Vec<BoxedStrategy<Value>> = fields.into_iter().map(|(_, s)| s).collect();
                values
                    .prop_map(move |values| {
                        Value::Object(names.iter().cloned().zip(values).filter(|(_, v)| !v.is_null()).collect())
                    })
                    .boxed()
            }
            // An enum, a newtype, or something deeper: a string in most encodings.
            _ => hostile_string().prop_map(Value::String).boxed(),
        },
    };
    // One value in eight is of another shape altogether.
    prop_oneof![
        7 => fitting,
        1 => prop_oneof![
            Just(Value::Null),
            Just(json!([])),
            Just(json!({})),
            hostile_number(),
            hostile_string().prop_map(Value::String),
        ],
    ]
    .boxed()
}

/// The arguments as a form encodes them (`a=1&b[c]=2&v[0]=x`).
fn form_pairs(prefix: &str, value: &Value, pairs: &mut Vec<(String, String)>) {
    match value {
        Value::Null => {}
        Value::Object(map) => {
            for (key, inner) in map {
                let name = if prefix.is_empty() { key.clone() } else { format!("{prefix}[{key}]") };
                form_pairs(&name, inner, pairs);
            }
        }
        Value::Array(items) => {
            for (i, inner) in items.iter().enumerate() {
                form_pairs(&format!("{prefix}[{i}]"), inner, pairs);
            }
        }
        Value::String(s) => pairs.push((prefix.to_owned(), s.clone())),
        other => pairs.push((prefix.to_owned(), other.to_string())),
    }
}

/// Who calls.
#[derive(Clone, Copy, Debug)]
enum Caller {
    Nobody,
    Customer,
    Staff,
}

/// What one request sends, and to whom.
#[derive(Debug)]
struct Case {
    endpoint: String,
    caller: Caller,
    body: Body,
}

#[derive(Debug)]
enum Body {
    Form(Vec<(String, String)>),
    /// Raw bytes sent as a form: encodings a browser never makes.
    Raw(Vec<u8>),
    Json(Value),
    Multipart(Vec<(String, String)>, Vec<u8>),
}

fn make_case(function: &ServerFunction, sources: &Sources, runner: &mut TestRunner) -> Body {
    let args: Vec<(String, BoxedStrategy<Value>)> =
        function.args.iter().map(|(name, ty)| (name.clone(), value_for(ty, &sources.structs, 0))).collect();
    let mut object = Map::new();
    for (name, strategy) in args {
        let value = strategy.new_tree(runner).unwrap().current();
        if !value.is_null() {
            object.insert(name, value);
        }
    }
    let raw = prop_oneof![
        Just(b"%".to_vec()),
        Just(b"a=%ff%fe&b=%zz".to_vec()),
        Just(b"[[[[=]]]]&&&==".to_vec()),
        Just(b"a[999999999999999999999]=1".to_vec()),
        Just(b"a[b][c][d][e][f][g][h][i][j][k][l][m]=1".to_vec()),
        proptest::collection::vec(any::<u8>(), 0..200),
    ];
    match function.input {
        Input::Json => {
            let spoiled = prop_oneof![8 => Just(false), 1 => Just(true)].new_tree(runner).unwrap().current();
            if spoiled {
                Body::Raw(raw.new_tree(runner).unwrap().current())
            } else {
                Body::Json(Value::Object(object))
            }
        }
        Input::Multipart => {
            // Each field within what a form's own limit reads (4 KiB): a
            // bigger one is refused before the rest of the body is read, and
            // the connection then closes under a client still sending.
            let mut pairs = Vec::new();
            for name in ["reference", "key", "form_key", "reason", "note", "line-1", "slug", "alt", "alt_fr"] {
                let value: String = hostile_string().new_tree(runner).unwrap().current();
                pairs.push((name.to_owned(), value.chars().take(1000).collect()));
            }
            let file = proptest::collection::vec(any::<u8>(), 0..2048).new_tree(runner).unwrap().current();
            Body::Multipart(pairs, file)
        }
        Input::Form => {
            let spoiled = prop_oneof![8 => Just(false), 1 => Just(true)].new_tree(runner).unwrap().current();
            if spoiled {
                Body::Raw(raw.new_tree(runner).unwrap().current())
            } else {
                let mut pairs = Vec::new();
                form_pairs("", &Value::Object(object), &mut pairs);
                Body::Form(pairs)
            }
        }
    }
}

/// How many rows each table holds (the attempts counted by rate limits
/// aside: a refused attempt is counted by design).
async fn footprint(app: &TestApp, tables: &[String]) -> Vec<i64> {
    let selects: Vec<String> = tables.iter().map(|t| format!(r#"(SELECT COUNT(*) FROM "{t}")"#)).collect();
    let sql = format!("SELECT {}", selects.join(" || ',' || "));
    let row: String = sqlx::query_scalar(&sql).fetch_one(&app.db.pool).await.unwrap();
    row.split(',').map(|n| n.parse().unwrap()).collect()
}

async fn send(app: &TestApp, case: &Case, cookies: &HashMap<&'static str, String>) -> (u16, String) {
    let client = crate::common::client_builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let mut request = client.post(format!("{}/api/{}", app.base, case.endpoint)).header("Accept", "application/json");
    let cookie = match case.caller {
        Caller::Nobody => None,
        Caller::Customer => cookies.get("customer"),
        Caller::Staff => cookies.get("staff"),
    };
    if let Some(cookie) = cookie {
        request = request.header("Cookie", cookie);
    }
    request = match &case.body {
        Body::Form(pairs) => request.form(pairs),
        Body::Raw(bytes) => request.header("Content-Type", "application/x-www-form-urlencoded").body(bytes.clone()),
        Body::Json(value) => request.json(value),
        Body::Multipart(pairs, file) => {
            let mut form = reqwest::multipart::Form::new();
            for (name, value) in pairs {
                form = form.text(name.clone(), value.clone());
            }
            let part = reqwest::multipart::Part::bytes(file.clone()).file_name("photo.jpg").mime_str("image/jpeg");
            request.multipart(form.part("photos", part.unwrap()))
        }
    };
    let response = request.send().await.unwrap_or_else(|e| panic!("no answer: {e:?}, for {case:?}"));
    let status = response.status().as_u16();
    (status, response.text().await.unwrap_or_default())
}

/// What a run came to: requests sent, by class of answer.
#[derive(Debug, Default)]
struct Tally {
    cases: usize,
    ok: usize,
    refused: usize,
}

async fn fuzz(app: &TestApp, cases_per_function: usize, seed: u64) -> Tally {
    let sources = read_sources();
    assert!(sources.functions.len() >= 70, "the server functions are found: {}", sources.functions.len());
    let mut tables: Vec<String> = crate::erasure::tables(app).await.into_iter().collect();
    tables.retain(|t| t != "rate_events");
    let mut cookies = HashMap::new();
    cookies.insert("customer", app.register("fuzz-customer@example.fr").await);
    cookies.insert("staff", app.staff("fuzz-clerk@maison-aurele.example").await);
    let mut seed_bytes = [0u8; 32];
    seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let mut runner = TestRunner::new_with_rng(Config::default(), TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes));
    let mut tally = Tally::default();
    for n in 0..cases_per_function {
        for function in &sources.functions {
            // Staff sign out and delete accounts like anyone: those would end the run's sessions.
            let caller = match n % 3 {
                0 => Caller::Nobody,
                1 => Caller::Customer,
                _ => Caller::Staff,
            };
            let ends_session = ["account/sign-out", "account/delete", "account/password", "staff/second-factor/reset"]
                .iter()
                .any(|e| function.endpoint.starts_with(e));
            let caller = if ends_session { Caller::Nobody } else { caller };
            let case =
                Case { endpoint: function.endpoint.clone(), caller, body: make_case(function, &sources, &mut runner) };
            let before = footprint(app, &tables).await;
            let (status, body) = send(app, &case, &cookies).await;
            tally.cases += 1;
            assert!(status < 500, "{status} for {case:?}: {body}");
            if (400..500).contains(&status) {
                tally.refused += 1;
                let after = footprint(app, &tables).await;
                let changed: Vec<&String> =
                    tables.iter().zip(before.iter().zip(&after)).filter(|(_, (b, a))| b != a).map(|(t, _)| t).collect();
                assert!(changed.is_empty(), "a refused request ({status}) wrote to {changed:?}: {case:?}");
            } else {
                tally.ok += 1;
            }
        }
    }
    tally
}

async fn every_server_function_survives_hostile_input(app: &TestApp) {
    let cases = std::env::var("VITRINE_FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(3);
    let seed = std::env::var("VITRINE_FUZZ_SEED").ok().and_then(|n| n.parse().ok()).unwrap_or(17);
    let started = std::time::Instant::now();
    let tally = fuzz(app, cases, seed).await;
    // The bench script reads this line.
    println!(
        "fuzz: engine={:?} seed={seed} cases={} ok={} refused={} 5xx=0 seconds={:.1}",
        app.db.backend,
        tally.cases,
        tally.ok,
        tally.refused,
        started.elapsed().as_secs_f64()
    );
}
on_both_engines!(server_functions, every_server_function_survives_hostile_input);

async fn a_body_too_large_is_refused_unread(app: &TestApp) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    // Ten megabytes announced, none sent: the answer comes before any is read.
    let host = app.base.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(host).await.unwrap();
    let head = format!(
        "POST /api/account/sign-in HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/x-www-form-urlencoded\r\n\
         Content-Length: 10485760\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.unwrap();
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
}
on_both_engines!(body_limit, a_body_too_large_is_refused_unread);

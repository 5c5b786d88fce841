//! What a kept page's answer costs now that each carries a nonce of its
//! own (issue 17): joining the pieces around a new nonce, per encoding,
//! against handing out stored bytes (what the cache did before) and
//! against compressing the page per answer (what it would take without
//! the join), in the same run. `bench/page-body.sh` runs it.
//!
//!   page_body_bench [FILE] [ROUNDS]   (FILE: a page's HTML; default a synthetic listing)

use axum::body::Bytes;
use server::page_body::PageBody;
use std::io::Write;
use std::time::Instant;

fn synthetic() -> String {
    let nonce = "RENDEREDNONCERENDEREDN";
    let mut page = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><link rel=\"modulepreload\" href=\"/pkg/vitrine.js\" crossorigin=\"{nonce}\">\
         <script type=\"module\" nonce=\"{nonce}\">import('/pkg/vitrine.js')</script></head><body>"
    );
    for index in 0..60 {
        page.push_str(&format!(
            "<li class=\"product-card\"><a href=\"/en/products/ring-{index}\"><img src=\"/images/products/ring-{index}.svg\" \
             alt=\"Ring {index}, front view\" width=\"480\" height=\"480\" loading=\"lazy\"><span class=\"card-name\">Ring {index}</span></a>\
             <p class=\"price\"><span class=\"current-price\">€{},000.00</span></p></li>",
            index % 9 + 1
        ));
    }
    page.push_str(&format!("</body></html><script nonce=\"{nonce}\">__RESOLVED_RESOURCES=[];</script>"));
    page
}

fn per_answer(rounds: u32, mut answer: impl FnMut() -> usize) -> (f64, usize) {
    let mut size = 0;
    let began = Instant::now();
    for _ in 0..rounds {
        size = answer();
    }
    (began.elapsed().as_secs_f64() * 1e6 / f64::from(rounds), size)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let page = match args.first() {
        Some(file) => std::fs::read_to_string(file).expect("a page's HTML"),
        None => synthetic(),
    };
    let rounds: u32 = args.get(1).map_or(20_000, |r| r.parse().expect("a number"));
    // The render's nonce: the first `nonce="…"` of the page.
    let nonce = page.split("nonce=\"").nth(1).and_then(|rest| rest.split('"').next()).expect("a nonce in the page");
    let body = PageBody::cut(Bytes::from(page.clone()), Some(nonce));
    let whole = Bytes::from(page.clone());
    let stored_br = body.brotli(nonce);
    let stored_gz = body.gzip(nonce);
    println!("page: {} B, {} nonces, {rounds} answers each", page.len(), body.holes());
    println!("{:<38} {:>10} {:>9}", "answer", "µs each", "bytes");
    let fresh = || leptos::nonce::Nonce::new().to_string();
    let rows: Vec<(&str, (f64, usize))> = vec![
        ("stored bytes (reference)", per_answer(rounds, || stored_br.clone().len())),
        ("identity, new nonce", per_answer(rounds, || body.identity(&fresh()).len())),
        ("brotli joined, new nonce", per_answer(rounds, || body.brotli(&fresh()).len())),
        ("gzip joined, new nonce", per_answer(rounds, || body.gzip(&fresh()).len())),
        ("brotli 4 per answer (tower-http's)", per_answer(rounds / 20, || compress_br(&whole))),
        ("gzip 6 per answer", per_answer(rounds / 20, || compress_gz(&whole))),
    ];
    for (name, (micros, bytes)) in &rows {
        println!("{name:<38} {micros:>10.2} {bytes:>9}");
    }
    println!("stored brotli {} B, gzip {} B", stored_br.len(), stored_gz.len());
}

fn compress_br(page: &[u8]) -> usize {
    let params = brotli::enc::BrotliEncoderParams { quality: 4, ..Default::default() };
    let mut out = Vec::new();
    let _ = brotli::BrotliCompress(&mut &page[..], &mut out, &params);
    out.len()
}

fn compress_gz(page: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
    let _ = encoder.write_all(page);
    encoder.finish().map_or(0, |out| out.len())
}

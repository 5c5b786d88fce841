//! The Content-Security-Policy every page is sent with (issue 17).
//!
//! Scripts run only from this origin or, inline, when they carry the
//! response's nonce: Leptos stamps it on the hydration script it writes
//! (`leptos::nonce`), and a script injected into a page cannot know it.
//! WebAssembly is compiled from the shop's own files ('wasm-unsafe-eval'
//! allows that and nothing else: no `eval`). Styles, pictures, fonts and
//! fetches come from this origin only; no page may be framed, no form
//! posts elsewhere, and no `<base>` can move relative addresses.

use leptos::prelude::*;

/// The header's name, for the server's layers and tests.
pub const HEADER: http::HeaderName = http::header::CONTENT_SECURITY_POLICY;

/// Where the nonce sits in [`for_page`]'s answer: what a kept page's
/// header is rewritten around.
pub const NONCE_SOURCE_PREFIX: &str = "'nonce-";

/// The policy of an HTML answer the app did not render (a server page
/// with no script: the development mailbox, a one-click confirmation).
/// Inline styles are allowed there: those pages carry their few rules
/// inline, and email bodies are shown as written.
pub const WITHOUT_SCRIPTS: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; \
     form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// The policy of a rendered page whose inline scripts carry `nonce`.
/// `watching` adds the development server's reload socket
/// (`cargo leptos watch`), never set in production.
pub fn for_page(nonce: &str, watching: bool) -> String {
    let connect = if watching { "'self' ws: wss:" } else { "'self'" };
    format!(
        "default-src 'self'; script-src 'self' {NONCE_SOURCE_PREFIX}{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self'; font-src 'self'; connect-src {connect}; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// The nonce a policy made by [`for_page`] allows, if any.
pub fn nonce_of(policy: &str) -> Option<&str> {
    let start = policy.find(NONCE_SOURCE_PREFIX)? + NONCE_SOURCE_PREFIX.len();
    let length = policy[start..].find('\'')?;
    Some(&policy[start..start + length])
}

/// Sends this render's policy with its nonce (from the shell, once per page).
pub fn send() {
    let (Some(nonce), Some(response)) = (leptos::nonce::use_nonce(), use_context::<leptos_axum::ResponseOptions>())
    else {
        return;
    };
    let watching = std::env::var_os("LEPTOS_WATCH").is_some();
    if let Ok(value) = http::HeaderValue::from_str(&for_page(&nonce, watching)) {
        response.insert_header(HEADER, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_allows_its_nonce_and_no_inline_script_without_it() {
        let policy = for_page("abc_DEF-123", false);
        assert_eq!(nonce_of(&policy), Some("abc_DEF-123"));
        let scripts = policy.split(';').find(|d| d.trim().starts_with("script-src")).unwrap();
        assert!(!scripts.contains("unsafe-inline") && !scripts.contains("'unsafe-eval'"), "{scripts}");
        for directive in ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'self'"] {
            assert!(policy.contains(directive), "{policy}");
        }
        assert!(!policy.contains("ws:"));
        assert!(for_page("n", true).contains("connect-src 'self' ws: wss:"));
        assert_eq!(nonce_of(WITHOUT_SCRIPTS), None);
        assert!(!WITHOUT_SCRIPTS.contains("script-src") && WITHOUT_SCRIPTS.starts_with("default-src 'none'"));
    }
}

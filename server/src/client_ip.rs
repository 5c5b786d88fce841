//! Works out which client a request comes from, for the rate limits: the
//! connection's peer, or — behind a reverse proxy that is trusted to say so
//! (`VITRINE_TRUST_FORWARDED_FOR=true`) — the address the proxy appended
//! last to `X-Forwarded-For`. Earlier entries are the client's own words
//! and are never believed.

use app::config::ClientIp;
use axum::{
    extract::{ConnectInfo, Request},
    middleware::Next,
    response::Response,
};
use std::net::{IpAddr, SocketAddr};

/// The client address of a request.
pub fn client_ip(request: &Request, trust_forwarded_for: bool) -> Option<IpAddr> {
    if trust_forwarded_for {
        // Only the very last entry is the proxy's; if it is unreadable, no
        // earlier (client-written) entry takes its place.
        let forwarded = request
            .headers()
            .get_all("x-forwarded-for")
            .iter()
            .next_back()
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .and_then(|part| part.trim().parse::<IpAddr>().ok());
        if forwarded.is_some() {
            return forwarded;
        }
    }
    request.extensions().get::<ConnectInfo<SocketAddr>>().map(|info| info.0.ip())
}

/// Middleware: records the client's address on the request for the app to read.
pub async fn record(trust_forwarded_for: bool, mut request: Request, next: Next) -> Response {
    if let Some(ip) = client_ip(&request, trust_forwarded_for) {
        request.extensions_mut().insert(ClientIp(ip));
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(peer: &str, forwarded: Option<&str>) -> Request {
        let mut builder = axum::http::Request::builder().uri("/");
        if let Some(f) = forwarded {
            builder = builder.header("x-forwarded-for", f);
        }
        let mut request = builder.body(axum::body::Body::empty()).unwrap();
        request.extensions_mut().insert(ConnectInfo(peer.parse::<SocketAddr>().unwrap()));
        request
    }

    #[test]
    fn the_peer_is_the_client_unless_a_proxy_is_trusted() {
        let r = request("10.0.0.5:4000", Some("1.2.3.4"));
        assert_eq!(client_ip(&r, false), Some("10.0.0.5".parse().unwrap()));
        assert_eq!(client_ip(&r, true), Some("1.2.3.4".parse().unwrap()));
    }

    #[test]
    fn only_the_proxys_own_entry_is_believed() {
        // The client wrote "6.6.6.6"; the proxy appended what it saw.
        let r = request("10.0.0.5:4000", Some("6.6.6.6, 1.2.3.4"));
        assert_eq!(client_ip(&r, true), Some("1.2.3.4".parse().unwrap()));
        let r = request("10.0.0.5:4000", Some("garbage"));
        assert_eq!(client_ip(&r, true), Some("10.0.0.5".parse().unwrap()));
        let r = request("10.0.0.5:4000", Some("6.6.6.6, garbage"));
        assert_eq!(client_ip(&r, true), Some("10.0.0.5".parse().unwrap()), "no fallback to the client's words");
    }
}

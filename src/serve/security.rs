//! What every request is checked against before a route sees it (the middleware in `routes`): the Host header must name this
//! server (a page of another site that rebinds its name to 127.0.0.1 is refused), a request
//! that changes anything must carry the token of this start (another site cannot post to
//! the page), and with `--listen` every request must carry the access password.

use std::net::SocketAddr;

use axum::http::{HeaderMap, header};

/// The header (or multipart field) that carries the token.
pub const TOKEN_HEADER: &str = "x-vanban-token";

/// What a request must show.
pub struct Guard {
    pub token: String,
    password: Option<String>,
    bound: SocketAddr,
    /// Bound to 127.0.0.1 (no `--listen`): only `127.0.0.1:PORT` and `localhost:PORT`.
    local: bool,
}

impl Guard {
    pub fn new(bound: SocketAddr, password: Option<String>, local: bool) -> Guard {
        Guard {
            token: random_token(),
            password,
            bound,
            local,
        }
    }

    /// Whether `host` (the Host header) names this server. On 127.0.0.1: `127.0.0.1:PORT`
    /// or `localhost:PORT`. With `--listen`: any IP address or `localhost` with the port, never
    /// a domain name (DNS rebinding needs one).
    pub fn host_ok(&self, host: &str) -> bool {
        let port = self.bound.port().to_string();
        let Some((name, p)) = host.rsplit_once(':') else {
            return false;
        };
        if p != port {
            return false;
        }
        let name = name.trim_start_matches('[').trim_end_matches(']');
        if name.eq_ignore_ascii_case("localhost") {
            return true;
        }
        match name.parse::<std::net::IpAddr>() {
            Ok(ip) if self.local => ip.is_loopback(),
            Ok(_) => true,
            Err(_) => false,
        }
    }

    /// Whether the request carries the access password (HTTP Basic, any user name).
    pub fn password_ok(&self, headers: &HeaderMap) -> bool {
        let Some(password) = &self.password else {
            return true;
        };
        let given = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Basic "))
            .and_then(|b64| decode_base64(b64.trim()))
            .and_then(|bytes| String::from_utf8(bytes).ok());
        let Some(given) = given else { return false };
        let given = given.split_once(':').map_or(given.as_str(), |(_, p)| p);
        same(given.as_bytes(), password.as_bytes())
    }

    /// Whether a state-changing request carries this start's token.
    pub fn token_ok(&self, headers: &HeaderMap) -> bool {
        headers
            .get(TOKEN_HEADER)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|t| same(t.as_bytes(), self.token.as_bytes()))
    }
}

/// 32 random bytes from the operating system, as hex; a random job or file id too.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    if getrandom::fill(&mut bytes).is_err() {
        // No system randomness: a token no other site can know all the same (time and
        // address of a heap value), never reused across starts.
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let local = &bytes as *const _ as usize as u128;
        bytes[..16].copy_from_slice(&(seed ^ local.rotate_left(64)).to_le_bytes());
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Equal byte strings, compared in time that does not depend on where they differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Standard base64 (with or without padding); `None` on anything else.
fn decode_base64(text: &str) -> Option<Vec<u8>> {
    use base64::Engine;
    use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
    const LENIENT: GeneralPurpose = GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
    );
    LENIENT.decode(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guard(local: bool) -> Guard {
        Guard::new("127.0.0.1:8080".parse().unwrap(), None, local)
    }

    #[test]
    fn hosts() {
        let g = guard(true);
        assert!(g.host_ok("127.0.0.1:8080"));
        assert!(g.host_ok("localhost:8080"));
        assert!(!g.host_ok("evil.example:8080"));
        assert!(!g.host_ok("127.0.0.1:8081"));
        assert!(!g.host_ok("192.168.1.5:8080"));
        assert!(!g.host_ok(""));
        assert!(guard(false).host_ok("192.168.1.5:8080"));
        assert!(!guard(false).host_ok("rebind.example:8080"));
    }

    #[test]
    fn basic_auth() {
        assert_eq!(decode_base64("dTpwYXNz").unwrap(), b"u:pass");
        let g = Guard::new("127.0.0.1:1".parse().unwrap(), Some("pass".into()), true);
        let mut headers = HeaderMap::new();
        assert!(!g.password_ok(&headers));
        headers.insert(header::AUTHORIZATION, "Basic dTpwYXNz".parse().unwrap());
        assert!(g.password_ok(&headers));
        headers.insert(header::AUTHORIZATION, "Basic dTpwYXN4".parse().unwrap());
        assert!(!g.password_ok(&headers));
    }
}

//! The HTTP side of `roadmap serve`: the page at `/` (with its
//! Content-Security-Policy), the roadmap as JSON (strong `ETag`,
//! `If-None-Match` → 304, `Cache-Control: no-cache`, and a `Link` header
//! that advertises the event stream), the Server-Sent Events stream, and
//! the built widget's files. Every response says `nosniff`.

use std::convert::Infallible;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::handler::Handler as _;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::sync::watch;
use tokio_stream::Stream;
use tokio_stream::StreamExt as _;
use tokio_stream::wrappers::WatchStream;
use tower_http::set_header::SetResponseHeaderLayer;

use super::files::{self, WidgetFiles};
use super::page::Page;
use super::published::{Published, matches_etag};
use super::{EVENTS_LINK, EVENTS_PATH, ROADMAP_PATH};

/// How often an idle event stream gets a comment, so that proxies and
/// browsers keep it open.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// How long a browser waits before reconnecting a dropped event stream.
const RETRY: Duration = Duration::from_secs(2);

/// On every response: a browser takes each for the type it says it is,
/// never guesses another (a JSON or text answer read as a script or page).
pub const NOSNIFF: HeaderValue = HeaderValue::from_static("nosniff");

/// What the handlers share.
#[derive(Clone)]
struct Shared {
    published: watch::Receiver<Arc<Published>>,
    page: Arc<Page>,
}

/// The server's routes; `widget` is the built widget's folder, when there
/// is one. On a loopback address, requests must name a loopback host.
pub fn router(
    published: watch::Receiver<Arc<Published>>,
    page: Page,
    widget: Option<WidgetFiles>,
    loopback: bool,
) -> Router {
    let shared = Shared {
        published,
        page: Arc::new(page),
    };
    let router = Router::new()
        .route("/", get(page_at_root))
        .route(ROADMAP_PATH, get(roadmap_json))
        .route(EVENTS_PATH, get(events))
        .with_state(shared);
    let router = match widget {
        Some(files) => router.fallback_service(files::serve.with_state(Arc::new(files))),
        None => router,
    };
    let router = if loopback {
        router.layer(middleware::from_fn(loopback_host_only))
    } else {
        router
    };
    router.layer(SetResponseHeaderLayer::overriding(
        header::X_CONTENT_TYPE_OPTIONS,
        NOSNIFF,
    ))
}

/// Refuses requests that name another host than this machine: a page of
/// another site whose name was made to point here (DNS rebinding) would
/// otherwise read the roadmap from the reader's own machine.
async fn loopback_host_only(request: Request, next: Next) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|host| host.to_str().ok());
    if host.is_none_or(is_loopback_host) {
        next.run(request).await
    } else {
        (
            StatusCode::FORBIDDEN,
            "roadmap serve answers only to localhost and loopback addresses\n",
        )
            .into_response()
    }
}

/// Whether a `Host` header (`name[:port]`, `[v6][:port]`) names this
/// machine.
fn is_loopback_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(v6),
        None => host.rsplit_once(':').map_or(host, |(name, _)| name),
    };
    name.eq_ignore_ascii_case("localhost")
        || name.to_ascii_lowercase().ends_with(".localhost")
        || name.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

async fn page_at_root(State(shared): State<Shared>) -> Response {
    let page = &shared.page;
    (
        [
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            ),
            (header::CONTENT_SECURITY_POLICY, page.policy.clone()),
        ],
        Body::from(page.html.clone()),
    )
        .into_response()
}

async fn roadmap_json(State(shared): State<Shared>, request: HeaderMap) -> Response {
    let published = shared.published.borrow().clone();
    let mut headers = HeaderMap::new();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    headers.insert(header::LINK, HeaderValue::from_static(EVENTS_LINK));
    if let Ok(etag) = HeaderValue::from_str(&published.etag) {
        headers.insert(header::ETAG, etag);
    }
    let unchanged = request
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .any(|value| matches_etag(value, &published.etag));
    if unchanged {
        return (StatusCode::NOT_MODIFIED, headers).into_response();
    }
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    // The same bytes for every request: a clone is a reference.
    (headers, Body::from(published.json.clone())).into_response()
}

/// The event stream: the current state at once, then every change.
async fn events(
    State(shared): State<Shared>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let stream = WatchStream::new(shared.published).map(|published| Ok(event_of(&published)));
    Sse::new(stream).keep_alive(KeepAlive::new().interval(KEEP_ALIVE))
}

/// `roadmap` with the served JSON's tag, or `invalid` with why the file's
/// newest version is refused.
fn event_of(published: &Published) -> Event {
    let event = Event::default().retry(RETRY);
    match &published.problem {
        Some(problem) => event.event("invalid").data(problem.to_json()),
        None => event.event("roadmap").data(published.event_json()),
    }
}

#[cfg(test)]
mod tests {
    use super::{Published, Shared, is_loopback_host, roadmap_json};
    use crate::serve::page::Page;
    use crate::serve::{EVENTS_LINK, EVENTS_PATH};
    use axum::extract::State;
    use axum::http::HeaderMap;
    use roadmap_core::{Format, Language, load};
    use std::sync::Arc;

    #[test]
    fn every_response_shares_the_published_bytes() {
        let dinum = include_str!("../../../data/dinum-2023.toml");
        let roadmap = load("plan.toml", dinum.as_bytes(), Format::Toml)
            .expect("loads")
            .roadmap;
        let published = Arc::new(Published::new(&roadmap));
        let (_sender, receiver) = tokio::sync::watch::channel(Arc::clone(&published));
        let shared = Shared {
            published: receiver,
            page: Arc::new(Page::new(Language::En, "plan.toml", false, false)),
        };
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("a runtime");
        for _ in 0..2 {
            let response = runtime.block_on(roadmap_json(State(shared.clone()), HeaderMap::new()));
            let body = runtime
                .block_on(axum::body::to_bytes(response.into_body(), usize::MAX))
                .expect("a body");
            assert_eq!(body, published.json);
            assert_eq!(body.as_ptr(), published.json.as_ptr(), "not a copy");
        }
    }

    #[test]
    fn the_link_header_names_the_event_stream() {
        assert!(EVENTS_LINK.starts_with(&format!("<{EVENTS_PATH}>;")));
    }

    #[test]
    fn only_this_machine_s_names_are_loopback_hosts() {
        for host in [
            "localhost",
            "LOCALHOST:8080",
            "127.0.0.1:8080",
            "127.1.2.3",
            "[::1]:80",
            "app.localhost:1",
        ] {
            assert!(is_loopback_host(host), "{host}");
        }
        for host in [
            "example.org",
            "evil.example:8080",
            "192.168.1.2:8080",
            "[2001:db8::1]:80",
            "localhost.example",
        ] {
            assert!(!is_loopback_host(host), "{host}");
        }
    }
}

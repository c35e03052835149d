//! The connections of `roadmap serve`: accepted on the listener and served
//! over HTTP/1 within limits, so that a few clients that open connections
//! and then do nothing (send no request, read no response) cannot hold the
//! server. Beyond [`Limits::max_connections`], a connection is answered
//! `503 Service Unavailable` at once and closed; an event stream's request
//! is told instead to reconnect a few seconds later, which a browser's
//! `EventSource` does by itself (a 503 would stop it for good).

use std::convert::Infallible;
use std::io;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderValue, Request, Response, StatusCode, header};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio_io_timeout::TimeoutStream;

use super::EVENTS_PATH;
use super::routes::NOSNIFF;

/// How many connections are served at once unless told otherwise: within
/// the usual open-file limit of 1,024 (`ulimit -n`), with room to spare.
pub const DEFAULT_MAX_CONNECTIONS: usize = 512;

/// How many connections beyond the limit may be waiting for their `503`
/// at once; past that, a new connection is closed without an answer.
pub const REFUSING_AT_ONCE: usize = 64;

/// How long after a refusal a client is asked to wait (`Retry-After`,
/// and an event stream's `retry:`).
const RETRY_AFTER_SECONDS: u64 = 5;

/// What a connection may take of the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Connections served at once; event streams count.
    pub max_connections: usize,
    /// How long a connection may take to send a whole request head, from
    /// when it opens or from the end of its previous response: the bound
    /// on a client that sends its request slowly and on an idle keep-alive
    /// connection alike. An event stream is a response, so never cut by it.
    pub request_timeout: Duration,
    /// How long writing to a client may make no progress (a client that
    /// does not read its response) before its connection is closed.
    pub send_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_connections: DEFAULT_MAX_CONNECTIONS,
            request_timeout: Duration::from_secs(10),
            send_timeout: Duration::from_secs(30),
        }
    }
}

/// Accepts connections on `listener` and serves `router` on each, within
/// `limits`, until the process stops.
pub async fn serve(listener: TcpListener, router: Router, limits: Limits) -> Infallible {
    let served = Arc::new(Semaphore::new(limits.max_connections));
    let refused = Arc::new(Semaphore::new(REFUSING_AT_ONCE));
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(error) => {
                // Out of file descriptors, or of memory: the pending
                // connections wait in the listen queue until some close.
                if !is_connection_error(&error) {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                continue;
            }
        };
        if let Ok(permit) = Arc::clone(&served).try_acquire_owned() {
            tokio::spawn(serve_connection(stream, router.clone(), limits, permit));
        } else if let Ok(permit) = Arc::clone(&refused).try_acquire_owned() {
            tokio::spawn(refuse_connection(stream, limits, permit));
        }
        // Else the stream is dropped here: closed without an answer.
    }
}

/// Errors of one connection that was closed before it could be accepted.
fn is_connection_error(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::ConnectionRefused
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
    )
}

/// Serves `router` on `stream` until the client or a limit closes it;
/// `_permit` counts it among the connections served.
async fn serve_connection(
    stream: TcpStream,
    router: Router,
    limits: Limits,
    _permit: OwnedSemaphorePermit,
) {
    // Events are small and must leave at once, not wait for the client's
    // acknowledgement of the previous one (Nagle's algorithm).
    let _ = stream.set_nodelay(true);
    let service = TowerToHyperService::new(router);
    // An error here is the client's (gone, too slow, malformed request):
    // the connection is closed, and there is no one to tell.
    let _ = http1_builder(limits)
        .serve_connection(with_send_timeout(stream, limits), service)
        .await;
}

/// Answers every request on `stream` with `503` and closes it; reading the
/// request first lets the client read the answer rather than a reset.
async fn refuse_connection(stream: TcpStream, limits: Limits, _permit: OwnedSemaphorePermit) {
    let max = limits.max_connections;
    let service = service_fn(move |request: Request<Incoming>| async move {
        Ok::<_, Infallible>(if request.uri().path() == EVENTS_PATH {
            reconnect_later()
        } else {
            too_busy(max)
        })
    });
    let _ = http1_builder(limits)
        .keep_alive(false)
        .serve_connection(with_send_timeout(stream, limits), service)
        .await;
}

fn http1_builder(limits: Limits) -> http1::Builder {
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.request_timeout);
    builder
}

/// `stream`, failing any write that has made no progress for the send
/// timeout.
fn with_send_timeout(
    stream: TcpStream,
    limits: Limits,
) -> TokioIo<std::pin::Pin<Box<TimeoutStream<TcpStream>>>> {
    let mut stream = TimeoutStream::new(stream);
    stream.set_write_timeout(Some(limits.send_timeout));
    TokioIo::new(Box::pin(stream))
}

/// The answer to a connection beyond the limit.
fn too_busy(max_connections: usize) -> Response<Body> {
    let mut response = refusal(
        "text/plain; charset=utf-8",
        format!(
            "roadmap serve is serving its maximum of {max_connections} connections; try again in {RETRY_AFTER_SECONDS} s\n"
        ),
    );
    *response.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(RETRY_AFTER_SECONDS));
    response
}

/// The answer to an event stream's request beyond the limit: a stream that
/// asks to be reconnected later, and ends.
fn reconnect_later() -> Response<Body> {
    refusal(
        "text/event-stream",
        format!(
            ": roadmap serve is full\nretry: {}\n\n",
            RETRY_AFTER_SECONDS * 1000
        ),
    )
}

fn refusal(content_type: &'static str, body: String) -> Response<Body> {
    let mut response = Response::new(Body::from(body));
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, NOSNIFF);
    response
}

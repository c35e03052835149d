//! `roadmap serve` as a page sees it: the real binary on 127.0.0.1:0 with
//! a temporary copy of the bundled DINUM roadmap, spoken to over plain TCP.
//! The JSON and its `ETag`, a 304, the event stream that carries a change of
//! the file, then an invalid save (an `invalid` event with its place, the
//! last valid roadmap still served), and a port already taken. Waits poll
//! with a generous timeout, so a slow machine only makes the test slower.
#![allow(clippy::unwrap_used)] // a test that cannot get its fixture should stop at once

mod lines;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use lines::{TIMEOUT, lines_of, wait_for};

const DINUM: &str = include_str!("../../data/dinum-2023.toml");
const TITLE: &str = "title = \"Datalab créé au sein de la DINUM\"";

/// The server, stopped when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
    /// What it says on its standard error, line by line.
    stderr: Receiver<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn roadmap() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_roadmap"));
    command.env("NO_COLOR", "1").env("LANG", "en_GB.UTF-8");
    command
}

/// Starts `roadmap serve FILE --addr ADDR` and reads the address it prints.
fn start(file: &Path, addr: &str, widget: &Path) -> Server {
    start_with(file, addr, widget, &[])
}

/// [`start`] with more options.
fn start_with(file: &Path, addr: &str, widget: &Path, options: &[&str]) -> Server {
    let mut child = roadmap()
        .args(["serve", &file.display().to_string(), "--addr", addr])
        .args(["--widget", &widget.display().to_string()])
        .args(options)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = lines_of(child.stderr.take().unwrap());
    let lines = lines_of(child.stdout.take().unwrap());
    let line = wait_for(&lines, |line| line.contains("http://"))
        .unwrap_or_else(|| panic!("no address printed within {TIMEOUT:?}"));
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|addr| addr.parse().ok())
        .unwrap_or_else(|| panic!("no address in {line:?}"));
    Server {
        child,
        addr,
        stderr,
    }
}

/// An HTTP response: status, headers (names in lower case), body.
struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// `GET path` with extra header lines, over HTTP/1.0 so that the body ends
/// with the connection.
fn get(addr: SocketAddr, path: &str, headers: &str) -> Response {
    get_from_host(addr, &addr.to_string(), path, headers)
}

/// [`get`] with the `Host` header naming `host`.
fn get_from_host(addr: SocketAddr, host: &str, path: &str, headers: &str) -> Response {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(TIMEOUT)).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.0\r\nHost: {host}\r\n{headers}\r\n"
    )
    .unwrap();
    let mut text = Vec::new();
    stream.read_to_end(&mut text).unwrap();
    parse_response(&String::from_utf8_lossy(&text))
}

/// A whole response, as read.
fn parse_response(text: &str) -> Response {
    let (head, body) = text
        .split_once("\r\n\r\n")
        .unwrap_or_else(|| panic!("no response in {text:?}"));
    let mut head = head.lines();
    let status = head
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = head
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_owned()))
        .collect();
    Response {
        status,
        headers,
        body: body.to_owned(),
    }
}

/// An open event stream: its `(event, data)` pairs as they come.
fn subscribe(addr: SocketAddr) -> Receiver<(String, String)> {
    let mut stream = TcpStream::connect(addr).unwrap();
    write!(
        stream,
        "GET /events HTTP/1.0\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n"
    )
    .unwrap();
    let lines = lines_of(stream);
    let (sender, events) = channel();
    std::thread::spawn(move || {
        let mut event = String::new();
        for line in lines {
            if let Some(name) = line.strip_prefix("event: ") {
                name.clone_into(&mut event);
            } else if let Some(data) = line.strip_prefix("data: ")
                && sender.send((event.clone(), data.to_owned())).is_err()
            {
                return;
            }
        }
    });
    events
}

/// The next event called `name` within [`TIMEOUT`], as JSON.
fn next_event(events: &Receiver<(String, String)>, name: &str) -> serde_json::Value {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let left = deadline
            .checked_duration_since(Instant::now())
            .unwrap_or_else(|| panic!("no `{name}` event within {TIMEOUT:?}"));
        let (event, data) = events
            .recv_timeout(left)
            .unwrap_or_else(|_| panic!("no `{name}` event within {TIMEOUT:?}"));
        if event == name {
            return serde_json::from_str(&data).unwrap();
        }
    }
}

/// Writes `text` as editors do: a new file renamed over the old one.
fn save(path: &Path, text: &str) {
    let temp = path.with_extension("toml.new");
    std::fs::write(&temp, text).unwrap();
    std::fs::rename(&temp, path).unwrap();
}

fn export_json(path: &Path) -> String {
    let out = roadmap()
        .args(["export", "--json", &path.display().to_string()])
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

fn fixture() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.toml");
    std::fs::write(&path, DINUM).unwrap();
    (dir, path)
}

#[test]
fn the_roadmap_is_served_and_every_change_is_pushed() {
    let (dir, path) = fixture();
    let server = start(&path, "127.0.0.1:0", &dir.path().join("no-widget"));
    assert_ne!(server.addr.port(), 0, "the real port is printed");

    // The JSON of `roadmap export --json`, with a strong tag.
    let first = get(server.addr, "/roadmap.json", "");
    assert_eq!(first.status, 200);
    assert_eq!(first.body, export_json(&path));
    let etag = first.header("etag").unwrap().to_owned();
    assert!(etag.starts_with('"') && !etag.starts_with("W/"), "{etag}");
    assert_eq!(first.header("cache-control"), Some("no-cache"));
    assert!(
        first
            .header("content-type")
            .unwrap()
            .starts_with("application/json")
    );
    assert_eq!(
        first.header("link"),
        Some("</events>; rel=\"roadmap-events\"")
    );
    let again = get(
        server.addr,
        "/roadmap.json",
        &format!("If-None-Match: {etag}\r\n"),
    );
    assert_eq!(again.status, 304);
    assert!(again.body.is_empty());
    assert_eq!(again.header("etag"), Some(etag.as_str()));

    // The stream says what is served now, then every change.
    let events = subscribe(server.addr);
    assert_eq!(next_event(&events, "roadmap")["etag"], etag.as_str());
    save(
        &path,
        &DINUM.replace(TITLE, "title = \"Datalab ouvert à tous\""),
    );
    let changed = next_event(&events, "roadmap");
    let new_etag = changed["etag"].as_str().unwrap().to_owned();
    assert_ne!(new_etag, etag);
    let now = get(
        server.addr,
        "/roadmap.json",
        &format!("If-None-Match: {etag}\r\n"),
    );
    assert_eq!(now.status, 200);
    assert_eq!(now.header("etag"), Some(new_etag.as_str()));
    assert!(now.body.contains("Datalab ouvert à tous"));

    // An invalid save: its place in an `invalid` event, the last valid
    // roadmap still served.
    let broken = DINUM.replace(TITLE, "title = ");
    let line = broken.lines().position(|l| l == "title = ").unwrap() + 1;
    save(&path, &broken);
    let invalid = next_event(&events, "invalid");
    assert_eq!(invalid["line"], line, "{invalid}");
    assert!(
        invalid["column"].as_u64().is_some_and(|c| c > 0),
        "{invalid}"
    );
    assert!(invalid["message"].as_str().is_some_and(|m| !m.is_empty()));
    let text = invalid["text"].as_str().unwrap();
    assert!(text.contains(&format!("plan.toml:{line}:")), "{text}");
    let kept = get(
        server.addr,
        "/roadmap.json",
        &format!("If-None-Match: {new_etag}\r\n"),
    );
    assert_eq!(kept.status, 304, "the last valid roadmap is still served");

    // Removing the file is refused too; the server lives on and takes the
    // next valid version.
    std::fs::remove_file(&path).unwrap();
    assert!(next_event(&events, "invalid")["text"].is_string());
    save(&path, DINUM);
    assert_eq!(next_event(&events, "roadmap")["etag"], etag.as_str());
    let mut server = server;
    assert!(server.child.try_wait().unwrap().is_none(), "still serving");
}

#[test]
fn the_page_shows_the_widget_and_its_files_are_served() {
    let (dir, path) = fixture();
    let widget = dir.path().join("dist");
    std::fs::create_dir(&widget).unwrap();
    std::fs::write(widget.join("roadmap-timeline.js"), "export {};\n").unwrap();
    let server = start(&path, "127.0.0.1:0", &widget);
    let page = get(server.addr, "/", "");
    assert_eq!(page.status, 200);
    assert!(
        page.body
            .contains("<roadmap-timeline src=\"roadmap.json\" live>")
    );
    let script = get(server.addr, "/roadmap-timeline.js", "");
    assert_eq!(script.status, 200);
    assert_eq!(script.body, "export {};\n");
    assert_eq!(get(server.addr, "/../plan.toml", "").status, 404);
    // A page of another site whose name points here (DNS rebinding).
    let foreign = get_from_host(server.addr, "evil.example:8080", "/roadmap.json", "");
    assert_eq!(foreign.status, 403);
    let named = get(server.addr, "/roadmap.json", "");
    assert_eq!(named.status, 200, "127.0.0.1:PORT is this machine");

    // Without the widget, the page says how to build it.
    let bare = start(&path, "127.0.0.1:0", &dir.path().join("nothing"));
    let page = get(bare.addr, "/", "");
    assert!(
        page.body.contains("./scripts/build-widget"),
        "{}",
        page.body
    );
}

#[test]
fn with_present_the_page_opens_on_the_live_slides() {
    let (dir, path) = fixture();
    let widget = dir.path().join("dist");
    std::fs::create_dir(&widget).unwrap();
    std::fs::write(widget.join("roadmap-timeline.js"), "export {};\n").unwrap();
    let server = start_with(&path, "127.0.0.1:0", &widget, &["--present"]);
    let page = get(server.addr, "/", "");
    assert_eq!(page.status, 200);
    assert!(
        page.body
            .contains("<roadmap-timeline src=\"roadmap.json\" live view=\"slides\">"),
        "{}",
        page.body
    );
    // The same roadmap and event stream as the timeline's page.
    assert_eq!(get(server.addr, "/roadmap.json", "").status, 200);
}

#[test]
fn a_port_in_use_is_a_clear_error() {
    let (dir, path) = fixture();
    let server = start(&path, "127.0.0.1:0", dir.path());
    let out = roadmap()
        .args(["serve", &path.display().to_string(), "--addr"])
        .arg(server.addr.to_string())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(message.contains("already in use"), "{message}");
    assert!(message.contains("--addr 127.0.0.1:0"), "{message}");
}

#[test]
fn a_file_that_does_not_load_at_start_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.toml");
    std::fs::write(&path, "title = \n").unwrap();
    let out = roadmap()
        .args([
            "serve",
            &path.display().to_string(),
            "--addr",
            "127.0.0.1:0",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(message.contains("plan.toml:1:"), "{message}");
}

/// Whether the server closes `stream` within [`TIMEOUT`]: everything it
/// still sends is read, then the end (or a reset) must come.
fn closed_by_server(stream: &mut impl Read) -> bool {
    let mut sink = vec![0; 64 * 1024];
    let deadline = Instant::now() + TIMEOUT;
    while Instant::now() < deadline {
        match stream.read(&mut sink) {
            Ok(0) => return true,
            Ok(_) => {}
            Err(err) if err.kind() == std::io::ErrorKind::ConnectionReset => return true,
            Err(_) => return false,
        }
    }
    false
}

/// A connection to `addr` that gives up reading after [`TIMEOUT`].
fn connect(addr: SocketAddr) -> TcpStream {
    let stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(TIMEOUT)).unwrap();
    stream
}

/// Reads one HTTP/1.1 response with a `Content-Length` from `reader`,
/// leaving the connection open.
fn read_response(reader: &mut impl BufRead) -> Response {
    let mut head = String::new();
    while !head.ends_with("\r\n\r\n") {
        assert_ne!(reader.read_line(&mut head).unwrap(), 0, "closed: {head:?}");
    }
    let response = parse_response(&head);
    let length: usize = response.header("content-length").unwrap().parse().unwrap();
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    Response {
        body: String::from_utf8(body).unwrap(),
        ..response
    }
}

/// `GET path` on `addr` until it answers `status`, within [`TIMEOUT`].
fn get_until(addr: SocketAddr, path: &str, status: u16) -> Response {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let response = get(addr, path, "");
        if response.status == status {
            return response;
        }
        assert!(
            Instant::now() < deadline,
            "still {} after {TIMEOUT:?}: {}",
            response.status,
            response.body
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn slow_and_idle_connections_are_closed_but_event_streams_are_not() {
    let (dir, path) = fixture();
    let server = start_with(
        &path,
        "127.0.0.1:0",
        dir.path(),
        &["--request-timeout", "1s"],
    );
    let events = subscribe(server.addr);
    let etag = next_event(&events, "roadmap")["etag"].clone();

    // A request head that never ends.
    let mut slow = connect(server.addr);
    write!(slow, "GET /roadmap.json HTTP/1.1\r\nHost: localhost\r\n").unwrap();
    assert!(closed_by_server(&mut slow), "a slow request head is cut");

    // A keep-alive connection left idle after its response.
    let mut idle = BufReader::new(connect(server.addr));
    write!(
        idle.get_mut(),
        "GET /roadmap.json HTTP/1.1\r\nHost: localhost\r\n\r\n"
    )
    .unwrap();
    assert_eq!(read_response(&mut idle).status, 200);
    assert!(closed_by_server(&mut idle), "an idle connection is closed");

    // The event stream, open all along, still carries changes.
    save(
        &path,
        &DINUM.replace(TITLE, "title = \"Datalab ouvert à tous\""),
    );
    assert_ne!(next_event(&events, "roadmap")["etag"], etag);
}

#[test]
fn beyond_the_connection_limit_a_request_is_answered_503_at_once() {
    let (dir, path) = fixture();
    let server = start_with(
        &path,
        "127.0.0.1:0",
        dir.path(),
        &["--max-connections", "2", "--request-timeout", "10m"],
    );
    // Two connections that say nothing hold the two places.
    let first = connect(server.addr);
    let _second = connect(server.addr);
    let refused = get_until(server.addr, "/roadmap.json", 503);
    assert_eq!(refused.header("retry-after"), Some("5"));
    assert_eq!(refused.header("x-content-type-options"), Some("nosniff"));
    assert!(refused.body.contains("2 connections"), "{}", refused.body);
    // An event stream is asked to come back: a 503 would stop a browser's
    // EventSource for good.
    let later = get(server.addr, "/events", "");
    assert_eq!(later.status, 200);
    assert_eq!(later.header("content-type"), Some("text/event-stream"));
    assert!(later.body.contains("\nretry: 5000\n"), "{}", later.body);
    // One leaves: its place is taken again.
    drop(first);
    let answered = get_until(server.addr, "/roadmap.json", 200);
    assert_eq!(answered.body, export_json(&path));
}

#[test]
fn a_client_that_does_not_read_its_response_is_dropped() {
    let (dir, path) = fixture();
    let widget = dir.path().join("dist");
    std::fs::create_dir(&widget).unwrap();
    std::fs::write(widget.join("roadmap-timeline.js"), "export {};\n").unwrap();
    // More than the socket buffers on both sides hold (sparse: no disk).
    let big = std::fs::File::create(widget.join("big.bin")).unwrap();
    big.set_len(256 << 20).unwrap();
    let server = start_with(
        &path,
        "127.0.0.1:0",
        &widget,
        &["--max-connections", "1", "--send-timeout", "1s"],
    );
    let mut stalled = connect(server.addr);
    write!(stalled, "GET /big.bin HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
    // The one place is held while the response waits to be read…
    get_until(server.addr, "/roadmap.json", 503);
    // …until the send timeout frees it.
    get_until(server.addr, "/roadmap.json", 200);
}

#[test]
fn every_response_says_nosniff_and_the_page_has_a_strict_policy() {
    let (dir, path) = fixture();
    let widget = dir.path().join("dist");
    std::fs::create_dir(&widget).unwrap();
    std::fs::write(widget.join("roadmap-timeline.js"), "export {};\n").unwrap();
    let server = start(&path, "127.0.0.1:0", &widget);
    for (path, status) in [
        ("/", 200),
        ("/roadmap.json", 200),
        ("/roadmap-timeline.js", 200),
        ("/nothing-here", 404),
    ] {
        let response = get(server.addr, path, "");
        assert_eq!(response.status, status, "{path}");
        assert_eq!(
            response.header("x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
    }
    let foreign = get_from_host(server.addr, "evil.example", "/", "");
    assert_eq!(foreign.status, 403);
    assert_eq!(foreign.header("x-content-type-options"), Some("nosniff"));
    let mut events = connect(server.addr);
    write!(events, "GET /events HTTP/1.0\r\nHost: localhost\r\n\r\n").unwrap();
    let mut head = String::new();
    let mut reader = BufReader::new(events);
    while !head.ends_with("\r\n\r\n") {
        reader.read_line(&mut head).unwrap();
    }
    assert!(
        head.to_ascii_lowercase()
            .contains("x-content-type-options: nosniff"),
        "{head}"
    );

    let page = get(server.addr, "/", "");
    let policy = page.header("content-security-policy").unwrap();
    for directive in [
        "default-src 'none'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "connect-src 'self'",
        "base-uri 'none'",
    ] {
        assert!(policy.contains(directive), "{directive} in {policy}");
    }
    assert!(!policy.contains("unsafe-inline"), "{policy}");
}

#[test]
fn the_widget_s_files_are_revalidated_by_their_tag() {
    let (dir, path) = fixture();
    let widget = dir.path().join("dist");
    std::fs::create_dir(&widget).unwrap();
    std::fs::write(widget.join("roadmap-timeline.js"), "export {};\n").unwrap();
    let server = start(&path, "127.0.0.1:0", &widget);
    let script = get(server.addr, "/roadmap-timeline.js", "");
    assert_eq!(script.header("cache-control"), Some("no-cache"));
    assert!(script.header("last-modified").is_some());
    let etag = script.header("etag").unwrap();
    let again = get(
        server.addr,
        "/roadmap-timeline.js",
        &format!("If-None-Match: {etag}\r\n"),
    );
    assert_eq!(again.status, 304);
    assert_eq!(again.header("etag"), Some(etag));
    // Rebuilt: a new tag, the new content.
    std::fs::write(widget.join("roadmap-timeline.js"), "export const v = 2;\n").unwrap();
    let rebuilt = get(
        server.addr,
        "/roadmap-timeline.js",
        &format!("If-None-Match: {etag}\r\n"),
    );
    assert_eq!(rebuilt.status, 200);
    assert_eq!(rebuilt.body, "export const v = 2;\n");
}

#[cfg(unix)]
#[test]
fn only_the_widget_s_own_visible_files_are_served() {
    use std::os::unix::fs::symlink;
    let (dir, path) = fixture();
    let widget = dir.path().join("dist");
    std::fs::create_dir_all(widget.join("sub")).unwrap();
    std::fs::create_dir_all(widget.join(".git")).unwrap();
    std::fs::write(widget.join("roadmap-timeline.js"), "export {};\n").unwrap();
    std::fs::write(widget.join("sub/shared.js"), "shared\n").unwrap();
    std::fs::write(widget.join(".env"), "SECRET=1\n").unwrap();
    std::fs::write(widget.join(".git/config"), "[core]\n").unwrap();
    symlink("/", widget.join("rootlink")).unwrap();
    symlink(&path, widget.join("plan.toml")).unwrap();
    symlink("sub/shared.js", widget.join("linked.js")).unwrap();
    symlink(".env", widget.join("env.txt")).unwrap();
    let server = start(&path, "127.0.0.1:0", &widget);

    let linked = get(server.addr, "/linked.js", "");
    assert_eq!(linked.status, 200, "a link inside the folder is followed");
    assert_eq!(linked.body, "shared\n");
    assert_eq!(get(server.addr, "/sub/shared.js", "").status, 200);
    let long_segment = format!("/{}", "a".repeat(300));
    let long_path = "/abc".repeat(2000);
    for path in [
        "/rootlink/etc/passwd",
        "/rootlink/etc/hostname",
        "/plan.toml",
        "/.env",
        "/.git/config",
        "/env.txt",
        "/%2eenv",
        "/sub/../.env",
        "/%2e%2e/plan.toml",
        "/..%2fplan.toml",
        "/sub%2f..%2f..%2fplan.toml",
        "/a%00b",
        "/roadmap-timeline.js%00.txt",
        "/%ff%fe",
        "/%zz",
        "/sub",
        "/sub/",
        &long_segment,
        &long_path,
    ] {
        let response = get(server.addr, path, "");
        assert_eq!(response.status, 404, "{path}: {}", response.body);
    }
}

#[test]
fn beyond_loopback_a_warning_is_printed() {
    let (dir, path) = fixture();
    let server = start(&path, "0.0.0.0:0", dir.path());
    let warning = wait_for(&server.stderr, |line| line.contains("warning"))
        .unwrap_or_else(|| panic!("no warning within {TIMEOUT:?}"));
    assert!(warning.contains("not a loopback address"), "{warning}");
    assert!(warning.contains("anyone"), "{warning}");
    assert!(warning.contains("--addr 127.0.0.1:"), "{warning}");
    // Only ever spoken to from this machine.
    let local = SocketAddr::from(([127, 0, 0, 1], server.addr.port()));
    assert_eq!(get(local, "/roadmap.json", "").status, 200);

    // On loopback, no warning.
    let mut quiet = start(&path, "127.0.0.1:0", dir.path());
    quiet.child.kill().unwrap();
    quiet.child.wait().unwrap();
    let said: Vec<String> = quiet.stderr.iter().collect();
    assert!(
        !said.iter().any(|line| line.contains("warning")),
        "{said:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_low_open_file_limit_lowers_the_connection_limit_and_says_so() {
    let (dir, path) = fixture();
    // `ulimit -n 200` sets the hard limit too: it cannot be raised.
    let script = "ulimit -n 200 && exec \"$0\" serve \"$1\" --addr 127.0.0.1:0 --widget \"$2\" --max-connections 1000";
    let mut child = Command::new("sh")
        .args(["-c", script, env!("CARGO_BIN_EXE_roadmap")])
        .arg(&path)
        .arg(dir.path().join("no-widget"))
        .env("LANG", "en_GB.UTF-8")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = lines_of(child.stderr.take().unwrap());
    let said = wait_for(&stderr, |line| line.contains("connections at once"));
    let _ = child.kill();
    let _ = child.wait();
    let said = said.unwrap_or_else(|| panic!("nothing said within {TIMEOUT:?}"));
    // 200 files, less 64 for refusals and 64 for the rest.
    assert!(said.contains("limited to 72 "), "{said}");
    assert!(said.contains("ulimit -n"), "{said}");
    assert!(said.ends_with("200"), "{said}");
}

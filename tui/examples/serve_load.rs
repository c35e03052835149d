//! How many readers one `roadmap serve` holds, and how fast a save reaches
//! them all. Starts the release `roadmap serve` on a temporary copy of the
//! DINUM roadmap on 127.0.0.1, opens `--clients` event streams to it, reads
//! the server's resident memory before and after, then saves the file
//! `--saves` times and times, for each save, the first and the last client
//! to get its `roadmap` event. With `--stalled-json N`, instead: N clients
//! ask for `/roadmap.json` and never read it (on a SYNTHETIC roadmap of
//! `--milestones` milestones, to make the JSON large), and the server's
//! memory is read before and after.
//!
//! ```text
//! cargo build --release -p roadmap-tui --bin roadmap --example serve_load
//! ulimit -n 30000   # 10,000 clients: one file each, in both processes
//! target/release/examples/serve_load --clients 10000
//! target/release/examples/serve_load --stalled-json 20 --milestones 53000
//! ```
//!
//! Bounded: at most 20,000 clients, and every wait gives up after a minute.
#![allow(clippy::unwrap_used)] // a measurement that cannot set up should stop at once

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use clap::Parser;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::{Semaphore, mpsc};

const DINUM: &str = include_str!("../../data/dinum-2023.toml");
const TITLE: &str = "title = \"Datalab créé au sein de la DINUM\"";

/// The longest any step may take.
const PATIENCE: Duration = Duration::from_mins(1);

/// The most clients this program opens.
const MAX_CLIENTS: usize = 20_000;

/// Connections being opened at once (the rest wait), so that the
/// server's listen queue does not overflow.
const CONNECTING_AT_ONCE: usize = 256;

/// Measures `roadmap serve` under many event-stream clients.
#[derive(Debug, Parser)]
struct Options {
    /// Event-stream clients to open (at most 20,000).
    #[arg(long, default_value_t = 1000)]
    clients: usize,
    /// Saves of the file to time.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..=50))]
    saves: u32,
    /// The `roadmap` binary (default: the one beside this program's folder).
    #[arg(long)]
    roadmap: Option<PathBuf>,
    /// Instead of event streams: this many clients that ask for the JSON
    /// and never read it.
    #[arg(long, default_value_t = 0)]
    stalled_json: usize,
    /// Serve a SYNTHETIC roadmap of this many milestones (0: DINUM's).
    #[arg(long, default_value_t = 0)]
    milestones: usize,
}

/// The server, stopped when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn main() -> anyhow::Result<()> {
    let options = Options::parse();
    if options.clients == 0 || options.clients > MAX_CLIENTS || options.stalled_json > MAX_CLIENTS {
        bail!("--clients and --stalled-json must be at most {MAX_CLIENTS}, --clients at least 1");
    }
    let binary = match options.roadmap.clone() {
        Some(path) => path,
        None => std::env::current_exe()?
            .parent()
            .and_then(Path::parent)
            .context("no folder above this program")?
            .join("roadmap"),
    };
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("plan.toml");
    let text = if options.milestones == 0 {
        DINUM.to_owned()
    } else {
        roadmap_core::synthetic::synthetic_roadmap_toml(options.milestones)
    };
    std::fs::write(&file, text)?;
    let clients = if options.stalled_json > 0 {
        options.stalled_json
    } else {
        options.clients
    };
    let server = start(&binary, &file, dir.path(), clients)?;
    if options.stalled_json > 0 {
        return stalled_json(&server, options.stalled_json);
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(measure(&server, &file, &options))
}

/// Starts `roadmap serve` with room for `clients`, and reads its address.
fn start(binary: &Path, file: &Path, dir: &Path, clients: usize) -> anyhow::Result<Server> {
    let mut command = Command::new(binary);
    command
        .arg("serve")
        .arg(file)
        .args(["--addr", "127.0.0.1:0", "--lang", "en"])
        .arg("--widget")
        .arg(dir.join("no-widget"));
    // Only when needed: a version without the option can be measured too.
    if clients > 256 {
        command.args(["--max-connections", &(clients + 16).to_string()]);
    }
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .with_context(|| format!("cannot start {}", binary.display()))?;
    let stdout = child.stdout.take().context("no standard output")?;
    let mut server = Server {
        child,
        addr: SocketAddr::from(([127, 0, 0, 1], 0)),
    };
    for line in BufReader::new(stdout).lines() {
        let line = line?;
        if let Some(addr) = line
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|addr| addr.parse().ok())
        {
            server.addr = addr;
            // Later lines (one per save) are not read: they go nowhere.
            return Ok(server);
        }
    }
    bail!("roadmap serve printed no address")
}

/// Opens `count` connections that ask for the JSON and never read it;
/// prints the server's memory before and after.
fn stalled_json(server: &Server, count: usize) -> anyhow::Result<()> {
    use std::io::{Read as _, Write as _};
    let pid = server.child.id();
    // One reader first, to see the JSON's size (and load what it loads).
    let mut reader = std::net::TcpStream::connect(server.addr)?;
    write!(
        reader,
        "GET /roadmap.json HTTP/1.0\r\nHost: {}\r\n\r\n",
        server.addr
    )?;
    let mut whole = Vec::new();
    reader.read_to_end(&mut whole)?;
    let before = resident_kib(pid);
    let mut stalled = Vec::with_capacity(count);
    for _ in 0..count {
        let mut stream = std::net::TcpStream::connect(server.addr)?;
        write!(
            stream,
            "GET /roadmap.json HTTP/1.1\r\nHost: {}\r\n\r\n",
            server.addr
        )?;
        stalled.push(stream);
    }
    // The server answers as far as the sockets take, then waits.
    std::thread::sleep(Duration::from_secs(3));
    let after = resident_kib(pid);
    println!(
        "{count} clients that do not read a response of {:.1} MB",
        whole.len() as f64 / 1e6
    );
    if let (Some(before), Some(after)) = (before, after) {
        println!(
            "server RSS: {:.1} MiB before, {:.1} MiB after",
            before as f64 / 1024.0,
            after as f64 / 1024.0
        );
    }
    Ok(())
}

/// One `roadmap` event seen by a client: when, and the tag it carries.
struct Seen {
    at: Instant,
    etag: String,
}

async fn measure(server: &Server, file: &Path, options: &Options) -> anyhow::Result<()> {
    let pid = server.child.id();
    let before = resident_kib(pid);
    let (sender, mut seen) = mpsc::unbounded_channel();
    let connecting = Arc::new(Semaphore::new(CONNECTING_AT_ONCE));
    let opened = Instant::now();
    for _ in 0..options.clients {
        let permit = Arc::clone(&connecting).acquire_owned().await?;
        tokio::spawn(client(server.addr, sender.clone(), permit));
    }
    drop(sender);
    // Every client's first event: the roadmap served at connection.
    let first_etag = collect(&mut seen, options.clients, "").await?.etag;
    let opened = opened.elapsed();
    let after = resident_kib(pid);
    println!(
        "{} event-stream clients open in {:.1} s",
        options.clients,
        opened.as_secs_f64()
    );
    if let (Some(before), Some(after)) = (before, after) {
        println!(
            "server RSS: {before} KiB before, {after} KiB after: {:.1} KiB per client",
            (after.saturating_sub(before)) as f64 / options.clients as f64
        );
    }
    let mut etag = first_etag;
    let mut lasts = Vec::new();
    for save in 1..=options.saves {
        let text = DINUM.replace(TITLE, &format!("title = \"Datalab, version {save}\""));
        let temp = file.with_extension("toml.new");
        std::fs::write(&temp, text)?;
        let saved = Instant::now();
        std::fs::rename(&temp, file)?;
        let arrivals = collect_all(&mut seen, options.clients, &etag).await?;
        let first = arrivals.iter().map(|s| s.at).min().context("no client")? - saved;
        let last = arrivals.iter().map(|s| s.at).max().context("no client")? - saved;
        println!(
            "save {save}: first client {:.0} ms, last client {:.0} ms after the save",
            first.as_secs_f64() * 1e3,
            last.as_secs_f64() * 1e3
        );
        lasts.push(last);
        etag.clone_from(&arrivals[0].etag);
        // Let the file watch settle before the next save.
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    lasts.sort();
    println!(
        "last client, median of {} saves: {:.0} ms (from {:.0} to {:.0} ms)",
        lasts.len(),
        lasts[lasts.len() / 2].as_secs_f64() * 1e3,
        lasts[0].as_secs_f64() * 1e3,
        lasts[lasts.len() - 1].as_secs_f64() * 1e3
    );
    Ok(())
}

/// Waits for `count` events whose tag is not `previous`; returns one.
async fn collect(
    seen: &mut mpsc::UnboundedReceiver<Seen>,
    count: usize,
    previous: &str,
) -> anyhow::Result<Seen> {
    collect_all(seen, count, previous)
        .await?
        .pop()
        .context("no client")
}

/// The next `count` events whose tag is not `previous`, within [`PATIENCE`].
async fn collect_all(
    seen: &mut mpsc::UnboundedReceiver<Seen>,
    count: usize,
    previous: &str,
) -> anyhow::Result<Vec<Seen>> {
    let deadline = tokio::time::Instant::now() + PATIENCE;
    let mut arrivals = Vec::with_capacity(count);
    while arrivals.len() < count {
        match tokio::time::timeout_at(deadline, seen.recv()).await {
            Ok(Some(event)) if event.etag != previous => arrivals.push(event),
            Ok(Some(_)) => {}
            Ok(None) => bail!(
                "clients closed: {} of {count} got the event",
                arrivals.len()
            ),
            Err(_) => bail!(
                "after {PATIENCE:?}, {} of {count} clients got the event",
                arrivals.len()
            ),
        }
    }
    Ok(arrivals)
}

/// One event-stream client: reports every `roadmap` event it reads.
async fn client(
    addr: SocketAddr,
    seen: mpsc::UnboundedSender<Seen>,
    connecting: tokio::sync::OwnedSemaphorePermit,
) {
    let Ok(Ok(mut stream)) = tokio::time::timeout(PATIENCE, TcpStream::connect(addr)).await else {
        eprintln!("a client could not connect");
        return;
    };
    let request =
        format!("GET /events HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n");
    if stream.write_all(request.as_bytes()).await.is_err() {
        return;
    }
    let mut connecting = Some(connecting);
    let mut buffer = Vec::new();
    let mut chunk = [0; 4096];
    let mut event = String::new();
    loop {
        let Ok(read) = stream.read(&mut chunk).await else {
            return;
        };
        if read == 0 {
            return;
        }
        let at = Instant::now();
        // The first bytes answer the request: the next client may connect.
        connecting.take();
        buffer.extend_from_slice(&chunk[..read]);
        while let Some(end) = buffer.iter().position(|&byte| byte == b'\n') {
            let line = String::from_utf8_lossy(&buffer[..end])
                .trim_end()
                .to_owned();
            buffer.drain(..=end);
            if let Some(name) = line.strip_prefix("event: ") {
                name.clone_into(&mut event);
            } else if let Some(data) = line.strip_prefix("data: ")
                && event == "roadmap"
            {
                let etag = serde_json::from_str::<serde_json::Value>(data)
                    .ok()
                    .and_then(|data| data["etag"].as_str().map(str::to_owned))
                    .unwrap_or_default();
                if seen.send(Seen { at, etag }).is_err() {
                    return;
                }
            }
        }
    }
}

/// The resident memory of process `pid`, in KiB (Linux).
fn resident_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}

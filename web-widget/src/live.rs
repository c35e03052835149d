//! The `live` option: a widget whose `src` changes keeps showing its newest
//! valid version without a page reload, and keeps the reader's view.
//!
//! A server that streams changes says so on the roadmap's response with
//! `Link: </events>; rel="roadmap-events"` (as `roadmap serve` does): the
//! widget then listens there with `EventSource` — a `roadmap` event
//! (`{"etag": …}`) means a new version to fetch, an `invalid` event
//! (`{"text": "file:line:column: message", …}`) a refused one. Any other
//! server is polled every [`POLL_MS`] with `If-None-Match` (or
//! `If-Modified-Since`), and a 200 reloads. Each change is announced
//! politely; an invalid version keeps the last valid one on screen.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_events::EventListener;
use roadmap_core::{Language, Roadmap};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_futures::spawn_local;
use web_sys::{EventSource, Headers, MessageEvent, RequestInit, Response};

use crate::browser;
use crate::input::{LoadFailure, file_name_of, load_roadmap};
use crate::words::Word;

/// Whether this module can follow a source: the lean module cannot
/// (`live` feature); the page script gives such widgets to the other one.
pub const ENABLED: bool = cfg!(feature = "live");

/// How often a server without an event stream is asked for a new version.
pub const POLL_MS: i32 = 1_500;

/// The relation that names the event stream in a `Link` header.
pub const EVENTS_REL: &str = "roadmap-events";

/// What a followed source tells the widget.
#[derive(Debug, Clone, PartialEq)]
pub enum LiveUpdate {
    /// A version to show (or, before any valid one, why there is none).
    Roadmap(Result<Rc<Roadmap>, LoadFailure>),
    /// A newer version was refused; the one shown stays: `file:line:column:
    /// message`.
    Refused(String),
    /// The version shown is the newest (a refused one was undone).
    Unchanged,
}

/// What the widget last said about its source, in a polite live region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A newer version is shown; when it came (`HH:MM:SS`), which also
    /// makes two updates in a row two different announcements.
    Updated(String),
    /// A newer version was refused: `file:line:column: message`.
    Refused(String),
}

impl Notice {
    /// A newer version, shown now.
    pub fn updated() -> Notice {
        let now = js_sys::Date::new_0();
        Notice::Updated(format!(
            "{:02}:{:02}:{:02}",
            now.get_hours(),
            now.get_minutes(),
            now.get_seconds()
        ))
    }
}

/// What the live region (`p.live-note`, `role="status"`, polite: it
/// never interrupts, and focus stays where it is) says: its class and its
/// text, empty until something changes.
pub fn note_text(notice: Option<&Notice>, lang: Language) -> (&'static str, String) {
    match notice {
        None => ("live-note", String::new()),
        Some(Notice::Updated(time)) => (
            "live-note",
            format!("{} ({time})", Word::LiveUpdated.text(lang)),
        ),
        Some(Notice::Refused(text)) => (
            "live-note refused",
            format!("⚠ {}{}{text}", Word::LiveRefused.text(lang), lang.colon()),
        ),
    }
}

/// Whether the `live` option is on: present (an attribute with any value
/// but `false`, or `live: true` in `mount`'s options).
pub fn is_on(value: Option<&str>) -> bool {
    value.is_some_and(|v| !v.trim().eq_ignore_ascii_case("false"))
}

/// The target of the `Link` header's link whose `rel` is [`EVENTS_REL`].
pub fn events_link(link: &str) -> Option<&str> {
    link.split(',').find_map(|part| {
        let (target, params) = part.trim().split_once(';')?;
        let target = target.trim().strip_prefix('<')?.strip_suffix('>')?;
        params
            .split(';')
            .filter_map(|param| param.trim().split_once('='))
            .any(|(name, value)| {
                name.trim().eq_ignore_ascii_case("rel")
                    && value
                        .trim()
                        .trim_matches('"')
                        .split_ascii_whitespace()
                        .any(|rel| rel.eq_ignore_ascii_case(EVENTS_REL))
            })
            .then_some(target)
    })
}

/// Follows `url` until dropped: loads it now, then reports every change.
pub struct Follower {
    follow: Rc<Follow>,
}

impl Drop for Follower {
    fn drop(&mut self) {
        self.follow.stopped.set(true);
        if let Some((source, _listeners)) = self.follow.stream.borrow_mut().take() {
            source.close();
        }
    }
}

/// Starts following `url`; `on_update` hears of every version.
pub fn follow(url: String, on_update: Rc<dyn Fn(LiveUpdate)>) -> Follower {
    let follow = Rc::new(Follow {
        url,
        on_update,
        stopped: Cell::new(false),
        fetching: Cell::new(false),
        again: Cell::new(false),
        seen: RefCell::new(Seen::default()),
        stream: RefCell::new(None),
    });
    spawn_local(follow.clone().run());
    Follower { follow }
}

/// What was last fetched, to ask only for a newer version.
#[derive(Default)]
struct Seen {
    /// The `ETag` of the last answer.
    etag: Option<String>,
    /// Its `Last-Modified`, for servers without tags.
    modified: Option<String>,
    /// Its text, for servers with neither.
    text: Option<String>,
    /// Whether a valid version is on screen.
    shown: bool,
}

struct Follow {
    url: String,
    on_update: Rc<dyn Fn(LiveUpdate)>,
    stopped: Cell<bool>,
    /// A fetch is under way; `again` asks for one more after it, so that
    /// versions are applied in order.
    fetching: Cell<bool>,
    again: Cell<bool>,
    seen: RefCell<Seen>,
    stream: RefCell<Option<(EventSource, [EventListener; 2])>>,
}

impl Follow {
    /// Loads the source, then polls it until it names an event stream,
    /// which is listened to instead.
    async fn run(self: Rc<Self>) {
        loop {
            if let Some(events) = self.clone().refresh().await
                && self.subscribe(&events)
            {
                return;
            }
            sleep(POLL_MS).await;
            while page_hidden() && !self.stopped.get() {
                sleep(POLL_MS).await;
            }
            if self.stopped.get() {
                return;
            }
        }
    }

    /// Fetches the source unless a fetch is under way (then one more
    /// follows it); returns the absolute URL of its event stream, if any.
    async fn refresh(self: Rc<Self>) -> Option<String> {
        if self.fetching.replace(true) {
            self.again.set(true);
            return None;
        }
        let mut events = None;
        loop {
            self.again.set(false);
            let answer = self.fetch().await;
            if self.stopped.get() {
                break;
            }
            events = events.or_else(|| answer.as_ref().ok().and_then(|a| a.events.clone()));
            self.apply(answer).await;
            if !self.again.get() {
                break;
            }
        }
        self.fetching.set(false);
        events
    }

    /// Asks for a version newer than the last one seen.
    async fn fetch(&self) -> Result<Answer, LoadFailure> {
        let url = self.url.as_str();
        let network = |error: &JsValue| LoadFailure::Network {
            url: url.to_owned(),
            message: browser::js_message(error),
        };
        let window = web_sys::window().ok_or_else(|| network(&JsValue::from_str("no window")))?;
        let headers = Headers::new().map_err(|e| network(&e))?;
        {
            let seen = self.seen.borrow();
            if let Some(etag) = &seen.etag {
                headers
                    .set("If-None-Match", etag)
                    .map_err(|e| network(&e))?;
            } else if let Some(modified) = &seen.modified {
                headers
                    .set("If-Modified-Since", modified)
                    .map_err(|e| network(&e))?;
            }
        }
        let init = RequestInit::new();
        init.set_headers(&headers);
        let response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
            .await
            .map_err(|e| network(&e))?;
        let response: Response = response.dyn_into().map_err(|e| network(&e))?;
        let header = |name: &str| response.headers().get(name).ok().flatten();
        let events = header("Link")
            .as_deref()
            .and_then(events_link)
            .and_then(|link| web_sys::Url::new_with_base(link, &response.url()).ok())
            .map(|link| link.href());
        if response.status() == 304 {
            return Ok(Answer { text: None, events });
        }
        if !response.ok() {
            return Err(LoadFailure::Http {
                url: url.to_owned(),
                status: response.status(),
                status_text: response.status_text(),
            });
        }
        let etag = header("ETag");
        let modified = header("Last-Modified");
        let text = response.text().map_err(|e| network(&e))?;
        let text = JsFuture::from(text).await.map_err(|e| network(&e))?;
        let text = text.as_string().unwrap_or_default();
        let mut seen = self.seen.borrow_mut();
        seen.etag = etag;
        seen.modified = modified;
        if seen.text.as_deref() == Some(text.as_str()) {
            return Ok(Answer { text: None, events });
        }
        seen.text = Some(text.clone());
        Ok(Answer {
            text: Some(text),
            events,
        })
    }

    /// Tells the widget what an answer means for it.
    async fn apply(&self, answer: Result<Answer, LoadFailure>) {
        let shown = self.seen.borrow().shown;
        let text = match answer {
            Ok(Answer {
                text: Some(text), ..
            }) => text,
            Ok(_) => return,
            // The server restarting or the network gone: the version on
            // screen stays, and the next poll or reconnection catches up.
            Err(_) if shown => return,
            Err(failure) => return (self.on_update)(LiveUpdate::Roadmap(Err(failure))),
        };
        let result = load_roadmap(file_name_of(&self.url), &text).await;
        if self.stopped.get() {
            return;
        }
        match result {
            Ok(roadmap) => {
                self.seen.borrow_mut().shown = true;
                (self.on_update)(LiveUpdate::Roadmap(Ok(roadmap)));
            }
            Err(failure) if shown => {
                if let Some(first) = failure.located() {
                    (self.on_update)(LiveUpdate::Refused(first));
                }
            }
            Err(failure) => (self.on_update)(LiveUpdate::Roadmap(Err(failure))),
        }
    }

    /// Listens to the event stream at `url`; false when the browser has no
    /// `EventSource`.
    fn subscribe(self: &Rc<Self>, url: &str) -> bool {
        if self.stopped.get() {
            return true;
        }
        let Ok(source) = EventSource::new(url) else {
            return false;
        };
        let changed = {
            let follow = self.clone();
            EventListener::new(&source, "roadmap", move |event| {
                let etag = data_field(event, "etag");
                if etag.is_some() && etag == follow.seen.borrow().etag {
                    (follow.on_update)(LiveUpdate::Unchanged);
                    return;
                }
                spawn_local(follow.clone().refresh_quietly());
            })
        };
        let refused = {
            let follow = self.clone();
            EventListener::new(&source, "invalid", move |event| {
                if let Some(text) = data_field(event, "text") {
                    (follow.on_update)(LiveUpdate::Refused(text));
                }
            })
        };
        *self.stream.borrow_mut() = Some((source, [changed, refused]));
        true
    }

    async fn refresh_quietly(self: Rc<Self>) {
        self.refresh().await;
    }
}

/// One answer: the new text, unless the version is the one already seen,
/// and where the source's event stream is, when it has one.
struct Answer {
    text: Option<String>,
    events: Option<String>,
}

/// A text field of a server-sent event's JSON data.
fn data_field(event: &web_sys::Event, field: &str) -> Option<String> {
    let data = event.dyn_ref::<MessageEvent>()?.data().as_string()?;
    let data = js_sys::JSON::parse(&data).ok()?;
    js_sys::Reflect::get(&data, &JsValue::from_str(field))
        .ok()?
        .as_string()
}

/// Whether the page is in a background tab, where polling waits.
fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|window| window.document())
        .is_some_and(|document| document.hidden())
}

/// Resolves after `ms` milliseconds.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_option_is_on_unless_false() {
        assert!(is_on(Some("")));
        assert!(is_on(Some("true")));
        assert!(is_on(Some("live")));
        assert!(!is_on(Some(" False ")));
        assert!(!is_on(None));
    }

    #[test]
    fn the_event_stream_is_found_in_a_link_header() {
        assert_eq!(
            events_link("</events>; rel=\"roadmap-events\""),
            Some("/events")
        );
        assert_eq!(
            events_link("<a.css>; rel=preload, <https://x.fr/e>; rel=\"next roadmap-events\""),
            Some("https://x.fr/e")
        );
        assert_eq!(events_link("</events>; rel=\"next\""), None);
        assert_eq!(events_link("garbage"), None);
    }
}

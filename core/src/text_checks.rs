//! The checks every text of a file goes through before the others: no
//! character a terminal would obey or that reorders how text reads (see
//! [`crate::controls`]), line breaks only where text may span lines, and
//! source addresses that are well-formed web or e-mail addresses.

use crate::controls::{self, Lines};
use crate::locate::Path;
use crate::raw::{
    RawAxis, RawBudget, RawIndicator, RawMeasurement, RawMilestone, RawMission, RawPresentation,
    RawReview, RawRoadmap, RawSource, RawTag,
};
use crate::validate::Findings;

/// Reports each text of `raw` that holds a forbidden character, and takes
/// those characters out, so that later checks neither trip on them nor
/// quote them. The one list of the file's text fields and of which may
/// span lines (`summary`, `description`, `note`, `notes`).
pub(crate) fn clean(raw: &mut RawRoadmap, found: &mut impl Findings) {
    let mut texts = Texts { found };
    let root = Path::default();
    for (field, value) in [
        ("id", &mut raw.id),
        ("title", &mut raw.title),
        ("organisation", &mut raw.organisation),
        ("language", &mut raw.language),
        ("published", &mut raw.published),
    ] {
        texts.line(value, &root, field);
    }
    texts.block(&mut raw.summary, &root, "summary");
    texts.block(&mut raw.notes, &root, "notes");
    texts.ids(&mut raw.citations, &root, "citations");
    if let Some(period) = &mut raw.period {
        let at = root.key("period");
        texts.line(&mut period.start, &at, "start");
        texts.line(&mut period.end, &at, "end");
    }
    for (i, source) in raw.sources.iter_mut().enumerate() {
        texts.source(source, &root.item("sources", i));
    }
    for (i, tag) in raw.tags.iter_mut().enumerate() {
        texts.tag(tag, &root.item("tags", i));
    }
    for (i, review) in raw.reviews.iter_mut().enumerate() {
        texts.review(review, &root.item("reviews", i));
    }
    for (i, axis) in raw.axes.iter_mut().enumerate() {
        texts.axis(axis, &root.item("axes", i));
    }
    if let Some(presentation) = &mut raw.presentation {
        texts.presentation(presentation, &root.key("presentation"));
    }
}

struct Texts<'a, F> {
    found: &'a mut F,
}

impl<F: Findings> Texts<'_, F> {
    fn line(&mut self, value: &mut Option<String>, at: &Path, field: &'static str) {
        if let Some(text) = value {
            self.check(text, || at.key(field), field, Lines::One);
        }
    }

    fn block(&mut self, value: &mut Option<String>, at: &Path, field: &'static str) {
        if let Some(text) = value {
            self.check(text, || at.key(field), field, Lines::Many);
        }
    }

    /// A list of ids (`sources`, `tags`, `depends_on`).
    fn ids(&mut self, values: &mut [String], at: &Path, field: &'static str) {
        for (i, text) in values.iter_mut().enumerate() {
            self.check(text, || at.key(field).index(i), field, Lines::One);
        }
    }

    /// Reports and takes out the forbidden characters of `text`; its path
    /// is made only then, as most texts hold none.
    fn check(&mut self, text: &mut String, path: impl FnOnce() -> Path, field: &str, lines: Lines) {
        let Some((_, c)) = controls::first_forbidden(text, lines) else {
            return;
        };
        let words = || {
            let what = controls::describe(c);
            if c == '\n' {
                (
                    format!("`{field}` holds a line break ({what})"),
                    "write it on one line; only `summary`, `description`, `note` and `notes` may span lines",
                )
            } else if controls::is_bidi_control(c) {
                (
                    format!("`{field}` holds the bidi control {what}"),
                    "remove it: it reorders how the text reads, and right-to-left text needs no control character",
                )
            } else {
                (
                    format!("`{field}` holds the control character {what}"),
                    "remove it: a terminal would obey it instead of showing it",
                )
            }
        };
        self.found.error(path(), || words().0, || words().1);
        *text = controls::without_forbidden(text, lines);
    }

    fn source(&mut self, raw: &mut RawSource, at: &Path) {
        for (field, value) in [
            ("id", &mut raw.id),
            ("title", &mut raw.title),
            ("publisher", &mut raw.publisher),
            ("date", &mut raw.date),
            ("url", &mut raw.url),
            ("file", &mut raw.file),
        ] {
            self.line(value, at, field);
        }
        self.block(&mut raw.note, at, "note");
    }

    fn tag(&mut self, raw: &mut RawTag, at: &Path) {
        self.line(&mut raw.id, at, "id");
        self.line(&mut raw.label, at, "label");
        self.block(&mut raw.description, at, "description");
        self.ids(&mut raw.sources, at, "sources");
    }

    fn review(&mut self, raw: &mut RawReview, at: &Path) {
        self.line(&mut raw.id, at, "id");
        self.line(&mut raw.date, at, "date");
        self.line(&mut raw.title, at, "title");
        self.block(&mut raw.note, at, "note");
        self.ids(&mut raw.sources, at, "sources");
    }

    fn axis(&mut self, raw: &mut RawAxis, at: &Path) {
        self.line(&mut raw.id, at, "id");
        self.line(&mut raw.title, at, "title");
        self.block(&mut raw.description, at, "description");
        self.block(&mut raw.notes, at, "notes");
        self.ids(&mut raw.tags, at, "tags");
        self.ids(&mut raw.sources, at, "sources");
        for (i, mission) in raw.missions.iter_mut().enumerate() {
            self.mission(mission, &at.item("missions", i));
        }
    }

    fn mission(&mut self, raw: &mut RawMission, at: &Path) {
        for (field, value) in [
            ("id", &mut raw.id),
            ("title", &mut raw.title),
            ("owner", &mut raw.owner),
            ("start", &mut raw.start),
            ("end", &mut raw.end),
            ("status", &mut raw.status),
            ("as_of", &mut raw.as_of),
        ] {
            self.line(value, at, field);
        }
        self.block(&mut raw.description, at, "description");
        self.block(&mut raw.note, at, "note");
        self.block(&mut raw.notes, at, "notes");
        if let Some(budget) = &mut raw.budget {
            self.budget(budget, &at.key("budget"));
        }
        self.ids(&mut raw.tags, at, "tags");
        self.ids(&mut raw.depends_on, at, "depends_on");
        self.ids(&mut raw.sources, at, "sources");
        for (i, reading) in raw.health.iter_mut().enumerate() {
            let at = at.item("health", i);
            self.line(&mut reading.on, &at, "on");
            self.line(&mut reading.value, &at, "value");
            self.line(&mut reading.source, &at, "source");
        }
        for (i, milestone) in raw.milestones.iter_mut().enumerate() {
            self.milestone(milestone, &at.item("milestones", i));
        }
        for (i, indicator) in raw.indicators.iter_mut().enumerate() {
            self.indicator(indicator, &at.item("indicators", i));
        }
    }

    fn budget(&mut self, raw: &mut RawBudget, at: &Path) {
        self.line(&mut raw.currency, at, "currency");
        self.block(&mut raw.note, at, "note");
        self.ids(&mut raw.sources, at, "sources");
    }

    fn milestone(&mut self, raw: &mut RawMilestone, at: &Path) {
        for (field, value) in [
            ("id", &mut raw.id),
            ("title", &mut raw.title),
            ("date", &mut raw.date),
            ("done_on", &mut raw.done_on),
            ("status", &mut raw.status),
            ("as_of", &mut raw.as_of),
        ] {
            self.line(value, at, field);
        }
        self.block(&mut raw.description, at, "description");
        self.block(&mut raw.note, at, "note");
        self.ids(&mut raw.depends_on, at, "depends_on");
        self.ids(&mut raw.sources, at, "sources");
        for (i, revision) in raw.revised.iter_mut().enumerate() {
            let at = at.item("revised", i);
            self.line(&mut revision.date, &at, "date");
            self.line(&mut revision.on, &at, "on");
            self.line(&mut revision.source, &at, "source");
        }
    }

    fn indicator(&mut self, raw: &mut RawIndicator, at: &Path) {
        self.line(&mut raw.id, at, "id");
        self.line(&mut raw.name, at, "name");
        self.line(&mut raw.unit, at, "unit");
        self.block(&mut raw.note, at, "note");
        self.ids(&mut raw.sources, at, "sources");
        for (field, value) in [
            ("baseline", &mut raw.baseline),
            ("target", &mut raw.target),
            ("current", &mut raw.current),
        ] {
            if let Some(measurement) = value {
                self.measurement(measurement, &at.key(field));
            }
        }
        for (i, measurement) in raw.history.iter_mut().enumerate() {
            self.measurement(measurement, &at.item("history", i));
        }
    }

    fn presentation(&mut self, raw: &mut RawPresentation, at: &Path) {
        if let Some(slides) = &mut raw.slides {
            self.ids(slides, at, "slides");
        }
        self.ids(&mut raw.hide, at, "hide");
        self.line(&mut raw.auto, at, "auto");
        if let Some(window) = &mut raw.window {
            let at = at.key("window");
            self.line(&mut window.from, &at, "from");
            self.line(&mut window.to, &at, "to");
        }
    }

    fn measurement(&mut self, raw: &mut RawMeasurement, at: &Path) {
        self.line(&mut raw.qualifier, at, "qualifier");
        self.line(&mut raw.date, at, "date");
        self.line(&mut raw.as_of, at, "as_of");
        self.block(&mut raw.note, at, "note");
        self.ids(&mut raw.sources, at, "sources");
    }
}

/// Why `text` is not an address a source may link to: it must be an
/// absolute `http`/`https` address with a host (written with `//`, no user
/// name or password) or a `mailto:` address, with nothing that must be
/// percent-encoded written as is. [`UrlProblem::words`] says it.
pub(crate) fn url_problem(text: &str) -> Option<UrlProblem> {
    #[cfg(feature = "full-loader")]
    let parse = Address::parse;
    #[cfg(not(feature = "full-loader"))]
    let parse = Address::parse_light;
    url_problem_with(text, parse)
}

/// Why an address was refused, before it is put in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum UrlProblem {
    /// A character an address may not hold as is.
    Holds(char),
    /// The parser refused it.
    Unparsed(AddressError),
    /// An `http(s):` address without `//` and a host.
    NoHost,
    /// An `http(s):` address with a user name before its host.
    UserName,
    /// `mailto:` and nothing after it.
    NoMailbox,
    /// Neither `http(s):` nor `mailto:`.
    OtherScheme,
}

/// What the address parser refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum AddressError {
    /// The `url` crate's error.
    #[cfg(feature = "full-loader")]
    Url(url::ParseError),
    /// No scheme: the light parser's only kind of relative address.
    Relative,
    /// A host that is not ASCII, which the light parser does not convert.
    International,
}

impl UrlProblem {
    /// What is wrong with the address `text`, and how to fix it.
    pub(crate) fn words(&self, text: &str) -> (String, String) {
        const EXAMPLE: &str = "write the full address, e.g. `https://www.numerique.gouv.fr/`";
        match self {
            UrlProblem::Holds(c) => {
                let shown = if c.is_whitespace() {
                    format!("the blank {}", controls::describe(*c))
                } else {
                    format!("`{c}`")
                };
                (
                    format!("`{text}` holds {shown}, which an address may not hold as is"),
                    format!(
                        "check where the address ends, or write the character percent-encoded (`%{:02X}`)",
                        u32::from(*c)
                    ),
                )
            }
            UrlProblem::Unparsed(error) => {
                let (message, help) = error.words();
                (
                    format!("`{text}` is not a valid address: {message}"),
                    help.unwrap_or(EXAMPLE).to_owned(),
                )
            }
            UrlProblem::NoHost => (format!("`{text}` names no host"), EXAMPLE.to_owned()),
            UrlProblem::UserName => (
                format!("`{text}` holds a user name before its host"),
                "remove the part up to `@`: it hides which site the link opens".to_owned(),
            ),
            UrlProblem::NoMailbox => (
                format!("`{text}` names no e-mail address"),
                "write it as `mailto:name@example.fr`".to_owned(),
            ),
            UrlProblem::OtherScheme => (
                format!("`{text}` is not an http(s) or mailto address"),
                "link to a web page (`https://…`) or an e-mail address (`mailto:…`)".to_owned(),
            ),
        }
    }
}

impl AddressError {
    /// The parser's message and, when it has its own, the fix.
    fn words(&self) -> (String, Option<&'static str>) {
        match self {
            #[cfg(feature = "full-loader")]
            AddressError::Url(error) => (
                error.to_string(),
                (*error == url::ParseError::IdnaError).then_some(ASCII_HOST),
            ),
            AddressError::Relative => ("relative URL without a base".to_owned(), None),
            AddressError::International => (
                "invalid international domain name".to_owned(),
                Some(ASCII_HOST),
            ),
        }
    }
}

/// The parser's verdict on an address.
type Parsed = Result<Address, AddressError>;

/// [`url_problem`], the address parsed by `parse`.
fn url_problem_with(text: &str, parse: fn(&str) -> Parsed) -> Option<UrlProblem> {
    if let Some(c) = text
        .chars()
        .find(|&c| c.is_whitespace() || "\"<>\\^`{|}".contains(c))
    {
        return Some(UrlProblem::Holds(c));
    }
    let url = match parse(text) {
        Ok(url) => url,
        Err(error) => return Some(UrlProblem::Unparsed(error)),
    };
    let rest = &text[url.scheme.len() + 1..];
    match url.scheme.as_str() {
        "http" | "https" if !rest.starts_with("//") || !url.has_host => Some(UrlProblem::NoHost),
        "http" | "https" if url.has_user => Some(UrlProblem::UserName),
        "mailto" if !url.has_path => Some(UrlProblem::NoMailbox),
        "http" | "https" | "mailto" => None,
        _ => Some(UrlProblem::OtherScheme),
    }
}

/// Hosts are checked without Unicode tables (see the workspace manifest).
const ASCII_HOST: &str = "write an international host name in its ASCII form (`xn--…`)";

/// What [`url_problem`] asks of an address.
struct Address {
    /// Lower case.
    scheme: String,
    has_host: bool,
    has_user: bool,
    has_path: bool,
}

impl Address {
    /// Parsed as browsers parse it (WHATWG URL).
    #[cfg(feature = "full-loader")]
    fn parse(text: &str) -> Parsed {
        let url = url::Url::parse(text).map_err(AddressError::Url)?;
        Ok(Address {
            scheme: url.scheme().to_owned(),
            has_host: url.host_str().is_some_and(|host| !host.is_empty()),
            has_user: !url.username().is_empty() || url.password().is_some(),
            has_path: !url.path().is_empty(),
        })
    }

    /// Without the `url` crate (27 KB gzipped in the web widget's module,
    /// which only links `http(s):` and `mailto:` addresses and reads
    /// exports the full loader checked): the scheme, and whether the host,
    /// the user name and the path are there.
    #[cfg_attr(feature = "full-loader", allow(dead_code))]
    fn parse_light(text: &str) -> Parsed {
        let (scheme, rest) = text.split_once(':').ok_or(AddressError::Relative)?;
        let mut chars = scheme.chars();
        if !chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            || !chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        {
            return Err(AddressError::Relative);
        }
        let authority = rest
            .strip_prefix("//")
            .map(|rest| rest.split(['/', '?', '#']).next().unwrap_or_default());
        let (user, host) = authority
            .unwrap_or_default()
            .rsplit_once('@')
            .map_or((None, authority.unwrap_or_default()), |(user, host)| {
                (Some(user), host)
            });
        let host = match host.rsplit_once(':') {
            Some((name, port)) if !name.ends_with(']') || port.is_empty() => name,
            _ => host,
        };
        if !host.is_ascii() {
            return Err(AddressError::International);
        }
        Ok(Address {
            scheme: scheme.to_ascii_lowercase(),
            has_host: !host.is_empty(),
            has_user: user.is_some(),
            has_path: !rest.is_empty(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{Address, url_problem, url_problem_with};

    const ACCEPTED: [&str; 7] = [
        "https://www.numerique.gouv.fr/",
        "http://example.org/a?b=c#d",
        "https://fr.wikipedia.org/wiki/État",
        "https://xn--lyse-bsa.fr/",
        "HTTPS://EXAMPLE.ORG",
        "https://[::1]:8080/x",
        "mailto:contact@numerique.gouv.fr",
    ];

    const REFUSED: [(&str, &str); 16] = [
        ("http://x\" onmouseover=alert(1)", "holds `\"`"),
        ("https://a b.fr", "holds the blank U+0020"),
        ("http://x\"onmouseover=alert(1)", "holds `\"`"),
        ("http://", "not a valid address: empty host"),
        ("https://a\nb.fr", "holds the blank U+000A (LINE FEED)"),
        ("http:example.org", "names no host"),
        ("http:/example.org", "names no host"),
        ("www.example.org", "not a valid address"),
        ("/relative", "not a valid address"),
        ("javascript:alert(1)", "is not an http(s) or mailto address"),
        ("data:text/html,x", "is not an http(s) or mailto address"),
        ("file:///etc/passwd", "is not an http(s) or mailto address"),
        ("https://gouv.fr@evil.example/", "user name"),
        ("mailto:", "names no e-mail address"),
        ("", "not a valid address"),
        (
            "https://élysée.fr/",
            "not a valid address: invalid international domain name",
        ),
    ];

    #[test]
    fn the_light_check_of_the_lean_reader_gives_the_same_verdicts() {
        for url in ACCEPTED {
            assert_eq!(url_problem_with(url, Address::parse_light), None, "{url}");
        }
        for (url, _) in REFUSED {
            let (message, help) = url_problem_with(url, Address::parse_light)
                .map(|problem| problem.words(url))
                .unwrap_or_default();
            assert!(!message.is_empty() && !help.is_empty(), "{url:?}");
        }
    }

    #[test]
    fn web_and_mail_addresses_are_accepted() {
        for url in ACCEPTED {
            assert_eq!(url_problem(url), None, "{url}");
        }
    }

    #[test]
    // The lean check of addresses says less why.
    #[cfg(feature = "full-loader")]
    fn anything_else_is_refused_with_a_reason() {
        for (url, said) in REFUSED {
            let (message, help) = url_problem(url)
                .map(|problem| problem.words(url))
                .unwrap_or_default();
            assert!(message.contains(said), "{url:?}: {message}");
            assert!(!help.is_empty(), "{url:?}");
        }
    }
}

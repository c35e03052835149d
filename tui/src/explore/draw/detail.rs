//! The detail pane: everything about the selected item — status, dates
//! with their precision, owner, budget, indicators (baseline → current →
//! target), dependencies, notes and the sources with their addresses;
//! under the title, what changed since an earlier edition (`--since`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use roadmap_core::changes;
use roadmap_core::{
    CHANGED_SYMBOL, FuzzyDate, HealthReading, Indicator, ItemKey, ItemRef, Language, Measurement,
    Phrase, ProgressFigure, Revision, Roadmap, STALE_SYMBOL, Status, derived_label, stale_label,
};

use super::pane_block;
use crate::explore::state::{App, Pane};
use crate::terminal::cells;
use roadmap_core::{capitalised, health};

use crate::text::Text;

/// Draws the detail of the selected item in `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let block = pane_block(app, Pane::Detail, Text::Detail.get(app.lang));
    let lines = lines(app);
    let paragraph = Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false })
        .scroll((app.tab().detail_scroll, 0));
    frame.render_widget(paragraph, area);
}

/// The lines of the detail of the selected item.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let tab = app.tab();
    let Some(item) = tab.selected_key().and_then(|key| tab.roadmap.get(key)) else {
        return vec![Line::from(Text::NothingSelected.get(app.lang))];
    };
    let mut out = Detail {
        app,
        roadmap: &tab.roadmap,
        key: tab.selected_key(),
        lines: Vec::new(),
    };
    out.item(item);
    out.lines.into_iter().map(cells::safe_line).collect()
}

struct Detail<'a> {
    app: &'a App,
    roadmap: &'a Roadmap,
    /// The item shown.
    key: Option<ItemKey>,
    lines: Vec<Line<'static>>,
}

impl Detail<'_> {
    fn lang(&self) -> Language {
        self.app.lang
    }

    fn heading(&mut self, text: &str) {
        self.lines.push(Line::default());
        self.lines.push(Line::from(Span::styled(
            capitalised(text),
            self.app.theme.heading(),
        )));
    }

    fn field(&mut self, label: &str, value: String) {
        self.lines.push(Line::from(vec![
            Span::styled(
                format!("{}{}", capitalised(label), self.lang().colon()),
                self.app.theme.muted(),
            ),
            Span::raw(value),
        ]));
    }

    /// A description or a note, line by line.
    fn text(&mut self, text: &str) {
        self.lines
            .extend(text.lines().map(|line| Line::from(line.to_owned())));
    }

    /// The status as of its date, with what it rests on: the stale mark
    /// and "derived" are explained in words on the lines below.
    fn status(&mut self, item: ItemRef<'_>, figure: ProgressFigure) {
        let lang = self.lang();
        let Some(report) = self.roadmap.status_report(item, self.app.today) else {
            return;
        };
        let progress = match figure {
            ProgressFigure::Unknown => format!(
                "{} {}",
                lang.phrase(Phrase::Progress),
                Text::Unknown.get(lang)
            ),
            figure => figure.text(lang),
        };
        self.lines.push(Line::from(vec![
            Span::styled(report.text(lang), self.app.theme.status(report.status)),
            Span::styled(format!(" — {progress}"), self.app.theme.muted()),
        ]));
        if report.stale {
            self.lines.push(Line::from(Span::styled(
                format!(
                    "{STALE_SYMBOL} {}",
                    stale_label(lang, self.roadmap.stale_after_months())
                ),
                self.app.theme.muted(),
            )));
        }
        if report.derived && report.status != Status::Unknown {
            self.lines.push(Line::from(Span::styled(
                derived_label(lang).to_owned(),
                self.app.theme.muted(),
            )));
        }
    }

    /// What changed since the earlier edition (`--since`), under the
    /// title: "Δ depuis v1 : statut : en cours → terminé"; a mission's
    /// changed indicators are named.
    fn changes_since(&mut self) {
        let tab = self.app.tab();
        let (Some(since), Some(key)) = (&tab.since, tab.selected_key()) else {
            return;
        };
        let lang = self.lang();
        for item in since.changes_of(self.roadmap, key) {
            let what = if tab.roadmap.key_of(&item.id) == Some(key) {
                item.summary(lang)
            } else {
                format!("{} — {}", item.heading(lang), item.summary(lang))
            };
            self.lines.push(Line::from(Span::styled(
                format!(
                    "{CHANGED_SYMBOL} {}{}{what}",
                    changes::words::since(lang, &since.name),
                    lang.colon()
                ),
                self.app.theme.highlight(),
            )));
        }
    }

    fn item(&mut self, item: ItemRef<'_>) {
        let today = self.app.today;
        let lang = self.lang();
        self.lines.push(Line::from(Span::styled(
            item.title().to_owned(),
            self.app.theme.heading(),
        )));
        self.changes_since();
        match item {
            ItemRef::Axis(axis) => {
                let figure = axis.progress_figure(today);
                if figure != ProgressFigure::Unknown {
                    self.field(lang.phrase(Phrase::Progress), figure.text(lang));
                }
                let counts = axis.mission_counts(today);
                let summary: Vec<String> = counts
                    .nonzero()
                    .map(|(s, n)| format!("{} {}{}{n}", s.symbol(), s.label(lang), lang.colon()))
                    .collect();
                if !summary.is_empty() {
                    self.field(Text::Missions.get(lang), summary.join(" · "));
                }
                self.description(axis.description.as_deref());
                self.tags(&axis.tags);
                self.sources(&axis.sources);
            }
            ItemRef::Mission(_, mission) => {
                self.status(item, mission.progress_figure(today));
                self.dates(mission.start, mission.end);
                self.health(&mission.health);
                if let Some(owner) = &mission.owner {
                    self.field(lang.phrase(Phrase::Owner), owner.clone());
                }
                if let Some(budget) = &mission.budget {
                    let about = if budget.approximate {
                        format!("{} ", Text::Approximate.get(lang))
                    } else {
                        String::new()
                    };
                    let note = budget
                        .note
                        .as_deref()
                        .map_or(String::new(), |n| format!(" ({n})"));
                    self.field(
                        lang.phrase(Phrase::Budget),
                        format!(
                            "{about}{}{note}",
                            lang.money(budget.amount, &budget.currency)
                        ),
                    );
                }
                self.description(mission.description.as_deref());
                self.links();
                if !mission.indicators.is_empty() {
                    self.heading(lang.phrase(Phrase::Indicators));
                    for indicator in &mission.indicators {
                        self.indicator(indicator);
                    }
                }
                if !mission.milestones.is_empty() {
                    let counts = mission.milestone_counts(today);
                    let summary: Vec<String> = counts
                        .nonzero()
                        .map(|(s, n)| {
                            format!("{} {}{}{n}", s.symbol(), s.label(lang), lang.colon())
                        })
                        .collect();
                    self.field(Text::Milestones.get(lang), summary.join(" · "));
                }
                self.note(mission.note.as_deref());
                self.tags(&mission.tags);
                self.sources(&mission.sources);
            }
            ItemRef::Milestone(_, mission, milestone) => {
                let figure = milestone
                    .progress_percent(today)
                    .map_or(ProgressFigure::Unknown, ProgressFigure::Percent);
                self.status(item, figure);
                let dates = milestone.when_with_slip(lang, |d| precise(d, lang));
                self.field(Text::Dates.get(lang), dates);
                self.revisions(&milestone.revised);
                self.field(Text::Mission.get(lang), mission.title.clone());
                self.description(milestone.description.as_deref());
                self.links();
                self.note(milestone.note.as_deref());
                self.sources(&milestone.sources);
            }
            ItemRef::Indicator(_, _, indicator) => self.indicator(indicator),
            ItemRef::Review(review) => {
                self.field(Text::Dates.get(lang), precise(review.date, lang));
                self.note(review.note.as_deref());
                self.sources(&review.sources);
            }
        }
    }

    fn dates(&mut self, start: Option<FuzzyDate>, end: Option<FuzzyDate>) {
        if start.is_none() && end.is_none() {
            return;
        }
        let lang = self.lang();
        self.field(
            Text::Dates.get(lang),
            roadmap_core::render_range(start, end, lang),
        );
    }

    /// The latest sourced health with its date, the history as a strip of
    /// symbols, oldest first, and who rated it.
    fn health(&mut self, readings: &[HealthReading]) {
        let Some(latest) = readings.last() else {
            return;
        };
        let lang = self.lang();
        let source = self
            .roadmap
            .source(&latest.source)
            .map_or_else(|| latest.source.clone(), |s| s.title.clone());
        let mut value = format!("{} — {source}", latest.text(lang));
        if readings.len() > 1 {
            value = format!("{value} · {}", health::strip(readings));
        }
        self.field(Text::Health.get(lang), value);
    }

    /// Each sourced re-planning, oldest first, with who announced it.
    fn revisions(&mut self, revisions: &[Revision]) {
        let lang = self.lang();
        for revision in revisions {
            let source = self
                .roadmap
                .source(&revision.source)
                .map_or_else(|| revision.source.clone(), |s| s.title.clone());
            self.lines.push(Line::from(Span::styled(
                format!(
                    "  {} {} — {source}",
                    lang.phrase(Phrase::Replanned),
                    revision.text(lang)
                ),
                self.app.theme.muted(),
            )));
        }
    }

    fn description(&mut self, text: Option<&str>) {
        if let Some(text) = text {
            self.heading(Text::Description.get(self.lang()));
            self.text(text);
        }
    }

    fn note(&mut self, text: Option<&str>) {
        if let Some(text) = text {
            self.heading(Text::Note.get(self.lang()));
            self.text(text);
        }
    }

    /// What the item depends on and what needs it, one per line, each
    /// flagged when the one before ends after the one after starts.
    fn links(&mut self) {
        let Some(key) = self.key else { return };
        let lang = self.lang();
        for (phrase, late_words, links) in [
            (
                Phrase::DependsOn,
                Phrase::EndsAfterThisStarts,
                self.roadmap.depends_on(key),
            ),
            (
                Phrase::NeededBy,
                Phrase::StartsBeforeThisEnds,
                self.roadmap.needed_by(key),
            ),
        ] {
            if links.is_empty() {
                continue;
            }
            self.lines.push(Line::from(Span::styled(
                format!(
                    "{}{}",
                    capitalised(lang.phrase(phrase)),
                    lang.colon().trim_end()
                ),
                self.app.theme.muted(),
            )));
            for link in links {
                let title = self
                    .roadmap
                    .get(link.key)
                    .map_or_else(String::new, |item| item.title().to_owned());
                let mut spans = vec![Span::raw(format!("  {LINK_MARK} {title}"))];
                if link.late {
                    spans.push(Span::styled(
                        format!(" {LATE_LINK_MARK} {}", lang.phrase(late_words)),
                        self.app.theme.status(Status::Late),
                    ));
                }
                self.lines.push(Line::from(spans));
            }
        }
    }

    fn tags(&mut self, ids: &[String]) {
        if ids.is_empty() {
            return;
        }
        let labels: Vec<String> = ids
            .iter()
            .map(|id| {
                self.roadmap
                    .tag(id)
                    .map_or_else(|| id.clone(), |t| t.label.clone())
            })
            .collect();
        self.field(Text::Tags.get(self.lang()), labels.join(" · "));
    }

    fn indicator(&mut self, indicator: &Indicator) {
        let lang = self.lang();
        let measure = |m: &Option<Measurement>| {
            m.as_ref()
                .map_or_else(|| "?".to_owned(), |m| m.text(lang, &indicator.unit))
        };
        self.lines.push(Line::from(Span::styled(
            format!("• {}", indicator.name),
            Style::new().patch(self.app.theme.heading()),
        )));
        self.lines.push(Line::from(format!(
            "  {} {} → {} {} → {} {}",
            lang.phrase(Phrase::Baseline),
            measure(&indicator.baseline),
            lang.phrase(Phrase::Current),
            measure(&indicator.current),
            lang.phrase(Phrase::Target),
            measure(&indicator.target),
        )));
        for earlier in &indicator.history {
            let date = earlier.date.map_or(String::new(), |d| d.render(lang));
            let note = earlier
                .note
                .as_ref()
                .map_or(String::new(), |note| format!(" — {note}"));
            self.lines.push(Line::from(Span::styled(
                format!(
                    "  {date}{}{}{note}",
                    lang.colon(),
                    earlier.value_text(lang, &indicator.unit)
                ),
                self.app.theme.muted(),
            )));
        }
    }

    fn sources(&mut self, ids: &[String]) {
        if ids.is_empty() {
            return;
        }
        self.heading(self.lang().phrase(Phrase::Sources));
        for id in ids {
            let Some(source) = self.roadmap.source(id) else {
                continue;
            };
            // Who, what, when, then where: what a reader needs to find it.
            let mut parts: Vec<String> = source.publisher.clone().into_iter().collect();
            parts.push(source.title.clone());
            parts.extend(source.date.map(|d| d.render(self.lang())));
            self.lines
                .push(Line::from(format!("• {}", parts.join(" — "))));
            if let Some(url) = &source.url {
                self.lines.push(Line::from(Span::styled(
                    format!("  {url}"),
                    self.app.theme.muted(),
                )));
            }
            if let Some(file) = &source.file {
                self.lines.push(Line::from(Span::styled(
                    format!(
                        "  {}{}{file}",
                        Text::SourceFile.get(self.lang()),
                        self.lang().colon()
                    ),
                    self.app.theme.muted(),
                )));
            }
        }
    }
}

/// Before each linked item.
const LINK_MARK: char = '•';
/// Before a late link's words, so it shows without colour.
const LATE_LINK_MARK: char = '⚠';

/// A date as written, with its span when imprecise: "T1 2020 (1 janvier 2020 – 31 mars 2020)".
fn precise(date: FuzzyDate, lang: Language) -> String {
    if date.precision() == roadmap_core::Precision::Day {
        return date.render(lang);
    }
    let day = |d: roadmap_core::Day| FuzzyDate::day(d).render(lang);
    format!(
        "{} ({} – {})",
        date.render(lang),
        day(date.first_day()),
        day(date.last_day())
    )
}

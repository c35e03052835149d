//! The presenter's state and the pure `update` that changes it: keys,
//! clock ticks and a reloaded roadmap all become a [`PresentMsg`], and
//! [`PresentApp::update`] is the only place state changes. Time comes in
//! with [`PresentMsg::Tick`], so auto-advance is tested without waiting.

use std::time::{Duration, Instant};

use ratatui::layout::Size;
use roadmap_core::{Day, Language, PlannedSlide, Roadmap, SlideChoice, plan};

use super::since::{SinceBase, since_slide};
use super::slides::{Slide, SlideId, slides_for};
use crate::terminal::theme::ThemeKind;

/// At most this many digits are typed for a slide number.
const MAX_TYPED: usize = 4;

/// Everything that can happen to the presenter.
#[derive(Debug, Clone, PartialEq)]
pub enum PresentMsg {
    /// Next slide.
    Next,
    /// Previous slide.
    Previous,
    /// First slide.
    First,
    /// Last slide.
    Last,
    /// A digit of a slide number.
    Digit(u8),
    /// Go to the slide whose number was typed.
    Jump,
    /// Blank the screen, or bring the slide back.
    ToggleBlank,
    /// Show or hide the clock corner.
    ToggleClock,
    /// Show or hide the help.
    ToggleHelp,
    /// Close the help, or drop the typed number.
    Back,
    /// Leave.
    Quit,
    /// The terminal has a new size.
    Resize(u16, u16),
    /// Time passes: `now` for the timers, `clock` for the wall clock shown.
    Tick {
        /// The monotonic time now.
        now: Instant,
        /// The time of day now, as shown in the clock corner.
        clock: time::Time,
    },
    /// A new version of the roadmap (a reload): the slides are made again
    /// and the presenter stays on the same slide.
    Replace(Box<Roadmap>),
    /// The roadmap could not be reloaded: shown in a one-line banner until
    /// the next [`PresentMsg::Replace`].
    ReloadFailed(String),
}

/// What fills the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Showing {
    /// The slide.
    Slide,
    /// Nothing: the screen is blanked.
    Blank,
    /// The slide under the help.
    Help,
}

/// The presenter.
#[derive(Debug)]
pub struct PresentApp {
    /// The roadmap presented.
    pub roadmap: Roadmap,
    /// The slides chosen on the command line (`--slides`), which win over
    /// the file's.
    pub chosen: Option<Vec<SlideChoice>>,
    /// The slides in order, their headings and notes, from the core.
    pub deck: Vec<PlannedSlide>,
    /// The figures of each slide of `deck`.
    pub slides: Vec<Slide>,
    /// Index of the slide shown.
    pub current: usize,
    /// Interface language.
    pub lang: Language,
    /// The day that decides what is late, and the today line.
    pub today: Day,
    /// Colours.
    pub theme: ThemeKind,
    /// The terminal's size.
    pub size: Size,
    /// The digits typed so far for a jump.
    pub typed: String,
    /// What fills the screen.
    pub showing: Showing,
    /// The clock corner is shown.
    pub clock_shown: bool,
    /// Why the last reload failed, shown in a banner.
    pub error: Option<String>,
    /// Advance by itself after this long on a slide.
    pub auto: Option<Duration>,
    /// When the presentation started.
    pub started: Instant,
    /// The latest time a tick brought.
    pub now: Instant,
    /// The time of day of the latest tick.
    pub clock: Option<time::Time>,
    /// When the slide shown was reached (auto-advance counts from there).
    pub shown_since: Instant,
    /// Set when the user asked to leave.
    pub quit: bool,
    /// The earlier edition the first slide compares with (`--since`).
    pub since: Option<SinceBase>,
}

impl PresentApp {
    /// A presentation of `roadmap` starting at `now` on the title slide.
    pub fn new(
        roadmap: Roadmap,
        lang: Language,
        today: Day,
        theme: ThemeKind,
        size: Size,
        auto: Option<Duration>,
        now: Instant,
    ) -> Self {
        let deck = plan(&roadmap, None, lang);
        PresentApp {
            chosen: None,
            slides: slides_for(&roadmap, &deck, today, lang),
            deck,
            roadmap,
            current: 0,
            lang,
            today,
            theme,
            size,
            typed: String::new(),
            showing: Showing::Slide,
            clock_shown: false,
            error: None,
            auto,
            started: now,
            now,
            clock: None,
            shown_since: now,
            quit: false,
            since: None,
        }
    }

    /// The same presentation with the slides of `chosen` (`--slides`),
    /// from the first.
    #[must_use]
    pub fn with_slides(mut self, chosen: Vec<SlideChoice>) -> Self {
        self.chosen = Some(chosen);
        self.rebuild();
        self.current = 0;
        self
    }

    /// Starts on a slide of what changed since `base`, made again at every
    /// reload against the same earlier edition.
    pub fn compare_since(&mut self, base: SinceBase) {
        self.since = Some(base);
        self.rebuild();
        self.current = 0;
    }

    /// Makes the deck and the slides of the roadmap again: the core's
    /// plan, with the since slide first under `--since`.
    fn rebuild(&mut self) {
        let roadmap = &self.roadmap;
        let mut deck = plan(roadmap, self.chosen.as_deref(), self.lang);
        let mut slides = slides_for(roadmap, &deck, self.today, self.lang);
        if let Some(base) = &self.since {
            deck.insert(0, PlannedSlide::since(self.lang));
            slides.insert(0, Slide::Since(since_slide(base, roadmap, self.lang)));
        }
        self.deck = deck;
        self.slides = slides;
    }

    /// The plan of the slide shown: its heading, item and notes.
    pub fn planned(&self) -> &PlannedSlide {
        &self.deck[self.current]
    }

    /// The slide shown.
    pub fn slide(&self) -> &Slide {
        &self.slides[self.current]
    }

    /// Time since the presentation started.
    pub fn elapsed(&self) -> Duration {
        self.now.saturating_duration_since(self.started)
    }

    /// Applies one message. Pure: no I/O, no clock but the one messages bring.
    pub fn update(&mut self, msg: PresentMsg) {
        let last = self.slides.len() - 1;
        match msg {
            PresentMsg::Next => self.go_to((self.current + 1).min(last)),
            PresentMsg::Previous => self.go_to(self.current.saturating_sub(1)),
            PresentMsg::First => self.go_to(0),
            PresentMsg::Last => self.go_to(last),
            PresentMsg::Digit(digit) => {
                if self.typed.len() < MAX_TYPED {
                    self.typed.push(char::from(b'0' + digit.min(9)));
                }
            }
            PresentMsg::Jump => {
                let number: usize = self.typed.parse().unwrap_or(0);
                if (1..=self.slides.len()).contains(&number) {
                    self.go_to(number - 1);
                }
                self.typed.clear();
            }
            PresentMsg::ToggleBlank => self.toggle(Showing::Blank),
            PresentMsg::ToggleClock => self.clock_shown = !self.clock_shown,
            PresentMsg::ToggleHelp => self.toggle(Showing::Help),
            PresentMsg::Back => {
                if self.showing == Showing::Help {
                    self.showing = Showing::Slide;
                } else {
                    self.typed.clear();
                }
            }
            PresentMsg::Quit => self.quit = true,
            PresentMsg::Resize(width, height) => self.size = Size::new(width, height),
            PresentMsg::Tick { now, clock } => {
                self.now = now;
                self.clock = Some(clock);
                self.advance_if_due();
            }
            PresentMsg::Replace(roadmap) => self.replace(*roadmap),
            PresentMsg::ReloadFailed(error) => self.error = Some(error),
        }
    }

    /// Shows `what`, or the slide again when `what` is already shown.
    fn toggle(&mut self, what: Showing) {
        self.showing = if self.showing == what {
            Showing::Slide
        } else {
            what
        };
    }

    fn go_to(&mut self, index: usize) {
        self.current = index;
        self.shown_since = self.now;
    }

    /// Auto-advance: the next slide once the current one has been shown
    /// long enough, back to the first after the last so that an unattended
    /// screen loops. Paused while blanked or while the help is open.
    fn advance_if_due(&mut self) {
        let Some(every) = self.auto else {
            return;
        };
        if self.showing != Showing::Slide {
            self.shown_since = self.now;
            return;
        }
        if self.now.saturating_duration_since(self.shown_since) >= every {
            self.go_to((self.current + 1) % self.slides.len());
        }
    }

    /// Swaps in a new version of the roadmap, staying on the slide with the
    /// same identity (the same axis id), else at the same place (clamped).
    fn replace(&mut self, roadmap: Roadmap) {
        let id: SlideId = self.slide().id();
        self.roadmap = roadmap;
        self.rebuild();
        self.current = self
            .slides
            .iter()
            .position(|s| s.id() == id)
            .unwrap_or(self.current)
            .min(self.slides.len() - 1);
        self.error = None;
    }
}

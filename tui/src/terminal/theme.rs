//! Colours and text styles, in one place. Status is never told by colour
//! alone (each has a symbol), `NO_COLOR` drops every colour and keeps
//! bold/reverse, and a high-contrast theme uses only black, white and the
//! terminal's bright colours.

use ratatui::style::{Color, Modifier, Style};
use roadmap_core::Status;

/// Which set of styles to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeKind {
    /// Colours for a dark or light terminal.
    #[default]
    Default,
    /// Bright colours and bold text on black.
    HighContrast,
    /// No colour at all (`NO_COLOR`).
    NoColor,
}

impl ThemeKind {
    /// The theme to start with: no colour when `NO_COLOR` is set and not empty.
    pub fn from_env(high_contrast: bool) -> ThemeKind {
        if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            ThemeKind::NoColor
        } else if high_contrast {
            ThemeKind::HighContrast
        } else {
            ThemeKind::Default
        }
    }

    fn color(self, normal: Color, bright: Color) -> Style {
        match self {
            ThemeKind::Default => Style::new().fg(normal),
            ThemeKind::HighContrast => Style::new().fg(bright).add_modifier(Modifier::BOLD),
            ThemeKind::NoColor => Style::new(),
        }
    }

    /// Text of an item in this status.
    pub fn status(self, status: Status) -> Style {
        match status {
            Status::Done => self.color(Color::Green, Color::LightGreen),
            Status::InProgress => self.color(Color::Blue, Color::LightCyan),
            Status::Late => self
                .color(Color::Red, Color::LightRed)
                .add_modifier(Modifier::BOLD),
            Status::AtRisk => self.color(Color::Yellow, Color::LightYellow),
            Status::Cancelled => self
                .color(Color::DarkGray, Color::White)
                .add_modifier(Modifier::CROSSED_OUT),
            // Red as a failure, but not bold: late (still to come) is the alarm.
            Status::NotMet => self
                .color(Color::Red, Color::LightRed)
                .add_modifier(Modifier::UNDERLINED),
            Status::Planned => self.color(Color::Reset, Color::White),
            Status::Unknown => self.color(Color::Magenta, Color::LightMagenta),
        }
    }

    /// The selected row.
    pub fn selected(self) -> Style {
        match self {
            ThemeKind::Default => Style::new()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            ThemeKind::HighContrast => Style::new()
                .bg(Color::White)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            ThemeKind::NoColor => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        }
    }

    /// Titles and headings.
    pub fn heading(self) -> Style {
        self.color(Color::Cyan, Color::LightCyan)
            .add_modifier(Modifier::BOLD)
    }

    /// Secondary text: dates, counts, hints.
    pub fn muted(self) -> Style {
        match self {
            ThemeKind::Default => Style::new().fg(Color::DarkGray),
            ThemeKind::HighContrast => Style::new().fg(Color::White),
            ThemeKind::NoColor => Style::new(),
        }
    }

    /// Border of a pane; the focused one stands out.
    pub fn border(self, focused: bool) -> Style {
        match (self, focused) {
            (ThemeKind::NoColor | ThemeKind::HighContrast, true) => self
                .color(Color::Reset, Color::LightYellow)
                .add_modifier(Modifier::BOLD),
            (ThemeKind::Default, true) => Style::new().fg(Color::Yellow),
            (_, false) => self.muted(),
        }
    }

    /// Search matches.
    pub fn highlight(self) -> Style {
        match self {
            ThemeKind::NoColor => Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            _ => self
                .color(Color::Yellow, Color::LightYellow)
                .add_modifier(Modifier::UNDERLINED),
        }
    }

    /// The today line on the timeline.
    pub fn today(self) -> Style {
        self.color(Color::Red, Color::LightRed)
            .add_modifier(Modifier::BOLD)
    }

    /// An error or warning banner.
    pub fn alert(self) -> Style {
        match self {
            ThemeKind::NoColor => Style::new().add_modifier(Modifier::REVERSED),
            _ => Style::new()
                .bg(Color::Red)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
        }
    }
}

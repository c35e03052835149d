//! Moving through the slides, as plain Rust: which slide a key, a swipe
//! or the page's fragment (`#slide-3`) goes to, the number being typed
//! the blank screen, auto-advance and the clock corner. The slides view
//! (`slides.rs`, in the complete module only) applies what this decides;
//! times are milliseconds from any origin (the page gives `performance.now()`).

/// The reader's place in the deck.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SlideNav {
    /// The slide shown, from 0.
    pub current: usize,
    /// How many slides there are (at least 1 once a roadmap is loaded).
    pub count: usize,
    /// The digits typed so far, before Enter.
    pub typed: String,
    /// The screen is blank (`b`); any key brings the slide back.
    pub blank: bool,
    /// The clock corner is shown (`c`).
    pub clock: bool,
    /// Moving on by itself.
    pub auto: AutoAdvance,
}

/// Auto-advance, with the terminal presenter's rules: the delay counts
/// from when the slide was reached, so any move restarts it; a blank
/// screen or a pause (`p`) holds it, and it starts again in full after;
/// after the last slide comes the first, so that an unattended screen loops.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AutoAdvance {
    /// How long a slide stays, in milliseconds; `None`: off.
    pub every: Option<f64>,
    /// When the slide shown was reached (or the count last restarted).
    pub reached: f64,
    /// Held by the reader (`p`).
    pub paused: bool,
}

/// What the auto-advance indication says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AutoState {
    /// Off: nothing shown.
    Off,
    /// Held by the reader.
    Paused,
    /// Whole seconds left on the slide (rounded up).
    Left(u64),
}

/// What a key did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyEffect {
    /// Not a key of the slides: the page keeps it.
    Ignored,
    /// The slide changed.
    Moved,
    /// The blank screen, the typed number or the full screen changed,
    /// not the slide.
    Shown,
    /// Full screen on or off.
    FullScreen,
}

impl SlideNav {
    /// Goes to slide `index` (from 0), kept within the deck; whether it moved.
    pub fn go_to(&mut self, index: usize) -> bool {
        let index = index.min(self.count.saturating_sub(1));
        let moved = index != self.current;
        self.current = index;
        moved
    }

    /// Applies a key (`KeyboardEvent.key`).
    pub fn key(&mut self, key: &str) -> KeyEffect {
        // On a blank screen every key only brings the slide back, as a
        // presenter expects of a projector's blank key.
        if self.blank {
            self.blank = false;
            return KeyEffect::Shown;
        }
        let moved = |moved: bool| {
            if moved {
                KeyEffect::Moved
            } else {
                KeyEffect::Shown
            }
        };
        match key {
            "ArrowRight" | "ArrowDown" | " " | "PageDown" => {
                self.typed.clear();
                moved(self.go_to(self.current + 1))
            }
            "ArrowLeft" | "ArrowUp" | "PageUp" => {
                self.typed.clear();
                moved(self.go_to(self.current.saturating_sub(1)))
            }
            "Home" => {
                self.typed.clear();
                moved(self.go_to(0))
            }
            "End" => {
                self.typed.clear();
                moved(self.go_to(self.count.saturating_sub(1)))
            }
            "b" | "B" | "." => {
                self.typed.clear();
                self.blank = true;
                KeyEffect::Shown
            }
            "f" | "F" => KeyEffect::FullScreen,
            "c" | "C" => {
                self.clock = !self.clock;
                KeyEffect::Shown
            }
            "p" | "P" if self.auto.every.is_some() => {
                self.auto.paused = !self.auto.paused;
                KeyEffect::Shown
            }
            "Escape" if !self.typed.is_empty() => {
                self.typed.clear();
                KeyEffect::Shown
            }
            "Backspace" if !self.typed.is_empty() => {
                self.typed.pop();
                KeyEffect::Shown
            }
            "Enter" if !self.typed.is_empty() => {
                let number: usize = self.typed.parse().unwrap_or(0);
                self.typed.clear();
                // A number that names no slide is dropped, as in the terminal.
                if (1..=self.count).contains(&number) {
                    moved(self.go_to(number - 1))
                } else {
                    KeyEffect::Shown
                }
            }
            digit if digit.len() == 1 && digit.as_bytes()[0].is_ascii_digit() => {
                // Four digits are more slides than any deck has.
                if self.typed.len() < 4 {
                    self.typed.push_str(digit);
                }
                KeyEffect::Shown
            }
            _ => KeyEffect::Ignored,
        }
    }

    /// A horizontal swipe of `dx` pixels (`dy` vertical): to the left goes
    /// forward, to the right back; a short or mostly vertical one is not a
    /// swipe. Whether the slide changed.
    pub fn swipe(&mut self, dx: f64, dy: f64) -> bool {
        if dx.abs() < SWIPE || dx.abs() < dy.abs() * 1.5 {
            return false;
        }
        self.blank = false;
        if dx < 0.0 {
            self.go_to(self.current + 1)
        } else {
            self.go_to(self.current.saturating_sub(1))
        }
    }

    /// The slide shown was reached (or shown again) at `now`: the
    /// auto-advance delay counts from here.
    pub fn reached(&mut self, now: f64) {
        self.auto.reached = now;
    }

    /// Time passes: at `now`, moves on if the slide has been shown long
    /// enough. Whether the slide changed.
    pub fn tick(&mut self, now: f64) -> bool {
        let Some(every) = self.auto.every else {
            return false;
        };
        // Held: the count starts again in full once the slide is back.
        if self.blank || self.auto.paused || self.count == 0 {
            self.reached(now);
            return false;
        }
        if now - self.auto.reached < every {
            return false;
        }
        self.typed.clear();
        self.reached(now);
        self.go_to((self.current + 1) % self.count)
    }

    /// What the auto-advance indication says at `now`.
    pub fn auto_state(&self, now: f64) -> AutoState {
        let Some(every) = self.auto.every else {
            return AutoState::Off;
        };
        if self.auto.paused {
            return AutoState::Paused;
        }
        let left = (every - (now - self.auto.reached)).max(0.0) / 1000.0;
        // Whole seconds, never more than a day of them: the cast is exact.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let seconds = left.ceil().min(86_400.0) as u64;
        AutoState::Left(seconds)
    }
}

/// A swipe is at least this many pixels across.
pub const SWIPE: f64 = 50.0;

/// The fragment of slide `index` (from 0): `slide-3` for the third.
pub fn fragment(index: usize) -> String {
    format!("slide-{}", index + 1)
}

/// The slide (from 0) a fragment names: `slide-3` is the third.
pub fn slide_of_fragment(fragment: &str) -> Option<usize> {
    let number: usize = fragment.strip_prefix("slide-")?.parse().ok()?;
    number.checked_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nav(count: usize) -> SlideNav {
        SlideNav {
            count,
            ..SlideNav::default()
        }
    }

    #[test]
    fn keys_move_within_the_deck() {
        let mut nav = nav(3);
        assert_eq!(nav.key("ArrowLeft"), KeyEffect::Shown);
        assert_eq!(nav.key("ArrowRight"), KeyEffect::Moved);
        assert_eq!(nav.key(" "), KeyEffect::Moved);
        assert_eq!(nav.key("PageDown"), KeyEffect::Shown);
        assert_eq!(nav.current, 2);
        assert_eq!(nav.key("Home"), KeyEffect::Moved);
        assert_eq!(nav.key("End"), KeyEffect::Moved);
        assert_eq!(nav.key("PageUp"), KeyEffect::Moved);
        assert_eq!(nav.current, 1);
        assert_eq!(nav.key("x"), KeyEffect::Ignored);
    }

    #[test]
    fn digits_then_enter_go_to_a_slide() {
        let mut nav = nav(12);
        nav.key("1");
        nav.key("1");
        assert_eq!(nav.typed, "11");
        assert_eq!(nav.key("Enter"), KeyEffect::Moved);
        assert_eq!(nav.current, 10);
        nav.key("9");
        nav.key("9");
        assert_eq!(nav.key("Enter"), KeyEffect::Shown);
        assert_eq!(nav.current, 10);
        assert_eq!(nav.key("Enter"), KeyEffect::Ignored);
    }

    #[test]
    fn a_blank_screen_takes_the_next_key() {
        let mut nav = nav(3);
        nav.key("b");
        assert!(nav.blank);
        assert_eq!(nav.key("ArrowRight"), KeyEffect::Shown);
        assert!(!nav.blank);
        assert_eq!(nav.current, 0);
    }

    #[test]
    fn swipes_and_fragments() {
        let mut nav = nav(3);
        assert!(!nav.swipe(-30.0, 0.0));
        assert!(!nav.swipe(-80.0, 100.0));
        assert!(nav.swipe(-80.0, 10.0));
        assert!(nav.swipe(80.0, 0.0));
        assert_eq!(nav.current, 0);
        assert_eq!(fragment(2), "slide-3");
        assert_eq!(slide_of_fragment("slide-3"), Some(2));
        assert_eq!(slide_of_fragment("slide-0"), None);
        assert_eq!(slide_of_fragment("datalab"), None);
    }

    fn auto(count: usize, every: f64) -> SlideNav {
        SlideNav {
            count,
            auto: AutoAdvance {
                every: Some(every),
                ..AutoAdvance::default()
            },
            ..SlideNav::default()
        }
    }

    #[test]
    fn auto_advance_counts_from_when_the_slide_was_reached() {
        let mut nav = auto(3, 1000.0);
        assert!(!nav.tick(999.0));
        assert_eq!(nav.auto_state(200.0), AutoState::Left(1));
        assert!(nav.tick(1000.0));
        assert_eq!(nav.current, 1);
        // A key move at 1500 restarts the count.
        assert_eq!(nav.key("ArrowLeft"), KeyEffect::Moved);
        nav.reached(1500.0);
        assert!(!nav.tick(2200.0));
        assert!(nav.tick(2500.0));
        assert_eq!(nav.current, 1);
    }

    #[test]
    fn auto_advance_loops_after_the_last_slide_as_in_the_terminal() {
        let mut nav = auto(2, 1000.0);
        nav.go_to(1);
        assert!(nav.tick(1000.0));
        assert_eq!(nav.current, 0);
    }

    #[test]
    fn blank_and_pause_hold_auto_advance_then_restart_the_count() {
        let mut nav = auto(3, 1000.0);
        nav.key("b");
        assert!(!nav.tick(5000.0));
        nav.key("x");
        assert!(!nav.tick(5900.0));
        assert!(nav.tick(6000.0));
        assert_eq!(nav.key("p"), KeyEffect::Shown);
        assert_eq!(nav.auto_state(6000.0), AutoState::Paused);
        assert!(!nav.tick(9000.0));
        assert_eq!(nav.current, 1);
        nav.key("p");
        assert_eq!(nav.auto_state(9000.0), AutoState::Left(1));
        assert!(nav.tick(10_000.0));
        assert_eq!(nav.current, 2);
    }

    #[test]
    fn without_auto_advance_nothing_moves_and_p_is_not_taken() {
        let mut nav = nav(3);
        assert!(!nav.tick(1e9));
        assert_eq!(nav.auto_state(0.0), AutoState::Off);
        assert_eq!(nav.key("p"), KeyEffect::Ignored);
        assert_eq!(nav.key("c"), KeyEffect::Shown);
        assert!(nav.clock);
        nav.key("C");
        assert!(!nav.clock);
    }
}

//! The marks on the time axis: how finely a density allows ([`TickScale`]),
//! and where each mark falls and what it says ([`Tick`]), in French or
//! English. Marks sit on the first day of a year, quarter or month, so the
//! terminal and the web widget label the same days.

use time::Date;

use super::window::Scale;
use crate::dates::Day;
use crate::locale::Language;

// Ticks are a question asked of a scale, answered here so that the window
// and scale know nothing of labels.
impl Scale {
    /// The tick scale for this density and the ticks in the window: see
    /// [`TickScale`] and [`Tick`].
    pub fn ticks(&self, language: Language, min_label_gap: f64) -> (TickScale, Vec<Tick>) {
        let tick_scale = TickScale::choose(self.per_day(), min_label_gap);
        let step_months = match tick_scale {
            TickScale::Months => 1,
            TickScale::Quarters => 3,
            TickScale::Years => 12 * year_step(self.per_day(), min_label_gap),
        };
        let (start, end) = (self.window().start(), self.window().end());
        let month_index = |day: Day| day.year() * 12 + i32::from(u8::from(day.month())) - 1;
        let mut ticks = Vec::new();
        let first = month_index(start);
        let aligned = first + (step_months - first.rem_euclid(step_months)) % step_months;
        for index in (aligned..=month_index(end)).step_by(step_months as usize) {
            let (year, month) = (index.div_euclid(12), (index.rem_euclid(12) + 1) as u8);
            let Ok(day) = time::Month::try_from(month)
                .map_err(drop)
                .and_then(|m| Date::from_calendar_date(year, m, 1).map_err(drop))
            else {
                continue;
            };
            if day < start {
                continue;
            }
            let major = month == 1;
            let label = if major {
                year.to_string()
            } else if tick_scale == TickScale::Quarters {
                format!("{}{}", language.quarter_letter(), month.div_ceil(3))
            } else {
                language.month_abbrev(month).to_owned()
            };
            ticks.push(Tick {
                x: self.x_of(day),
                day,
                label,
                major,
            });
        }
        if !ticks.iter().any(|t| t.major)
            && let Some(first) = ticks.first_mut()
        {
            first.label = format!("{} {}", first.label, first.day.year());
        }
        (tick_scale, ticks)
    }
}

/// How finely the time axis is ticked.
///
/// Ticks fall on the first day of a year, quarter or month. The 1st of
/// January is always a major tick labelled with the year ("2020"); other
/// ticks are minor, labelled with the quarter ("T2" in French, "Q2" in
/// English) or the month abbreviation ("févr.", "Feb"). When no major tick
/// is in the window, the first tick also carries the year ("T3 2020",
/// "sept. 2020") so the reader always knows the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TickScale {
    /// One tick per year, or per 2, 5, 10… years when years are too
    /// narrow for their labels; every tick is major.
    Years,
    /// One tick per quarter.
    Quarters,
    /// One tick per month.
    Months,
}

impl TickScale {
    /// The finest scale whose ticks stay at least `min_label_gap` apart at
    /// `units_per_day`, measured on the shortest period (28-day month,
    /// 90-day quarter) so that even February's label fits.
    pub fn choose(units_per_day: f64, min_label_gap: f64) -> TickScale {
        if 28.0 * units_per_day >= min_label_gap {
            TickScale::Months
        } else if 90.0 * units_per_day >= min_label_gap {
            TickScale::Quarters
        } else {
            TickScale::Years
        }
    }
}

/// Years between two year ticks: the smallest of 1, 2, 5, 10, 20… whose
/// ticks stay `min_label_gap` apart.
fn year_step(units_per_day: f64, min_label_gap: f64) -> i32 {
    let mut step = 1;
    for next in [2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000] {
        if f64::from(step) * 365.0 * units_per_day >= min_label_gap {
            break;
        }
        step = next;
    }
    step
}

/// A mark on the time axis, on the first day of a year, quarter or month.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// Where the day starts, in 0..width.
    pub x: f64,
    /// The day marked.
    pub day: Day,
    /// What to write there (see [`TickScale`]).
    pub label: String,
    /// Whether the tick starts a year.
    pub major: bool,
}

// Its roadmaps are loaded from TOML.
#[cfg(test)]
#[cfg(feature = "full-loader")]
mod tests {
    use super::*;
    use crate::layout::fixtures::{DAYS, WIDTH, close, day, window, x};
    use crate::layout::window::TimeWindow;

    fn labels(ticks: &[Tick]) -> Vec<&str> {
        ticks.iter().map(|t| t.label.as_str()).collect()
    }

    #[test]
    fn three_years_at_200_cells_are_ticked_by_year_and_quarter() {
        let scale = window().scale(WIDTH);
        let (tick_scale, ticks) = scale.ticks(Language::Fr, 6.0);
        assert_eq!(tick_scale, TickScale::Quarters);
        assert_eq!(
            labels(&ticks),
            [
                "2019", "T2", "T3", "T4", "2020", "T2", "T3", "T4", "2021", "T2", "T3", "T4"
            ]
        );
        assert_eq!(ticks[0].day, day("2019-01-01"));
        close(ticks[0].x, 0.0);
        close(ticks[1].x, x(90.0)); // 1 April 2019
        close(ticks[4].x, x(365.0)); // 1 January 2020
        close(ticks[8].x, x(731.0)); // 1 January 2021, after a leap year
        assert_eq!(
            ticks.iter().map(|t| t.major).collect::<Vec<_>>(),
            [
                true, false, false, false, true, false, false, false, true, false, false, false
            ]
        );
        let (_, english) = scale.ticks(Language::En, 6.0);
        assert_eq!(&labels(&english)[..5], ["2019", "Q2", "Q3", "Q4", "2020"]);
    }

    #[test]
    fn narrow_widths_tick_only_years_and_skip_some_when_crowded() {
        let (tick_scale, ticks) = window().scale(40.0).ticks(Language::Fr, 6.0);
        assert_eq!(tick_scale, TickScale::Years);
        assert_eq!(labels(&ticks), ["2019", "2020", "2021"]);
        close(ticks[1].x, 365.0 * 40.0 / DAYS);
        assert!(ticks.iter().all(|t| t.major));
        // At 10 cells a year is 3.3 cells: one label every two years.
        let (_, sparse) = window().scale(10.0).ticks(Language::Fr, 6.0);
        assert_eq!(labels(&sparse), ["2020"]);
    }

    #[test]
    fn wide_widths_tick_months_with_localised_names() {
        let scale = window().scale(1000.0);
        let (tick_scale, ticks) = scale.ticks(Language::Fr, 6.0);
        assert_eq!(tick_scale, TickScale::Months);
        assert_eq!(ticks.len(), 36);
        assert_eq!(&labels(&ticks)[..4], ["2019", "févr.", "mars", "avr."]);
        assert_eq!(ticks[12].label, "2020");
        close(ticks[1].x, 31.0 * 1000.0 / DAYS);
        let (_, english) = scale.ticks(Language::En, 6.0);
        assert_eq!(&labels(&english)[..3], ["2019", "Feb", "Mar"]);
    }

    #[test]
    fn without_a_year_tick_the_first_tick_names_the_year() {
        let half_year = TimeWindow::new(day("2020-07-15"), day("2020-12-31"));
        let (tick_scale, ticks) = half_year.scale(WIDTH).ticks(Language::Fr, 6.0);
        assert_eq!(tick_scale, TickScale::Months);
        assert_eq!(
            labels(&ticks),
            ["août 2020", "sept.", "oct.", "nov.", "déc."]
        );
        close(ticks[0].x, 17.0 * WIDTH / 170.0);
    }
}

//! Planned against actual: how far a milestone slipped from its original
//! plan, to its delivery (`done_on`) or, while not delivered, to its latest
//! sourced re-planning (`revised`), and the average slip of an axis or a
//! whole roadmap. Computed only from dates in the file.
//!
//! The rule, in whole calendar months counted between days: a planned date
//! covers the days `p0..=p1`, an actual (or re-planned) one `a0..=a1`.
//! Delivered within the planned span is on time. Delivered after it is
//! late by between the whole months from `p1` to `a0` and those from `p0`
//! to `a1` (Q1 2020 → 17 May 2021: 31 March 2020 → 17 May 2021 is 13
//! months, 1 January 2020 → 17 May 2021 is 16: "13 to 16 months late").
//! Before it is early, the same way round. When the actual span straddles
//! an edge of the planned one (delivered "2020" against a plan of Q1 2020)
//! the dates cannot tell, and nothing is measured.

use crate::dates::{Day, FuzzyDate, Precision};
use crate::locale::{Language, Phrase};
use crate::model::{Axis, Milestone, Roadmap};
use crate::when::dated;

/// Whole calendar months from `from` to `to` (`to` not before `from`):
/// how many times a month can be added to `from` without passing `to`,
/// a day past the end of a shorter month landing on its last day.
pub fn whole_months(from: Day, to: Day) -> u32 {
    let index = |d: Day| d.year() * 12 + i32::from(u8::from(d.month()));
    let mut months = index(to) - index(from);
    let landing = from.day().min(to.month().length(to.year()));
    if landing > to.day() {
        months -= 1;
    }
    months.max(0) as u32
}

/// How an actual date compares with a planned one, in whole months; see
/// the module documentation for the rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slip {
    /// Within the planned span.
    OnTime,
    /// After the planned span, by between `min` and `max` whole months
    /// (both 0: less than a month).
    Late {
        /// The fewest months the dates allow.
        min: u32,
        /// The most months the dates allow.
        max: u32,
    },
    /// Before the planned span, by between `min` and `max` whole months.
    Early {
        /// The fewest months the dates allow.
        min: u32,
        /// The most months the dates allow.
        max: u32,
    },
}

impl Slip {
    /// The slip from `planned` to `actual`; `None` when the actual span
    /// straddles an edge of the planned one, so the dates cannot tell.
    pub fn between(planned: FuzzyDate, actual: FuzzyDate) -> Option<Slip> {
        let (p0, p1) = (planned.first_day(), planned.last_day());
        let (a0, a1) = (actual.first_day(), actual.last_day());
        if a0 >= p0 && a1 <= p1 {
            Some(Slip::OnTime)
        } else if a0 > p1 {
            Some(Slip::Late {
                min: whole_months(p1, a0),
                max: whole_months(p0, a1),
            })
        } else if a1 < p0 {
            Some(Slip::Early {
                min: whole_months(a1, p0),
                max: whole_months(a0, p1),
            })
        } else {
            None
        }
    }

    /// The slip as signed months, late positive: the lowest and highest.
    pub fn signed(self) -> (i64, i64) {
        match self {
            Slip::OnTime => (0, 0),
            Slip::Late { min, max } => (i64::from(min), i64::from(max)),
            Slip::Early { min, max } => (-i64::from(max), -i64::from(min)),
        }
    }

    /// "13 à 16 mois de retard", "2 mois d'avance", "dans les temps" /
    /// "13 to 16 months late", "2 months early", "on time".
    pub fn text(self, lang: Language) -> String {
        match (self, lang) {
            (Slip::OnTime, Language::Fr) => "dans les temps".to_owned(),
            (Slip::OnTime, Language::En) => "on time".to_owned(),
            (Slip::Late { max: 0, .. }, Language::Fr) => "moins d'un mois de retard".to_owned(),
            (Slip::Late { max: 0, .. }, Language::En) => "less than a month late".to_owned(),
            (Slip::Early { max: 0, .. }, Language::Fr) => "moins d'un mois d'avance".to_owned(),
            (Slip::Early { max: 0, .. }, Language::En) => "less than a month early".to_owned(),
            (Slip::Late { min, max }, Language::Fr) => {
                format!("{} de retard", months(min, max, lang))
            }
            (Slip::Late { min, max }, Language::En) => format!("{} late", months(min, max, lang)),
            (Slip::Early { min, max }, Language::Fr) => {
                format!("{} d'avance", months(min, max, lang))
            }
            (Slip::Early { min, max }, Language::En) => {
                format!("{} early", months(min, max, lang))
            }
        }
    }

    /// "livré avec 13 à 16 mois de retard", "livré dans les temps" /
    /// "delivered 13 to 16 months late", "delivered on time".
    pub fn delivered_text(self, lang: Language) -> String {
        match (self, lang) {
            (Slip::OnTime, Language::Fr) => "livré dans les temps".to_owned(),
            (_, Language::Fr) => format!("livré avec {}", self.text(lang)),
            (_, Language::En) => format!("delivered {}", self.text(lang)),
        }
    }
}

/// "2 mois", "13 à 16 mois" / "1 month", "13 to 16 months".
fn months(min: u32, max: u32, lang: Language) -> String {
    let unit = lang.agree(max as usize, Unit::Month.forms(lang));
    match lang {
        _ if min == max => format!("{max} {unit}"),
        Language::Fr => format!("{min} à {max} {unit}"),
        Language::En => format!("{min} to {max} {unit}"),
    }
}

/// A unit of calendar time a re-planning can be counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Months.
    Month,
    /// Quarters.
    Quarter,
    /// Semesters.
    Semester,
    /// Years.
    Year,
}

impl Unit {
    /// The singular and plural in `lang`.
    fn forms(self, lang: Language) -> (&'static str, &'static str) {
        match (self, lang) {
            (Unit::Month, Language::Fr) => ("mois", "mois"),
            (Unit::Month, Language::En) => ("month", "months"),
            (Unit::Quarter, Language::Fr) => ("trimestre", "trimestres"),
            (Unit::Quarter, Language::En) => ("quarter", "quarters"),
            (Unit::Semester, Language::Fr) => ("semestre", "semestres"),
            (Unit::Semester, Language::En) => ("half-year", "half-years"),
            (Unit::Year, Language::Fr) => ("an", "ans"),
            (Unit::Year, Language::En) => ("year", "years"),
        }
    }
}

/// A sourced re-planning of a milestone's date: what the plan became,
/// when that was announced and which source says so.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Revision {
    /// The new planned date.
    pub date: FuzzyDate,
    /// When the re-planning was announced.
    pub on: FuzzyDate,
    /// The declared source that announced it.
    pub source: String,
}

impl Revision {
    /// "T3 2020, annoncé le 10 février 2020" / "Q3 2020, announced
    /// 10 February 2020".
    pub fn text(&self, lang: Language) -> String {
        format!(
            "{}, {}",
            self.date.render(lang),
            dated(lang, Phrase::Announced, self.on, &self.on.render(lang))
        )
    }
}

/// How far the plan moved, from the original date to the latest revision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Replan {
    /// The move in months, by the slip rule; `None` when it cannot tell.
    pub slip: Option<Slip>,
    /// The move counted in the dates' own unit when both have the same
    /// one (Q1 → Q3 is +2 quarters), later positive.
    pub steps: Option<(i32, Unit)>,
}

impl Replan {
    /// The move from `original` to `latest`.
    pub fn between(original: FuzzyDate, latest: FuzzyDate) -> Replan {
        Replan {
            slip: Slip::between(original, latest),
            steps: steps(original, latest),
        }
    }

    /// "replanifié : +2 trimestres", "replanifié : 13 à 16 mois plus tard" /
    /// "re-planned: +2 quarters", "re-planned: 13 to 16 months later".
    pub fn text(self, lang: Language) -> String {
        format!(
            "{}{}{}",
            lang.phrase(Phrase::Replanned),
            lang.colon(),
            self.moved_text(lang)
        )
    }

    /// How far the plan moved: "+2 trimestres", "2 à 5 mois plus tard" /
    /// "+2 quarters", "2 to 5 months later".
    pub fn moved_text(self, lang: Language) -> String {
        if let Some((count, unit)) = self.steps {
            let sign = if count < 0 { '−' } else { '+' };
            let n = count.unsigned_abs();
            format!("{sign}{n} {}", lang.agree(n as usize, unit.forms(lang)))
        } else {
            match (self.slip, lang) {
                (Some(Slip::Late { min, max }), Language::Fr) => {
                    format!("{} plus tard", months(min, max, lang))
                }
                (Some(Slip::Late { min, max }), Language::En) => {
                    format!("{} later", months(min, max, lang))
                }
                (Some(Slip::Early { min, max }), Language::Fr) => {
                    format!("{} plus tôt", months(min, max, lang))
                }
                (Some(Slip::Early { min, max }), Language::En) => {
                    format!("{} earlier", months(min, max, lang))
                }
                (Some(Slip::OnTime), Language::Fr) => "dans la même période".to_owned(),
                (Some(Slip::OnTime), Language::En) => "within the same period".to_owned(),
                (None, Language::Fr) => "date précisée".to_owned(),
                (None, Language::En) => "date made more precise".to_owned(),
            }
        }
    }
}

/// The move in the dates' own unit when both are written in the same one
/// (neither a day nor qualified, whose spans do not step evenly).
fn steps(from: FuzzyDate, to: FuzzyDate) -> Option<(i32, Unit)> {
    if from.precision() != to.precision() || from.qualifier().is_some() || to.qualifier().is_some()
    {
        return None;
    }
    let (unit, size) = match from.precision() {
        Precision::Day => return None,
        Precision::Month => (Unit::Month, 1),
        Precision::Quarter => (Unit::Quarter, 3),
        Precision::Semester => (Unit::Semester, 6),
        Precision::Year => (Unit::Year, 12),
    };
    let index = |d: FuzzyDate| {
        let first = d.first_day();
        first.year() * 12 + i32::from(u8::from(first.month()))
    };
    Some(((index(to) - index(from)) / size, unit))
}

impl Milestone {
    /// The slip from the planned date to the delivery, when both are known
    /// and comparable.
    pub fn slip(&self) -> Option<Slip> {
        Slip::between(self.date?, self.done_on?)
    }

    /// The latest sourced re-planning, while not delivered.
    pub fn latest_revision(&self) -> Option<&Revision> {
        self.revised.last()
    }

    /// How the plan moved, from the original date to the latest revision;
    /// `None` when delivered (the slip says it), never re-planned or with
    /// no original date.
    pub fn replan(&self) -> Option<Replan> {
        if self.done_on.is_some() {
            return None;
        }
        Some(Replan::between(self.date?, self.latest_revision()?.date))
    }

    /// Every date the milestone has, as [`Milestone::when_full`] writes
    /// them, with how far it moved: "prévu au T1 2020, livré le 17 mai
    /// 2021 — 13 à 16 mois de retard"; "prévu au T1 2020, replanifié au
    /// T3 2020 — +2 trimestres".
    pub fn when_with_slip(&self, lang: Language, render: impl Fn(FuzzyDate) -> String) -> String {
        if let (Some(planned), Some(replan), Some(latest)) =
            (self.date, self.replan(), self.latest_revision())
        {
            return format!(
                "{}, {} — {}",
                dated(lang, Phrase::PlannedFor, planned, &render(planned)),
                dated(lang, Phrase::Replanned, latest.date, &render(latest.date)),
                replan.moved_text(lang)
            );
        }
        let dates = self.when_full(lang, render);
        match self.slip() {
            Some(Slip::OnTime) if self.date == self.done_on => dates,
            Some(slip) => format!("{dates} — {}", slip.text(lang)),
            None => dates,
        }
    }

    /// The slip this milestone counts for in an average: to the delivery,
    /// else to the latest revision.
    pub fn measured_slip(&self) -> Option<Slip> {
        match self.done_on {
            Some(_) => self.slip(),
            None => self.replan()?.slip,
        }
    }
}

/// The average slip of a set of milestones, and how many it rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SlipSummary {
    /// Milestones whose slip is measured.
    pub measured: usize,
    /// Milestones without a comparable plan and actual (or revision).
    pub not_measured: usize,
    /// Sum of the lowest signed slips, in months.
    low_sum: i64,
    /// Sum of the highest signed slips, in months.
    high_sum: i64,
}

impl SlipSummary {
    /// The summary of `milestones`.
    pub fn of<'a>(milestones: impl IntoIterator<Item = &'a Milestone>) -> SlipSummary {
        let mut summary = SlipSummary::default();
        for milestone in milestones {
            summary.add(milestone.measured_slip());
        }
        summary
    }

    fn add(&mut self, slip: Option<Slip>) {
        match slip {
            Some(slip) => {
                let (low, high) = slip.signed();
                self.measured += 1;
                self.low_sum += low;
                self.high_sum += high;
            }
            None => self.not_measured += 1,
        }
    }

    /// The mean slip in whole months, late positive, as the interval it
    /// surely lies in (the low end rounded down, the high end up); `None`
    /// when nothing is measured.
    pub fn mean(&self) -> Option<(i64, i64)> {
        let n = i64::try_from(self.measured).ok().filter(|n| *n > 0)?;
        Some((self.low_sum.div_euclid(n), -(-self.high_sum).div_euclid(n)))
    }

    /// "glissement moyen : +13 à +16 mois, sur 4 jalons datés" / "average
    /// slip: +13 to +16 months, from 4 dated milestones"; "glissement moyen :
    /// non mesuré" / "average slip: not measured" when nothing is.
    pub fn text(&self, lang: Language) -> String {
        let head = match lang {
            Language::Fr => "glissement moyen",
            Language::En => "average slip",
        };
        let value = self.short_text(lang).unwrap_or_else(|| {
            match lang {
                Language::Fr => "non mesuré",
                Language::En => "not measured",
            }
            .to_owned()
        });
        format!("{head}{}{value}", lang.colon())
    }

    /// "+13 à +16 mois, sur 4 jalons datés" / "+13 to +16 months, from 4
    /// dated milestones"; `None` when nothing is measured.
    pub fn short_text(&self, lang: Language) -> Option<String> {
        let (low, high) = self.mean()?;
        let signed = |n: i64| match n {
            0 => "0".to_owned(),
            n if n > 0 => format!("+{n}"),
            n => format!("−{}", n.unsigned_abs()),
        };
        let span = if low == high {
            signed(low)
        } else {
            match lang {
                Language::Fr => format!("{} à {}", signed(low), signed(high)),
                Language::En => format!("{} to {}", signed(low), signed(high)),
            }
        };
        let unit = lang.agree(
            high.unsigned_abs().max(low.unsigned_abs()) as usize,
            Unit::Month.forms(lang),
        );
        let n = self.measured;
        let based = match lang {
            Language::Fr => format!(
                "sur {n} {} {}",
                lang.agree(n, ("jalon", "jalons")),
                lang.agree(n, ("daté", "datés"))
            ),
            Language::En => format!(
                "from {n} dated {}",
                lang.agree(n, ("milestone", "milestones"))
            ),
        };
        Some(format!("{span} {unit}, {based}"))
    }

    /// "12 jalons non mesurés" / "12 milestones not measured"; `None`
    /// when every one is measured.
    pub fn not_measured_text(&self, lang: Language) -> Option<String> {
        let n = self.not_measured;
        (n > 0).then(|| match lang {
            Language::Fr => format!(
                "{n} {} {}",
                lang.agree(n, ("jalon", "jalons")),
                lang.agree(n, ("non mesuré", "non mesurés"))
            ),
            Language::En => format!(
                "{n} {} not measured",
                lang.agree(n, ("milestone", "milestones"))
            ),
        })
    }
}

impl Axis {
    /// The average slip of the axis's milestones.
    pub fn slip_summary(&self) -> SlipSummary {
        SlipSummary::of(self.missions.iter().flat_map(|m| &m.milestones))
    }
}

impl Roadmap {
    /// The average slip of every milestone of the roadmap.
    pub fn slip_summary(&self) -> SlipSummary {
        SlipSummary::of(
            self.axes()
                .iter()
                .flat_map(|a| &a.missions)
                .flat_map(|m| &m.milestones),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> FuzzyDate {
        text.parse().expect("a date")
    }

    fn slip(planned: &str, actual: &str) -> Option<Slip> {
        Slip::between(d(planned), d(actual))
    }

    #[test]
    fn whole_months_count_calendar_months_between_days() {
        let day = |t: &str| d(t).first_day();
        assert_eq!(whole_months(day("2020-03-31"), day("2021-05-17")), 13);
        assert_eq!(whole_months(day("2020-01-01"), day("2021-05-17")), 16);
        // The last day of a long month reaches the last day of a short one.
        assert_eq!(whole_months(day("2020-01-31"), day("2020-02-29")), 1);
        assert_eq!(whole_months(day("2020-01-31"), day("2020-02-28")), 0);
        assert_eq!(whole_months(day("2020-05-17"), day("2020-05-17")), 0);
    }

    #[test]
    fn quarter_against_day_is_an_interval() {
        assert_eq!(
            slip("2020-Q1", "2021-05-17"),
            Some(Slip::Late { min: 13, max: 16 })
        );
        let late = Slip::Late { min: 13, max: 16 };
        assert_eq!(
            late.delivered_text(Language::Fr),
            "livré avec 13 à 16 mois de retard"
        );
        assert_eq!(
            late.delivered_text(Language::En),
            "delivered 13 to 16 months late"
        );
        assert_eq!(late.text(Language::Fr), "13 à 16 mois de retard");
    }

    #[test]
    fn day_against_day_is_exact() {
        assert_eq!(
            slip("2021-03-15", "2021-05-20"),
            Some(Slip::Late { min: 2, max: 2 })
        );
        assert_eq!(
            Slip::Late { min: 2, max: 2 }.delivered_text(Language::En),
            "delivered 2 months late"
        );
        assert_eq!(
            slip("2021-03-15", "2021-03-20"),
            Some(Slip::Late { min: 0, max: 0 })
        );
        assert_eq!(
            Slip::Late { min: 0, max: 0 }.text(Language::Fr),
            "moins d'un mois de retard"
        );
        assert_eq!(
            Slip::Late { min: 1, max: 1 }.text(Language::En),
            "1 month late"
        );
    }

    #[test]
    fn month_against_quarter_and_year_against_day() {
        assert_eq!(
            slip("2020-Q1", "2020-06"),
            Some(Slip::Late { min: 2, max: 5 })
        );
        assert_eq!(
            slip("2020", "2021-03-01"),
            Some(Slip::Late { min: 2, max: 14 })
        );
    }

    #[test]
    fn early_delivery_counts_the_other_way() {
        let early = slip("2021-Q3", "2021-05-10");
        assert_eq!(early, Some(Slip::Early { min: 1, max: 4 }));
        let early = Slip::Early { min: 2, max: 2 };
        assert_eq!(
            early.delivered_text(Language::Fr),
            "livré avec 2 mois d'avance"
        );
        assert_eq!(
            early.delivered_text(Language::En),
            "delivered 2 months early"
        );
        assert_eq!(early.signed(), (-2, -2));
    }

    #[test]
    fn within_the_planned_span_is_on_time() {
        assert_eq!(slip("2020-Q1", "2020-02-17"), Some(Slip::OnTime));
        assert_eq!(slip("2020-03-09", "2020-03-09"), Some(Slip::OnTime));
        assert_eq!(
            Slip::OnTime.delivered_text(Language::Fr),
            "livré dans les temps"
        );
        assert_eq!(
            Slip::OnTime.delivered_text(Language::En),
            "delivered on time"
        );
    }

    #[test]
    fn an_actual_span_across_the_plan_measures_nothing() {
        assert_eq!(slip("2020-Q1", "2020"), None);
        assert_eq!(slip("2020-03-15", "2020-03"), None);
    }

    #[test]
    fn a_replanning_counts_in_the_dates_own_unit() {
        let replan = Replan::between(d("2020-Q1"), d("2020-Q3"));
        assert_eq!(replan.steps, Some((2, Unit::Quarter)));
        assert_eq!(replan.text(Language::Fr), "replanifié\u{a0}: +2 trimestres");
        assert_eq!(replan.text(Language::En), "re-planned: +2 quarters");
        let sooner = Replan::between(d("2021"), d("2020"));
        assert_eq!(sooner.text(Language::En), "re-planned: −1 year");
        let mixed = Replan::between(d("2020-Q1"), d("2020-06"));
        assert_eq!(mixed.text(Language::En), "re-planned: 2 to 5 months later");
    }

    fn milestone(date: Option<&str>, done_on: Option<&str>, revised: &[&str]) -> Milestone {
        Milestone {
            id: "m".to_owned(),
            title: "M".to_owned(),
            description: None,
            date: date.map(d),
            done_on: done_on.map(d),
            revised: revised
                .iter()
                .map(|r| Revision {
                    date: d(r),
                    on: d("2020-06-01"),
                    source: "s".to_owned(),
                })
                .collect(),
            status: None,
            progress: None,
            as_of: None,
            depends_on: Vec::new(),
            note: None,
            sources: Vec::new(),
        }
    }

    #[test]
    fn the_average_rests_on_measured_milestones_only() {
        let milestones = [
            milestone(Some("2020-Q1"), Some("2021-05-17"), &[]),
            milestone(Some("2021-03-15"), Some("2021-05-20"), &[]),
            // Not delivered, re-planned by two quarters: counted.
            milestone(Some("2022-Q1"), None, &["2022-Q3"]),
            // Not delivered, not re-planned; no plan; a straddling delivery.
            milestone(Some("2022-Q1"), None, &[]),
            milestone(None, Some("2021"), &[]),
            milestone(Some("2020-Q1"), Some("2020"), &[]),
        ];
        let summary = SlipSummary::of(&milestones);
        assert_eq!(summary.measured, 3);
        assert_eq!(summary.not_measured, 3);
        // Lows 13, 2, 3 (Q1 → Q3: 31 March → 1 July); highs 16, 2, 8.
        assert_eq!(summary.mean(), Some((6, 9)));
        assert_eq!(
            summary.text(Language::En),
            "average slip: +6 to +9 months, from 3 dated milestones"
        );
        assert_eq!(
            summary.text(Language::Fr),
            "glissement moyen\u{a0}: +6 à +9 mois, sur 3 jalons datés"
        );
        assert_eq!(
            summary.not_measured_text(Language::Fr).as_deref(),
            Some("3 jalons non mesurés")
        );
    }

    #[test]
    fn the_dates_read_with_how_far_they_moved() {
        let render = |lang| move |date: FuzzyDate| date.render(lang);
        let late = milestone(Some("2020-Q1"), Some("2021-05-17"), &[]);
        assert_eq!(
            late.when_with_slip(Language::Fr, render(Language::Fr)),
            "prévu au T1 2020, livré le 17 mai 2021 — 13 à 16 mois de retard"
        );
        let on_time = milestone(Some("2020-Q1"), Some("2020-02-17"), &[]);
        assert_eq!(
            on_time.when_with_slip(Language::En, render(Language::En)),
            "planned Q1 2020, delivered 17 February 2020 — on time"
        );
        let replanned = milestone(Some("2020-Q1"), None, &["2020-Q3"]);
        assert_eq!(
            replanned.when_with_slip(Language::Fr, render(Language::Fr)),
            "prévu au T1 2020, replanifié au T3 2020 — +2 trimestres"
        );
        assert_eq!(
            replanned.revised[0].text(Language::En),
            "Q3 2020, announced 1 June 2020"
        );
        assert_eq!(
            replanned.revised[0].text(Language::Fr),
            "T3 2020, annoncé le 1er juin 2020"
        );
    }

    #[test]
    fn nothing_measured_gives_no_average_not_zero() {
        let milestones = [milestone(Some("2022-Q1"), None, &[])];
        let summary = SlipSummary::of(&milestones);
        assert_eq!(summary.mean(), None);
        assert_eq!(summary.short_text(Language::En), None);
        assert_eq!(summary.text(Language::En), "average slip: not measured");
        assert_eq!(summary.not_measured, 1);
    }

    #[test]
    fn a_mean_around_zero_rounds_outwards() {
        let milestones = [
            milestone(Some("2021-03-15"), Some("2021-05-20"), &[]),
            milestone(Some("2021-Q3"), Some("2021-05-10"), &[]),
        ];
        // Lows 2 and −4, highs 2 and −1: mean −1 to +1 (0.5 rounded up).
        let summary = SlipSummary::of(&milestones);
        assert_eq!(summary.mean(), Some((-1, 1)));
        assert_eq!(
            summary.text(Language::En),
            "average slip: −1 to +1 month, from 2 dated milestones"
        );
    }
}

//! The status vocabulary of public-programme reporting and the rule that
//! derives a status when the data does not state one.
//!
//! Each status has a symbol so that no view carries status by colour alone.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::dates::{DateSpan, Day, FuzzyDate};
use crate::locale::{Gender, Language};

/// Where a mission or milestone stands.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Not started.
    Planned,
    /// Under way.
    InProgress,
    /// Delivered.
    Done,
    /// Its date has passed and it is not done.
    Late,
    /// Under way but threatened.
    AtRisk,
    /// Dropped.
    Cancelled,
    /// Over, and not achieved: a commitment missed, a gate not passed.
    /// Neither done nor late.
    NotMet,
    /// The sources do not say; never turned into `Late`.
    Unknown,
}

impl Status {
    /// Every status, in reporting order.
    pub const ALL: [Status; 8] = [
        Status::Planned,
        Status::InProgress,
        Status::Done,
        Status::Late,
        Status::AtRisk,
        Status::Cancelled,
        Status::NotMet,
        Status::Unknown,
    ];

    /// The keyword used in files.
    pub fn keyword(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::InProgress => "in-progress",
            Status::Done => "done",
            Status::Late => "late",
            Status::AtRisk => "at-risk",
            Status::Cancelled => "cancelled",
            Status::NotMet => "not-met",
            Status::Unknown => "unknown",
        }
    }

    /// A one-cell symbol that tells the status without colour.
    pub fn symbol(self) -> char {
        match self {
            Status::Planned => '○',
            Status::InProgress => '◐',
            Status::Done => '✔',
            Status::Late => '⚠',
            Status::AtRisk => '▲',
            Status::Cancelled => '✘',
            Status::NotMet => '⊘',
            Status::Unknown => '?',
        }
    }

    /// A plain-ASCII symbol for terminals and pipes that lack Unicode.
    pub fn ascii_symbol(self) -> char {
        match self {
            Status::Planned => 'o',
            Status::InProgress => '~',
            Status::Done => '+',
            Status::Late => '!',
            Status::AtRisk => '^',
            Status::Cancelled => 'x',
            Status::NotMet => '-',
            Status::Unknown => '?',
        }
    }

    /// The status in words.
    pub fn label(self, lang: Language) -> &'static str {
        match (self, lang) {
            (Status::Planned, Language::Fr) => "prévu",
            (Status::InProgress, Language::Fr) => "en cours",
            (Status::Done, Language::Fr) => "terminé",
            (Status::Late, Language::Fr) => "en retard",
            (Status::AtRisk, Language::Fr) => "à risque",
            (Status::Cancelled, Language::Fr) => "abandonné",
            (Status::NotMet, Language::Fr) => "non atteint",
            (Status::Unknown, Language::Fr) => "inconnu",
            (Status::Planned, Language::En) => "planned",
            (Status::InProgress, Language::En) => "in progress",
            (Status::Done, Language::En) => "done",
            (Status::Late, Language::En) => "late",
            (Status::AtRisk, Language::En) => "at risk",
            (Status::Cancelled, Language::En) => "cancelled",
            (Status::NotMet, Language::En) => "not met",
            (Status::Unknown, Language::En) => "unknown",
        }
    }

    /// The status said of `count` items named by a noun of `gender`:
    /// "1 terminé", "9 inconnus", "3 missions terminées", "2 en cours";
    /// English does not inflect ("14 done").
    pub fn counted(self, lang: Language, count: usize, gender: Gender) -> String {
        let label = self.label(lang);
        // "en cours", "en retard" and "à risque" do not agree.
        let agrees = lang == Language::Fr
            && matches!(
                self,
                Status::Planned
                    | Status::Done
                    | Status::Cancelled
                    | Status::NotMet
                    | Status::Unknown
            );
        if !agrees {
            return label.to_owned();
        }
        let mut word = label.to_owned();
        if gender == Gender::Feminine {
            word.push('e');
        }
        if lang.is_plural(count) {
            word.push('s');
        }
        word
    }

    /// The status to show on `today`: the stated one, as written, since it
    /// is what the source said at its date (a passed due date is told apart,
    /// see [`StatusReport::past_due`]). With no stated status, full
    /// progress means done, a wholly passed `due` date means late, and a
    /// started span means in progress.
    pub fn derive(
        stated: Option<Status>,
        progress: Option<f64>,
        start: Option<&FuzzyDate>,
        due: Option<&FuzzyDate>,
        today: Day,
    ) -> Status {
        let overdue = due.is_some_and(|due| due.last_day() < today);
        match stated {
            Some(status) => status,
            None if progress.is_some_and(|p| p >= 100.0) => Status::Done,
            None if overdue => Status::Late,
            None if progress.is_some_and(|p| p > 0.0)
                || start.is_some_and(|s| s.first_day() <= today) =>
            {
                Status::InProgress
            }
            None => Status::Planned,
        }
    }
}

/// A status as a reader should see it: what it is, whether the data wrote it
/// or the rules derived it, as of when it was true, whether that is so old
/// that it may no longer hold, and the due date it has outlived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusReport {
    /// The status shown.
    pub status: Status,
    /// Derived by the rules, not written in the data.
    pub derived: bool,
    /// When the status was true; `None` when nothing dates it.
    pub as_of: Option<FuzzyDate>,
    /// The as-of date is older than the roadmap's staleness threshold.
    pub stale: bool,
    /// The due date, when it has passed and the last known status is still
    /// planned or in progress: whether the item is late is not known, only
    /// what was last reported.
    pub past_due: Option<FuzzyDate>,
}

/// The mark of a stale status, in text so that it never rests on colour:
/// "to be refreshed". An arrow of the Arrows block, which `DejaVu Sans`
/// and `DejaVu Sans Mono` (embedded in the PDF) carry, unlike the hourglass
/// ⧗ of a rarer block, which printed blank or as a box.
pub const STALE_SYMBOL: char = '↻';

/// [`STALE_SYMBOL`] for terminals and pipes that lack Unicode.
pub const STALE_ASCII_SYMBOL: char = '#';

impl StatusReport {
    /// The words, with no symbol: "in progress as of March 2023",
    /// "en cours (mars 2023)", "late (derived)", "due end 2025; last reported
    /// in progress, September 2023".
    pub fn words(&self, lang: Language) -> String {
        let label = self.status.label(lang);
        if let Some(due) = self.past_due {
            let due = due.render(lang);
            let known = match self.as_of {
                Some(as_of) => format!("{label}, {}", as_of.render(lang)),
                None => label.to_owned(),
            };
            return match lang {
                Language::Fr => format!("échéance {due} ; dernier état connu : {known}"),
                Language::En => format!("due {due}; last reported {known}"),
            };
        }
        let mut text = label.to_owned();
        if let Some(as_of) = self.as_of {
            let as_of = as_of.render(lang);
            text = match lang {
                Language::Fr => format!("{text} ({as_of})"),
                Language::En => format!("{text} as of {as_of}"),
            };
        }
        if self.derived {
            text.push_str(match lang {
                Language::Fr => " (déduit)",
                Language::En => " (derived)",
            });
        }
        text
    }

    /// The as-of date in a narrow form for one-line rows: "(mars 2023)",
    /// "as of Mar 2023"; `None` when nothing dates the status.
    pub fn as_of_short(&self, lang: Language) -> Option<String> {
        let as_of = self.as_of?;
        let date = match as_of.span() {
            DateSpan::Day(d) => format!("{} {}", lang.month_abbrev(u8::from(d.month())), d.year()),
            DateSpan::Month(y, m) => format!("{} {y}", lang.month_abbrev(m)),
            _ => as_of.render(lang),
        };
        Some(match lang {
            Language::Fr => format!("({date})"),
            Language::En => format!("as of {date}"),
        })
    }

    /// The status symbol, then the stale mark when stale: "◐" or "◐↻".
    pub fn symbols(&self) -> String {
        if self.stale {
            format!("{}{STALE_SYMBOL}", self.status.symbol())
        } else {
            self.status.symbol().to_string()
        }
    }

    /// The status symbol, the stale mark when stale, then the words:
    /// "◐ ↻ in progress as of March 2023".
    pub fn text(&self, lang: Language) -> String {
        let stale = if self.stale {
            format!("{STALE_SYMBOL} ")
        } else {
            String::new()
        };
        format!("{} {stale}{}", self.status.symbol(), self.words(lang))
    }
}

/// The legend of the stale mark: "stale: last reported more than 12 months
/// ago".
pub fn stale_label(lang: Language, months: u32) -> String {
    match lang {
        Language::Fr => format!("ancien : dernier état connu il y a plus de {months} mois"),
        Language::En => format!("stale: last reported more than {months} months ago"),
    }
}

/// The word for a derived status, for legends.
pub fn derived_label(lang: Language) -> &'static str {
    match lang {
        Language::Fr => "déduit : non écrit dans les sources, tiré des dates et des jalons",
        Language::En => "derived: not in the sources, worked out from dates and milestones",
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.keyword())
    }
}

impl FromStr for Status {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Status::ALL
            .into_iter()
            .find(|status| status.keyword() == s)
            .ok_or(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> FuzzyDate {
        text.parse().expect("valid date")
    }

    #[test]
    fn counted_statuses_agree_in_french() {
        let fr = Language::Fr;
        assert_eq!(Status::Done.counted(fr, 1, Gender::Masculine), "terminé");
        assert_eq!(Status::Done.counted(fr, 14, Gender::Masculine), "terminés");
        assert_eq!(
            Status::Unknown.counted(fr, 9, Gender::Masculine),
            "inconnus"
        );
        assert_eq!(Status::Done.counted(fr, 3, Gender::Feminine), "terminées");
        assert_eq!(Status::Planned.counted(fr, 0, Gender::Feminine), "prévue");
        assert_eq!(
            Status::InProgress.counted(fr, 5, Gender::Feminine),
            "en cours"
        );
        assert_eq!(
            Status::Done.counted(Language::En, 14, Gender::Masculine),
            "done"
        );
    }

    #[test]
    fn late_is_derived_from_dates_and_today() {
        let today = d("2021-06-15").first_day();
        let due = d("2020-Q1");
        assert_eq!(
            Status::derive(None, None, None, Some(&due), today),
            Status::Late
        );
        // A written status is shown as written, even past its due date.
        assert_eq!(
            Status::derive(
                Some(Status::InProgress),
                Some(50.0),
                None,
                Some(&due),
                today
            ),
            Status::InProgress
        );
        // A date that covers today is not late yet.
        assert_eq!(
            Status::derive(None, None, None, Some(&d("2021")), today),
            Status::Planned
        );
        // Unknown stays unknown, done stays done.
        assert_eq!(
            Status::derive(Some(Status::Unknown), None, None, Some(&due), today),
            Status::Unknown
        );
        assert_eq!(
            Status::derive(Some(Status::Done), None, None, Some(&due), today),
            Status::Done
        );
        // Not met is an outcome: never turned into late.
        assert_eq!(
            Status::derive(Some(Status::NotMet), None, None, Some(&due), today),
            Status::NotMet
        );
    }

    #[test]
    fn every_status_has_its_own_symbols_and_words() {
        let distinct = |f: &dyn Fn(Status) -> String| {
            let all: std::collections::HashSet<String> = Status::ALL.into_iter().map(f).collect();
            all.len() == Status::ALL.len()
        };
        assert!(distinct(&|s| s.symbol().to_string()));
        assert!(distinct(&|s| s.ascii_symbol().to_string()));
        assert!(distinct(&|s| s.label(Language::Fr).to_owned()));
        assert!(distinct(&|s| s.label(Language::En).to_owned()));
        assert_eq!(Status::NotMet.label(Language::Fr), "non atteint");
        assert_eq!("not-met".parse::<Status>(), Ok(Status::NotMet));
    }

    #[test]
    fn progress_and_start_imply_a_status() {
        let today = d("2021-06-15").first_day();
        assert_eq!(
            Status::derive(None, Some(100.0), None, None, today),
            Status::Done
        );
        assert_eq!(
            Status::derive(None, None, Some(&d("2021-Q1")), Some(&d("2022")), today),
            Status::InProgress
        );
        assert_eq!(
            Status::derive(None, None, Some(&d("2022")), None, today),
            Status::Planned
        );
    }

    #[test]
    fn a_report_says_as_of_when_and_whether_derived() {
        let report = StatusReport {
            status: Status::InProgress,
            derived: false,
            as_of: Some(d("2023-03")),
            stale: false,
            past_due: None,
        };
        assert_eq!(report.words(Language::En), "in progress as of March 2023");
        assert_eq!(report.words(Language::Fr), "en cours (mars 2023)");
        assert_eq!(report.text(Language::En), "◐ in progress as of March 2023");
        let stale = StatusReport {
            stale: true,
            ..report
        };
        assert_eq!(stale.text(Language::Fr), "◐ ↻ en cours (mars 2023)");
        assert_eq!(stale.symbols(), "◐↻");
        assert_eq!(
            stale.as_of_short(Language::En).as_deref(),
            Some("as of Mar 2023")
        );
        assert_eq!(
            stale.as_of_short(Language::Fr).as_deref(),
            Some("(mars 2023)")
        );
        let derived = StatusReport {
            status: Status::Late,
            derived: true,
            as_of: None,
            ..report
        };
        assert_eq!(derived.words(Language::En), "late (derived)");
        assert_eq!(derived.words(Language::Fr), "en retard (déduit)");
    }

    #[test]
    fn a_passed_due_date_says_what_was_last_reported() {
        let report = StatusReport {
            status: Status::InProgress,
            derived: false,
            as_of: Some(d("2023-09")),
            stale: true,
            past_due: Some(d("end-2025")),
        };
        assert_eq!(
            report.words(Language::En),
            "due end 2025; last reported in progress, September 2023"
        );
        assert_eq!(
            report.words(Language::Fr),
            "échéance fin 2025 ; dernier état connu : en cours, septembre 2023"
        );
    }

    #[test]
    fn keywords_read_back() {
        for status in Status::ALL {
            assert_eq!(status.keyword().parse::<Status>(), Ok(status));
        }
        assert!("in_progress".parse::<Status>().is_err());
    }
}

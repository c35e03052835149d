//! The status vocabulary of public-programme reporting and the rule that
//! derives a status when the data does not state one.
//!
//! Each status has a symbol so that no view carries status by colour alone.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::dates::{Day, FuzzyDate};
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
    /// The sources do not say; never turned into `Late`.
    Unknown,
}

impl Status {
    /// Every status, in reporting order.
    pub const ALL: [Status; 7] = [
        Status::Planned,
        Status::InProgress,
        Status::Done,
        Status::Late,
        Status::AtRisk,
        Status::Cancelled,
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
            (Status::Unknown, Language::Fr) => "inconnu",
            (Status::Planned, Language::En) => "planned",
            (Status::InProgress, Language::En) => "in progress",
            (Status::Done, Language::En) => "done",
            (Status::Late, Language::En) => "late",
            (Status::AtRisk, Language::En) => "at risk",
            (Status::Cancelled, Language::En) => "cancelled",
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
                Status::Planned | Status::Done | Status::Cancelled | Status::Unknown
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

    /// The status to show on `today`: the stated one, except that a planned
    /// or in-progress item whose `due` date has wholly passed is late. With no
    /// stated status, full progress means done and a started span means in
    /// progress.
    pub fn derive(
        stated: Option<Status>,
        progress: Option<f64>,
        start: Option<&FuzzyDate>,
        due: Option<&FuzzyDate>,
        today: Day,
    ) -> Status {
        let overdue = due.is_some_and(|due| due.last_day() < today);
        match stated {
            Some(Status::Planned | Status::InProgress) if overdue => Status::Late,
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
        assert_eq!(
            Status::derive(
                Some(Status::InProgress),
                Some(50.0),
                None,
                Some(&due),
                today
            ),
            Status::Late
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
    fn keywords_read_back() {
        for status in Status::ALL {
            assert_eq!(status.keyword().parse::<Status>(), Ok(status));
        }
        assert!("in_progress".parse::<Status>().is_err());
    }
}

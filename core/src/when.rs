//! How a milestone's dates read: planned, delivered, both or unknown. One
//! rule for the outline, the detail, `roadmap list`, the presenter and the
//! web widget, so that a delivered milestone says "delivered August 2022"
//! ("livré en août 2022") everywhere instead of "date unknown".

use crate::dates::{FuzzyDate, Precision};
use crate::locale::{Language, Phrase};
use crate::model::Milestone;

impl Milestone {
    /// The one date a short line shows: "delivered August 2022" when
    /// delivered, else the planned date ("Q1 2020"), else "date unknown".
    pub fn when_short(&self, lang: Language) -> String {
        short_when(self.date, self.done_on, lang)
    }

    /// Every date the milestone has, each written by `render`: "planned
    /// Q1 2020, delivered 17 May 2021" ("prévu au T1 2020, livré le
    /// 17 mai 2021"), or only one of them, or "date unknown".
    pub fn when_full(&self, lang: Language, render: impl Fn(FuzzyDate) -> String) -> String {
        match (self.date, self.done_on) {
            // Delivered when planned: the plan adds nothing to read.
            (Some(planned), Some(done)) if planned == done => {
                dated(lang, Phrase::DeliveredOn, done, &render(done))
            }
            (Some(planned), Some(done)) => format!(
                "{}, {}",
                dated(lang, Phrase::PlannedFor, planned, &render(planned)),
                dated(lang, Phrase::DeliveredOn, done, &render(done))
            ),
            (None, Some(done)) => dated(lang, Phrase::DeliveredOn, done, &render(done)),
            (Some(planned), None) => render(planned),
            (None, None) => lang.phrase(Phrase::NoDate).to_owned(),
        }
    }
}

/// [`Milestone::when_short`] for a copy of a milestone's planned and
/// delivery dates (as the presenter keeps them).
pub fn short_when(planned: Option<FuzzyDate>, done: Option<FuzzyDate>, lang: Language) -> String {
    match (planned, done) {
        (_, Some(done)) => dated(lang, Phrase::DeliveredOn, done, &done.render(lang)),
        (Some(planned), None) => planned.render(lang),
        (None, None) => lang.phrase(Phrase::NoDate).to_owned(),
    }
}

/// "livré en août 2022", "livré le 17 mai 2021", "prévu au T1 2020",
/// "livré fin 2021"; English needs no preposition ("delivered May 2021").
pub(crate) fn dated(lang: Language, word: Phrase, date: FuzzyDate, text: &str) -> String {
    let preposition = match lang {
        Language::En => "",
        // A qualifier already reads as a preposition: "livré fin 2021".
        Language::Fr if date.qualifier().is_some() => "",
        Language::Fr => match date.precision() {
            Precision::Day => "le ",
            Precision::Quarter | Precision::Semester => "au ",
            Precision::Month | Precision::Year => "en ",
        },
    };
    format!("{} {preposition}{text}", lang.phrase(word))
}

// Its roadmaps are loaded from TOML.
#[cfg(test)]
#[cfg(feature = "full-loader")]
mod tests {
    use super::*;
    use crate::load::{Format, load_str};

    fn milestone(dates: &str) -> Milestone {
        let text = format!(
            r#"
id = "t"
title = "T"
organisation = "T"
language = "en"
published = "2020"
period = {{ start = "2020", end = "2022" }}

[[axes]]
id = "a"
title = "A"

[[axes.missions]]
id = "m"
title = "M"

[[axes.missions.milestones]]
id = "s"
title = "S"
{dates}
"#
        );
        let loaded = load_str("t.toml", &text, Format::Toml).expect("valid");
        loaded.roadmap.axes[0].missions[0].milestones[0].clone()
    }

    #[test]
    fn a_delivered_milestone_says_when_it_was_delivered() {
        let only_done = milestone(r#"done_on = "2022-08""#);
        assert_eq!(only_done.when_short(Language::En), "delivered August 2022");
        assert_eq!(only_done.when_short(Language::Fr), "livré en août 2022");
        let both = milestone("date = \"2020-Q1\"\ndone_on = \"2021-05-17\"");
        assert_eq!(both.when_short(Language::En), "delivered 17 May 2021");
        let render = |lang| move |d: FuzzyDate| d.render(lang);
        assert_eq!(
            both.when_full(Language::En, render(Language::En)),
            "planned Q1 2020, delivered 17 May 2021"
        );
        assert_eq!(
            both.when_full(Language::Fr, render(Language::Fr)),
            "prévu au T1 2020, livré le 17 mai 2021"
        );
        let end = milestone(r#"done_on = "end-2021""#);
        assert_eq!(end.when_short(Language::Fr), "livré fin 2021");
        let as_planned = milestone("date = \"2023-01\"\ndone_on = \"2023-01\"");
        assert_eq!(
            as_planned.when_full(Language::En, render(Language::En)),
            "delivered January 2023"
        );
    }

    #[test]
    fn planned_and_unknown_dates_read_as_before() {
        let planned = milestone(r#"date = "2020-H2""#);
        assert_eq!(planned.when_short(Language::En), "H2 2020");
        let unknown = milestone("");
        assert_eq!(unknown.when_short(Language::Fr), "date inconnue");
        assert_eq!(
            unknown.when_full(Language::En, |d| d.render(Language::En)),
            "date unknown"
        );
    }
}

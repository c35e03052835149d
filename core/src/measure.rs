//! How a measurement is worded: the qualifier a source puts on a figure ("at
//! least 43", "about 80", "over 100") and the value in its unit, the same
//! in every view.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::locale::{Language, Phrase};
use crate::model::{Indicator, Measurement};

/// How exact a measured value is, as the source says it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum ValueQualifier {
    /// "au moins" / "at least": the value or more.
    AtLeast,
    /// "plus de" / "more than": above the value.
    MoreThan,
    /// "environ" / "about": near the value.
    About,
    /// "moins de" / "less than": below the value.
    LessThan,
    /// "au plus" / "at most": the value or less.
    AtMost,
}

impl ValueQualifier {
    /// Every qualifier.
    pub const ALL: [ValueQualifier; 5] = [
        ValueQualifier::AtLeast,
        ValueQualifier::MoreThan,
        ValueQualifier::About,
        ValueQualifier::LessThan,
        ValueQualifier::AtMost,
    ];

    /// The keyword used in files.
    pub fn keyword(self) -> &'static str {
        match self {
            ValueQualifier::AtLeast => "at-least",
            ValueQualifier::MoreThan => "more-than",
            ValueQualifier::About => "about",
            ValueQualifier::LessThan => "less-than",
            ValueQualifier::AtMost => "at-most",
        }
    }

    /// The words before the value.
    pub fn words(self, lang: Language) -> &'static str {
        match (self, lang) {
            (ValueQualifier::AtLeast, Language::Fr) => "au moins",
            (ValueQualifier::MoreThan, Language::Fr) => "plus de",
            (ValueQualifier::About, Language::Fr) => "environ",
            (ValueQualifier::LessThan, Language::Fr) => "moins de",
            (ValueQualifier::AtMost, Language::Fr) => "au plus",
            (ValueQualifier::AtLeast, Language::En) => "at least",
            (ValueQualifier::MoreThan, Language::En) => "more than",
            (ValueQualifier::About, Language::En) => "about",
            (ValueQualifier::LessThan, Language::En) => "less than",
            (ValueQualifier::AtMost, Language::En) => "at most",
        }
    }
}

impl fmt::Display for ValueQualifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.keyword())
    }
}

impl FromStr for ValueQualifier {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ValueQualifier::ALL
            .into_iter()
            .find(|q| q.keyword() == s)
            .ok_or(())
    }
}

impl Measurement {
    /// The value in `unit`, after its qualifier: "au moins 43 sites",
    /// "environ 80 %", "more than €100".
    pub fn value_text(&self, lang: Language, unit: &str) -> String {
        let number = match unit {
            "EUR" => lang.money(self.value, "EUR"),
            "%" => lang.percent_exact(self.value),
            "" => lang.number(self.value),
            unit => format!("{} {unit}", lang.number(self.value)),
        };
        match self.qualifier {
            Some(qualifier) => format!("{} {number}", qualifier.words(lang)),
            None => number,
        }
    }

    /// [`Measurement::value_text`], then the date and the note:
    /// "au moins 43 sites (2021) — chiffre de la DINUM".
    pub fn text(&self, lang: Language, unit: &str) -> String {
        let mut text = self.value_text(lang, unit);
        if let Some(date) = self.date {
            text = format!("{text} ({})", date.render(lang));
        }
        if let Some(note) = &self.note {
            text = format!("{text} — {note}");
        }
        text
    }
}

impl Indicator {
    /// The stated values in order, each named, as [`Measurement::text`]
    /// words them: "départ : 35 % (sept. 2021) → cible : 80 % (2022)";
    /// empty when none is stated.
    pub fn steps_text(&self, lang: Language) -> String {
        [
            (Phrase::Baseline, &self.baseline),
            (Phrase::Current, &self.current),
            (Phrase::Target, &self.target),
        ]
        .into_iter()
        .filter_map(|(phrase, measurement)| {
            let value = measurement.as_ref()?.text(lang, &self.unit);
            Some(format!("{}{}{value}", lang.phrase(phrase), lang.colon()))
        })
        .collect::<Vec<_>>()
        .join(" → ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measurement(
        value: f64,
        qualifier: Option<ValueQualifier>,
        note: Option<&str>,
    ) -> Measurement {
        Measurement {
            value,
            qualifier,
            date: "2021".parse().ok(),
            as_of: None,
            note: note.map(str::to_owned),
            sources: Vec::new(),
        }
    }

    #[test]
    fn the_qualifier_and_the_note_are_said_in_each_language() {
        let m = measurement(
            43.0,
            Some(ValueQualifier::AtLeast),
            Some("figure of the press kit"),
        );
        assert_eq!(
            m.text(Language::En, "sites"),
            "at least 43 sites (2021) — figure of the press kit"
        );
        assert_eq!(m.value_text(Language::Fr, "sites"), "au moins 43 sites");
        let about = measurement(80.0, Some(ValueQualifier::About), None);
        assert_eq!(about.value_text(Language::Fr, "%"), "environ 80\u{202f}%");
        let over = measurement(100.0, Some(ValueQualifier::MoreThan), None);
        assert_eq!(
            over.value_text(Language::Fr, "démarches"),
            "plus de 100 démarches"
        );
        assert_eq!(
            over.value_text(Language::En, "services"),
            "more than 100 services"
        );
        assert_eq!(
            measurement(5.0, None, None).text(Language::En, ""),
            "5 (2021)"
        );
    }

    #[test]
    fn keywords_read_back() {
        for q in ValueQualifier::ALL {
            assert_eq!(q.keyword().parse::<ValueQualifier>(), Ok(q));
        }
    }
}

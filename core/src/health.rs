//! A mission's health over time, as its sources rate it: dated readings
//! of green, amber or red (shown as the French "météo": ensoleillé,
//! nuageux, orageux), each with the declared source that gives it. Never
//! derived from dates or progress: a health only exists where a source
//! states one, and it is always shown with its date.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::dates::FuzzyDate;
use crate::locale::Language;
use crate::model::Mission;

/// A rating of how a mission is going.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Health {
    /// On course: "ensoleillé" / "green".
    Green,
    /// Problems being handled: "nuageux" / "amber".
    Amber,
    /// In trouble: "orageux" / "red".
    Red,
}

impl Health {
    /// Every value, best first.
    pub const ALL: [Health; 3] = [Health::Green, Health::Amber, Health::Red];

    /// The keyword used in files.
    pub fn keyword(self) -> &'static str {
        match self {
            Health::Green => "green",
            Health::Amber => "amber",
            Health::Red => "red",
        }
    }

    /// The word a reader sees: the weather in French, as French public
    /// reporting says it ("météo des projets"); the traffic light in
    /// English, as British reporting does.
    pub fn label(self, lang: Language) -> &'static str {
        match (self, lang) {
            (Health::Green, Language::Fr) => "ensoleillé",
            (Health::Amber, Language::Fr) => "nuageux",
            (Health::Red, Language::Fr) => "orageux",
            (Health::Green, Language::En) => "green",
            (Health::Amber, Language::En) => "amber",
            (Health::Red, Language::En) => "red",
        }
    }

    /// A one-cell symbol that tells the values apart without colour.
    pub fn symbol(self) -> char {
        match self {
            Health::Green => '☀',
            Health::Amber => '☁',
            Health::Red => '☂',
        }
    }
}

impl fmt::Display for Health {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.keyword())
    }
}

impl FromStr for Health {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Health::ALL
            .into_iter()
            .find(|h| h.keyword() == s.trim())
            .ok_or(())
    }
}

/// One dated health reading and the source that gives it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HealthReading {
    /// When the source rated it.
    pub on: FuzzyDate,
    /// The rating.
    pub value: Health,
    /// The declared source.
    pub source: String,
}

impl HealthReading {
    /// "☁ nuageux (mars 2023)" / "☁ amber (March 2023)".
    pub fn text(&self, lang: Language) -> String {
        format!(
            "{} {} ({})",
            self.value.symbol(),
            self.value.label(lang),
            self.on.render(lang)
        )
    }
}

/// The history as a strip of symbols, oldest first: "☀☀☁".
pub fn strip(readings: &[HealthReading]) -> String {
    readings.iter().map(|r| r.value.symbol()).collect()
}

impl Mission {
    /// The newest health reading, if any source gives one.
    pub fn latest_health(&self) -> Option<&HealthReading> {
        self.health.last()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_read_back_and_words_differ_by_language() {
        for health in Health::ALL {
            assert_eq!(health.keyword().parse(), Ok(health));
        }
        assert_eq!("orange".parse::<Health>(), Err(()));
        assert_eq!(Health::Amber.label(Language::Fr), "nuageux");
        assert_eq!(Health::Red.label(Language::En), "red");
        let reading = HealthReading {
            on: "2023-03".parse().expect("a date"),
            value: Health::Amber,
            source: "s".to_owned(),
        };
        assert_eq!(reading.text(Language::Fr), "☁ nuageux (mars 2023)");
        let green = HealthReading {
            value: Health::Green,
            ..reading.clone()
        };
        assert_eq!(strip(&[green, reading]), "☀☁");
    }
}

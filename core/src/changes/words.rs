//! The words of a comparison in French and English, kept here once: every
//! view of changes (terminal, presenter, widget) reads them from here.
//! Words about the data itself (statuses, dates, "prévu", "avancement")
//! come from the model's own tables.

use super::{Change, Comparison, DateField, ItemChanges, ItemKind, Listed, ValueField};
use crate::dates::FuzzyDate;
use crate::locale::{Gender, Language, Phrase};
use crate::model::Measurement;

impl ItemKind {
    /// The noun: "jalon", "milestone".
    pub fn noun(self, lang: Language) -> &'static str {
        match (self, lang) {
            (ItemKind::Axis, Language::Fr) => "axe",
            (ItemKind::Axis, Language::En) => "axis",
            (ItemKind::Mission, _) => "mission",
            (ItemKind::Milestone, Language::Fr) => "jalon",
            (ItemKind::Milestone, Language::En) => "milestone",
            (ItemKind::Indicator, Language::Fr) => "indicateur",
            (ItemKind::Indicator, Language::En) => "indicator",
        }
    }

    /// The noun's gender, which French participles agree with.
    pub fn gender(self) -> Gender {
        match self {
            ItemKind::Mission => Gender::Feminine,
            ItemKind::Axis | ItemKind::Milestone | ItemKind::Indicator => Gender::Masculine,
        }
    }
}

impl Change {
    /// A one-cell symbol for the kind of change, read with its words.
    pub fn symbol(&self) -> char {
        match self {
            Change::Added => '+',
            Change::Removed => '−',
            Change::Renamed { .. } => '✎',
            Change::Moved { .. } => '↷',
            Change::Date { .. } => '⇥',
            Change::Status { .. } => '◆',
            Change::Progress { .. } => '%',
            Change::AsOf { .. } => '@',
            Change::Value { .. } => '#',
        }
    }

    /// [`Change::symbol`] for terminals and pipes that lack Unicode.
    pub fn ascii_symbol(&self) -> char {
        match self {
            Change::Added => '+',
            Change::Removed => '-',
            Change::Renamed { .. } => '~',
            Change::Moved { .. } => '>',
            Change::Date { .. } => '^',
            Change::Status { .. } => '=',
            Change::Progress { .. } => '%',
            Change::AsOf { .. } => '@',
            Change::Value { .. } => '#',
        }
    }

    /// The change in words, of an item of `kind`: "statut : en cours →
    /// terminé", "planned: Q1 2020 → Q2 2021 (later)", "mission ajoutée".
    pub fn words(&self, kind: ItemKind, lang: Language) -> String {
        let colon = lang.colon();
        match self {
            Change::Added => participle(lang, kind.gender(), ("ajouté", "added")),
            Change::Removed => participle(lang, kind.gender(), ("supprimé", "removed")),
            Change::Renamed { from, to } => {
                let label = words(lang, ("titre", "title"));
                format!(
                    "{label}{colon}{} → {}",
                    quoted(lang, from),
                    quoted(lang, to)
                )
            }
            Change::Moved { from, to } => {
                let label = participle(lang, kind.gender(), ("déplacé", "moved"));
                let (from, to) = (quoted(lang, &from.title), quoted(lang, &to.title));
                format!("{label}{colon}{from} → {to}")
            }
            Change::Date { field, from, to } => {
                let label = match field {
                    DateField::Planned => lang.phrase(Phrase::PlannedFor),
                    DateField::DoneOn => lang.phrase(Phrase::DeliveredOn),
                    DateField::Start => words(lang, ("début", "start")),
                    DateField::End => words(lang, ("fin", "end")),
                };
                let shift = match shift(*from, *to) {
                    Some(shift) => format!(" ({shift})", shift = shift.words(lang)),
                    None => String::new(),
                };
                format!(
                    "{label}{colon}{} → {}{shift}",
                    date_or_none(lang, *from),
                    date_or_none(lang, *to)
                )
            }
            Change::Status { from, to } => {
                let status = |s: &Option<crate::Status>| {
                    s.map_or_else(|| not_stated(lang).to_owned(), |s| s.label(lang).to_owned())
                };
                let label = words(lang, ("statut", "status"));
                format!("{label}{colon}{} → {}", status(from), status(to))
            }
            Change::Progress { from, to } => {
                let percent = |p: &Option<crate::Progress>| {
                    p.map_or_else(
                        || not_stated(lang).to_owned(),
                        |p| lang.percent(p.percent()),
                    )
                };
                let label = lang.phrase(Phrase::Progress);
                format!("{label}{colon}{} → {}", percent(from), percent(to))
            }
            Change::AsOf { from, to } => {
                let label = words(lang, ("état au", "as of"));
                format!(
                    "{label}{colon}{} → {}",
                    date_or_none(lang, *from),
                    date_or_none(lang, *to)
                )
            }
            Change::Value {
                field,
                unit,
                from,
                to,
            } => {
                let label = lang.phrase(match field {
                    ValueField::Baseline => Phrase::Baseline,
                    ValueField::Target => Phrase::Target,
                    ValueField::Current => Phrase::Current,
                });
                let value = |m: &Option<Measurement>| match m {
                    None => not_stated(lang).to_owned(),
                    Some(m) => match m.date {
                        Some(date) => {
                            format!("{} ({})", m.value_text(lang, unit), date.render(lang))
                        }
                        None => m.value_text(lang, unit),
                    },
                };
                format!("{label}{colon}{} → {}", value(from), value(to))
            }
        }
    }
}

impl ItemChanges {
    /// The item as a reader recognises it: its kind's noun, then its title
    /// in the language's quotation marks.
    pub fn heading(&self, lang: Language) -> String {
        format!("{} {}", self.kind.noun(lang), quoted(lang, &self.title))
    }

    /// Every change in words, separated by semicolons: "statut : en cours →
    /// terminé ; avancement : 40 % → 100 %".
    pub fn summary(&self, lang: Language) -> String {
        let separator = match lang {
            Language::Fr => " ; ",
            Language::En => "; ",
        };
        self.changes
            .iter()
            .map(|change| change.words(self.kind, lang))
            .collect::<Vec<_>>()
            .join(separator)
    }
}

/// A review or a source added or removed, for [`Listed::words`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListedChange {
    /// A progress review in the new edition only.
    ReviewAdded,
    /// A progress review in the old edition only.
    ReviewRemoved,
    /// A source in the new edition only.
    SourceAdded,
    /// A source in the old edition only.
    SourceRemoved,
}

impl ListedChange {
    /// Whether the review or source is in the new edition only.
    pub fn is_added(self) -> bool {
        matches!(self, ListedChange::ReviewAdded | ListedChange::SourceAdded)
    }

    /// [`Change::symbol`] of the same kind: added or removed.
    pub fn symbol(self) -> char {
        match self {
            ListedChange::ReviewAdded | ListedChange::SourceAdded => Change::Added.symbol(),
            ListedChange::ReviewRemoved | ListedChange::SourceRemoved => Change::Removed.symbol(),
        }
    }

    /// [`ListedChange::symbol`] for terminals and pipes that lack Unicode.
    pub fn ascii_symbol(self) -> char {
        match self {
            ListedChange::ReviewAdded | ListedChange::SourceAdded => Change::Added.ascii_symbol(),
            ListedChange::ReviewRemoved | ListedChange::SourceRemoved => {
                Change::Removed.ascii_symbol()
            }
        }
    }
}

impl Listed {
    /// "point d'étape ajouté : « Bilan » (juin 2021)", "source removed:
    /// “Press release”".
    pub fn words(&self, change: ListedChange, lang: Language) -> String {
        // "source" is the same word in both languages.
        let (noun, gender) = match change {
            ListedChange::ReviewAdded | ListedChange::ReviewRemoved => {
                (lang.phrase(Phrase::Review), Gender::Masculine)
            }
            ListedChange::SourceAdded | ListedChange::SourceRemoved => ("source", Gender::Feminine),
        };
        let participle_forms = match change {
            ListedChange::ReviewAdded | ListedChange::SourceAdded => ("ajouté", "added"),
            ListedChange::ReviewRemoved | ListedChange::SourceRemoved => ("supprimé", "removed"),
        };
        let participle = participle(lang, gender, participle_forms);
        let mut text = format!(
            "{noun} {participle}{}{}",
            lang.colon(),
            quoted(lang, &self.title)
        );
        if let Some(date) = self.date {
            text = format!("{text} ({})", date.render(lang));
        }
        text
    }
}

impl Comparison {
    /// The reviews and sources added and removed, in the order every view
    /// lists them, each group with the heading it goes under (reviews,
    /// then sources).
    pub fn listed(&self) -> [(&[Listed], ListedChange, Phrase); 4] {
        [
            (
                &self.reviews_added,
                ListedChange::ReviewAdded,
                Phrase::Reviews,
            ),
            (
                &self.reviews_removed,
                ListedChange::ReviewRemoved,
                Phrase::Reviews,
            ),
            (
                &self.sources_added,
                ListedChange::SourceAdded,
                Phrase::Sources,
            ),
            (
                &self.sources_removed,
                ListedChange::SourceRemoved,
                Phrase::Sources,
            ),
        ]
    }

    /// "3 changements", "1 change", "aucun changement", "no changes".
    pub fn count_words(&self, lang: Language) -> String {
        match self.count() {
            0 => words(lang, ("aucun changement", "no changes")).to_owned(),
            n => {
                let forms = match lang {
                    Language::Fr => ("changement", "changements"),
                    Language::En => ("change", "changes"),
                };
                let noun = lang.agree(n, forms);
                format!("{n} {noun}")
            }
        }
    }
}

/// "Changements de plan.toml@v1 à plan.toml", "Changes from … to …".
pub fn between(lang: Language, old: &str, new: &str) -> String {
    match lang {
        Language::Fr => format!("Changements de {old} à {new}"),
        Language::En => format!("Changes from {old} to {new}"),
    }
}

/// "depuis v2", "since v2": what the changes are counted from.
pub fn since(lang: Language, base: &str) -> String {
    format!("{} {base}", words(lang, ("depuis", "since")))
}

/// "12 changements depuis l'édition comparée (publication : 9 mars
/// 2023)" / "12 changes since the compared edition (published: 9 March
/// 2023)": a comparison in a line, for a page that names no file.
pub fn since_edition(comparison: &Comparison, lang: Language, published: FuzzyDate) -> String {
    let edition = words(
        lang,
        ("depuis l'édition comparée", "since the compared edition"),
    );
    format!(
        "{} {edition} ({}{}{})",
        comparison.count_words(lang),
        lang.phrase(Phrase::Published),
        lang.colon(),
        published.render(lang)
    )
}

/// The heading of the list of changes: "Depuis la dernière revue" …
pub fn since_last_review(lang: Language) -> &'static str {
    words(lang, ("Depuis la dernière revue", "Since the last review"))
}

/// The legend of [`super::CHANGED_SYMBOL`].
pub fn changed_label(lang: Language) -> &'static str {
    words(
        lang,
        (
            "modifié depuis l'édition comparée (--since)",
            "changed since the compared edition (--since)",
        ),
    )
}

/// The name of the filter that keeps changed items.
pub fn changed_filter(lang: Language) -> &'static str {
    words(lang, ("modifiés", "changed"))
}

/// "+3 autres", "+3 more": what a cut list leaves out.
pub fn more(lang: Language, count: usize) -> String {
    let word = match lang {
        Language::Fr => lang.agree(count, ("autre", "autres")),
        Language::En => "more",
    };
    format!("+{count} {word}")
}

/// Which way a date moved, when the spans do not overlap or one holds the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shift {
    Later,
    Earlier,
    /// The new date lies within the old one, said more precisely.
    Refined,
}

impl Shift {
    fn words(self, lang: Language) -> &'static str {
        match self {
            Shift::Later => words(lang, ("plus tard", "later")),
            Shift::Earlier => words(lang, ("plus tôt", "earlier")),
            Shift::Refined => words(lang, ("précisé", "made precise")),
        }
    }
}

/// How `to` lies against `from`: fuzzy dates that overlap are neither
/// later nor earlier, so only a wholly later or earlier span says so.
fn shift(from: Option<FuzzyDate>, to: Option<FuzzyDate>) -> Option<Shift> {
    let (from, to) = (from?, to?);
    if from.last_day() < to.first_day() {
        Some(Shift::Later)
    } else if to.last_day() < from.first_day() {
        Some(Shift::Earlier)
    } else if from.first_day() <= to.first_day() && to.last_day() <= from.last_day() {
        Some(Shift::Refined)
    } else {
        None
    }
}

fn date_or_none(lang: Language, date: Option<FuzzyDate>) -> String {
    date.map_or_else(
        || lang.phrase(Phrase::NoDate).to_owned(),
        |d| d.render(lang),
    )
}

fn not_stated(lang: Language) -> &'static str {
    words(lang, ("non indiqué", "not stated"))
}

/// A participle that agrees in French: "ajoutée" for a mission.
fn participle(lang: Language, gender: Gender, forms: (&str, &str)) -> String {
    match (lang, gender) {
        (Language::Fr, Gender::Feminine) => format!("{}e", forms.0),
        (Language::Fr, Gender::Masculine) => forms.0.to_owned(),
        (Language::En, _) => forms.1.to_owned(),
    }
}

/// A title in the language's quotation marks: « titre », “title”.
pub fn quoted(lang: Language, text: &str) -> String {
    match lang {
        Language::Fr => format!("«\u{a0}{text}\u{a0}»"),
        Language::En => format!("“{text}”"),
    }
}

fn words(lang: Language, (fr, en): (&'static str, &'static str)) -> &'static str {
    match lang {
        Language::Fr => fr,
        Language::En => en,
    }
}

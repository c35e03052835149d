//! The two languages of the interface and the words core renders in them.
//!
//! Month names, quarter and semester letters live here once, so that dates,
//! timeline ticks and both front ends say the same thing.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A language of the interface (and of a roadmap's own text).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// French.
    #[default]
    Fr,
    /// English.
    En,
}

impl Language {
    /// Both languages, in the order a picker shows them.
    pub const ALL: [Language; 2] = [Language::Fr, Language::En];

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Language::Fr => "fr",
            Language::En => "en",
        }
    }

    /// The language of a bare code, `fr` or `en` (any case); `None` for
    /// anything else, a region tag included.
    pub fn from_code(code: &str) -> Option<Language> {
        let code = code.trim();
        Language::ALL
            .into_iter()
            .find(|lang| code.eq_ignore_ascii_case(lang.code()))
    }

    /// Picks a language from a locale or a language tag: `fr`, `en-GB`,
    /// `fr_FR.UTF-8`, `en_US@euro`; `None` when it names neither language
    /// or has no language part (`C`, `C.UTF-8`, `POSIX`).
    pub fn from_locale(locale: &str) -> Option<Language> {
        // The language is what comes before a region, encoding or modifier.
        let primary = locale.trim().split(['_', '-', '.', '@']).next()?;
        Language::ALL
            .into_iter()
            .find(|lang| primary.eq_ignore_ascii_case(lang.code()))
    }

    /// The language the environment asks for, read as gettext does:
    /// `LANGUAGE`, a list such as `fr:en` whose first known language
    /// wins, then the locale in force (the first set of `LC_ALL`,
    /// `LC_MESSAGES`, `LANG`). `None` when they name neither language,
    /// e.g. with `LANG=C.UTF-8`: the roadmap's own language then applies
    /// (see [`interface_language`]). `var` reads one variable.
    pub fn from_environment(var: impl Fn(&str) -> Option<String>) -> Option<Language> {
        let listed = var("LANGUAGE").unwrap_or_default();
        let in_force = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(&var)
            .find(|value| !value.is_empty());
        listed
            .split(':')
            .find_map(Language::from_locale)
            .or_else(|| in_force.as_deref().and_then(Language::from_locale))
    }

    /// Full month name, `month` in 1..=12.
    pub fn month_name(self, month: u8) -> &'static str {
        const FR: [&str; 12] = [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ];
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let index = usize::from(month.clamp(1, 12) - 1);
        match self {
            Language::Fr => FR[index],
            Language::En => EN[index],
        }
    }

    /// Short month name for narrow places such as timeline ticks.
    pub fn month_abbrev(self, month: u8) -> &'static str {
        const FR: [&str; 12] = [
            "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
            "nov.", "déc.",
        ];
        const EN: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let index = usize::from(month.clamp(1, 12) - 1);
        match self {
            Language::Fr => FR[index],
            Language::En => EN[index],
        }
    }

    /// What goes between a label and its value: French sets a space
    /// before the colon ("avancement : 40 %"), English does not.
    pub fn colon(self) -> &'static str {
        match self {
            Language::Fr => "\u{a0}: ",
            Language::En => ": ",
        }
    }

    /// A number as readers of this language write it: "42 000 000" and
    /// "5,2" in French, "42,000,000" and "5.2" in English. At most two
    /// decimals, none when the value is whole.
    pub fn number(self, value: f64) -> String {
        let (group, decimal) = match self {
            Language::Fr => ('\u{202f}', ','),
            Language::En => (',', '.'),
        };
        // In hundredths, by integers: `{:.2}` would bring the float
        // printing code into the web widget's module. Beyond u128's range
        // (about 3.4e36) the value saturates.
        let cents = (value.abs() * 100.0).round() as u128;
        let whole = (cents / 100).to_string();
        let hundredths = (cents % 100) as u8;
        let fraction = [b'0' + hundredths / 10, b'0' + hundredths % 10];
        let fraction = std::str::from_utf8(&fraction).unwrap_or("00");
        let mut out = String::new();
        if value < 0.0 && cents > 0 {
            out.push('-');
        }
        for (i, digit) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i).is_multiple_of(3) {
                out.push(group);
            }
            out.push(digit);
        }
        let fraction = fraction.trim_end_matches('0');
        if !fraction.is_empty() {
            out.push(decimal);
            out.push_str(fraction);
        }
        out
    }

    /// A percentage as written: "21 %" in French (with a narrow space),
    /// "21%" in English; rounded to a whole number, except that a value
    /// strictly between 0 and 1 or 99 and 100 is never shown as 0 or 100.
    pub fn percent(self, value: f64) -> String {
        let shown = if value > 0.0 && value < 1.0 {
            1.0
        } else if value > 99.0 && value < 100.0 {
            99.0
        } else {
            value.round()
        };
        self.percent_exact(shown)
    }

    /// A measured percentage with its decimals: "12,5 %" in French,
    /// "12.5%" in English.
    pub fn percent_exact(self, value: f64) -> String {
        match self {
            Language::Fr => format!("{}\u{202f}%", self.number(value)),
            Language::En => format!("{}%", self.number(value)),
        }
    }

    /// An amount of money, in millions when large: "10 M€", "5,2 M€" in
    /// French; "€10M", "€5.2M" in English. Other currencies keep their code.
    pub fn money(self, amount: f64, currency: &str) -> String {
        let (value, millions) = if amount.abs() >= 1_000_000.0 {
            (amount / 1_000_000.0, true)
        } else {
            (amount, false)
        };
        let number = self.number(value);
        match (self, currency, millions) {
            (Language::Fr, "EUR", true) => format!("{number}\u{a0}M€"),
            (Language::Fr, "EUR", false) => format!("{number}\u{a0}€"),
            (Language::En, "EUR", true) => format!("€{number}M"),
            (Language::En, "EUR", false) => format!("€{number}"),
            (_, code, true) => format!("{number}\u{a0}M {code}"),
            (_, code, false) => format!("{number}\u{a0}{code}"),
        }
    }

    /// Whether `count` things take the plural: in French 0 and 1 take the
    /// singular ("1 terminé", "0 résultat") and 2 and more the plural; in
    /// English only 1 takes the singular ("0 matches", "1 match").
    pub fn is_plural(self, count: usize) -> bool {
        match self {
            Language::Fr => count >= 2,
            Language::En => count != 1,
        }
    }

    /// The form of a word that agrees with `count`: `forms` is the
    /// singular and the plural, in this language.
    pub fn agree<'w>(self, count: usize, forms: (&'w str, &'w str)) -> &'w str {
        if self.is_plural(count) {
            forms.1
        } else {
            forms.0
        }
    }

    /// Letter before a quarter number: "T1 2020" in French, "Q1 2020" in English.
    pub fn quarter_letter(self) -> char {
        match self {
            Language::Fr => 'T',
            Language::En => 'Q',
        }
    }

    /// Letter before a semester number: "S2 2019" in French, "H2 2019" in English.
    pub fn semester_letter(self) -> char {
        match self {
            Language::Fr => 'S',
            Language::En => 'H',
        }
    }
}

/// The grammatical gender of a counted noun, which French adjectives
/// agree with ("3 missions terminées", "3 jalons terminés").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    /// "jalon", "projet", "élément".
    Masculine,
    /// "mission", "erreur".
    Feminine,
}

/// Words both front ends show, kept here once per language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Phrase {
    /// Heading for completion.
    Progress,
    /// Said of an item whose date the sources do not give.
    NoDate,
    /// Label of the publication date.
    Published,
    /// Before the actual delivery date.
    DeliveredOn,
    /// Before the planned date, when a delivery date follows.
    PlannedFor,
    /// Before the date a milestone was re-planned to.
    Replanned,
    /// Before the day a re-planning was announced.
    Announced,
    /// Heading for the cited sources.
    Sources,
    /// Heading for indicators.
    Indicators,
    /// Heading for progress reviews.
    Reviews,
    /// The title of one progress review, before its date.
    Review,
    /// Heading for the owner.
    Owner,
    /// Heading for the budget.
    Budget,
    /// Heading for dependencies.
    DependsOn,
    /// Heading for the items that depend on this one.
    NeededBy,
    /// Said of an item this one depends on that ends after this starts.
    EndsAfterThisStarts,
    /// Said of an item that needs this one and starts before this ends.
    StartsBeforeThisEnds,
    /// Baseline of an indicator.
    Baseline,
    /// Current value of an indicator.
    Current,
    /// Target of an indicator.
    Target,
    /// "done" in "9 of 43 done", in the plural; a count agrees with
    /// [`Status::counted`](crate::Status::counted) instead.
    Done,
    /// "of" in "9 of 43 done".
    Of,
    /// Overall progress.
    Overall,
    /// Heading of the presentation's timeline slide.
    TimelineSlide,
    /// Heading of the presentation's summary slide.
    SummarySlide,
}

/// Words of the slides both presenters show (the terminal's and the
/// browser's): a table of their own, so that a page with a timeline
/// alone does not carry them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SlidePhrase {
    /// Heading of an axis slide's milestones to come.
    NextMilestones,
    /// Heading of an axis slide's late milestones.
    LateMilestones,
    /// Heading of an axis slide's delivered milestones.
    DeliveredMilestones,
    /// Said when no dated milestone lies ahead.
    NoNextMilestone,
    /// Said when no milestone is late.
    NoLateMilestone,
    /// Heading of the summary's progress per axis.
    ProgressByAxis,
    /// Heading of the slip from plan to delivery.
    PlannedVsActual,
    /// Said when fewer than two reviews give counts.
    FewReviews,
}

impl SlidePhrase {
    /// The phrase in `lang`.
    pub fn text(self, lang: Language) -> &'static str {
        use SlidePhrase as P;
        let (fr, en) = match self {
            P::NextMilestones => ("Prochains jalons", "Next milestones"),
            P::LateMilestones => ("Jalons en retard", "Late milestones"),
            P::DeliveredMilestones => ("Jalons livrés", "Delivered milestones"),
            P::NoNextMilestone => ("aucun jalon daté à venir", "no dated milestone ahead"),
            P::NoLateMilestone => ("aucun jalon en retard", "no late milestone"),
            P::ProgressByAxis => ("Avancement par axe", "Progress by axis"),
            P::PlannedVsActual => ("Prévu et réalisé", "Planned vs actual"),
            P::FewReviews => (
                "Moins de deux points d'étape chiffrés : pas d'évolution à tracer.",
                "Fewer than two reviews with counts: no trend to chart.",
            ),
        };
        match lang {
            Language::Fr => fr,
            Language::En => en,
        }
    }
}

impl Language {
    /// The phrase in this language.
    pub fn phrase(self, phrase: Phrase) -> &'static str {
        use Phrase as P;
        match self {
            Language::Fr => match phrase {
                P::Progress => "avancement",
                P::NoDate => "date inconnue",
                P::Published => "publication",
                P::DeliveredOn => "livré",
                P::PlannedFor => "prévu",
                P::Replanned => "replanifié",
                P::Announced => "annoncé",
                P::Sources => "sources",
                P::Indicators => "indicateurs",
                P::Reviews => "points d'étape",
                P::Review => "point d'étape",
                P::Owner => "porteur",
                P::Budget => "budget",
                P::DependsOn => "dépend de",
                P::NeededBy => "nécessaire à",
                P::EndsAfterThisStarts => "finit après le début de celui-ci",
                P::StartsBeforeThisEnds => "commence avant la fin de celui-ci",
                P::Baseline => "départ",
                P::Current => "actuel",
                P::Target => "cible",
                P::Done => "terminés",
                P::Of => "sur",
                P::Overall => "avancement global",
                P::TimelineSlide => "Frise",
                P::SummarySlide => "Synthèse",
            },
            Language::En => match phrase {
                P::Progress => "progress",
                P::NoDate => "date unknown",
                P::Published => "published",
                P::DeliveredOn => "delivered",
                P::PlannedFor => "planned",
                P::Replanned => "re-planned",
                P::Announced => "announced",
                P::Sources => "sources",
                P::Indicators => "indicators",
                P::Reviews => "progress reviews",
                P::Review => "progress review",
                P::Owner => "owner",
                P::Budget => "budget",
                P::DependsOn => "depends on",
                P::NeededBy => "needed by",
                P::EndsAfterThisStarts => "ends after this starts",
                P::StartsBeforeThisEnds => "starts before this ends",
                P::Baseline => "baseline",
                P::Current => "current",
                P::Target => "target",
                P::Done => "done",
                P::Of => "of",
                P::Overall => "overall progress",
                P::TimelineSlide => "Timeline",
                P::SummarySlide => "Summary",
            },
        }
    }
}

/// The language a roadmap is shown in: the one the reader asked for
/// (`--lang`, else the environment: [`Language::from_environment`]), else
/// the roadmap's own, so that an English file reads in English on a
/// machine whose locale names no language.
pub fn interface_language(asked: Option<Language>, roadmap: Language) -> Language {
    asked.unwrap_or(roadmap)
}

/// The text with its first letter in upper case ("avancement" → "Avancement",
/// "échéance" → "Échéance"), for words of [`Language::phrase`] that open a
/// line. Those are French and English, so the letters of Latin-1 are enough;
/// Unicode's case tables would add 14 KB to the web widget's module.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| std::iter::once(latin1_upper(first)).chain(chars).collect())
        .unwrap_or_default()
}

/// The capital of a Latin-1 small letter (`é` → `É`); other characters as they are.
fn latin1_upper(c: char) -> char {
    match c {
        'a'..='z' => c.to_ascii_uppercase(),
        // à..þ but ÷: their capitals are 0x20 lower (ß and ÿ have none there).
        'à'..='þ' if c != '÷' => char::from_u32(u32::from(c) - 0x20).unwrap_or(c),
        _ => c,
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Language {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Language::from_locale(s).ok_or_else(|| {
            format!(
                "unknown language `{}`: use `fr` or `en` (a region may follow: `en-GB`)",
                s.trim()
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_strings_pick_the_language() {
        assert_eq!(Language::from_locale("fr_FR.UTF-8"), Some(Language::Fr));
        assert_eq!(Language::from_locale("en_GB"), Some(Language::En));
        assert_eq!(Language::from_locale("en-GB"), Some(Language::En));
        assert_eq!(Language::from_locale("en_US.UTF-8"), Some(Language::En));
        assert_eq!(Language::from_locale("FR"), Some(Language::Fr));
        assert_eq!(Language::from_locale("C"), None);
        assert_eq!(Language::from_locale("C.UTF-8"), None);
        // A language that merely starts with the same letters is another one.
        assert_eq!(Language::from_locale("french"), None);
        assert_eq!(Language::from_locale("eng"), None);
        assert_eq!("en-GB".parse(), Ok(Language::En));
        assert!("de-DE".parse::<Language>().is_err());
    }

    #[test]
    fn the_environment_names_a_language_or_leaves_it_to_the_roadmap() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(key, _)| *key == name)
                    .map(|(_, value)| (*value).to_owned())
            }
        };
        assert_eq!(
            Language::from_environment(env(&[("LANG", "C.UTF-8")])),
            None
        );
        assert_eq!(
            Language::from_environment(env(&[("LANG", "en_GB.UTF-8")])),
            Some(Language::En)
        );
        // The first locale variable set is the one in force.
        assert_eq!(
            Language::from_environment(env(&[("LC_ALL", "C"), ("LANG", "fr_FR.UTF-8")])),
            None
        );
        assert_eq!(
            Language::from_environment(env(&[("LC_ALL", ""), ("LANG", "fr_FR.UTF-8")])),
            Some(Language::Fr)
        );
        assert_eq!(
            Language::from_environment(env(&[("LANGUAGE", "de:en"), ("LANG", "fr_FR")])),
            Some(Language::En)
        );
        assert_eq!(interface_language(None, Language::En), Language::En);
        assert_eq!(
            interface_language(Some(Language::Fr), Language::En),
            Language::Fr
        );
    }

    #[test]
    fn numbers_and_money_as_each_language_writes_them() {
        assert_eq!(
            Language::Fr.number(42_000_000.0),
            "42\u{202f}000\u{202f}000"
        );
        assert_eq!(Language::En.number(42_000_000.0), "42,000,000");
        assert_eq!(Language::Fr.number(5.2), "5,2");
        assert_eq!(Language::En.number(35.0), "35");
        assert_eq!(capitalised("avancement"), "Avancement");
        assert_eq!(capitalised("échéance"), "Échéance");
        assert_eq!(capitalised("ÿ ÷ ß"), "ÿ ÷ ß");
        assert_eq!(capitalised(""), "");
        // Two decimals at most, rounded half away from zero; no "-0".
        assert_eq!(Language::En.number(-1_234.567), "-1,234.57");
        assert_eq!(Language::En.number(-0.004), "0");
        assert_eq!(Language::En.number(0.105), "0.11");
        assert_eq!(
            Language::Fr.number(1e20),
            "100\u{202f}000\u{202f}000\u{202f}000\u{202f}000\u{202f}000\u{202f}000"
        );
        assert_eq!(Language::Fr.number(0.125), "0,13");
        assert_eq!(Language::Fr.number(-0.001), "0");
        assert_eq!(Language::En.number(999.999), "1,000");
        assert_eq!(Language::Fr.money(5_200_000.0, "EUR"), "5,2\u{a0}M€");
        assert_eq!(Language::En.money(10_000_000.0, "EUR"), "€10M");
        assert_eq!(Language::En.money(900.0, "USD"), "900\u{a0}USD");
        assert_eq!(Language::Fr.percent(21.4), "21\u{202f}%");
        assert_eq!(Language::En.percent(99.6), "99%");
        assert_eq!(Language::En.percent(0.2), "1%");
        assert_eq!(Language::Fr.percent_exact(12.5), "12,5\u{202f}%");
    }

    #[test]
    fn plurals_follow_each_language() {
        let forms = |lang: Language| (0..3).map(move |n| lang.agree(n, ("jalon", "jalons")));
        assert_eq!(
            forms(Language::Fr).collect::<Vec<_>>(),
            ["jalon", "jalon", "jalons"]
        );
        assert_eq!(
            forms(Language::En).collect::<Vec<_>>(),
            ["jalons", "jalon", "jalons"]
        );
    }

    #[test]
    fn month_names_are_one_based() {
        assert_eq!(Language::Fr.month_name(8), "août");
        assert_eq!(Language::En.month_abbrev(12), "Dec");
    }
}

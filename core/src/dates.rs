//! Fuzzy dates: a date that knows its precision (day, month, quarter,
//! semester, year), covers the whole span it names, and renders as people
//! write it ("T1 2020", "S2 2019", "fin 2021").
//!
//! The canonical text form (`2020-Q1`, `2019-H2`, `end-2021`) is what files
//! hold; [`FuzzyDate::render`] gives the words for a reader.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::{Date, Month};

use crate::locale::Language;

/// A calendar day, as a count usable for arithmetic and layout.
pub type Day = Date;

/// How precise a [`FuzzyDate`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// One day.
    Day,
    /// One month.
    Month,
    /// One quarter (three months).
    Quarter,
    /// One semester (six months).
    Semester,
    /// One year.
    Year,
}

/// The period a fuzzy date names, with just the precision the source gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateSpan {
    /// A single day.
    Day(Date),
    /// A month: `year`, `month` in 1..=12.
    Month(i32, u8),
    /// A quarter: `year`, quarter in 1..=4.
    Quarter(i32, u8),
    /// A semester: `year`, semester in 1..=2.
    Semester(i32, u8),
    /// A whole year.
    Year(i32),
}

/// How a source qualifies a date: "début 2021", "mi-2021", "fin 2021".
/// It changes the wording only; the span stays the one the date names,
/// because the source does not say more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Qualifier {
    /// "début" / "early".
    Early,
    /// "mi-" / "mid-".
    Mid,
    /// "fin" / "end".
    End,
}

impl Qualifier {
    const ALL: [Qualifier; 3] = [Qualifier::Early, Qualifier::Mid, Qualifier::End];

    fn prefix(self) -> &'static str {
        match self {
            Qualifier::Early => "early-",
            Qualifier::Mid => "mid-",
            Qualifier::End => "end-",
        }
    }

    fn words(self, lang: Language) -> &'static str {
        match (self, lang) {
            (Qualifier::Early, Language::Fr) => "début ",
            (Qualifier::Mid, Language::Fr) => "mi-",
            (Qualifier::End, Language::Fr) => "fin ",
            (Qualifier::Early, Language::En) => "early ",
            (Qualifier::Mid, Language::En) => "mid-",
            (Qualifier::End, Language::En) => "end ",
        }
    }
}

/// A date with its precision: see the module documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FuzzyDate {
    span: DateSpan,
    qualifier: Option<Qualifier>,
}

/// Why a text is not a fuzzy date, with a hint on how to write it. It is
/// put in words only when shown: a reader that only asks whether a text
/// is a date (the web widget) carries no words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    /// The text refused.
    text: String,
    problem: DateProblem,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = &self.text;
        match &self.problem {
            DateProblem::NotADate => write!(f, "`{text}` is not a date")?,
            DateProblem::YearOutOfRange(year) => write!(
                f,
                "year {year} is out of range ({}–{})",
                YEARS.start(),
                YEARS.end()
            )?,
            DateProblem::NotAQuarter(part) => write!(f, "`{part}` is not a quarter (Q1 to Q4)")?,
            DateProblem::NotASemester(part) => {
                write!(f, "`{part}` is not a semester (H1 or H2)")?;
            }
            DateProblem::NoSuchMonth(month) => write!(f, "month {month} does not exist")?,
            DateProblem::NotAMonth(part) => write!(f, "`{part}` is not a month (01 to 12)")?,
            DateProblem::NotADay(part) => write!(f, "`{part}` is not a day of the month")?,
            DateProblem::NoSuchDay { year, month, days } => write!(
                f,
                "{text} does not exist ({} {year} has {days} days)",
                Language::En.month_name(*month)
            )?,
        }
        #[cfg(feature = "full-loader")]
        let help = crate::date_forms::hint(text).unwrap_or_else(|| DATE_FORMS.to_owned());
        // The lean reader's refusal sends the page to the full loader,
        // which gives the hint: its Unicode case tables stay out.
        #[cfg(not(feature = "full-loader"))]
        let help = DATE_FORMS;
        write!(f, "; {help}")
    }
}

impl std::error::Error for DateError {}

/// What is wrong with a text that is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DateProblem {
    /// Not the shape of a date at all.
    NotADate,
    /// A year outside [`YEARS`].
    YearOutOfRange(i32),
    /// After the year, a `Q` or `T` and no quarter.
    NotAQuarter(String),
    /// After the year, an `H` or `S` and no semester.
    NotASemester(String),
    /// A month number past 12, or 0.
    NoSuchMonth(i32),
    /// A month that is not two digits.
    NotAMonth(String),
    /// A day that is not two digits.
    NotADay(String),
    /// A day past the end of its month.
    NoSuchDay { year: i32, month: u8, days: u8 },
}

/// The date forms accepted, quoted in every date error.
pub const DATE_FORMS: &str = "write a day `2023-03-09`, a month `2023-03`, a quarter `2020-Q1`, a semester `2019-H2` or a year `2021` (optionally `early-`, `mid-` or `end-` before it)";

/// Years outside this range are taken as typing mistakes.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

impl FuzzyDate {
    /// A date of the given span, without qualifier.
    pub fn new(span: DateSpan) -> Self {
        FuzzyDate {
            span,
            qualifier: None,
        }
    }

    /// A day-precise date.
    pub fn day(date: Date) -> Self {
        FuzzyDate::new(DateSpan::Day(date))
    }

    /// The same date with a qualifier.
    #[must_use]
    pub fn with_qualifier(self, qualifier: Option<Qualifier>) -> Self {
        FuzzyDate { qualifier, ..self }
    }

    /// The period named.
    pub fn span(&self) -> DateSpan {
        self.span
    }

    /// The qualifier, if the source gave one.
    pub fn qualifier(&self) -> Option<Qualifier> {
        self.qualifier
    }

    /// How precise the date is.
    pub fn precision(&self) -> Precision {
        match self.span {
            DateSpan::Day(_) => Precision::Day,
            DateSpan::Month(..) => Precision::Month,
            DateSpan::Quarter(..) => Precision::Quarter,
            DateSpan::Semester(..) => Precision::Semester,
            DateSpan::Year(_) => Precision::Year,
        }
    }

    /// The year the date falls in.
    pub fn year(&self) -> i32 {
        match self.span {
            DateSpan::Day(d) => d.year(),
            DateSpan::Month(y, _)
            | DateSpan::Quarter(y, _)
            | DateSpan::Semester(y, _)
            | DateSpan::Year(y) => y,
        }
    }

    /// First month (1..=12) and number of months of a month-aligned span.
    fn months(&self) -> (u8, u8) {
        match self.span {
            DateSpan::Day(d) => (u8::from(d.month()), 1),
            DateSpan::Month(_, m) => (m, 1),
            DateSpan::Quarter(_, q) => (3 * q - 2, 3),
            DateSpan::Semester(_, h) => (6 * h - 5, 6),
            DateSpan::Year(_) => (1, 12),
        }
    }

    /// The first day the date covers.
    pub fn first_day(&self) -> Day {
        if let DateSpan::Day(d) = self.span {
            return d;
        }
        let (month, _) = self.months();
        first_of_month(self.year(), month)
    }

    /// The last day the date covers.
    pub fn last_day(&self) -> Day {
        if let DateSpan::Day(d) = self.span {
            return d;
        }
        let (first, count) = self.months();
        last_of_month(self.year(), first + count - 1)
    }

    /// Whether the two dates' spans share at least one day.
    pub fn overlaps(&self, other: &FuzzyDate) -> bool {
        self.first_day() <= other.last_day() && other.first_day() <= self.last_day()
    }

    /// Whether this date is surely before `other` (its span ends first).
    pub fn is_before(&self, other: &FuzzyDate) -> bool {
        self.last_day() < other.first_day()
    }

    /// Whether `day` falls in the span.
    pub fn contains(&self, day: Day) -> bool {
        self.first_day() <= day && day <= self.last_day()
    }

    /// The date as a reader writes it: "T1 2020", "S2 2019", "fin 2021",
    /// "9 mars 2023" in French; "Q1 2020", "H2 2019", "end 2021",
    /// "9 March 2023" in English.
    pub fn render(&self, lang: Language) -> String {
        let base = match self.span {
            DateSpan::Day(d) => {
                // French writes the first of the month as an ordinal: "1er mars".
                let day = match (lang, d.day()) {
                    (Language::Fr, 1) => "1er".to_owned(),
                    (_, day) => day.to_string(),
                };
                format!(
                    "{} {} {}",
                    day,
                    lang.month_name(u8::from(d.month())),
                    d.year()
                )
            }
            DateSpan::Month(y, m) => format!("{} {y}", lang.month_name(m)),
            DateSpan::Quarter(y, q) => format!("{}{q} {y}", lang.quarter_letter()),
            DateSpan::Semester(y, h) => format!("{}{h} {y}", lang.semester_letter()),
            DateSpan::Year(y) => y.to_string(),
        };
        match self.qualifier {
            Some(q) => format!("{}{base}", q.words(lang)),
            None => base,
        }
    }
}

/// A span from `start` to `end` as people write it, the one rule every
/// view follows: "2023" for a span within one year given as years, "T1 2023"
/// for one quarter, "mars → juin 2023" within one year, "T1 2020 → 2021"
/// otherwise; "janvier 2023 →" with no end, "→ fin 2023" with no start.
pub fn render_range(start: Option<FuzzyDate>, end: Option<FuzzyDate>, lang: Language) -> String {
    match (start, end) {
        (Some(start), Some(end)) if start == end => start.render(lang),
        (Some(start), Some(end)) => match start.render_without_year(end, lang) {
            Some(head) => format!("{head} → {}", end.render(lang)),
            None => format!("{} → {}", start.render(lang), end.render(lang)),
        },
        (Some(start), None) => format!("{} →", start.render(lang)),
        (None, Some(end)) => format!("→ {}", end.render(lang)),
        (None, None) => String::new(),
    }
}

impl FuzzyDate {
    /// The date without its year ("mars", "T1", "9 mars") when `end` falls
    /// in the same year and neither is a whole year or qualified, so that
    /// the year is said once; `None` otherwise.
    fn render_without_year(&self, end: FuzzyDate, lang: Language) -> Option<String> {
        let plain = |d: &FuzzyDate| d.qualifier.is_none() && d.precision() != Precision::Year;
        if self.year() != end.year() || !plain(self) || !plain(&end) {
            return None;
        }
        Some(match self.span {
            DateSpan::Day(d) => match (lang, d.day()) {
                (Language::Fr, 1) => format!("1er {}", lang.month_name(u8::from(d.month()))),
                (_, day) => format!("{day} {}", lang.month_name(u8::from(d.month()))),
            },
            DateSpan::Month(_, m) => lang.month_name(m).to_owned(),
            DateSpan::Quarter(_, q) => format!("{}{q}", lang.quarter_letter()),
            DateSpan::Semester(_, h) => format!("{}{h}", lang.semester_letter()),
            DateSpan::Year(_) => return None,
        })
    }
}

fn first_of_month(year: i32, month: u8) -> Date {
    let month = Month::try_from(month).unwrap_or(Month::January);
    Date::from_calendar_date(year, month, 1).unwrap_or(Date::MIN)
}

fn last_of_month(year: i32, month: u8) -> Date {
    let month = Month::try_from(month).unwrap_or(Month::December);
    let length = month.length(year);
    Date::from_calendar_date(year, month, length).unwrap_or(Date::MAX)
}

/// Dates order by where their span starts, then where it ends (the shorter
/// first), then by qualifier: `2020-Q1` < `2020-03` would be false, as
/// the quarter starts first.
impl Ord for FuzzyDate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.first_day()
            .cmp(&other.first_day())
            .then_with(|| self.last_day().cmp(&other.last_day()))
            .then_with(|| self.qualifier.cmp(&other.qualifier))
    }
}

impl PartialOrd for FuzzyDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The canonical form, which [`FromStr`] reads back.
impl fmt::Display for FuzzyDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(q) = self.qualifier {
            f.write_str(q.prefix())?;
        }
        match self.span {
            DateSpan::Day(d) => write!(
                f,
                "{:04}-{:02}-{:02}",
                d.year(),
                u8::from(d.month()),
                d.day()
            ),
            DateSpan::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            DateSpan::Quarter(y, q) => write!(f, "{y:04}-Q{q}"),
            DateSpan::Semester(y, h) => write!(f, "{y:04}-H{h}"),
            DateSpan::Year(y) => write!(f, "{y:04}"),
        }
    }
}

impl FromStr for FuzzyDate {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        parse_canonical(text).map_err(|problem| DateError {
            text: text.to_owned(),
            problem,
        })
    }
}

/// Reads the canonical form; the error says what is wrong.
pub(crate) fn parse_canonical(text: &str) -> Result<FuzzyDate, DateProblem> {
    {
        let trimmed = text.trim();
        let (qualifier, rest) = Qualifier::ALL
            .into_iter()
            .find_map(|q| trimmed.strip_prefix(q.prefix()).map(|rest| (Some(q), rest)))
            .unwrap_or((None, trimmed));
        let mut parts = rest.split('-');
        let year_text = parts.next().unwrap_or_default();
        let second = parts.next();
        let third = parts.next();
        if parts.next().is_some() || year_text.len() != 4 {
            return Err(DateProblem::NotADate);
        }
        let year: i32 = parse_digits(year_text).ok_or(DateProblem::NotADate)?;
        if !YEARS.contains(&year) {
            return Err(DateProblem::YearOutOfRange(year));
        }
        let span = match (second, third) {
            (None, _) => DateSpan::Year(year),
            (Some(part), None) => {
                let upper = part.to_ascii_uppercase();
                // French authors write T1/S2; both read as the same quarter/semester.
                if let Some(n) = upper.strip_prefix('Q').or_else(|| upper.strip_prefix('T')) {
                    match parse_digits(n) {
                        Some(q @ 1..=4) => DateSpan::Quarter(year, q as u8),
                        _ => return Err(DateProblem::NotAQuarter(part.to_owned())),
                    }
                } else if let Some(n) = upper.strip_prefix('H').or_else(|| upper.strip_prefix('S'))
                {
                    match parse_digits(n) {
                        Some(h @ 1..=2) => DateSpan::Semester(year, h as u8),
                        _ => return Err(DateProblem::NotASemester(part.to_owned())),
                    }
                } else {
                    DateSpan::Month(year, parse_month(part)?)
                }
            }
            (Some(month_text), Some(day_text)) => {
                let month = parse_month(month_text)?;
                let day = parse_digits(day_text)
                    .filter(|_| day_text.len() == 2)
                    .ok_or_else(|| DateProblem::NotADay(day_text.to_owned()))?;
                let month_value = Month::try_from(month).unwrap_or(Month::January);
                let date = u8::try_from(day)
                    .ok()
                    .and_then(|d| Date::from_calendar_date(year, month_value, d).ok())
                    .ok_or(DateProblem::NoSuchDay {
                        year,
                        month,
                        days: month_value.length(year),
                    })?;
                DateSpan::Day(date)
            }
        };
        Ok(FuzzyDate { span, qualifier })
    }
}

fn parse_digits(text: &str) -> Option<i32> {
    if text.is_empty() || text.len() > 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn parse_month(text: &str) -> Result<u8, DateProblem> {
    match parse_digits(text).filter(|_| text.len() == 2) {
        Some(m @ 1..=12) => Ok(m as u8),
        Some(m) => Err(DateProblem::NoSuchMonth(m)),
        None => Err(DateProblem::NotAMonth(text.to_owned())),
    }
}

impl Serialize for FuzzyDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for FuzzyDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl schemars::JsonSchema for FuzzyDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "FuzzyDate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A date with the precision the source gives: 2023-03-09, 2023-03, 2020-Q1, 2019-H2 or 2021, optionally after early-, mid- or end-.",
            "pattern": "^(early-|mid-|end-)?[0-9]{4}(-(0[1-9]|1[0-2])(-[0-3][0-9])?|-[QqTt][1-4]|-[HhSs][12])?$",
            "examples": ["2023-03-09", "2023-03", "2020-Q1", "2019-H2", "2021", "end-2021"]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(start: &str, end: &str, lang: Language) -> String {
        let date = |t: &str| (!t.is_empty()).then(|| t.parse::<FuzzyDate>().unwrap());
        render_range(date(start), date(end), lang)
    }

    #[test]
    fn a_range_within_one_year_given_as_years_is_that_year() {
        assert_eq!(range("2023", "2023", Language::Fr), "2023");
        assert_eq!(range("2023", "2023", Language::En), "2023");
    }

    #[test]
    fn a_range_of_one_quarter_is_that_quarter() {
        assert_eq!(range("2023-Q1", "2023-Q1", Language::Fr), "T1 2023");
        assert_eq!(range("2023-Q1", "2023-Q1", Language::En), "Q1 2023");
    }

    #[test]
    fn a_range_within_one_year_says_the_year_once() {
        assert_eq!(
            range("2023-03", "2023-06", Language::Fr),
            "mars → juin 2023"
        );
        assert_eq!(
            range("2023-03", "2023-06", Language::En),
            "March → June 2023"
        );
        assert_eq!(range("2023-Q1", "2023-Q3", Language::Fr), "T1 → T3 2023");
        assert_eq!(
            range("2023-03-01", "2023-06-30", Language::Fr),
            "1er mars → 30 juin 2023"
        );
        assert_eq!(
            range("2023-03-09", "2023-06-30", Language::En),
            "9 March → 30 June 2023"
        );
    }

    #[test]
    fn other_ranges_are_written_in_full() {
        assert_eq!(range("2020-Q1", "2021", Language::Fr), "T1 2020 → 2021");
        assert_eq!(range("2020-Q1", "2021", Language::En), "Q1 2020 → 2021");
        assert_eq!(range("2023", "end-2023", Language::Fr), "2023 → fin 2023");
        assert_eq!(range("2023-01", "", Language::Fr), "janvier 2023 →");
        assert_eq!(range("", "end-2023", Language::En), "→ end 2023");
        assert_eq!(range("", "", Language::En), "");
    }

    fn d(text: &str) -> FuzzyDate {
        text.parse().expect("valid date")
    }

    #[test]
    fn every_precision_parses_and_prints_back() {
        for text in [
            "2023-03-09",
            "2023-03",
            "2020-Q1",
            "2019-H2",
            "2021",
            "end-2021",
            "mid-2021",
            "early-2022-09",
        ] {
            assert_eq!(d(text).to_string(), text);
        }
        assert_eq!(d("2020-T1"), d("2020-Q1"));
        assert_eq!(d("2019-s2"), d("2019-H2"));
    }

    #[test]
    fn spans_cover_the_whole_period() {
        let q1 = d("2020-Q1");
        assert_eq!(q1.first_day().to_string(), "2020-01-01");
        assert_eq!(q1.last_day().to_string(), "2020-03-31");
        assert_eq!(d("2019-H2").first_day().to_string(), "2019-07-01");
        assert_eq!(d("2019-H2").last_day().to_string(), "2019-12-31");
        assert_eq!(d("2024-02").last_day().to_string(), "2024-02-29");
        assert_eq!(d("2021").last_day().to_string(), "2021-12-31");
        assert_eq!(d("end-2021").first_day().to_string(), "2021-01-01");
    }

    #[test]
    fn renders_as_people_write_it() {
        assert_eq!(d("2020-Q1").render(Language::Fr), "T1 2020");
        assert_eq!(d("2020-Q1").render(Language::En), "Q1 2020");
        assert_eq!(d("2019-H2").render(Language::Fr), "S2 2019");
        assert_eq!(d("2019-H2").render(Language::En), "H2 2019");
        assert_eq!(d("end-2021").render(Language::Fr), "fin 2021");
        assert_eq!(d("end-2021").render(Language::En), "end 2021");
        assert_eq!(d("mid-2021").render(Language::Fr), "mi-2021");
        assert_eq!(d("2023-03-09").render(Language::Fr), "9 mars 2023");
        assert_eq!(d("2023-03-09").render(Language::En), "9 March 2023");
        assert_eq!(d("2020-01-01").render(Language::Fr), "1er janvier 2020");
        assert_eq!(d("2020-01-01").render(Language::En), "1 January 2020");
        assert_eq!(d("2023-01").render(Language::Fr), "janvier 2023");
        assert_eq!(d("2021").render(Language::En), "2021");
    }

    #[test]
    fn ordering_by_start_then_end() {
        let mut dates = [
            d("2021"),
            d("2020-03"),
            d("2020-Q1"),
            d("2019-H2"),
            d("2020-01-15"),
            d("2020"),
        ];
        dates.sort();
        let sorted: Vec<String> = dates.iter().map(ToString::to_string).collect();
        assert_eq!(
            sorted,
            [
                "2019-H2",
                "2020-Q1",
                "2020",
                "2020-01-15",
                "2020-03",
                "2021"
            ]
        );
        assert!(d("2019-H2").is_before(&d("2020-Q1")));
        assert!(!d("2020").is_before(&d("2020-Q1")));
    }

    #[test]
    fn overlap_is_about_shared_days() {
        assert!(d("2020").overlaps(&d("2020-Q3")));
        assert!(d("2019-H2").overlaps(&d("2019-12-31")));
        assert!(!d("2019-H1").overlaps(&d("2019-07")));
        assert!(d("2020-Q1").contains(d("2020-02-29").first_day()));
    }

    #[test]
    fn bad_dates_say_what_is_wrong() {
        let err = |text: &str| text.parse::<FuzzyDate>().unwrap_err().to_string();
        assert!(err("2023-13").starts_with("month 13 does not exist"));
        assert!(
            err("2023-02-30").starts_with("2023-02-30 does not exist (February 2023 has 28 days)")
        );
        assert!(err("2020-Q5").starts_with("`Q5` is not a quarter"));
        assert!(err("T1 2020").starts_with("`T1 2020` is not a date"));
        assert!(err("").contains("write a day"));
        assert!(err("12345").starts_with("`12345` is not a date"));
        assert!(err("0999").starts_with("year 999 is out of range"));
    }
}

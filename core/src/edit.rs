//! Changing a roadmap file's text: set a status or a progress, add a dated
//! progress review. Edits rewrite only the values they touch (through
//! `toml_edit`), so comments, key order and layout survive, and the edited
//! text is loaded and checked before it is handed back: an edit never
//! yields a file that does not load.

use std::fmt;
use std::str::FromStr;

use toml_edit::{DocumentMut, Item, Table, TableLike, Value};

use crate::dates::FuzzyDate;
use crate::load::{Format, LoadError, Loaded, load};
use crate::locale::{Language, Phrase, capitalised};
use crate::model::{ItemKey, Progress, Roadmap};
use crate::status::Status;

/// One change to a roadmap file.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Set the status of the mission or milestone with this id.
    SetStatus {
        /// The mission's or milestone's id.
        id: String,
        /// The new status.
        status: Status,
    },
    /// Set the progress of the axis, mission or milestone with this id.
    SetProgress {
        /// The item's id.
        id: String,
        /// The new progress.
        progress: Progress,
    },
    /// Add a progress review to the roadmap.
    AddReview(NewReview),
}

/// A progress review as staff type it: `2021-06: 9/43 note`.
#[derive(Debug, Clone, PartialEq)]
pub struct NewReview {
    /// When the review was made.
    pub date: FuzzyDate,
    /// Projects done at that date.
    pub done: u32,
    /// Projects in the programme at that date.
    pub total: u32,
    /// Free text.
    pub note: Option<String>,
}

/// Why a typed review could not be read, with the piece at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewSyntax {
    /// No `:` between the date and the counts.
    NoColon,
    /// This is not a date.
    Date(String),
    /// This is not `done/total`.
    Counts(String),
}

impl fmt::Display for ReviewSyntax {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReviewSyntax::NoColon => write!(f, "write the date, `:`, then done/total"),
            ReviewSyntax::Date(text) => write!(f, "`{text}` is not a date"),
            ReviewSyntax::Counts(text) => write!(f, "`{text}` is not done/total"),
        }
    }
}

impl FromStr for NewReview {
    type Err = ReviewSyntax;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let (date, rest) = text.split_once(':').ok_or(ReviewSyntax::NoColon)?;
        let date = date.trim();
        let date: FuzzyDate = date
            .parse()
            .map_err(|_| ReviewSyntax::Date(date.to_owned()))?;
        let rest = rest.trim_start();
        let (counts, note) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        let bad_counts = || ReviewSyntax::Counts(counts.to_owned());
        let (done, total) = counts.split_once('/').ok_or_else(bad_counts)?;
        let count = |n: &str| n.parse::<u32>().map_err(|_| bad_counts());
        let note = note.trim();
        Ok(NewReview {
            date,
            done: count(done)?,
            total: count(total)?,
            note: (!note.is_empty()).then(|| note.to_owned()),
        })
    }
}

/// The edited text and the roadmap it loads as.
#[derive(Debug, Clone)]
pub struct Edited {
    /// The whole new file.
    pub text: String,
    /// The checked roadmap of `text`.
    pub loaded: Loaded,
}

/// Why an edit was refused; the text is left as it was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// JSON files are exports of a TOML source.
    #[error(
        "{file} is JSON, an export with no comments: edit its TOML source, then `roadmap export` it again"
    )]
    Json {
        /// The file's name.
        file: String,
    },
    /// No item of the right kind has this id.
    #[error("{file} has no {what} with id `{id}`")]
    NotFound {
        /// The file's name.
        file: String,
        /// The id asked for.
        id: String,
        /// The kinds of item the edit applies to.
        what: &'static str,
    },
    /// The file, before or after the edit, does not load.
    #[error("{0}")]
    Invalid(LoadError),
}

/// Applies `edit` to `text`, the content of `file`, and checks the result.
pub fn apply(file: &str, text: &str, format: Format, edit: &Edit) -> Result<Edited, EditError> {
    if format == Format::Json {
        return Err(EditError::Json {
            file: file.to_owned(),
        });
    }
    let before = load(file, text.as_bytes(), format).map_err(EditError::Invalid)?;
    let roadmap = &before.roadmap;
    // The file loaded, so it parses; a parse error here would be a bug of
    // one of the two parsers, reported like any other load error.
    // `toml_edit` does not take a byte-order mark: set it aside and back.
    let (bom, body) = text
        .strip_prefix('\u{feff}')
        .map_or(("", text), |body| ("\u{feff}", body));
    let mut document: DocumentMut = body.parse().map_err(|e: toml_edit::TomlError| {
        EditError::Invalid(LoadError::new(
            file,
            vec![crate::Diagnostic::error(e.message().to_owned())],
        ))
    })?;
    let not_found = |what| EditError::NotFound {
        file: file.to_owned(),
        id: edit_id(edit).to_owned(),
        what,
    };
    match edit {
        Edit::SetStatus { id, status } => {
            let what = "mission or milestone";
            let key = roadmap
                .key_of(id)
                .filter(|k| matches!(k, ItemKey::Mission(..) | ItemKey::Milestone(..)))
                .ok_or_else(|| not_found(what))?;
            let table = item_table(&mut document, key).ok_or_else(|| not_found(what))?;
            set(table, "status", Value::from(status.keyword()));
        }
        Edit::SetProgress { id, progress } => {
            let what = "axis, mission or milestone";
            let key = roadmap
                .key_of(id)
                .filter(|k| {
                    matches!(
                        k,
                        ItemKey::Axis(..) | ItemKey::Mission(..) | ItemKey::Milestone(..)
                    )
                })
                .ok_or_else(|| not_found(what))?;
            let table = item_table(&mut document, key).ok_or_else(|| not_found(what))?;
            set(table, "progress", progress_value(*progress));
        }
        Edit::AddReview(review) => add_review(&mut document, roadmap, review),
    }
    let text = format!("{bom}{document}");
    let loaded = load(file, text.as_bytes(), format).map_err(EditError::Invalid)?;
    Ok(Edited { text, loaded })
}

fn edit_id(edit: &Edit) -> &str {
    match edit {
        Edit::SetStatus { id, .. } | Edit::SetProgress { id, .. } => id,
        Edit::AddReview(_) => "",
    }
}

/// The table of an axis, mission or milestone, written as `[[…]]` or inline.
fn item_table(document: &mut DocumentMut, key: ItemKey) -> Option<&mut dyn TableLike> {
    let axes = document.as_item_mut().get_mut("axes")?;
    let item = match key {
        ItemKey::Axis(a) => axes.get_mut(a)?,
        ItemKey::Mission(a, m) => axes.get_mut(a)?.get_mut("missions")?.get_mut(m)?,
        ItemKey::Milestone(a, m, s) => axes
            .get_mut(a)?
            .get_mut("missions")?
            .get_mut(m)?
            .get_mut("milestones")?
            .get_mut(s)?,
        ItemKey::Indicator(..) | ItemKey::Review(_) => return None,
    };
    item.as_table_like_mut()
}

/// Sets `key` to `value`, keeping the spacing and the end-of-line comment
/// of the value it replaces; a new key goes last in its table.
fn set(table: &mut dyn TableLike, key: &str, mut value: Value) {
    match table.get_mut(key).and_then(Item::as_value_mut) {
        Some(old) => {
            *value.decor_mut() = old.decor().clone();
            *old = value;
        }
        None => {
            table.insert(key, Item::Value(value));
        }
    }
}

/// A whole percentage is written as an integer, as people write it.
fn progress_value(progress: Progress) -> Value {
    let percent = progress.percent();
    if percent.fract() == 0.0 {
        Value::from(percent as i64)
    } else {
        Value::from(percent)
    }
}

/// Adds the review after the file's last one (at the end when it has none).
fn add_review(document: &mut DocumentMut, roadmap: &Roadmap, review: &NewReview) {
    let lang = roadmap.language();
    let mut table = Table::new();
    table.insert("id", toml_edit::value(review_id(roadmap, review.date)));
    table.insert("date", toml_edit::value(review.date.to_string()));
    table.insert(
        "title",
        toml_edit::value(format!(
            "{} {}",
            capitalised(lang.phrase(Phrase::Review)),
            review.date.render(lang)
        )),
    );
    table.insert("done", toml_edit::value(i64::from(review.done)));
    table.insert("total", toml_edit::value(i64::from(review.total)));
    if let Some(note) = &review.note {
        table.insert("note", toml_edit::value(note.as_str()));
    }
    table.decor_mut().set_prefix("\n");
    match document.as_item_mut().get_mut("reviews") {
        Some(Item::ArrayOfTables(reviews)) => reviews.push(table),
        Some(Item::Value(Value::Array(reviews))) => {
            reviews.push(Value::InlineTable(table.into_inline_table()));
        }
        _ => {
            let mut reviews = toml_edit::ArrayOfTables::new();
            reviews.push(table);
            document.insert("reviews", Item::ArrayOfTables(reviews));
        }
    }
}

/// `revue-2021-06` (or `review-…` in English), made unique with a suffix.
fn review_id(roadmap: &Roadmap, date: FuzzyDate) -> String {
    let word = match roadmap.language() {
        Language::Fr => "revue",
        Language::En => "review",
    };
    let base = format!("{word}-{}", date.to_string().to_ascii_lowercase());
    let mut id = base.clone();
    let mut n = 1;
    while roadmap.find(&id).is_some() {
        n += 1;
        id = format!("{base}-{n}");
    }
    id
}

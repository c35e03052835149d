//! The roadmap domain, shared by the terminal explorer and the web widget:
//! the model, fuzzy dates, loading with located errors, edits that keep a
//! file's comments, status and progress rollups, search and the timeline
//! layout. No terminal, no DOM, no I/O beyond "parse these bytes"; it builds
//! for native targets and wasm32.

pub mod changes;
pub mod controls;
// The hints for dates in other forms: the full loader's; the lean reader
// leaves them to it.
#[cfg(feature = "full-loader")]
mod date_forms;
pub mod dates;
mod decimal;
pub mod diagnostics;
#[cfg(feature = "full-loader")]
mod document;
#[cfg(feature = "full-loader")]
pub mod edit;
mod excerpt;
pub mod export;
pub mod health;
pub(crate) mod json_reader;
#[cfg(feature = "full-loader")]
mod json_spans;
pub mod known;
pub mod layout;
pub mod links;
pub mod load;
pub mod locale;
mod locate;
pub mod measure;
pub mod model;
pub mod presentation;
pub mod query;
mod raw;
pub mod rollup;
pub mod slides;
pub mod slip;
mod source;
pub mod status;
mod suggest;
#[cfg(feature = "full-loader")]
pub mod synthetic;
mod text_checks;
mod validate;
mod when;

pub use changes::{CHANGED_ASCII_SYMBOL, CHANGED_SYMBOL, Change, Comparison, ItemChanges};
pub use dates::{DateSpan, Day, FuzzyDate, Precision, Qualifier, render_range};
pub use diagnostics::{Diagnostic, Excerpt, Location, MAX_SHOWN, NotShown, Severity};
#[cfg(feature = "full-loader")]
pub use edit::{Edit, EditError, Edited, NewReview, ReviewSyntax};
pub use export::{ExportRefusal, RefusedAt, read_export};
pub use health::{Health, HealthReading};
pub use layout::{
    Arrangement, Bar, Connector, Crowd, Crowding, Ghost, LayoutOptions, Marker, Packing, Row,
    RowKind, Scale, Tick, TickScale, TimeWindow, TimelineLayout, clamped,
};
pub use links::{Dates, Link};
pub use load::{Format, LoadError, Loaded, Warnings, json_schema, render_all, to_json};
#[cfg(feature = "full-loader")]
pub use load::{load, load_str, load_with};
pub use locale::{Gender, Language, Phrase, SlidePhrase, capitalised, interface_language};
pub use measure::ValueQualifier;
pub use model::{
    Axis, Budget, Indicator, ItemKey, ItemRef, Measurement, Milestone, Mission, Period, Progress,
    ProgressReview, Roadmap, Source, Tag,
};
pub use presentation::{ChoiceError, Presentation, SlideChoice, SlideWindow};
pub use slides::{PlannedSlide, SlideContent, SlideKind, SpeakerNote, plan, slide_content};
pub use slip::{Replan, Revision, Slip, SlipSummary, Unit};
pub use status::{
    STALE_ASCII_SYMBOL, STALE_SYMBOL, Status, StatusReport, derived_label, stale_label,
};
pub use when::short_when;

pub use known::{DatedFact, FactKind, KnownFacts};
pub use query::{Query, SearchIndex, fold};
pub use rollup::{Counted, ProgressFigure, StatusCounts};

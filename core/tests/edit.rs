//! Edits of a roadmap's text: each one changes only the value it edits
//! (comments, key order and spacing stay byte for byte), and an edit that
//! would leave the file invalid is refused with the load's diagnostics.
#![allow(clippy::unwrap_used)] // a test that cannot get its fixture should stop at once

use roadmap_core::edit::apply;
use roadmap_core::{
    Edit, EditError, Edited, Format, ItemRef, NewReview, Progress, ReviewSyntax, Status,
};

const TECH_GOUV: &str = include_str!("../../data/tech-gouv-2019-2021.toml");
const FILE: &str = "tech-gouv-2019-2021.toml";

/// The lines only in `before` and only in `after`, once their common first
/// and last lines are set aside: the whole change when it is in one place.
fn changed_lines<'a>(before: &'a str, after: &'a str) -> (Vec<&'a str>, Vec<&'a str>) {
    let before: Vec<&str> = before.split_inclusive('\n').collect();
    let after: Vec<&str> = after.split_inclusive('\n').collect();
    let head = before
        .iter()
        .zip(&after)
        .take_while(|(b, a)| b == a)
        .count();
    let tail = before[head..]
        .iter()
        .rev()
        .zip(after[head..].iter().rev())
        .take_while(|(b, a)| b == a)
        .count();
    (
        before[head..before.len() - tail].to_vec(),
        after[head..after.len() - tail].to_vec(),
    )
}

fn edit(text: &str, edit: &Edit) -> Result<Edited, EditError> {
    apply(FILE, text, Format::Toml, edit)
}

fn milestone<'a>(edited: &'a Edited, id: &str) -> &'a roadmap_core::Milestone {
    match edited.loaded.roadmap.find(id) {
        Some(ItemRef::Milestone(_, _, m)) => m,
        other => panic!("{id} is not a milestone: {other:?}"),
    }
}

#[test]
fn setting_a_status_changes_that_line_only() {
    let edited = edit(
        TECH_GOUV,
        &Edit::SetStatus {
            id: "label-autoevaluation".into(),
            status: Status::AtRisk,
        },
    )
    .unwrap();
    let (removed, added) = changed_lines(TECH_GOUV, &edited.text);
    assert_eq!(removed, ["status = \"unknown\"\n"]);
    assert_eq!(added, ["status = \"at-risk\"\n"]);
    assert_eq!(
        milestone(&edited, "label-autoevaluation").status,
        Some(Status::AtRisk)
    );
    // The one changed line is the milestone's, not another "unknown" one.
    let line = TECH_GOUV
        .lines()
        .position(|l| l == "id = \"label-autoevaluation\"")
        .unwrap();
    let changed = edited
        .text
        .lines()
        .zip(TECH_GOUV.lines())
        .position(|(a, b)| a != b)
        .unwrap();
    assert_eq!(changed, line + 3, "id, title, date, then status");
}

#[test]
fn a_new_progress_goes_last_in_its_table_and_nothing_else_moves() {
    let edited = edit(
        TECH_GOUV,
        &Edit::SetProgress {
            id: "label-autoevaluation".into(),
            progress: Progress::new(60.0).unwrap(),
        },
    )
    .unwrap();
    let (removed, added) = changed_lines(TECH_GOUV, &edited.text);
    assert!(removed.is_empty(), "{removed:?}");
    assert_eq!(added, ["progress = 60\n"]);
    let at = edited.text.find("progress = 60\n").unwrap();
    let table = &edited.text[..at];
    let header = table.rfind("[[axes.missions.milestones]]").unwrap();
    assert!(
        table[header..].contains("id = \"label-autoevaluation\""),
        "the progress is in the milestone's table"
    );
    assert_eq!(
        milestone(&edited, "label-autoevaluation").progress,
        Progress::new(60.0)
    );
}

#[test]
fn replacing_a_value_keeps_its_spacing_and_comment() {
    let text = "id = \"t\"\ntitle = \"T\"\norganisation = \"O\"\nlanguage = \"en\"\n\
        published = \"2023\"\nperiod = { start = \"2023\", end = \"2024\" }\n\n\
        [[axes]]\nid = \"a\"\ntitle = \"A\"\n\n\
        # The only mission.\n[[axes.missions]]\nid = \"m\"\ntitle = \"M\"\n\
        progress   =   12.5   # measured in May\n\
        milestones = [ { id = \"s\", title = \"S\", status = \"planned\" } ]\n";
    let edited = edit(
        text,
        &Edit::SetProgress {
            id: "m".into(),
            progress: Progress::new(42.5).unwrap(),
        },
    )
    .unwrap();
    let (removed, added) = changed_lines(text, &edited.text);
    assert_eq!(removed, ["progress   =   12.5   # measured in May\n"]);
    assert_eq!(added, ["progress   =   42.5   # measured in May\n"]);

    // A milestone written inline is edited inline.
    let edited = edit(
        text,
        &Edit::SetStatus {
            id: "s".into(),
            status: Status::Done,
        },
    )
    .unwrap();
    let (_, added) = changed_lines(text, &edited.text);
    assert_eq!(
        added,
        ["milestones = [ { id = \"s\", title = \"S\", status = \"done\" } ]\n"]
    );
}

#[test]
fn a_byte_order_mark_stays() {
    let text = format!("\u{feff}{TECH_GOUV}");
    let edited = edit(
        &text,
        &Edit::SetStatus {
            id: "label-autoevaluation".into(),
            status: Status::Done,
        },
    )
    .unwrap();
    let (removed, added) = changed_lines(&text, &edited.text);
    assert_eq!((removed.len(), added.len()), (1, 1));
    assert!(edited.text.starts_with("\u{feff}#:schema"));
}

#[test]
fn a_review_is_added_after_the_last_one() {
    let review: NewReview = "2021-12: 12/43 bilan de fin d'année".parse().unwrap();
    let edited = edit(TECH_GOUV, &Edit::AddReview(review)).unwrap();
    // The new table follows the last review's last line; the rest is untouched.
    let last = "sources = [\"article-rentree-2021\"]\n";
    let at = TECH_GOUV.find(last).unwrap() + last.len();
    let block = "\n[[reviews]]\nid = \"revue-2021-12\"\ndate = \"2021-12\"\n\
         title = \"Point d'étape décembre 2021\"\ndone = 12\ntotal = 43\n\
         note = \"bilan de fin d'année\"\n";
    assert_eq!(
        edited.text,
        format!("{}{block}{}", &TECH_GOUV[..at], &TECH_GOUV[at..])
    );
    let reviews = edited.loaded.roadmap.reviews();
    assert_eq!(reviews.len(), 3);
    assert_eq!((reviews[2].done, reviews[2].total), (Some(12), Some(43)));

    // The same date again gets an id of its own.
    let again = edit(
        &edited.text,
        &Edit::AddReview("2021-12: 13/43".parse().unwrap()),
    )
    .unwrap();
    assert_eq!(again.loaded.roadmap.reviews()[3].id, "revue-2021-12-2");
}

#[test]
fn a_file_without_reviews_gets_its_first() {
    let text = "id = \"t\"\ntitle = \"T\"\norganisation = \"O\"\nlanguage = \"en\"\n\
        published = \"2023\"\nperiod = { start = \"2023\", end = \"2024\" }\n\n\
        [[axes]]\nid = \"a\"\ntitle = \"A\"\n";
    let edited = edit(text, &Edit::AddReview("2023-Q4: 1/2".parse().unwrap())).unwrap();
    assert!(edited.text.starts_with(text), "{}", edited.text);
    let review = &edited.loaded.roadmap.reviews()[0];
    assert_eq!(review.id, "review-2023-q4");
    assert_eq!(review.title, "Progress review Q4 2023");
}

#[test]
fn an_edit_that_would_make_the_file_invalid_is_refused() {
    let err = edit(
        TECH_GOUV,
        &Edit::AddReview("2021-12: 50/43".parse().unwrap()),
    )
    .unwrap_err();
    let EditError::Invalid(load) = err else {
        panic!("{err:?}")
    };
    let error = load.errors().next().unwrap();
    assert!(
        error.message.contains("50 done is more than the 43"),
        "{error:?}"
    );
    assert!(error.location.is_some(), "the diagnostic is located");
}

#[test]
fn an_unknown_id_or_the_wrong_kind_of_item_is_refused() {
    let set_status = |id: &str| Edit::SetStatus {
        id: id.into(),
        status: Status::Done,
    };
    let err = edit(TECH_GOUV, &set_status("nope")).unwrap_err();
    assert!(matches!(err, EditError::NotFound { .. }), "{err:?}");
    assert!(
        err.to_string()
            .contains("no mission or milestone with id `nope`")
    );
    // Axes have no status.
    let err = edit(TECH_GOUV, &set_status("label")).unwrap_err();
    assert!(matches!(err, EditError::NotFound { .. }), "{err:?}");
}

#[test]
fn json_files_are_refused_with_the_way_to_edit_them() {
    let json = roadmap_core::to_json(
        &roadmap_core::load_str(FILE, TECH_GOUV, Format::Toml)
            .unwrap()
            .roadmap,
    );
    let err = apply(
        "plan.json",
        &json,
        Format::Json,
        &Edit::SetStatus {
            id: "label-autoevaluation".into(),
            status: Status::Done,
        },
    )
    .unwrap_err();
    let message = err.to_string();
    assert!(message.contains("plan.json is JSON"), "{message}");
    assert!(message.contains("edit its TOML source"), "{message}");
}

#[test]
fn a_file_that_does_not_load_is_not_edited() {
    let broken = TECH_GOUV.replace("date = \"2021-H2\"", "date = \"2021-H3\"");
    let err = edit(
        &broken,
        &Edit::SetStatus {
            id: "label-autoevaluation".into(),
            status: Status::Done,
        },
    )
    .unwrap_err();
    assert!(matches!(err, EditError::Invalid(_)), "{err:?}");
}

#[test]
fn reviews_are_typed_as_date_colon_done_slash_total() {
    let review: NewReview = " mid-2021 : 9/43  ".parse().unwrap();
    assert_eq!(review.date.to_string(), "mid-2021");
    assert_eq!((review.done, review.total, review.note), (9, 43, None));
    assert_eq!(
        "2021-06 9/43".parse::<NewReview>(),
        Err(ReviewSyntax::NoColon)
    );
    assert_eq!(
        "2021-13: 9/43".parse::<NewReview>(),
        Err(ReviewSyntax::Date("2021-13".into()))
    );
    assert_eq!(
        "2021-06: 9 of 43".parse::<NewReview>(),
        Err(ReviewSyntax::Counts("9".into()))
    );
    assert_eq!(
        "2021-06: 9/x".parse::<NewReview>(),
        Err(ReviewSyntax::Counts("9/x".into()))
    );
}

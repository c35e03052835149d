//! Loading, laying out and editing a SYNTHETIC roadmap of 10,000 milestones
//! (made-up data from `roadmap_core::synthetic`, about 2 MB of TOML).
//!
//! Aims: load + validate under 30 ms (the lean JSON reader too), layout under 2 ms (placing a
//! kept arrangement, as a zoom or pan does, measured beside it); an edit (which loads the file
//! before and after) has none yet.
//!
//! ```text
//! cargo bench -p roadmap-core --bench load_and_layout
//! ```

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use roadmap_core::edit::apply;
use roadmap_core::synthetic::{synthetic_roadmap_json, synthetic_roadmap_toml};
use roadmap_core::{
    Arrangement, Edit, Format, Language, LayoutOptions, Progress, Roadmap, TimeWindow,
    TimelineLayout, load, read_export,
};

const MILESTONES: usize = 10_000;

/// Loads a file that must load cleanly.
fn load_clean(name: &str, text: &str, format: Format) -> Roadmap {
    match load(name, text.as_bytes(), format) {
        Ok(loaded) if loaded.warnings.is_empty() => loaded.roadmap,
        Ok(loaded) => panic!("{name}: {} warning(s)", loaded.warnings.len()),
        Err(err) => panic!("{}", err.render(false)),
    }
}

fn load_validate(c: &mut Criterion) {
    let toml = synthetic_roadmap_toml(MILESTONES);
    let json = synthetic_roadmap_json(MILESTONES);
    for (name, text, format) in [
        ("load_validate_10k_toml", &toml, Format::Toml),
        ("load_validate_10k_json", &json, Format::Json),
    ] {
        assert_eq!(
            load_clean(name, text, format).milestones().count(),
            MILESTONES
        );
        c.bench_function(name, |b| {
            // The roadmap is dropped outside the timing: only loading counts.
            b.iter_with_large_drop(|| load(name, black_box(text.as_bytes()), format));
        });
    }
}

/// The web widget's path: the lean reader of the JSON export, with the
/// same validation.
fn read_lean(c: &mut Criterion) {
    let json = synthetic_roadmap_json(MILESTONES);
    let name = "read_export_10k_json";
    let roadmap = read_export(name, json.as_bytes()).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(roadmap.milestones().count(), MILESTONES);
    c.bench_function(name, |b| {
        b.iter_with_large_drop(|| read_export(name, black_box(json.as_bytes())));
    });
}

fn layout(c: &mut Criterion) {
    let roadmap = load_clean(
        "synthetic.toml",
        &synthetic_roadmap_toml(MILESTONES),
        Format::Toml,
    );
    let today = roadmap.published().first_day();
    let options = LayoutOptions::for_cells(200.0, Language::En, today);
    let window = TimeWindow::around(&roadmap);
    let laid_out = TimelineLayout::new(&roadmap, window, &options);
    assert!(laid_out.markers.len() > MILESTONES / 2);
    c.bench_function("layout_10k_width_200", |b| {
        b.iter_with_large_drop(|| {
            TimelineLayout::new(black_box(&roadmap), black_box(window), &options)
        });
    });
    // What a zoom or pan costs a front end that keeps the arrangement.
    let arrangement = Arrangement::new(&roadmap, &options, &|_| true);
    assert_eq!(
        TimelineLayout::place(&roadmap, &arrangement, window, &options),
        laid_out
    );
    c.bench_function("place_10k_width_200", |b| {
        b.iter_with_large_drop(|| {
            TimelineLayout::place(
                black_box(&roadmap),
                black_box(&arrangement),
                black_box(window),
                &options,
            )
        });
    });
}

fn edit(c: &mut Criterion) {
    let synthetic = synthetic_roadmap_toml(MILESTONES);
    for (name, text) in [
        ("edit_progress_tech_gouv", TECH_GOUV),
        ("edit_progress_10k_toml", synthetic.as_str()),
    ] {
        let roadmap = load_clean(name, text, Format::Toml);
        let last = roadmap.milestones().last().expect("milestones").1;
        let set_progress = Edit::SetProgress {
            id: last.id.clone(),
            progress: Progress::new(60.0).expect("in range"),
        };
        c.bench_function(name, |b| {
            b.iter_with_large_drop(|| {
                apply(name, black_box(text), Format::Toml, &set_progress).expect("the edit applies")
            });
        });
    }
}

/// A real roadmap: 620 lines of TOML with comments.
const TECH_GOUV: &str = include_str!("../../data/tech-gouv-2019-2021.toml");

/// Criterion's defaults, with times that keep the whole run under a minute.
fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(12))
}

criterion_group! {
    name = benches;
    config = config();
    targets = load_validate, read_lean, layout, edit
}
criterion_main!(benches);

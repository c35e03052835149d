//! SYNTHETIC roadmaps, made up from a fixed seed, for benchmarks and tests.
//!
//! Nothing here is real data: the roadmap's id starts with `synthetic-`, its
//! title with "Synthetic roadmap", its organisation is "Synthetic data — not
//! a real programme", and every axis, mission, milestone, source and tag
//! says "synthetic" in its name. The output depends only on the number of
//! milestones asked for, and loads with no error and no warning.
//!
//! Shape: up to 10 axes, missions of 20 milestones (the last one takes the
//! remainder), dates of every precision (day, month, quarter, semester,
//! year, with `early-`/`mid-`/`end-`) always within their mission's span,
//! every status, stated and derived progress, cited sources, tags,
//! `depends_on` to earlier missions and milestones, indicators with
//! history, budgets and progress reviews.

use std::fmt::{self, Write as _};

use crate::load::{Format, load_str, to_json};

/// Milestones per mission (the last mission may have fewer).
const MILESTONES_PER_MISSION: usize = 20;
/// Most axes a synthetic roadmap has.
const MAX_AXES: usize = 10;
/// Sources the items cite.
const SOURCES: u64 = 40;
/// Tags the axes and missions carry.
const TAGS: u64 = 12;
/// First year of the roadmap's period; it covers ten years.
const FIRST_YEAR: usize = 2020;
/// Months in the period (2020-01 to 2029-12).
const PERIOD_MONTHS: usize = 120;
/// The month, counted from 2020-01, at which the synthetic roadmap is published:
/// milestones before it are mostly done, after it mostly planned.
const SNAPSHOT_MONTH: usize = 53;

const VERBS: [&str; 12] = [
    "Launch",
    "Deliver",
    "Open",
    "Publish",
    "Migrate",
    "Pilot",
    "Evaluate",
    "Extend",
    "Secure",
    "Retire",
    "Train teams on",
    "Audit",
];
const OBJECTS: [&str; 12] = [
    "the identity service",
    "the data catalogue",
    "the open API",
    "the accessibility plan",
    "the cloud hosting",
    "the user research programme",
    "the design system",
    "the shared procurement",
    "the helpdesk",
    "the digital archive",
    "the mobile application",
    "the public dashboard",
];
const THEMES: [&str; 10] = [
    "data",
    "skills",
    "sovereignty",
    "user services",
    "infrastructure",
    "security",
    "open source",
    "accessibility",
    "procurement",
    "territories",
];
const UNITS: [&str; 4] = ["%", "users", "EUR", "services"];

/// A SYNTHETIC roadmap of exactly `milestones` milestones, in TOML.
///
/// The same count always gives the same text. It loads through
/// [`load_str`] with no diagnostics at all.
pub fn synthetic_roadmap_toml(milestones: usize) -> String {
    // About 200 bytes per milestone, plus the missions around them.
    let mut out = String::with_capacity(4096 + milestones * 260);
    // Writing to a String cannot fail.
    let _ = write_roadmap(&mut out, milestones);
    out
}

/// The same SYNTHETIC roadmap as [`synthetic_roadmap_toml`], in the JSON
/// interchange format (loaded, then exported with [`to_json`]).
///
/// # Panics
///
/// Only if the generator has a bug and writes a file that does not load.
pub fn synthetic_roadmap_json(milestones: usize) -> String {
    let toml = synthetic_roadmap_toml(milestones);
    match load_str("synthetic.toml", &toml, Format::Toml) {
        Ok(loaded) => to_json(&loaded.roadmap),
        Err(err) => panic!("the synthetic roadmap does not load: {}", err.render(false)),
    }
}

/// A tiny xorshift generator: deterministic and dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: u64) -> u64 {
        (self.next() >> 11) % n
    }

    /// A number in `0..n` as an index.
    fn pick(&mut self, n: usize) -> usize {
        self.below(n as u64) as usize
    }

    /// True `percent` times in a hundred.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn source(&mut self) -> u64 {
        self.below(SOURCES) + 1
    }
}

/// Year and month (1..=12) of month index `m` counted from 2020-01.
fn year_month(m: usize) -> (usize, usize) {
    (FIRST_YEAR + m / 12, m % 12 + 1)
}

fn days_in_month(year: usize, month: usize) -> usize {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A mission start at quarter-aligned month `m`, whose span begins on the
/// month's first day whatever the precision.
fn write_start(out: &mut String, m: usize, rng: &mut Rng) -> fmt::Result {
    let (y, mo) = year_month(m);
    let choices = if m.is_multiple_of(12) {
        6
    } else if m.is_multiple_of(6) {
        4
    } else {
        3
    };
    match rng.pick(choices) {
        0 => write!(out, "{y}-{mo:02}-01"),
        1 => write!(out, "{y}-{mo:02}"),
        2 => write!(out, "{y}-Q{}", (mo - 1) / 3 + 1),
        3 => write!(out, "{y}-H{}", (mo - 1) / 6 + 1),
        4 => write!(out, "{y}"),
        _ => write!(out, "early-{y}"),
    }
}

/// A mission end at quarter-ending month `m`, whose span ends on the
/// month's last day whatever the precision.
fn write_end(out: &mut String, m: usize, rng: &mut Rng) -> fmt::Result {
    let (y, mo) = year_month(m);
    let choices = if m % 12 == 11 {
        6
    } else if m % 6 == 5 {
        4
    } else {
        3
    };
    match rng.pick(choices) {
        0 => write!(out, "{y}-{mo:02}-{:02}", days_in_month(y, mo)),
        1 => write!(out, "{y}-{mo:02}"),
        2 => write!(out, "{y}-Q{}", (mo - 1) / 3 + 1),
        3 => write!(out, "{y}-H{}", (mo - 1) / 6 + 1),
        4 => write!(out, "{y}"),
        _ => write!(out, "end-{y}"),
    }
}

/// A date of any precision whose span contains month `m`.
fn write_date_in(out: &mut String, m: usize, rng: &mut Rng) -> fmt::Result {
    let (y, mo) = year_month(m);
    match rng.below(20) {
        0..=5 => write!(out, "{y}-{mo:02}-{:02}", rng.below(28) + 1),
        6..=10 => write!(out, "{y}-{mo:02}"),
        11 => write!(out, "early-{y}-{mo:02}"),
        12..=14 => write!(out, "{y}-Q{}", (mo - 1) / 3 + 1),
        15..=16 => write!(out, "{y}-H{}", (mo - 1) / 6 + 1),
        17 => write!(out, "{y}"),
        18 => write!(out, "mid-{y}"),
        _ => write!(out, "end-{y}"),
    }
}

/// `["src-3", "src-17"]`: one or two distinct sources.
fn write_sources(out: &mut String, rng: &mut Rng) -> fmt::Result {
    let first = rng.source();
    let second = rng.source();
    if second == first || rng.chance(50) {
        write!(out, "[\"src-{first}\"]")
    } else {
        write!(out, "[\"src-{first}\", \"src-{second}\"]")
    }
}

fn write_roadmap(out: &mut String, milestones: usize) -> fmt::Result {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let missions = milestones.div_ceil(MILESTONES_PER_MISSION);
    let axes = missions.clamp(1, MAX_AXES);

    writeln!(
        out,
        "# SYNTHETIC roadmap made up by roadmap_core::synthetic for benchmarks and tests.\n\
         # Not real data: every name, date, figure and source below is invented.\n"
    )?;
    writeln!(out, "id = \"synthetic-{milestones}\"")?;
    writeln!(
        out,
        "title = \"Synthetic roadmap of {milestones} milestones (benchmark data)\""
    )?;
    writeln!(
        out,
        "organisation = \"Synthetic data — not a real programme\""
    )?;
    writeln!(out, "language = \"en\"")?;
    writeln!(out, "published = \"2024-06-15\"")?;
    writeln!(
        out,
        "period = {{ start = \"{FIRST_YEAR}\", end = \"{}\" }}",
        FIRST_YEAR + PERIOD_MONTHS / 12 - 1
    )?;
    writeln!(
        out,
        "summary = \"\"\"\nA SYNTHETIC roadmap generated from a fixed seed to measure and test the \
         roadmap tools at scale: {axes} axes, {missions} missions, {milestones} milestones. \
         It describes no real programme.\"\"\"\n"
    )?;

    // Items cite a random few: the roadmap cites them all, so none is left over.
    let all: Vec<String> = (1..=SOURCES).map(|s| format!("\"src-{s}\"")).collect();
    writeln!(out, "citations = [{}]\n", all.join(", "))?;
    write_sources_tags_reviews(out, &mut rng)?;

    let mut written = 0;
    let mut mission_number = 0;
    let mut spans = Vec::new();
    for a in 0..axes {
        let first_mission = a * missions / axes;
        let end_mission = (a + 1) * missions / axes;
        let theme = THEMES[a % THEMES.len()];
        writeln!(
            out,
            "[[axes]]\nid = \"axis-{}\"\ntitle = \"Synthetic axis {}: {theme}\"",
            a + 1,
            a + 1
        )?;
        writeln!(
            out,
            "description = \"Synthetic axis grouping missions {}–{} on {theme}.\"",
            first_mission + 1,
            end_mission
        )?;
        writeln!(out, "tags = [\"tag-{}\"]", a as u64 % TAGS + 1)?;
        if a % 4 == 3 {
            writeln!(out, "progress = {}", 10 + 7 * a)?;
        }
        write!(out, "sources = ")?;
        write_sources(out, &mut rng)?;
        writeln!(out, "\n")?;

        for _ in first_mission..end_mission {
            mission_number += 1;
            let count = (milestones - written).min(MILESTONES_PER_MISSION);
            write_mission(
                out,
                &mut rng,
                mission_number,
                first_mission + 1,
                count,
                &mut spans,
            )?;
            written += count;
        }
    }
    Ok(())
}

/// The `[[sources]]`, `[[tags]]` and `[[reviews]]` the items refer to.
fn write_sources_tags_reviews(out: &mut String, rng: &mut Rng) -> fmt::Result {
    for s in 1..=SOURCES {
        writeln!(out, "[[sources]]\nid = \"src-{s}\"")?;
        writeln!(
            out,
            "title = \"Synthetic source {s} — not a real document\"\npublisher = \"Synthetic publisher {}\"",
            s % 5 + 1
        )?;
        let (y, mo) = year_month(rng.pick(SNAPSHOT_MONTH));
        writeln!(out, "date = \"{y}-{mo:02}\"")?;
        if s % 3 == 0 {
            writeln!(out, "file = \"synthetic_{s:03}.txt\"")?;
        } else {
            writeln!(out, "url = \"https://example.org/synthetic/source-{s}\"")?;
        }
        writeln!(out)?;
    }

    for t in 1..=TAGS {
        let theme = THEMES[(t as usize - 1) % THEMES.len()];
        writeln!(
            out,
            "[[tags]]\nid = \"tag-{t}\"\nlabel = \"Synthetic tag {t}: {theme}\""
        )?;
        if t % 2 == 0 {
            writeln!(
                out,
                "description = \"A synthetic stake about {theme}.\"\nsources = [\"src-{t}\"]"
            )?;
        }
        writeln!(out)?;
    }

    for (r, year) in (FIRST_YEAR + 1..=FIRST_YEAR + 4).enumerate() {
        let total = 40 + 5 * r;
        let done = 6 + 8 * r;
        writeln!(
            out,
            "[[reviews]]\nid = \"review-{year}\"\ndate = \"end-{year}\"\n\
             title = \"Synthetic progress review {year}\"\ndone = {done}\ntotal = {total}"
        )?;
        if r % 2 == 1 {
            writeln!(out, "planned = {}\nadded = {}", done + 4, r + 1)?;
        }
        write!(out, "sources = ")?;
        write_sources(out, rng)?;
        writeln!(out, "\n")?;
    }
    Ok(())
}

/// Mission `g` (1-based, over the whole file) with `count` milestones; the
/// axis's missions start at number `axis_first`. `spans` holds the start
/// and end months of the missions written so far, this one's added.
fn write_mission(
    out: &mut String,
    rng: &mut Rng,
    g: usize,
    axis_first: usize,
    count: usize,
    spans: &mut Vec<(usize, usize)>,
) -> fmt::Result {
    // A quarter-aligned start, 2 to 8 quarters long, within the period.
    let start = 3 * rng.pick(32);
    let quarters = 2 + rng.pick(7);
    let end = (start + 3 * quarters - 1).min(PERIOD_MONTHS - 1);
    spans.push((start, end));
    let theme = THEMES[rng.pick(THEMES.len())];
    writeln!(
        out,
        "[[axes.missions]]\nid = \"mission-{g}\"\ntitle = \"Synthetic mission {g}: {theme}\""
    )?;
    if rng.chance(40) {
        writeln!(
            out,
            "description = \"A synthetic line of work on {theme}, with {count} milestones.\""
        )?;
    }
    writeln!(out, "owner = \"Synthetic team {}\"", rng.below(30) + 1)?;
    if rng.chance(30) {
        let amount = (rng.below(200) + 1) * 250_000;
        let approximate = rng.chance(50);
        write!(
            out,
            "budget = {{ amount = {amount}, currency = \"EUR\", approximate = {approximate}, sources = "
        )?;
        write_sources(out, rng)?;
        writeln!(out, " }}")?;
    }
    write!(out, "start = \"")?;
    write_start(out, start, rng)?;
    write!(out, "\"\nend = \"")?;
    write_end(out, end, rng)?;
    writeln!(out, "\"")?;
    if rng.chance(60) {
        let status = if end < SNAPSHOT_MONTH {
            ["done", "done", "late", "cancelled"][rng.pick(4)]
        } else if start > SNAPSHOT_MONTH {
            ["planned", "planned", "unknown"][rng.pick(3)]
        } else {
            ["in-progress", "in-progress", "at-risk", "late"][rng.pick(4)]
        };
        writeln!(out, "status = \"{status}\"")?;
    }
    if rng.chance(30) {
        writeln!(out, "progress = {}", rng.below(101))?;
    }
    match rng.below(4) {
        0 => writeln!(out, "tags = [\"tag-{}\"]", rng.below(TAGS) + 1)?,
        1 => {
            let first = rng.below(TAGS) + 1;
            let second = first % TAGS + 1;
            writeln!(out, "tags = [\"tag-{first}\", \"tag-{second}\"]")?;
        }
        _ => {}
    }
    // Dependencies point back within the axis, so chains stay short; only
    // to what ends in an earlier month than this one starts, so the plan
    // holds together (`roadmap check` warns otherwise).
    if g > axis_first && rng.chance(25) {
        let earlier = g - 1 - rng.pick((g - axis_first).min(3));
        let (earlier_start, earlier_end) = spans[earlier - 1];
        if rng.chance(70) {
            if earlier_end < start {
                writeln!(out, "depends_on = [\"mission-{earlier}\"]")?;
            }
        } else if earlier_start < start {
            writeln!(out, "depends_on = [\"ms-{earlier}-1\"]")?;
        }
    }
    write!(out, "sources = ")?;
    write_sources(out, rng)?;
    writeln!(out)?;
    if rng.chance(10) {
        writeln!(
            out,
            "note = \"Synthetic note: the synthetic sources disagree on this mission's scope.\""
        )?;
    }
    writeln!(out)?;

    let month_of = |k: usize| start + (end - start) * (k - 1) / (count - 1).max(1);
    for k in 1..=count {
        // Two milestones in one month may fall either way round.
        let after_previous = k > 1 && month_of(k - 1) < month_of(k);
        write_milestone(out, rng, g, k, month_of(k), after_previous)?;
    }

    if rng.chance(25) {
        write_indicator(out, rng, g, start, end)?;
    }
    Ok(())
}

fn write_milestone(
    out: &mut String,
    rng: &mut Rng,
    g: usize,
    k: usize,
    month: usize,
    after_previous: bool,
) -> fmt::Result {
    let verb = VERBS[rng.pick(VERBS.len())];
    let object = OBJECTS[rng.pick(OBJECTS.len())];
    writeln!(
        out,
        "[[axes.missions.milestones]]\nid = \"ms-{g}-{k}\"\n\
         title = \"Synthetic milestone {g}.{k}: {verb} {object}\""
    )?;
    if rng.chance(20) {
        writeln!(
            out,
            "description = \"Synthetic deliverable: {} {object} for the synthetic mission {g}.\"",
            verb.to_lowercase()
        )?;
    }
    let dated = !rng.chance(3);
    if dated {
        write!(out, "date = \"")?;
        write_date_in(out, month, rng)?;
        writeln!(out, "\"")?;
    }
    let past = month < SNAPSHOT_MONTH;
    let roll = rng.below(100);
    let status = if past {
        match roll {
            0..=64 => Some("done"),
            65..=74 => Some("late"),
            75..=77 => Some("cancelled"),
            78..=79 => Some("not-met"),
            80..=84 => Some("at-risk"),
            85..=89 => Some("unknown"),
            _ => None,
        }
    } else {
        match roll {
            0..=44 => Some("planned"),
            45..=69 => Some("in-progress"),
            70..=74 => Some("at-risk"),
            75..=79 => Some("unknown"),
            _ => None,
        }
    };
    if let Some(status) = status {
        writeln!(out, "status = \"{status}\"")?;
    }
    match status {
        Some("done") => {
            let (y, mo) = year_month(month);
            if rng.chance(60) {
                writeln!(out, "done_on = \"{y}-{mo:02}-{:02}\"", rng.below(28) + 1)?;
            }
            if rng.chance(50) {
                writeln!(out, "progress = 100")?;
            }
        }
        Some("in-progress") => writeln!(out, "progress = {}", 10 + rng.below(81))?,
        Some("at-risk") => writeln!(out, "progress = {}", 20 + rng.below(41))?,
        Some("planned") if rng.chance(30) => writeln!(out, "progress = 0")?,
        _ => {}
    }
    if k > 1 && rng.chance(15) && after_previous {
        writeln!(out, "depends_on = [\"ms-{g}-{}\"]", k - 1)?;
    }
    write!(out, "sources = ")?;
    write_sources(out, rng)?;
    writeln!(out)?;
    if !dated {
        writeln!(
            out,
            "note = \"Synthetic: the synthetic sources give no date for this milestone.\""
        )?;
    }
    writeln!(out)
}

fn write_indicator(
    out: &mut String,
    rng: &mut Rng,
    g: usize,
    start: usize,
    end: usize,
) -> fmt::Result {
    let unit = UNITS[rng.pick(UNITS.len())];
    let object = OBJECTS[rng.pick(OBJECTS.len())];
    writeln!(
        out,
        "[[axes.missions.indicators]]\nid = \"ind-{g}\"\n\
         name = \"Synthetic indicator {g}: use of {object}\"\nunit = \"{unit}\""
    )?;
    let scale = if unit == "%" { 1 } else { 1000 };
    let baseline = rng.below(30) * scale;
    let target = (60 + rng.below(41)) * scale;
    let measurement = |out: &mut String, rng: &mut Rng, value: u64, month: usize| {
        write!(out, "{{ value = {value}, date = \"")?;
        write_date_in(out, month, rng)?;
        write!(out, "\", sources = ")?;
        write_sources(out, rng)?;
        write!(out, " }}")
    };
    write!(out, "baseline = ")?;
    measurement(out, rng, baseline, start)?;
    write!(out, "\ntarget = ")?;
    measurement(out, rng, target, end)?;
    writeln!(out)?;
    if start < SNAPSHOT_MONTH {
        let now = SNAPSHOT_MONTH.min(end);
        write!(out, "current = ")?;
        measurement(out, rng, u64::midpoint(baseline, target), now)?;
        writeln!(out)?;
        if rng.chance(50) {
            write!(out, "history = [")?;
            measurement(out, rng, baseline + scale, start + (now - start) / 3)?;
            write!(out, ", ")?;
            measurement(
                out,
                rng,
                baseline + 2 * scale,
                start + 2 * (now - start) / 3,
            )?;
            writeln!(out, "]")?;
        }
    }
    write!(out, "sources = ")?;
    write_sources(out, rng)?;
    writeln!(out, "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str, format: Format) -> crate::Loaded {
        match load_str("synthetic", text, format) {
            Ok(loaded) => loaded,
            Err(err) => panic!("{}", err.render(false)),
        }
    }

    #[test]
    fn ten_thousand_milestones_load_without_any_diagnostic() {
        let text = synthetic_roadmap_toml(10_000);
        let loaded = load(&text, Format::Toml);
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        let roadmap = &loaded.roadmap;
        assert_eq!(roadmap.milestones().count(), 10_000);
        assert_eq!(roadmap.id(), "synthetic-10000");
        assert!(roadmap.title().starts_with("Synthetic roadmap"));
        assert_eq!(
            roadmap.organisation(),
            "Synthetic data — not a real programme"
        );
        assert_eq!(roadmap.axes().len(), 10);
        assert_eq!(roadmap.missions().count(), 500);
        assert!(roadmap.missions().any(|(_, _, m)| !m.indicators.is_empty()));
        assert!(roadmap.missions().any(|(_, _, m)| !m.depends_on.is_empty()));
        assert!(roadmap.milestones().any(|(_, m)| m.date.is_none()));
    }

    #[test]
    fn every_date_precision_and_status_occurs() {
        use crate::{Precision, Status};
        let loaded = load(&synthetic_roadmap_toml(2_000), Format::Toml);
        let milestones: Vec<_> = loaded.roadmap.milestones().map(|(_, m)| m).collect();
        for precision in [
            Precision::Day,
            Precision::Month,
            Precision::Quarter,
            Precision::Semester,
            Precision::Year,
        ] {
            assert!(
                milestones
                    .iter()
                    .any(|m| m.date.is_some_and(|d| d.precision() == precision)),
                "{precision:?}"
            );
        }
        for status in Status::ALL {
            assert!(
                milestones.iter().any(|m| m.status == Some(status)),
                "{status:?}"
            );
        }
        assert!(milestones.iter().any(|m| m.status.is_none()));
    }

    #[test]
    fn any_count_loads_cleanly_with_that_many_milestones() {
        for n in [0, 1, 2, 19, 20, 21, 199, 201, 333] {
            let loaded = load(&synthetic_roadmap_toml(n), Format::Toml);
            assert!(loaded.warnings.is_empty(), "{n}: {:?}", loaded.warnings);
            assert_eq!(loaded.roadmap.milestones().count(), n);
        }
    }

    #[test]
    fn output_is_deterministic() {
        assert_eq!(synthetic_roadmap_toml(1_000), synthetic_roadmap_toml(1_000));
        assert_eq!(synthetic_roadmap_json(300), synthetic_roadmap_json(300));
        assert_ne!(synthetic_roadmap_toml(1_000), synthetic_roadmap_toml(1_001));
    }

    #[test]
    fn json_export_loads_back_to_the_same_roadmap() {
        let toml = load(&synthetic_roadmap_toml(500), Format::Toml);
        let json = load(&synthetic_roadmap_json(500), Format::Json);
        assert!(json.warnings.is_empty(), "{:?}", json.warnings);
        assert_eq!(json.roadmap, toml.roadmap);
    }
}

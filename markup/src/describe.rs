//! Items in words: the dates as written, the status, the accessible name
//! "title — status — date" that the timeline and the list give each item,
//! and which source addresses may become links.

use roadmap_core::{Day, ItemKey, ItemRef, Language, Phrase, ProgressFigure, Roadmap, Status};

use crate::words::Word;

/// The kind of item, as a word.
pub fn kind_word(key: ItemKey) -> Word {
    match key {
        ItemKey::Axis(_) => Word::Axis,
        ItemKey::Mission(..) => Word::Mission,
        _ => Word::Milestone,
    }
}

/// The item's dates as written in the file, by the one rule of
/// [`roadmap_core::render_range`] ("T1 2023 → fin 2024", "mars → juin 2023");
/// `None` for axes and undated items.
pub fn dates_text(item: ItemRef<'_>, lang: Language) -> Option<String> {
    match item {
        ItemRef::Mission(_, mission) => {
            let (start, end) = mission.span()?;
            Some(roadmap_core::render_range(Some(start), Some(end), lang))
        }
        // With how far it moved from its plan, by core's words: "prévu au
        // T1 2020, livré le 17 mai 2021 — 13 à 16 mois de retard".
        ItemRef::Milestone(_, _, milestone) => milestone
            .timeline_date()
            .map(|_| milestone.when_with_slip(lang, |d| d.render(lang))),
        _ => None,
    }
}

/// The status shown on `today`; `None` for items without one (axes).
pub fn status_of(item: ItemRef<'_>, today: Day) -> Option<Status> {
    match item {
        ItemRef::Mission(_, mission) => Some(mission.effective_status(today)),
        ItemRef::Milestone(_, _, milestone) => Some(milestone.effective_status(today)),
        _ => None,
    }
}

/// The status in words with its symbol, its as-of date and the stale mark
/// ("◐ ↻ en cours (mars 2023)"); `None` for items without a status.
pub fn status_words(
    roadmap: &Roadmap,
    item: ItemRef<'_>,
    lang: Language,
    today: Day,
) -> Option<String> {
    roadmap
        .status_report(item, today)
        .map(|report| report.text(lang))
}

/// What can be said of progress when no percentage is: "1 jalon terminé
/// sur 3"; `None` when there is a percentage or nothing to count.
pub fn counts_text(item: ItemRef<'_>, lang: Language, today: Day) -> Option<String> {
    let figure = match item {
        ItemRef::Axis(axis) => axis.progress_figure(today),
        ItemRef::Mission(_, mission) => mission.progress_figure(today),
        _ => return None,
    };
    matches!(figure, ProgressFigure::Counts { .. }).then(|| figure.text(lang))
}

/// Progress in percent on `today`, when known.
pub fn progress_of(item: ItemRef<'_>, today: Day) -> Option<f64> {
    match item {
        ItemRef::Axis(axis) => axis.progress_percent(today),
        ItemRef::Mission(_, mission) => mission.progress_percent(today),
        ItemRef::Milestone(_, _, milestone) => milestone.progress_percent(today),
        _ => None,
    }
}

/// "symbol label", e.g. "◐ en cours": status never by colour alone.
pub fn status_text(status: Status, lang: Language) -> String {
    format!("{} {}", status.symbol(), status.label(lang))
}

/// The accessible name of an item: "title — status — date" (an axis:
/// "Axe : title — avancement 40 %").
pub fn accessible_name(roadmap: &Roadmap, key: ItemKey, lang: Language, today: Day) -> String {
    let Some(item) = roadmap.get(key) else {
        return String::new();
    };
    let mut parts = vec![item.title().to_owned()];
    if let ItemRef::Axis(_) = item {
        parts[0] = format!("{}{}{}", Word::Axis.text(lang), lang.colon(), item.title());
        if let Some(progress) = progress_of(item, today) {
            parts.push(format!(
                "{} {}",
                lang.phrase(Phrase::Progress),
                lang.percent(progress)
            ));
        }
        return parts.join(" — ");
    }
    if let Some(report) = roadmap.status_report(item, today) {
        parts.push(report.words(lang));
    }
    parts.push(dates_text(item, lang).unwrap_or_else(|| lang.phrase(Phrase::NoDate).to_owned()));
    parts.join(" — ")
}

/// The address to link to, when it is a web page or an e-mail address:
/// `http:`, `https:` and `mailto:` only, so that a file cannot smuggle a
/// `javascript:` link into the host page.
pub fn safe_href(url: &str) -> Option<&str> {
    let url = url.trim();
    let scheme = url.split_once(':')?.0.to_ascii_lowercase();
    matches!(scheme.as_str(), "http" | "https" | "mailto").then_some(url)
}

/// A day as people write it ("9 mars 2023").
pub fn day_text(day: Day, lang: Language) -> String {
    roadmap_core::FuzzyDate::day(day).render(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROADMAP: &str = r#"
id = "w"
title = "W"
organisation = "O"
language = "fr"
published = "2023-03-09"
period = { start = "2023", end = "2024" }
[[sources]]
id = "s"
title = "Communiqué"
date = "2023-03-09"
[[axes]]
id = "a"
title = "A"
sources = ["s"]
[[axes.missions]]
id = "m"
title = "Suite"
start = "2023-03"
end = "2023-06"
status = "in-progress"
sources = ["s"]
[[axes.missions.milestones]]
id = "s1"
title = "Messagerie"
status = "in-progress"
sources = ["s"]
"#;

    #[test]
    fn items_say_their_status_as_of_when_and_no_unstated_percentage() {
        let roadmap = roadmap_core::load_str("w.toml", ROADMAP, roadmap_core::Format::Toml)
            .expect("valid")
            .roadmap;
        let today = "2026-11-29"
            .parse::<roadmap_core::FuzzyDate>()
            .expect("a day")
            .first_day();
        let key = roadmap.key_of("m").expect("the mission");
        let item = roadmap.get(key).expect("the mission");
        assert_eq!(
            dates_text(item, Language::Fr).as_deref(),
            Some("mars → juin 2023")
        );
        assert_eq!(
            status_words(&roadmap, item, Language::En, today).as_deref(),
            Some("◐ ↻ due June 2023; last reported in progress, 9 March 2023")
        );
        assert_eq!(progress_of(item, today), None);
        assert_eq!(
            counts_text(item, Language::Fr, today).as_deref(),
            Some("aucun jalon terminé sur 1")
        );
        assert_eq!(
            accessible_name(&roadmap, key, Language::Fr, today),
            "Suite — échéance juin 2023 ; dernier état connu : en cours, 9 mars 2023 — mars → juin 2023"
        );
    }

    #[test]
    fn only_web_and_mail_addresses_become_links() {
        assert_eq!(safe_href(" https://x.fr/a "), Some("https://x.fr/a"));
        assert_eq!(safe_href("HTTP://x.fr"), Some("HTTP://x.fr"));
        assert_eq!(safe_href("mailto:a@b.fr"), Some("mailto:a@b.fr"));
        assert_eq!(safe_href("javascript:alert(1)"), None);
        assert_eq!(safe_href("JavaScript:alert(1)"), None);
        assert_eq!(safe_href("data:text/html,x"), None);
        assert_eq!(safe_href("/relative"), None);
    }

    #[test]
    fn a_delivered_milestone_says_when_it_was_delivered_and_how_late() {
        let text = r#"
id = "t"
title = "T"
organisation = "T"
language = "en"
published = "2022"
period = { start = "2022", end = "2025" }
[[axes]]
id = "a"
title = "A"
[[axes.missions]]
id = "m"
title = "M"
[[axes.missions.milestones]]
id = "app"
title = "App launched"
done_on = "2022-08"
[[axes.missions.milestones]]
id = "late"
title = "Late"
date = "2020-Q1"
done_on = "2021-05-17"
"#;
        let roadmap = roadmap_core::load_str("t.toml", text, roadmap_core::Format::Toml)
            .expect("valid")
            .roadmap;
        let dates = |s| {
            let item = roadmap.get(ItemKey::Milestone(0, 0, s)).expect("milestone");
            dates_text(item, Language::En)
        };
        assert_eq!(dates(0).as_deref(), Some("delivered August 2022"));
        assert_eq!(
            dates(1).as_deref(),
            Some("planned Q1 2020, delivered 17 May 2021 — 13 to 16 months late")
        );
    }
}

//! Progress reviews as both programs show them: the counts of a review in
//! words ("9 sur 43 terminés (21 %)") and the chart of the done share over
//! the reviews.

use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart};
use roadmap_core::{FuzzyDate, Gender, Language, Phrase, ProgressReview, Status};

use crate::terminal::cells;
use crate::terminal::theme::ThemeKind;
use crate::text::Text;

/// "9 sur 43 terminés (21 %)", from what the review gives.
pub fn review_counts(review: &ProgressReview, lang: Language) -> Option<String> {
    let of = lang.phrase(Phrase::Of);
    // Reviews count projects: "1 sur 43 terminé", "9 sur 43 terminés".
    let done = |count: u32| {
        let count = usize::try_from(count).unwrap_or(usize::MAX);
        Status::Done.counted(lang, count, Gender::Masculine)
    };
    let share = review
        .progress()
        .map_or_else(String::new, |p| format!(" ({})", lang.percent(p.percent())));
    match (review.done, review.total) {
        (Some(d), Some(t)) => Some(format!("{d} {of} {t} {}{share}", done(d))),
        (Some(d), None) => Some(format!("{d} {}", done(d))),
        (None, Some(t)) => Some(format!("{} {of} {t}", Text::Unknown.get(lang))),
        (None, None) => None,
    }
}

/// Vertical bars of the done share, one per review with counts (its date
/// and share), labelled with its date; the latest ones when not all fit
/// in `width`.
pub fn review_chart(
    theme: ThemeKind,
    lang: Language,
    counted: &[(FuzzyDate, f64)],
    width: u16,
) -> BarChart<'static> {
    let labels: Vec<String> = counted.iter().map(|(date, _)| date.render(lang)).collect();
    let bar_width = labels
        .iter()
        .map(|l| cells::width(l))
        .max()
        .unwrap_or(3)
        .clamp(4, 12) as u16;
    let fitting = usize::from((width + 1) / (bar_width + 1)).max(1);
    let skip = counted.len().saturating_sub(fitting);
    let bars: Vec<Bar<'static>> = counted
        .iter()
        .zip(labels)
        .skip(skip)
        .map(|((_, share), label)| {
            Bar::new(share.round() as u64)
                .label(Line::from(label))
                .text_value(lang.percent(*share))
        })
        .collect();
    BarChart::vertical(bars)
        .max(100)
        .bar_width(bar_width)
        .bar_gap(1)
        .bar_style(theme.status(Status::Done))
        .value_style(theme.selected())
        .label_style(theme.muted())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn review_counts_say_only_what_the_review_gives() {
        let review = |done, total| ProgressReview {
            id: "r".into(),
            date: "mid-2021".parse().expect("valid date"),
            title: "Revue".into(),
            done,
            total,
            planned: None,
            added: None,
            note: None,
            sources: Vec::new(),
        };
        assert_eq!(
            review_counts(&review(Some(9), Some(43)), Language::Fr).as_deref(),
            Some("9 sur 43 terminés (21\u{202f}%)")
        );
        assert_eq!(
            review_counts(&review(Some(9), None), Language::En).as_deref(),
            Some("9 done")
        );
        assert_eq!(review_counts(&review(None, None), Language::Fr), None);
    }
}

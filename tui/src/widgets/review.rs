//! Progress reviews as both programs show them: the counts of a review in
//! words ("9 sur 43 terminés (21 %)") and the chart of the done share over
//! the reviews.

use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart};
use roadmap_core::{FuzzyDate, Language, Status};

use crate::terminal::cells;
use crate::terminal::theme::ThemeKind;

/// "9 sur 43 terminés (21 %)": the core's words, as the browser's slides say them.
pub use roadmap_core::slides::review_counts;

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
    use roadmap_core::ProgressReview;

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

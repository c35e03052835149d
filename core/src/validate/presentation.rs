//! Checks a file's `[presentation]` table: slide names and axis ids are
//! known (else the closest name), the auto-advance pace is a duration, and
//! the timeline window's dates read and come in order.

use super::{Checker, Findings};
use crate::locate::Path;
use crate::model::Axis;
use crate::presentation::{
    ChoiceProblem, Presentation, SlideChoice, SlideWindow, find_axis, read_pace,
};
use crate::raw::RawPresentation;

impl<F: Findings> Checker<F> {
    pub(super) fn presentation(
        &mut self,
        raw: Option<RawPresentation>,
        axes: &[Axis],
        root: &Path,
    ) -> Presentation {
        let Some(raw) = raw else {
            return Presentation::default();
        };
        let at = root.key("presentation");
        let axis_ids = || axes.iter().map(|axis| axis.id.as_str());
        let slides = raw.slides.map(|names| {
            if names.is_empty() {
                self.choice_error(at.key("slides"), &ChoiceProblem::NoSlides);
            }
            names
                .iter()
                .enumerate()
                .filter_map(|(i, name)| {
                    let checked = SlideChoice::read(name).and_then(|choice| match &choice {
                        SlideChoice::Axis(id) => find_axis(id, axis_ids()).map(|()| choice),
                        _ => Ok(choice),
                    });
                    checked
                        .map_err(|problem| {
                            self.choice_error(at.item("slides", i), &problem);
                        })
                        .ok()
                })
                .collect()
        });
        for (i, id) in raw.hide.iter().enumerate() {
            if let Err(problem) = find_axis(id, axis_ids()) {
                self.choice_error(at.item("hide", i), &problem);
            }
        }
        let auto = raw.auto.as_deref().and_then(|text| {
            read_pace(text)
                .map_err(|problem| self.choice_error(at.key("auto"), &problem))
                .ok()
        });
        let window = raw.window.and_then(|window| {
            let place = at.key("window");
            let from = self.required_date(window.from.as_deref(), &place, "from");
            let to = self.required_date(window.to.as_deref(), &place, "to");
            let (from, to) = (from?, to?);
            if to.last_day() < from.first_day() {
                self.error(
                    place.key("to"),
                    || format!("the window ends ({to}) before it starts ({from})"),
                    || "swap `from` and `to`",
                );
                return None;
            }
            Some(SlideWindow { from, to })
        });
        Presentation {
            slides,
            hide: raw.hide,
            auto,
            window,
        }
    }

    fn choice_error(&mut self, path: Path, problem: &ChoiceProblem) {
        let words = || problem.words();
        self.error(path, || words().message, || words().help);
    }
}

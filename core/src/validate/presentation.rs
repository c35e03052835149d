//! Checks a file's `[presentation]` table: slide names and axis ids are
//! known (else the closest name), the auto-advance pace is a duration, and
//! the timeline window's dates read and come in order.

use super::{Checker, Findings};
use crate::locate::Path;
use crate::model::Axis;
use crate::presentation::{
    ChoiceError, Presentation, SlideChoice, SlideWindow, check_axis, no_slides, parse_duration,
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
                self.choice_error(at.key("slides"), no_slides());
            }
            names
                .iter()
                .enumerate()
                .filter_map(|(i, name)| {
                    let checked = SlideChoice::parse(name).and_then(|choice| match &choice {
                        SlideChoice::Axis(id) => check_axis(id, axis_ids()).map(|()| choice),
                        _ => Ok(choice),
                    });
                    checked
                        .map_err(|err| self.choice_error(at.key("slides").index(i), err))
                        .ok()
                })
                .collect()
        });
        for (i, id) in raw.hide.iter().enumerate() {
            if let Err(err) = check_axis(id, axis_ids()) {
                self.choice_error(at.key("hide").index(i), err);
            }
        }
        let auto = raw.auto.as_deref().and_then(|text| {
            parse_duration(text)
                .map_err(|err| self.choice_error(at.key("auto"), err))
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

    fn choice_error(&mut self, path: Path, err: ChoiceError) {
        self.error(path, || err.message, || err.help);
    }
}

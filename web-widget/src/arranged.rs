//! The timeline's arrangement (its rows and items whatever the window)
//! kept between drawings: a zoom, a pan or a scroll then only places it
//! in the window, without the rollups and date arithmetic of every item.
//! It is made again when the roadmap, the day or the "changed" filter
//! changes.

use std::cell::RefCell;
use std::rc::Rc;

use roadmap_core::{Arrangement, Day, Roadmap};
use roadmap_markup::since::Changes;
use roadmap_markup::{Chart, Scene};

/// What an arrangement was made of: the same `Rc`s (kept, so that another
/// roadmap cannot take their place in memory), the day and the filter.
struct Kept {
    roadmap: Rc<Roadmap>,
    today: Day,
    /// The comparison whose changed items alone are shown, if filtered.
    only: Option<Rc<Changes>>,
    arrangement: Rc<Arrangement>,
}

/// The last arrangement made, if any.
#[derive(Default)]
pub struct Arranged(RefCell<Option<Kept>>);

impl Arranged {
    /// The chart of `scene`, whose roadmap is `roadmap` and whose
    /// comparison is `changes`, `width` pixels wide: from the kept
    /// arrangement when it was made of the same, else from a new one,
    /// kept in its place.
    pub fn chart<'s, 'a>(
        &self,
        scene: &'s Scene<'a>,
        roadmap: &Rc<Roadmap>,
        changes: Option<&Rc<Changes>>,
        width: f64,
    ) -> Chart<'s, 'a> {
        let only = changes.filter(|_| scene.since.is_some_and(|since| since.only_changed));
        let kept = self.0.borrow().as_ref().and_then(|kept| {
            (Rc::ptr_eq(&kept.roadmap, roadmap)
                && kept.today == scene.today
                && match (&kept.only, only) {
                    (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                    (None, None) => true,
                    _ => false,
                })
            .then(|| Rc::clone(&kept.arrangement))
        });
        let arrangement = kept.unwrap_or_else(|| {
            let arrangement = Rc::new(Chart::arrangement(scene));
            *self.0.borrow_mut() = Some(Kept {
                roadmap: Rc::clone(roadmap),
                today: scene.today,
                only: only.cloned(),
                arrangement: Rc::clone(&arrangement),
            });
            arrangement
        });
        Chart::arranged(scene, width, &arrangement)
    }
}

#[cfg(test)]
mod tests {
    use roadmap_core::{FuzzyDate, Language, TimeWindow};
    use roadmap_markup::since::Since;

    use super::*;
    use crate::input::read_json;

    const WIDTH: f64 = 900.0;

    fn dinum() -> Rc<Roadmap> {
        read_json(
            "dinum-2023.json",
            include_bytes!("../../data/dinum-2023.json"),
        )
        .expect("loads")
    }

    fn day(text: &str) -> Day {
        text.parse::<FuzzyDate>().expect("a date").first_day()
    }

    fn scene<'a>(roadmap: &'a Roadmap, today: Day, since: Option<Since<'a>>) -> Scene<'a> {
        Scene {
            roadmap,
            lang: Language::Fr,
            today,
            window: TimeWindow::around(roadmap),
            selected: None,
            since,
        }
    }

    /// The arrangement kept, to tell whether a chart made a new one.
    fn kept(arranged: &Arranged) -> *const Arrangement {
        arranged
            .0
            .borrow()
            .as_ref()
            .map_or(std::ptr::null(), |kept| Rc::as_ptr(&kept.arrangement))
    }

    #[test]
    fn a_kept_arrangement_lays_out_what_a_new_one_does_in_every_window() {
        let roadmap = dinum();
        let arranged = Arranged::default();
        let mut scene = scene(&roadmap, day("2023-09-15"), None);
        let first = arranged.chart(&scene, &roadmap, None, WIDTH).layout;
        assert_eq!(first, Chart::new(&scene, WIDTH).layout);
        let made = kept(&arranged);
        let whole = scene.window;
        for window in [
            whole.zoom(2.0, whole.start()),
            whole.zoom(8.0, day("2024-01-01")).pan(40),
            whole.zoom(0.5, whole.end()),
        ] {
            scene.window = window;
            let layout = arranged.chart(&scene, &roadmap, None, WIDTH).layout;
            assert_eq!(layout, Chart::new(&scene, WIDTH).layout);
            assert_eq!(kept(&arranged), made, "arranged again for a new window");
        }
        assert_ne!(first, arranged.chart(&scene, &roadmap, None, WIDTH).layout);
    }

    #[test]
    fn another_day_roadmap_or_filter_is_arranged_anew() {
        let roadmap = dinum();
        let arranged = Arranged::default();
        let before = scene(&roadmap, day("2023-09-15"), None);
        arranged.chart(&before, &roadmap, None, WIDTH);
        let made = kept(&arranged);
        // Statuses are those of the day asked for.
        let later = scene(&roadmap, day("2026-01-01"), None);
        let layout = arranged.chart(&later, &roadmap, None, WIDTH).layout;
        assert_eq!(layout, Chart::new(&later, WIDTH).layout);
        assert_ne!(kept(&arranged), made);
        // The same roadmap read again is another roadmap.
        let again = dinum();
        let made = kept(&arranged);
        let scene_again = scene(&again, day("2026-01-01"), None);
        arranged.chart(&scene_again, &again, None, WIDTH);
        assert_ne!(kept(&arranged), made);
        // Under the "changed" filter, only the changed milestone's items.
        let first = roadmap.axes()[0].missions[0].milestones[0].id.clone();
        let changes = Rc::new(Changes {
            items: vec![(first, [String::from("modifié"), String::from("changed")])],
            ..Changes::default()
        });
        let only = |only_changed| {
            Some(Since {
                changes: &changes,
                only_changed,
            })
        };
        let all = scene(&roadmap, day("2026-01-01"), only(false));
        let filtered = scene(&roadmap, day("2026-01-01"), only(true));
        let shown = |scene: &Scene<'_>| {
            let layout = arranged
                .chart(scene, &roadmap, Some(&changes), WIDTH)
                .layout;
            assert_eq!(layout, Chart::new(scene, WIDTH).layout);
            layout.markers.len()
        };
        let (everything, only_those) = (shown(&all), shown(&filtered));
        assert!(
            only_those == 1 && everything > 1,
            "{only_those} of {everything}"
        );
        assert_eq!(shown(&all), everything);
        // Another comparison changes other items.
        let mission = &roadmap.axes()[1].missions[0];
        let others = Rc::new(Changes {
            items: mission
                .milestones
                .iter()
                .map(|milestone| (milestone.id.clone(), [String::new(), String::new()]))
                .collect(),
            ..Changes::default()
        });
        let other = scene(
            &roadmap,
            day("2026-01-01"),
            Some(Since {
                changes: &others,
                only_changed: true,
            }),
        );
        arranged.chart(&filtered, &roadmap, Some(&changes), WIDTH);
        let layout = arranged
            .chart(&other, &roadmap, Some(&others), WIDTH)
            .layout;
        assert_eq!(layout, Chart::new(&other, WIDTH).layout);
        assert_eq!(layout.markers.len(), mission.milestones.len());
    }
}

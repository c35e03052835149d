//! The rows' element holds its drawing in a layer (`g.layer`), redrawn in
//! place by [`patch`]; a zoom in that would drop most of a large layer
//! starts a new one instead, and keeps the large one hidden
//! (`visibility`, which keeps its elements' style and layout) for the zoom
//! out that comes back to it. Zooming in from the whole roadmap then
//! builds only what the narrower window shows, and zooming back out shows
//! the elements already built instead of building them all again.

use std::collections::HashSet;

use web_sys::Element;

use crate::patch::{Piece, patch, pieces};

/// Fewest pieces a layer must hold to be kept hidden: below that, drawing
/// it again costs less than keeping it.
const KEPT_FROM: usize = 200;

/// `markup` (the rows' inside) in a layer.
pub fn layer(markup: &str) -> String {
    let mut out = String::with_capacity(markup.len() + 24);
    out.push_str("<g class=\"layer\">");
    out.push_str(markup);
    out.push_str("</g>");
    out
}

/// A layer on the page and what it holds.
struct Layer {
    element: Element,
    pieces: Vec<Piece>,
}

impl Layer {
    /// How many of `keys` this layer holds.
    fn holds(&self, keys: &HashSet<&str>) -> usize {
        self.pieces
            .iter()
            .filter(|piece| keys.contains(piece.key.as_str()))
            .count()
    }

    fn hide(&self) {
        let _ = self.element.set_attribute("visibility", "hidden");
    }

    fn show(&self) {
        let _ = self.element.remove_attribute("visibility");
    }
}

/// The layers of the rows' element: the one shown, and one kept hidden.
#[derive(Default)]
pub struct Layers {
    shown: Option<Layer>,
    kept: Option<Layer>,
}

impl Layers {
    /// The layers of `svg` just written whole, its layer holding `markup`.
    pub fn written(svg: &Element, markup: &str) -> Self {
        Layers {
            shown: svg.first_element_child().map(|element| Layer {
                element,
                pieces: pieces(markup),
            }),
            kept: None,
        }
    }

    /// Makes `svg` show `markup` (the rows' inside); `same_rows` when only
    /// the window changed (else a kept layer is of other rows and goes),
    /// `narrower` when it shows fewer days than before (a zoom in).
    pub fn draw(&mut self, svg: &Element, markup: &str, same_rows: bool, narrower: bool) {
        let new = pieces(markup);
        if !same_rows && let Some(kept) = self.kept.take() {
            kept.element.remove();
        }
        let keys: HashSet<&str> = new.iter().map(|piece| piece.key.as_str()).collect();
        let shown_holds = self.shown.as_ref().map_or(0, |layer| layer.holds(&keys));
        let kept_holds = self.kept.as_ref().map_or(0, |layer| layer.holds(&keys));
        // Back to the kept layer on a zoom out that it holds more of.
        if !narrower
            && kept_holds > shown_holds
            && let Some(kept) = self.kept.take()
        {
            kept.show();
            if let Some(shown) = self.shown.take() {
                shown.hide();
                self.keep(shown);
            }
            self.shown = Some(kept);
        } else if let Some(shown) = self.shown.take_if(|shown| {
            same_rows
                && narrower
                && shown.pieces.len() >= KEPT_FROM
                && shown_holds < shown.pieces.len() * 3 / 4
        }) {
            // A zoom in would drop much of a large layer: kept, and a new
            // one begun, for the zoom out that comes back.
            shown.hide();
            self.keep(shown);
            let _ = svg.insert_adjacent_html("beforeend", &layer(markup));
            self.shown = svg.last_element_child().map(|element| Layer {
                element,
                pieces: new,
            });
            return;
        }
        if let Some(shown) = &mut self.shown {
            if !patch(&shown.element, &shown.pieces, &new) {
                shown.element.set_inner_html(markup);
            }
            shown.pieces = new;
        } else {
            let _ = svg.insert_adjacent_html("beforeend", &layer(markup));
            self.shown = svg.last_element_child().map(|element| Layer {
                element,
                pieces: new,
            });
        }
    }

    /// Keeps the larger of `layer` and the one kept, removing the other.
    fn keep(&mut self, layer: Layer) {
        let (kept, gone) = match self.kept.take() {
            Some(kept) if kept.pieces.len() > layer.pieces.len() => (kept, layer),
            Some(kept) => (layer, kept),
            None => {
                self.kept = Some(layer);
                return;
            }
        };
        gone.element.remove();
        self.kept = Some(kept);
    }
}

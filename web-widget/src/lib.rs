//! The embeddable `<roadmap-timeline>` widget. It draws the timeline that
//! `roadmap_core::layout` computes; the yew front end lands here.

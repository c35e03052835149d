//! Drawing pieces both the explorer and the presenter use: the timeline,
//! progress bars and the review chart. They take plain data (a roadmap,
//! a share, a list of reviews) and never a program's state.

pub mod progress;
pub mod review;
pub mod slip;
pub mod timeline;

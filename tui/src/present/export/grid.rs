//! Each slide drawn as the audience sees it, by the presenter's own
//! drawing ([`ui::draw_slide`]) on a grid of [`COLUMNS`]×[`ROWS`] cells,
//! then read back as rows of runs of text in one [`Ink`].

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};

use super::ink::Ink;
use crate::present::{PresentApp, ui};
use crate::terminal::cells;

/// Columns of a slide: from 110 the axis and summary slides have two
/// columns, and with [`ROWS`] a slide is 16:9, as on a projector (a cell
/// is about half as wide as high); on A4 landscape it sets 8-point text.
pub const COLUMNS: u16 = 160;
/// Rows of a slide (see [`COLUMNS`]): room for the big figures at 8 cells
/// high, a fifth of the slide.
pub const ROWS: u16 = 45;

/// One slide as rows of text.
#[derive(Debug)]
pub struct SlidePage {
    /// The slide's heading, as the notes window names it.
    pub heading: String,
    /// Its rows, top to bottom, each as runs left to right.
    pub rows: Vec<Vec<Run>>,
}

/// Cells side by side in one ink.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// The column of its first cell.
    pub column: u16,
    /// The text of its cells, one grapheme each (wide ones take two cells).
    pub cells: Vec<String>,
    /// How it is drawn.
    pub ink: Ink,
}

impl Run {
    /// The run's text.
    pub fn text(&self) -> String {
        self.cells.concat()
    }
}

/// Every slide of `app`, in order, as pages; `app` is left on its first.
pub fn pages(app: &mut PresentApp) -> anyhow::Result<Vec<SlidePage>> {
    let mut terminal = Terminal::new(TestBackend::new(COLUMNS, ROWS))?;
    let mut pages = Vec::with_capacity(app.slides.len());
    for index in 0..app.slides.len() {
        app.current = index;
        terminal.clear()?;
        terminal.draw(|frame| {
            let [body, footer] =
                Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(frame.area());
            ui::draw_slide(frame, body, app);
            draw_footer(frame, footer, app);
            cells::scrub(frame.buffer_mut());
        })?;
        pages.push(SlidePage {
            heading: app.planned().heading.clone(),
            rows: rows(terminal.backend().buffer()),
        });
    }
    app.current = 0;
    Ok(pages)
}

/// The roadmap's title and slide n/N: the presenter's footer without its
/// key hints, which mean nothing on paper.
fn draw_footer(frame: &mut ratatui::Frame, area: ratatui::layout::Rect, app: &PresentApp) {
    let position = format!(" {}/{} ", app.current + 1, app.slides.len());
    let room = usize::from(area.width).saturating_sub(cells::width(&position) + 2);
    let title = format!(" {}", cells::fit(app.roadmap.title(), room));
    let gap =
        usize::from(area.width).saturating_sub(cells::width(&title) + cells::width(&position));
    frame.render_widget(
        Line::from(vec![
            Span::styled(title, app.theme.muted()),
            Span::raw(" ".repeat(gap)),
            Span::styled(position, app.theme.muted()),
        ]),
        area,
    );
}

/// The buffer's rows as runs, the cells a wide grapheme covers skipped
/// (as a terminal backend skips them) and trailing blanks dropped.
fn rows(buffer: &Buffer) -> Vec<Vec<Run>> {
    let area = buffer.area;
    (area.top()..area.bottom())
        .map(|y| {
            let mut runs: Vec<Run> = Vec::new();
            let mut skip = 0;
            for x in area.left()..area.right() {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let cell = &buffer[(x, y)];
                let symbol = cell.symbol();
                skip = cells::width(symbol).saturating_sub(1);
                let ink = Ink::of(cell);
                match runs.last_mut() {
                    Some(run) if run.ink == ink => run.cells.push(symbol.to_owned()),
                    _ => runs.push(Run {
                        column: x,
                        cells: vec![symbol.to_owned()],
                        ink,
                    }),
                }
            }
            trim_end(&mut runs);
            runs
        })
        .collect()
}

/// Drops the blanks at the end of a row, where nothing shows them.
fn trim_end(runs: &mut Vec<Run>) {
    while let Some(run) = runs.last_mut() {
        if run.ink.bg.is_some() || run.ink.underline || run.ink.crossed {
            return;
        }
        while run.cells.last().is_some_and(|c| c.trim().is_empty()) {
            run.cells.pop();
        }
        if !run.cells.is_empty() {
            return;
        }
        runs.pop();
    }
}

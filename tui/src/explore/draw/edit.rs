//! Drawing the editing controls: the status picker over the panes, and the
//! status line while a value is typed or after an edit was saved or refused.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState};
use roadmap_core::Status;

use crate::explore::state::{App, Field, Notice};
use crate::terminal::cells;
use crate::terminal::centered;
use crate::text::Text;

/// The statuses with their symbols, the current one under the cursor.
pub fn draw_picker(frame: &mut Frame, screen: Rect, app: &App) {
    let lang = app.lang;
    let area = centered(screen, 30, Status::ALL.len() as u16 + 2);
    let items: Vec<ListItem> = Status::ALL
        .iter()
        .map(|s| {
            ListItem::new(Span::styled(
                format!("{} {}", s.symbol(), s.label(lang)),
                app.theme.status(*s),
            ))
        })
        .collect();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.border(true))
        .title(Span::styled(
            format!(" {} ", Text::StatusPicker.get(lang)),
            app.theme.heading(),
        ));
    let list = List::new(items)
        .block(block)
        .highlight_style(app.theme.selected())
        .highlight_symbol("› ");
    let mut state = ListState::default().with_selected(Some(app.status_cursor));
    frame.render_widget(Clear, area);
    frame.render_stateful_widget(list, area, &mut state);
}

/// The prompt, the value typed so far and, once refused, why.
pub fn input_line(app: &App, field: Field) -> Line<'static> {
    let lang = app.lang;
    let prompt = match field {
        Field::Progress => Text::PromptProgress,
        Field::Review => Text::PromptReview,
    };
    let mut spans = vec![
        Span::styled(prompt.get(lang), app.theme.heading()),
        Span::styled(
            format!("{}▏", cells::safe(&app.input)),
            app.theme.highlight(),
        ),
    ];
    spans.push(match &app.input_error {
        Some(error) => Span::styled(format!("  {}", cells::safe(error)), app.theme.alert()),
        None => Span::styled(
            format!("  {}", Text::ConfirmHint.get(lang)),
            app.theme.muted(),
        ),
    });
    Line::from(spans)
}

/// What the last edit, save or refusal did.
pub fn notice_line(app: &App, notice: &Notice) -> Line<'static> {
    let style = if notice.error {
        app.theme.alert()
    } else {
        app.theme.highlight()
    };
    Line::from(Span::styled(cells::safe(&notice.text).into_owned(), style))
}

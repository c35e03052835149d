//! Headline figures in big letters: tui-big-text's 8×8 font, scaled up
//! by whole cells on big screens, down to half and quarter cells on small
//! ones, and plain text when even those do not fit.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};
use tui_big_text::{BigText, PixelSize};

/// `text` in the biggest letters that fit `area`, centred: the 8×8 font
/// with each of its pixels drawn as a square of cells as large as the
/// area allows, else in half or quarter cells, else as plain text.
pub fn big(frame: &mut Frame, area: Rect, text: &str, style: Style) {
    // The font has no narrow no-break space ("42 %" in French).
    let text = text.replace('\u{202f}', " ");
    // The font draws one 8×8 glyph per character, whatever its width as text.
    let chars = u16::try_from(text.chars().count()).unwrap_or(u16::MAX);
    let full_width = chars.saturating_mul(8);
    let scale = (area.width / full_width.max(1)).min(area.height / 8);
    if scale >= 1 {
        let font = Rect::new(0, 0, full_width, 8);
        let mut glyphs = Buffer::empty(font);
        big_text(&text, PixelSize::Full, style).render(font, &mut glyphs);
        let x0 = area.x + (area.width - full_width * scale) / 2;
        let buf = frame.buffer_mut();
        for (x, y) in (0..font.height).flat_map(|y| (0..font.width).map(move |x| (x, y))) {
            for (dx, dy) in (0..scale).flat_map(|dy| (0..scale).map(move |dx| (dx, dy))) {
                if let Some(cell) = buf.cell_mut((x0 + x * scale + dx, area.y + y * scale + dy)) {
                    *cell = glyphs[(x, y)].clone();
                }
            }
        }
        return;
    }
    let smaller = [(PixelSize::HalfHeight, 8, 4), (PixelSize::Quadrant, 4, 4)]
        .into_iter()
        .find(|&(_, w, h)| chars.saturating_mul(w) <= area.width && h <= area.height);
    let Some((size, _, height)) = smaller else {
        let line = Line::styled(text, style).alignment(Alignment::Center);
        frame.render_widget(Paragraph::new(line), area);
        return;
    };
    frame.render_widget(big_text(&text, size, style), Rect { height, ..area });
}

fn big_text(text: &str, size: PixelSize, style: Style) -> BigText<'static> {
    BigText::builder()
        .pixel_size(size)
        .style(style)
        .alignment(Alignment::Center)
        .lines(vec![Line::from(text.to_owned())])
        .build()
}

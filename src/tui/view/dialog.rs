//! The frame every dialog shares: centred, cleared, bordered, titled.

use super::centered;
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Clear};
use ratatui::Frame;

/// Clears and frames a `w`×`h` dialog; returns its inner area.
pub fn frame(
    f: &mut Frame,
    theme: Theme,
    area: Rect,
    w: u16,
    h: u16,
    title: &str,
    error: bool,
) -> Rect {
    let rect = centered(area, w, h);
    f.render_widget(Clear, rect);
    let style = if error {
        theme.error()
    } else {
        theme.focus_border()
    };
    let block = Block::bordered()
        .title(format!(" {title} "))
        .border_style(style)
        .title_style(style);
    let inner = block.inner(rect);
    f.render_widget(block, rect);
    inner
}

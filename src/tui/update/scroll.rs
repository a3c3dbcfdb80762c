//! Scrolling a long read-only text (help, CSR, a command's output): by
//! line, by page, to either end, never past the end, so one key back is
//! always one step back.

use crate::tui::Action;

/// The new top line after `action`, for a text of `total` lines seen
/// `page` at a time; `None` when the action doesn't scroll.
pub(super) fn scrolled(top: u16, action: &Action, total: usize, page: usize) -> Option<u16> {
    let page = page.max(1);
    let last = total.saturating_sub(page);
    let top = usize::from(top).min(last);
    let next = match action {
        Action::Up => top.saturating_sub(1),
        Action::Down => top + 1,
        Action::PageUp => top.saturating_sub(page.saturating_sub(1).max(1)),
        Action::PageDown => top + page.saturating_sub(1).max(1),
        Action::Home => 0,
        Action::End => last,
        _ => return None,
    };
    Some(u16::try_from(next.min(last)).unwrap_or(u16::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_keep_one_line_and_stop_at_the_ends() {
        assert_eq!(scrolled(0, &Action::PageDown, 100, 20), Some(19));
        assert_eq!(scrolled(75, &Action::PageDown, 100, 20), Some(80));
        assert_eq!(scrolled(80, &Action::Down, 100, 20), Some(80));
        assert_eq!(scrolled(500, &Action::Up, 100, 20), Some(79));
        assert_eq!(scrolled(5, &Action::PageUp, 100, 20), Some(0));
        assert_eq!(
            scrolled(5, &Action::End, 10, 20),
            Some(0),
            "fits: no scroll"
        );
        assert_eq!(scrolled(5, &Action::Submit, 100, 20), None);
    }
}

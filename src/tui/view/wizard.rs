//! The CleoWizard screen: it covers the tree and the pane while open.
//!
//! ```text
//! ┌ CleoWizard — procédure automatique ──────────────────────────────────────┐
//! │ Type › Serveur › Clé › Carte › Envoi › Réponse › Fichiers                │
//! │ Porteur 899700367917 CLAIRE MARTIN · SSL · srv-web.clinique-demo.fr      │
//! │                                                                          │
//! │ …the step's question, list, progress line or result…                     │
//! └──────────────────────────────────────────────────────────────────────────┘
//! ```

use super::wizard_steps;
use crate::i18n::t;
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::wizard::{WizStep, Wizard, PLATFORM_STEP_IDS, STEP_IDS};
use cleocps_core::wizard::Route;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use ratatui::Frame;

fn steps_line(app: &App, theme: Theme, w: &Wizard) -> Line<'static> {
    let now = w.run.step.index();
    let mut spans = Vec::new();
    let ids: &[&str] = match w.run.route {
        Route::Card => &STEP_IDS,
        Route::Platform => &PLATFORM_STEP_IDS,
    };
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" › ", theme.border()));
        }
        let style = match i.cmp(&now) {
            std::cmp::Ordering::Less => theme.ok(),
            std::cmp::Ordering::Equal => theme.selected(),
            std::cmp::Ordering::Greater => theme.disabled(),
        };
        spans.push(Span::styled(t(app.lang, id).to_string(), style));
    }
    Line::from(spans)
}

/// What the run has gathered so far: holder, type, server.
fn gathered(app: &App, theme: Theme, w: &Wizard) -> Line<'static> {
    let mut parts = Vec::new();
    if let Some(h) = &w.run.holder {
        parts.push(format!("{} {h}", t(app.lang, "tui.wiz.holder")));
    }
    if !matches!(
        w.run.step,
        WizStep::Opening | WizStep::Type | WizStep::Resume { .. }
    ) {
        parts.push(w.run.kind.short_name().to_string());
    }
    if let Some(target) = &w.run.target {
        parts.push(target.name.clone());
    }
    Line::styled(parts.join(" · "), theme.label())
}

pub fn draw(f: &mut Frame, app: &App, theme: Theme, w: &Wizard, area: Rect) {
    let block = Block::bordered()
        .title(super::block_title(app, "tui.wiz.title"))
        .border_style(theme.focus_border())
        .title_style(theme.title());
    let inner = block.inner(area);
    f.render_widget(block, area);
    let width = inner.width as usize;
    let mut lines = vec![steps_line(app, theme, w), gathered(app, theme, w)];
    lines.push(Line::default());
    let head = lines.len() as u16;
    lines.extend(wizard_steps::body(app, theme, w, width));
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    if app.modal.is_none() {
        if let Some((x, y)) = wizard_steps::cursor(app, w, width) {
            f.set_cursor_position((inner.x + x, inner.y + head + y));
        }
    }
}

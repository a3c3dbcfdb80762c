//! Étape 3's first deploy: the profile's form, one line per field, the
//! focused one as an input; what the core's rules refuse under it.
//!
//! ```text
//! ┌ Premier déploiement ─────────────────────────────────────────────────┐
//! │Où le service lit-il le certificat de D/R ? (vide : non installé)     │
//! │Chaîne complète (nginx)    /etc/nginx/tls/srv.fullchain.pem           │
//! │Clé privée                 /etc/nginx/tls/srv.key                     │
//! │…                                                                     │
//! │Entrée déployer et enregistrer   Tab champ suivant   Échap fermer     │
//! └──────────────────────────────────────────────────────────────────────┘
//! ```

use super::modals::hint;
use super::{dialog, fit, pad};
use crate::i18n::{t, tf};
use crate::tui::app::App;
use crate::tui::modal::{DeployFormModal, DEPLOY_FIELDS};
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

const LABEL_W: usize = 27;

pub fn draw(f: &mut Frame, app: &App, theme: Theme, area: Rect, m: &DeployFormModal) {
    let lang = app.lang;
    let w = area.width.saturating_sub(4).min(78);
    let h = u16::try_from(DEPLOY_FIELDS.len() + 6).unwrap_or(u16::MAX);
    let title = t(lang, "tui.dform.title");
    let inner = dialog::frame(f, theme, area, w, h, title, false);
    let width = usize::from(inner.width);
    let value_w = width.saturating_sub(LABEL_W + 1);
    let mut lines = vec![Line::styled(
        fit(&tf(lang, "tui.dform.intro", &[&m.path]), width),
        theme.title(),
    )];
    let mut cursor = None;
    for (i, (id, input)) in DEPLOY_FIELDS.iter().zip(&m.inputs).enumerate() {
        let label = Span::styled(pad(t(lang, id), LABEL_W), theme.label());
        let value = if i == m.focus {
            let scroll = input.visual_scroll(value_w);
            let shown: String = input.value().chars().skip(scroll).collect();
            let x = input.visual_cursor().saturating_sub(scroll);
            cursor = Some((LABEL_W + x, lines.len()));
            Span::styled(pad(&shown, value_w), theme.input())
        } else {
            Span::raw(fit(input.value(), value_w))
        };
        lines.push(Line::from(vec![label, value]));
    }
    lines.push(match &m.error {
        Some(e) => Line::styled(fit(&format!("↳ {e}"), width), theme.error()),
        None => Line::styled(fit(t(lang, "tui.dform.note"), width), theme.label()),
    });
    lines.push(Line::default());
    lines.push(hint(
        app,
        theme,
        &[
            ("tui.kn.enter", "tui.dform.run"),
            ("tui.kn.tab", "tui.key.next_field"),
            ("tui.kn.esc", "tui.key.close"),
        ],
    ));
    f.render_widget(Paragraph::new(lines), inner);
    if let Some((x, y)) = cursor {
        let x = u16::try_from(x).unwrap_or(0);
        let y = u16::try_from(y).unwrap_or(0);
        f.set_cursor_position((inner.x + x, inner.y + y));
    }
}

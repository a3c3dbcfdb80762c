//! Étape 3 : Finalisation du certificat — the answer: the certificate, or
//! the rejection and what to do; import, exports and files.

use super::pane::{buttons, job_line};
use super::{fit, pad};
use crate::i18n::{t, tf};
use crate::tui::action::Step;
use crate::tui::app::App;
use crate::tui::job_kind::JobKind;
use crate::tui::theme::Theme;
use cleocps_core::request::{Request, State};
use ratatui::text::{Line, Span};

const LABEL_W: usize = 11;

pub fn body(app: &App, theme: Theme, req: &Request, width: usize) -> Vec<Line<'static>> {
    let lang = app.lang;
    let mut out = Vec::new();
    match req.state {
        State::Rejected => {
            let code = req.rejection_code.as_deref().unwrap_or("?");
            out.push(Line::styled(
                tf(lang, "tui.rejected.title", &[&code]),
                theme.error(),
            ));
            if let Some(reason) = &req.rejection_reason {
                out.push(Line::raw(reason.clone()));
            }
            out.push(Line::default());
            out.push(Line::styled(
                t(lang, "tui.rejected.todo").to_string(),
                theme.warning(),
            ));
        }
        State::CertificateImported => match app.certs.get(&req.path()) {
            Some(c) => {
                let row = |id: &'static str, v: String| {
                    Line::from(vec![
                        Span::styled(pad(t(lang, id), LABEL_W), theme.label()),
                        Span::raw(fit(&v, width.saturating_sub(LABEL_W))),
                    ])
                };
                out.push(Line::styled(t(lang, "tui.cert.ok").to_string(), theme.ok()));
                out.push(row("tui.cert.subject", c.subject.clone()));
                out.push(row("tui.cert.issuer", c.issuer.clone()));
                out.push(row(
                    "tui.cert.validity",
                    tf(lang, "tui.cert.from_to", &[&c.not_before, &c.not_after]),
                ));
                let names: Vec<&str> = c
                    .san
                    .iter()
                    .map(|n| n.split_once(':').map_or(n.as_str(), |(_, v)| v))
                    .collect();
                out.push(row("tui.cert.names", names.join(", ")));
                out.push(row("tui.cert.serial", c.serial.clone()));
                out.push(row("tui.cert.sha256", c.fingerprint.clone()));
            }
            None => out.push(Line::styled(
                t(lang, JobKind::Certificate.text_id()).to_string(),
                theme.label(),
            )),
        },
        _ => out.push(Line::raw(t(lang, "tui.wait_answer").to_string())),
    }
    out.push(Line::default());
    out.extend(job_line(app, theme, req));
    if req.state == State::Rejected {
        // Only what can be done: "recommencer" first (the others are refused).
        for b in crate::tui::steps::buttons(req, Step::Final) {
            if b.refusal.is_none() {
                out.push(Line::from(vec![
                    Span::styled(format!("[{}] ", b.key), theme.key()),
                    Span::raw(t(lang, b.label).to_string()),
                ]));
            }
        }
        return out;
    }
    out.extend(buttons(app, theme, req, Step::Final));
    out
}

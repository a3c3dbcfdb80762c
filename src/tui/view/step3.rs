//! Étape 3 : Finalisation du certificat — the answer: the certificate, or
//! the rejection and what to do; import, exports and files.

use super::cert::LABEL_W;
use super::pane::{buttons, job_line};
use super::{fit, pad};
use crate::i18n::{t, tf};
use crate::tui::action::Step;
use crate::tui::app::App;
use crate::tui::job_kind::JobKind;
use crate::tui::theme::Theme;
use cleocps_core::ops::{Level, Thresholds};
use cleocps_core::request::{Request, State};
use cleocps_core::sanitize;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// What `status` knows of the certificate: days left (or what replaced
/// it), where cleocps installed it, and the renewal links.
fn life(app: &App, theme: Theme, req: &Request, width: usize) -> Vec<Line<'static>> {
    let lang = app.lang;
    let mut out = Vec::new();
    let row = |id: &'static str, v: String, style: Style| {
        Line::from(vec![
            Span::styled(pad(t(lang, id), LABEL_W), theme.label()),
            Span::styled(fit(&v, width.saturating_sub(LABEL_W)), style),
        ])
    };
    if let Some(c) = app.certified.get(&req.path()) {
        if let Some(new) = &c.replaced_by {
            out.push(Line::styled(
                fit(&tf(lang, "tui.cert.replaced", &[new]), width),
                theme.disabled(),
            ));
        } else if c.expired() {
            let text = tf(lang, "tui.cert.expired_on", &[&c.expiry_date()]);
            out.push(row("tui.cert.left", text, theme.error()));
        } else {
            let style = match Thresholds::default().level(c.days_left) {
                Level::Critical => theme.error(),
                Level::Warning => theme.warning(),
                _ => theme.ok(),
            };
            let text = tf(
                lang,
                "tui.cert.days_left",
                &[&c.days_left, &c.expiry_date()],
            );
            out.push(row("tui.cert.left", text, style));
        }
        let deployed = if c.deployed.is_empty() {
            t(lang, "tui.cert.not_deployed").to_string()
        } else {
            sanitize::line(&c.deployed.join(", ")).into_owned()
        };
        out.push(row("tui.cert.deployed", deployed, Style::default()));
    }
    let link = |id: &Option<String>| {
        id.as_deref().map(|id| {
            app.tree
                .iter()
                .flat_map(|f| &f.requests)
                .find(|r| r.id == id)
                .map_or_else(|| "?".to_string(), |r| r.path())
        })
    };
    if let Some(old) = link(&req.renews) {
        out.push(Line::raw(fit(&tf(lang, "tui.cert.renews", &[&old]), width)));
    }
    if let Some(new) = link(&req.renewed_by) {
        out.push(Line::raw(fit(
            &tf(lang, "tui.cert.renewed_by", &[&new]),
            width,
        )));
    }
    out
}

/// The step's rows for a body of `height` rows: the certificate's values
/// wrapped when the rows left allow it.
pub fn body(
    app: &App,
    theme: Theme,
    req: &Request,
    width: usize,
    height: usize,
) -> Vec<Line<'static>> {
    let tight = lines(app, theme, req, width, 0);
    match height.saturating_sub(super::wrap::height(&tight, width)) {
        0 => tight,
        spare => lines(app, theme, req, width, spare),
    }
}

fn lines(app: &App, theme: Theme, req: &Request, width: usize, spare: usize) -> Vec<Line<'static>> {
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
                out.extend(super::revocation::imported(app, theme, req, width));
                out.extend(super::cert::rows(app, theme, c, width, spare));
                out.extend(life(app, theme, req, width));
            }
            None => {
                out.push(Line::styled(
                    t(lang, JobKind::Certificate.text_id()).to_string(),
                    theme.label(),
                ));
                out.extend(life(app, theme, req, width));
            }
        },
        // The portal's route: paste the certificate here.
        _ if super::portal::waiting(req) => {
            out.push(super::portal::paste_here(app));
            out.extend(life(app, theme, req, width));
        }
        _ => {
            out.push(Line::raw(t(lang, "tui.wait_answer").to_string()));
            // A renewal under way says what it renews.
            out.extend(life(app, theme, req, width));
        }
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
    out.extend(buttons(app, theme, req, Step::Final, width));
    out
}

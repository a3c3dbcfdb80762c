//! The screen of a revoked certificate: the tree says "révoqué" in place
//! of its days left, Étape 3 the date and the reason, after the check.

use crate::i18n::{tf, Lang};
use crate::tui::action::Step;
use crate::tui::app::{App, Status};
use cleocps_core::revocation::{Revocation, Source, Status as Revoked};

pub fn screens(lang: Lang) -> Vec<(&'static str, App)> {
    let web = "Clinique du Test/srv-web";
    let mut app = super::at(lang, web, Step::Final);
    if let Some(c) = app.certified.get_mut(web) {
        c.revocation = Revocation {
            status: Revoked::Revoked,
            source: Some(Source::Crl),
            checked_at: Some("2026-03-06T08:00:00Z".into()),
            revoked_at: Some("2026-03-05T16:42:00Z".into()),
            reason: Some("keyCompromise".into()),
            ..Revocation::default()
        };
    }
    app.status = Some(Status {
        text: tf(lang, "tui.revocation.done", &[&3, &1]),
        error: false,
    });
    vec![("59-revoked", app)]
}

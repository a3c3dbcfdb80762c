//! Whether the tree's certificates are revoked: the core's revocation
//! check (cache first, then OCSP or the CRL, each fetch bounded), run off
//! the loop after the tree is read and on demand.

use crate::tui::action::{Done, RevocationFact, Shown};
use crate::tui::job::{Cx, Failure, Work};
use crate::tui::job_kind::JobKind;
use cleocps_core::ops::Certified;
use cleocps_core::revocation;
use std::time::SystemTime;

/// The certificates to check, as the tree read them.
#[derive(Debug, Clone)]
pub struct CheckRevocation {
    pub certs: Vec<Certified>,
    /// Asked for by the user (`V`): the outcome is said.
    pub asked: bool,
}

impl Work for CheckRevocation {
    fn kind(&self) -> JobKind {
        JobKind::Revocation
    }

    fn run(self: Box<Self>, cx: &Cx<'_>) -> Result<Done, Failure> {
        let asked = self.asked;
        let mut certs = self.certs;
        let config = &cx.ctx.config.revocation;
        revocation::annotate(cx.ws, &mut certs, config, SystemTime::now(), cx.lang);
        let facts = certs
            .into_iter()
            .map(|c| RevocationFact {
                path: c.path(),
                serial: c.serial,
                revocation: c.revocation,
            })
            .collect();
        Ok(Done {
            shown: Some(Shown::Revocation { facts, asked }),
            ..Done::default()
        })
    }
}

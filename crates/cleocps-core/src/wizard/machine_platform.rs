//! The platform's road through the run: type → subject → key → the CSR
//! with the platform's steps → the certificate back → the files. No card,
//! no mail: the user carries the CSR to the platform and its answer back.

use super::{Next, Run, Start, Step, Target};
use crate::request::{subject::offered_cns, Offer, RequestType, State};

/// The name as the request keeps it: a server's name in lower case without
/// its final dot; a service's name as typed (INSi tells `INSI-AUTO` from
/// `insi-auto`).
pub(super) fn normal_name(kind: RequestType, name: &str) -> String {
    match kind.offer() {
        Offer::Serv => name.trim().trim_end_matches('.').to_lowercase(),
        Offer::Org => name.trim().to_string(),
    }
}

impl Run {
    /// After the type: the name given up front, the names offered (INSi's),
    /// or the name typed.
    pub(super) fn subject(&mut self) {
        if let Some(given) = self.given.clone() {
            let name = normal_name(self.kind, &given);
            if super::name_problem(self.kind, &name).is_none() {
                return self.named(name);
            }
        }
        let names = offered_cns(self.kind);
        self.step = if names.is_empty() {
            Step::Typed { degraded: None }
        } else {
            Step::Service {
                names: names.iter().map(|n| n.to_string()).collect(),
            }
        };
    }

    /// The subject's name is known: the key's question comes next.
    pub(super) fn named(&mut self, name: String) {
        let kind = self.kind;
        self.chosen(Target {
            kind,
            name,
            entry: None,
        });
    }

    /// A platform run stopped under way: its CSR again (made now if the
    /// run stopped before it), or the files.
    pub(super) fn resumed_on_platform(&mut self, path: String, state: State) -> Option<Next> {
        if state == State::CertificateImported {
            return Some(self.wait(path));
        }
        self.step = Step::Preparing;
        Some(Next::Csr(Start::Resume { path }))
    }

    /// The certificate given was not taken: asked again, saying why.
    pub fn refused(&mut self, text: String) {
        if let Step::Importing { path } = &self.step {
            self.step = Step::Certificate {
                path: path.clone(),
                refused: Some(text),
            };
        }
    }
}

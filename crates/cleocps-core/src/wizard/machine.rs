//! Where a wizard run stands, and what comes next: the one sequence of the
//! wizard, which the CLI and the interface feed (the user's answers, what
//! the slow work found) and render. It does no work itself: it says which
//! work to run next ([`Next`]), and the front runs it (on a worker thread,
//! or in line) and feeds back what was found.

pub use super::steps::{Answer, Found, Next, Step};
use super::{choose, target_of, Choice, Finished, Paused, Route, Start, Target};
use crate::card::TokenInfo;
use crate::request::{RequestType, SanKind, State};

/// A run of the wizard.
#[derive(Debug, Clone)]
pub struct Run {
    /// The card and a registration server by mail, or the platform.
    pub route: Route,
    pub kind: RequestType,
    pub step: Step,
    /// The name given up front (`--fqdn`, `--email`): no question then.
    pub given: Option<String>,
    /// "810001234567 JEAN DUPONT", once the card was read.
    pub holder: Option<String>,
    /// The card as the probe read it: the PIN's bounds and warning.
    pub card: Option<TokenInfo>,
    pub target: Option<Target>,
    pub key_password: bool,
    /// The request of a resumed run.
    pub resume: Option<String>,
    /// The request whose files were written: its deploy profile is offered.
    pub done: Option<String>,
}

impl Default for Run {
    fn default() -> Self {
        Run::new()
    }
}

impl Run {
    pub fn new() -> Run {
        Run {
            route: Route::Card,
            kind: RequestType::Ssl,
            step: Step::Opening,
            given: None,
            holder: None,
            card: None,
            target: None,
            key_password: true,
            resume: None,
            done: None,
        }
    }

    /// A run on the given road.
    pub fn on(route: Route) -> Run {
        Run {
            route,
            ..Run::new()
        }
    }

    /// What the work found; the next work to run, if any.
    pub fn found(&mut self, found: Found) -> Option<Next> {
        match found {
            Found::Resumable(Some(Paused {
                path,
                state,
                route,
                kind,
            })) => {
                self.route = route;
                self.kind = kind;
                self.step = Step::Resume { path, state }
            }
            Found::Resumable(None) => self.step = Step::Type,
            Found::Probed {
                info,
                holder,
                lookup,
            } => {
                self.holder = Some(holder);
                self.card = Some(info);
                if self.resume.is_some() {
                    return self.ask_pin();
                }
                match choose(self.kind, self.given.as_deref(), &lookup) {
                    // A name given up front is taken as it is.
                    Choice::One(t) if self.given.is_some() => self.chosen(t),
                    Choice::One(t) => {
                        self.step = Step::Server {
                            entries: t.entry.into_iter().collect(),
                        }
                    }
                    Choice::Several(entries) => self.step = Step::Server { entries },
                    Choice::Type { reason } => self.step = Step::Typed { degraded: reason },
                }
            }
            Found::Sent { path } => return Some(self.wait(path)),
            Found::Prepared { path, csr } => self.step = Step::Csr { path, csr },
            Found::Finished(Finished::Done { files, request }) => {
                self.done = Some(request.path());
                self.step = Step::Done { files }
            }
            Found::Finished(Finished::Rejected { path, code, reason }) => {
                self.step = Step::Rejected { path, code, reason }
            }
            Found::Finished(Finished::NotYet { path }) => self.step = Step::Stopped { path },
        }
        None
    }

    /// The user's answer at the current step: the next work, or why the
    /// answer is refused (the step stays).
    pub fn answer(&mut self, answer: Answer) -> Result<Option<Next>, NameProblem> {
        let step = self.step.clone();
        Ok(match (step, answer) {
            (Step::Resume { path, state }, Answer::Resume(true)) => self.resumed(path, state),
            (Step::Resume { .. }, Answer::Resume(false)) => {
                self.step = Step::Type;
                None
            }
            (Step::Type, Answer::Type(kind)) if self.route == Route::Platform => {
                self.kind = kind;
                self.subject();
                None
            }
            (Step::Type, Answer::Type(kind)) => {
                self.kind = kind;
                self.step = Step::Looking;
                Some(Next::Probe(kind))
            }
            (Step::Server { entries }, Answer::Server(pick)) => {
                match pick.and_then(|i| entries.get(i)) {
                    Some(e) => self.chosen(target_of(self.kind, e)),
                    None => self.step = Step::Typed { degraded: None },
                }
                None
            }
            (Step::Service { names }, Answer::Server(pick)) => {
                match pick.and_then(|i| names.get(i)) {
                    Some(name) => self.named(name.clone()),
                    None => self.step = Step::Typed { degraded: None },
                }
                None
            }
            (Step::Typed { .. }, Answer::Name(name)) => {
                let name = super::machine_platform::normal_name(self.kind, &name);
                if let Some(problem) = name_problem(self.kind, &name) {
                    return Err(problem);
                }
                let kind = self.kind;
                self.chosen(Target {
                    kind,
                    name,
                    entry: None,
                });
                None
            }
            (Step::KeyPassword, Answer::KeyPassword(yes)) if self.route == Route::Platform => {
                self.key_password = yes;
                self.step = Step::Preparing;
                self.start().map(Next::Csr)
            }
            (Step::KeyPassword, Answer::KeyPassword(yes)) => {
                self.key_password = yes;
                self.ask_pin()
            }
            (Step::Csr { path, .. }, Answer::Continue) => {
                self.step = Step::Certificate {
                    path,
                    refused: None,
                };
                None
            }
            (Step::Certificate { path, .. }, Answer::Certificate(given)) => {
                self.step = Step::Importing { path: path.clone() };
                Some(Next::Import { path, given })
            }
            (Step::Pin, Answer::Pin) => {
                self.step = Step::Sending;
                self.start().map(Next::Send)
            }
            (Step::Stopped { path }, Answer::WaitAgain) => Some(self.wait(path)),
            (Step::Rejected { .. }, Answer::Anew) => {
                *self = Run {
                    step: Step::Type,
                    ..Run::on(self.route)
                };
                None
            }
            _ => None,
        })
    }

    /// The PIN question again (its dialog was closed without a PIN).
    pub fn pin_again(&mut self) -> Option<Next> {
        matches!(self.step, Step::Pin).then_some(Next::AskPin)
    }

    /// The waiting work's progress.
    pub fn progress(&mut self, next: u64, remaining: u64) {
        if let Step::Waiting {
            next_check, left, ..
        } = &mut self.step
        {
            *next_check = Some(next);
            *left = Some(remaining);
        }
    }

    /// The user stopped waiting for the card: back to the question before
    /// it (the type, or the run to resume, which stays resumable).
    pub fn card_stopped(&mut self) {
        self.step = match self.resume.take() {
            Some(path) => Step::Resume {
                path,
                state: State::KeysGenerated,
            },
            None => Step::Type,
        };
    }

    /// The work failed, or the card refuses a PIN: the run stays resumable.
    pub fn failed(&mut self, text: String) {
        self.step = Step::Failed { text };
    }

    /// Whether work the user may stop (the wait) is under way or was.
    pub fn kept(&self) -> bool {
        matches!(
            self.step,
            Step::Waiting { .. }
                | Step::Stopped { .. }
                | Step::Failed { .. }
                | Step::Csr { .. }
                | Step::Certificate { .. }
        )
    }

    fn resumed(&mut self, path: String, state: State) -> Option<Next> {
        self.resume = Some(path.clone());
        if self.route == Route::Platform {
            return self.resumed_on_platform(path, state);
        }
        match state {
            // The card is read again for the PIN.
            State::KeysGenerated => {
                self.step = Step::Looking;
                Some(Next::Probe(self.kind))
            }
            State::RequestGenerated => {
                self.step = Step::Sending;
                Some(Next::Send(Start::Resume { path }))
            }
            _ => Some(self.wait(path)),
        }
    }

    pub(super) fn chosen(&mut self, target: Target) {
        self.target = Some(target);
        self.step = Step::KeyPassword;
    }

    fn ask_pin(&mut self) -> Option<Next> {
        self.step = Step::Pin;
        Some(Next::AskPin)
    }

    pub(super) fn wait(&mut self, path: String) -> Next {
        self.step = Step::Waiting {
            path: path.clone(),
            next_check: None,
            left: None,
        };
        Next::Finish(path)
    }

    /// How the send starts: the resumed run, or a new one for the target.
    pub(super) fn start(&self) -> Option<Start> {
        match (&self.resume, &self.target) {
            (Some(path), _) => Some(Start::Resume { path: path.clone() }),
            (None, Some(target)) => Some(Start::New {
                target: target.clone(),
                key_password: self.key_password,
            }),
            (None, None) => None,
        }
    }
}

/// Why a typed name is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameProblem {
    Empty,
    /// Not a full server name (SSL).
    NotFqdn,
    /// Not an e-mail address (S/MIME).
    NotEmail,
    /// Not a service name the platform takes (ORG).
    NotService,
}

impl NameProblem {
    /// The text saying what name is expected.
    pub fn text_id(self) -> &'static str {
        match self {
            NameProblem::Empty => "wizard.name_empty",
            NameProblem::NotFqdn => "wizard.bad_fqdn",
            NameProblem::NotEmail => "wizard.bad_email",
            NameProblem::NotService => "wizard.bad_service",
        }
    }
}

/// What makes a typed name unusable.
pub fn name_problem(kind: RequestType, name: &str) -> Option<NameProblem> {
    if name.is_empty() {
        return Some(NameProblem::Empty);
    }
    match kind.san_kind() {
        SanKind::Dns if name.contains('@') || !name.contains('.') => Some(NameProblem::NotFqdn),
        SanKind::Email if !name.contains('@') => Some(NameProblem::NotEmail),
        SanKind::None if crate::request::subject::service_name(name).is_err() => {
            Some(NameProblem::NotService)
        }
        _ => None,
    }
}

#[cfg(test)]
#[path = "machine_tests.rs"]
mod tests;

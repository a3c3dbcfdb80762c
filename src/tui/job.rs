//! A job: slow or disk-touching work `update` asks for, run off the UI
//! thread by [`super::jobs`]. Each job is one type (in `jobs/`) that holds
//! its data and says, in its own [`Work`] impl, how it runs, what it is
//! (its [`JobKind`]), which request it works on, which key password it
//! opens the key with and what runs again when that password was wrong.
//! Nothing else asks a property of a job by matching on all of them; a new
//! job also names its [`JobKind`] (the status line's words).

use super::action::{Done, Shown};
use super::job_kind::JobKind;
use super::TuiContext;
use crate::i18n::Lang;
use cleocps_core::error::Error;
use cleocps_core::pki::PkiError;
use cleocps_core::secret::Secret;
use cleocps_core::workspace::Workspace;
use std::any::Any;
use std::fmt::Debug;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

/// The form's values as typed, trimmed; turned into the core's edit by
/// [`form::to_edit`](super::form::to_edit).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormValues {
    pub cn: String,
    pub san: Vec<String>,
    pub o: String,
    pub ou: String,
    pub st: String,
    pub l: String,
    pub c: String,
}

/// What a running job may use: the workspace, the configuration and card
/// options, the language of the words it still chooses, where a waiting
/// job reports its progress (seconds to the next look, seconds left), and
/// the flag the loop sets when `update` cancels it.
pub struct Cx<'a> {
    pub ws: &'a Workspace,
    pub ctx: &'a TuiContext,
    pub lang: Lang,
    pub progress: &'a dyn Fn(u64, u64),
    pub stop: &'a AtomicBool,
}

/// Why a job failed: a core error (put in words by `update`, in the
/// screen's language), or a text the job already composed.
#[derive(Debug, Clone)]
pub enum Failure {
    Core(Arc<Error>),
    Said(String),
}

impl Failure {
    /// What to tell the user: what failed and what to do.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Failure::Core(e) => {
                super::said::in_interface_words(lang, e).unwrap_or_else(|| e.localize(lang))
            }
            Failure::Said(text) => text.clone(),
        }
    }

    fn core(&self) -> Option<&Error> {
        match self {
            Failure::Core(e) => Some(e),
            Failure::Said(_) => None,
        }
    }
}

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        Failure::Core(Arc::new(e))
    }
}

impl From<String> for Failure {
    fn from(text: String) -> Failure {
        Failure::Said(text)
    }
}

impl From<&str> for Failure {
    fn from(text: &str) -> Failure {
        Failure::Said(text.to_string())
    }
}

/// One kind of work. A property of a job is asked of the job.
pub trait Work: WorkClone + Debug + Send + Sync + Any {
    /// What runs: `update` and the views match on it, the status line
    /// names it.
    fn kind(&self) -> JobKind;

    /// The request this job works on: a second job on it is refused.
    fn request(&self) -> Option<&str> {
        None
    }

    /// The key password this job opens the private key with, when it opens
    /// it: a wrong one is asked again and [`Work::again`] runs with it.
    fn key_password(&mut self) -> Option<&mut Option<Secret>> {
        None
    }

    /// What runs instead of this job once a wrong key password was typed
    /// again. `None`: the job itself, with every other answer kept. A job
    /// that spent something that cannot be spent twice (a PIN try) goes
    /// back to where that is asked.
    fn again(&self) -> Option<Job> {
        None
    }

    /// The work itself, on a worker thread.
    fn run(self: Box<Self>, cx: &Cx<'_>) -> Result<Done, Failure>;
}

/// Cloning a boxed [`Work`] (a job is kept to be run again).
pub trait WorkClone {
    fn clone_box(&self) -> Box<dyn Work>;
}

impl<T: Work + Clone> WorkClone for T {
    fn clone_box(&self) -> Box<dyn Work> {
        Box::new(self.clone())
    }
}

/// A job to run: any [`Work`].
#[derive(Debug)]
pub struct Job(Box<dyn Work>);

impl Clone for Job {
    fn clone(&self) -> Job {
        Job(self.0.clone_box())
    }
}

impl<W: Work> From<W> for Job {
    fn from(work: W) -> Job {
        Job::new(work)
    }
}

impl Job {
    pub fn new(work: impl Work) -> Job {
        Job(Box::new(work))
    }

    pub fn kind(&self) -> JobKind {
        self.0.kind()
    }

    pub fn request(&self) -> Option<&str> {
        self.0.request()
    }

    /// This job as its type, when it is one (tests and `update` look inside).
    pub fn get<T: Work>(&self) -> Option<&T> {
        let any: &dyn Any = self.0.as_ref();
        any.downcast_ref()
    }

    /// The job's data, when it is a `T`.
    pub fn into_inner<T: Work>(self) -> Option<T> {
        let any: Box<dyn Any> = self.0;
        any.downcast::<T>().ok().map(|t| *t)
    }

    /// The job to run with the key password typed again after a wrong one.
    pub fn with_new_key(self, password: Secret) -> Job {
        let mut job = self.0.again().unwrap_or(self);
        if let Some(slot) = job.0.key_password() {
            *slot = Some(password);
        }
        job
    }

    /// Runs it: a wrong key password for a job that opens the key comes
    /// back as the question to ask it again, with the job to run then.
    pub fn run(self, cx: &Cx<'_>) -> Result<Done, Failure> {
        let mut work = self.0;
        let retry = work.key_password().is_some().then(|| work.clone_box());
        match (work.run(cx), retry) {
            (Err(f), Some(retry))
                if matches!(f.core(), Some(Error::Pki(PkiError::WrongKeyPassword))) =>
            {
                Ok(Done {
                    message: Some(f.text(cx.lang)),
                    shown: Some(Shown::WrongKeyPassword {
                        retry: Box::new(Job(retry)),
                    }),
                    ..Done::default()
                })
            }
            (result, _) => result,
        }
    }
}

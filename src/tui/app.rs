//! The TUI's whole state. Views read it; only `update` changes it.

use super::action::{CertView, JobId, Step};
use super::form::Form;
use super::job_kind::JobKind;
use super::modal::Modal;
use crate::i18n::Lang;
use cleocps_core::ops::Certified;
use cleocps_core::request::Request;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

/// A folder of the tree and its requests, as last read from disk.
#[derive(Debug, Clone)]
pub struct Folder {
    pub name: String,
    pub requests: Vec<Request>,
}

/// The tree as a job read it, with what `status` knows of each certificate
/// (days left, replaced), so the tree's rows are drawn without reading disk.
#[derive(Debug, Clone, Default)]
pub struct TreeRead {
    pub folders: Vec<(String, Vec<Request>)>,
    /// By request path ("FOLDER/NAME").
    pub certified: HashMap<String, Certified>,
    /// `certified` was read for these requests only (a job changed one):
    /// the others keep what was read before.
    pub certified_only: Option<Vec<String>>,
}

/// One line of the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// A job started and not yet finished.
#[derive(Debug, Clone)]
pub struct Running {
    pub id: JobId,
    /// What it does: `update` and the views match on it.
    pub kind: JobKind,
    pub request: Option<String>,
}

/// Which keymap layer gets the keys: the modal first, then the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layer {
    Main,
    Form,
    /// A text or secret input.
    Text,
    /// A path input (Tab completes).
    Path,
    Choice,
    Confirm,
    Message,
    Csr,
    /// "Coller la réponse": pastes add to it, Enter imports.
    Paste,
    Files,
    Help,
    /// A wait the user can only stop (Esc).
    Wait,
    /// The command palette: typing filters, Enter runs.
    Palette,
    /// The CleoWizard screen.
    Wizard,
    /// The CleoWizard screen's typed server name.
    WizardText,
    /// The configuration screen: typing edits the focused field.
    Config,
}

#[derive(Debug, Clone)]
pub struct App {
    pub lang: Lang,
    pub color: bool,
    /// Workspace root, for paths shown to the user.
    pub root: PathBuf,
    /// The directory cleocps was started in (the import dialog starts there).
    pub cwd: PathBuf,
    /// The directory of the last export: the next export dialog starts there
    /// (else in the request's directory).
    pub export_dir: Option<PathBuf>,
    pub tree: Vec<Folder>,
    pub collapsed: HashSet<String>,
    /// Index into [`super::tree::rows`].
    pub cursor: usize,
    pub step: Step,
    pub form: Option<Form>,
    pub modal: Option<Modal>,
    pub status: Option<Status>,
    pub jobs: Vec<Running>,
    pub next_job: JobId,
    pub spinner: usize,
    pub size: (u16, u16),
    /// What `status` knows of each certificate (days left, serial, deployed
    /// targets, replaced), by request path, as of the last tree read.
    pub certified: HashMap<String, Certified>,
    /// Certificates read for Étape 3, by request path.
    pub certs: HashMap<String, CertView>,
    /// Index in [`super::modal::KEY_SIZES`] the key-size chooser starts on
    /// (`key_bits` of the configuration).
    pub default_key: usize,
    /// The CleoWizard screen, when open (it covers the tree and the pane).
    pub wizard: Option<super::wizard::Wizard>,
    /// Étape 3's automatic wait's progress: seconds to the next look,
    /// seconds left.
    pub wait_progress: Option<(u64, u64)>,
    /// The jobs `update` told to stop (by [`Effect::Cancel`]): a stopped
    /// card probe's answer is dropped.
    ///
    /// [`Effect::Cancel`]: super::action::Effect::Cancel
    pub stopped: HashSet<JobId>,
    /// The configuration in use (the jobs' copy is swapped when it is saved).
    pub config: cleocps_core::config::Config,
    /// Where the configuration screen saves it.
    pub config_path: Option<PathBuf>,
    /// The configuration screen, when open (it covers the tree and the pane).
    pub config_screen: Option<super::config_screen::ConfigScreen>,
}

impl App {
    pub fn new(lang: Lang, root: PathBuf) -> App {
        App {
            lang,
            color: true,
            cwd: root.clone(),
            export_dir: None,
            root,
            tree: Vec::new(),
            collapsed: HashSet::new(),
            cursor: 0,
            step: Step::Init,
            form: None,
            modal: None,
            status: None,
            jobs: Vec::new(),
            next_job: 1,
            spinner: 0,
            size: (80, 24),
            certified: HashMap::new(),
            certs: HashMap::new(),
            default_key: 0,
            wizard: None,
            wait_progress: None,
            stopped: HashSet::new(),
            config: cleocps_core::config::Config::default(),
            config_path: None,
            config_screen: None,
        }
    }

    /// The only routing decision: who gets the next key.
    pub fn layer(&self) -> Layer {
        match &self.modal {
            Some(m) => m.layer(),
            None if self.config_screen.is_some() => Layer::Config,
            None => match &self.wizard {
                Some(w)
                    if matches!(
                        w.run.step,
                        super::wizard::WizStep::Typed { .. }
                            | super::wizard::WizStep::Certificate { .. }
                    ) =>
                {
                    Layer::WizardText
                }
                Some(_) => Layer::Wizard,
                None if self.form.is_some() => Layer::Form,
                None => Layer::Main,
            },
        }
    }

    /// The current form or dialog has more than one field to move between.
    pub fn several_fields(&self) -> bool {
        match &self.modal {
            Some(m) => matches!(m, super::modal::Modal::Secret(s) if s.what.twice()),
            None => self.form.is_some() || self.config_screen.is_some(),
        }
    }

    /// Takes a fresh read of the tree; folders that went away forget
    /// whether they were collapsed.
    pub fn apply_tree(&mut self, mut fresh: TreeRead) {
        self.tree = fresh
            .folders
            .into_iter()
            .map(|(name, requests)| Folder { name, requests })
            .collect();
        // What the last revocation check found holds until the next one
        // says otherwise (the same certificate: the same serial).
        for (path, c) in &mut fresh.certified {
            if let Some(old) = self.certified.get(path).filter(|o| o.serial == c.serial) {
                c.revocation = old.revocation.clone();
            }
        }
        match fresh.certified_only {
            Some(only) => {
                for path in only {
                    self.certified.remove(&path);
                }
                self.certified.extend(fresh.certified);
            }
            None => self.certified = fresh.certified,
        }
        // Requests gone (deleted, renamed folder) take their line along.
        let paths: HashSet<String> = self
            .tree
            .iter()
            .flat_map(|f| f.requests.iter().map(Request::path))
            .collect();
        self.certified.retain(|path, _| paths.contains(path));
        let names: HashSet<&str> = self.tree.iter().map(|f| f.name.as_str()).collect();
        self.collapsed.retain(|c| names.contains(c.as_str()));
    }

    pub fn busy(&self) -> bool {
        !self.jobs.is_empty()
    }

    /// The running job of this kind not yet told to stop.
    pub fn running(&self, kind: impl Fn(JobKind) -> bool) -> Option<JobId> {
        self.jobs
            .iter()
            .find(|j| kind(j.kind) && !self.stopped.contains(&j.id))
            .map(|j| j.id)
    }

    /// Tells the job to stop: the effect that does it.
    pub fn stop(&mut self, id: JobId) -> super::action::Effect {
        self.stopped.insert(id);
        super::action::Effect::Cancel(id)
    }

    /// Whether a job is already working on this request.
    pub fn busy_with(&self, path: &str) -> bool {
        self.jobs.iter().any(|j| j.request.as_deref() == Some(path))
    }
}

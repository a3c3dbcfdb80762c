//! What kind of job runs, without its data: each job names its kind
//! ([`Work::kind`]); kept in the running-job record ([`Running`]) so that
//! `update` and the views decide by matching on it (gitui's
//! `AsyncGitNotification`, television's typed `Action`), never by comparing
//! text. The text id the status line shows is a function of the kind, for
//! display only.
//!
//! [`Work::kind`]: super::job::Work::kind
//!
//! [`Running`]: super::app::Running

/// What runs, as `update` and the views tell jobs apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JobKind {
    Reload,
    CreateFolder,
    RenameFolder,
    DeleteFolder,
    CreateRequest,
    DeleteRequest,
    GenerateKeys,
    EditForm,
    GenerateCsr,
    ShowCsr,
    Certificate,
    ImportResponse,
    RecordRejection,
    ExportPem,
    ExportP12,
    ProbeCard,
    Sign,
    Renew,
    Deploy,
    Files,
    SendMail,
    FetchReply,
    FetchWait,
    Lookup,
    ListDir,
    /// A path input's Tab.
    Complete,
    Wizard(WizardJobKind),
    TestConfig,
    SaveConfig,
    /// The certificates' revocation, checked in the background.
    Revocation,
}

/// The wizard's jobs, one per [`WizardJob`](super::wizard::WizardJob) variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WizardJobKind {
    Resumable,
    Probe,
    Send,
    Finish,
    Csr,
    Import,
}

impl JobKind {
    /// A job that only reads, quickly: the status line does not announce
    /// it, and Étape 3 does not ask for the certificate while one runs.
    pub fn only_reads(self) -> bool {
        matches!(
            self,
            JobKind::Reload
                | JobKind::Certificate
                | JobKind::ShowCsr
                | JobKind::Files
                | JobKind::ListDir
                | JobKind::Complete
        )
    }

    /// Runs unseen: the status line does not announce it and quitting
    /// asks nothing for it.
    pub fn background(self) -> bool {
        self == JobKind::Revocation
    }

    /// The status line does not announce it.
    pub fn quiet(self) -> bool {
        self.only_reads() || self.background()
    }

    /// Reads the card (waiting while it is absent): its progress is the
    /// waiting modal's, and a stop by the user drops its answer.
    pub fn probes_card(self) -> bool {
        matches!(
            self,
            JobKind::ProbeCard | JobKind::Wizard(WizardJobKind::Probe)
        )
    }

    /// Text id of what the status line says while it runs (display only).
    pub fn text_id(self) -> &'static str {
        match self {
            JobKind::Reload
            | JobKind::Certificate
            | JobKind::ShowCsr
            | JobKind::Files
            | JobKind::ListDir
            | JobKind::Complete => "tui.job.reading",
            JobKind::SendMail => "tui.job.send",
            JobKind::FetchReply => "tui.job.fetch",
            JobKind::FetchWait => "tui.job.fetch_wait",
            JobKind::Lookup => "tui.job.lookup",
            JobKind::Wizard(w) => w.text_id(),
            JobKind::CreateFolder => "tui.job.create_folder",
            JobKind::RenameFolder => "tui.job.rename_folder",
            JobKind::DeleteFolder | JobKind::DeleteRequest => "tui.job.delete",
            JobKind::CreateRequest => "tui.job.create_request",
            JobKind::GenerateKeys => "tui.job.keys",
            JobKind::EditForm => "tui.job.form",
            JobKind::GenerateCsr => "tui.job.csr",
            JobKind::ImportResponse => "tui.job.import",
            JobKind::RecordRejection => "tui.job.reject",
            JobKind::ExportPem | JobKind::ExportP12 => "tui.job.export",
            JobKind::Renew => "tui.job.renew",
            JobKind::Deploy => "tui.job.deploy",
            JobKind::ProbeCard => "tui.job.probe",
            JobKind::Sign => "tui.job.sign",
            JobKind::TestConfig => "tui.job.cfg_test",
            JobKind::SaveConfig => "tui.job.cfg_save",
            JobKind::Revocation => "tui.job.revocation",
        }
    }
}

impl WizardJobKind {
    /// Text id of the wizard screen's busy line (display only).
    pub fn text_id(self) -> &'static str {
        match self {
            WizardJobKind::Resumable => "tui.job.wiz_open",
            WizardJobKind::Probe => "tui.job.wiz_probe",
            WizardJobKind::Send => "tui.job.wiz_send",
            WizardJobKind::Finish => "tui.job.wiz_wait",
            WizardJobKind::Csr => "tui.wpf.job.csr",
            WizardJobKind::Import => "tui.wpf.job.import",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_id_is_in_the_table() {
        let kinds = [
            JobKind::Reload,
            JobKind::CreateFolder,
            JobKind::RenameFolder,
            JobKind::DeleteFolder,
            JobKind::CreateRequest,
            JobKind::DeleteRequest,
            JobKind::GenerateKeys,
            JobKind::EditForm,
            JobKind::GenerateCsr,
            JobKind::ShowCsr,
            JobKind::Certificate,
            JobKind::ImportResponse,
            JobKind::RecordRejection,
            JobKind::ExportPem,
            JobKind::ExportP12,
            JobKind::ProbeCard,
            JobKind::Sign,
            JobKind::Renew,
            JobKind::Deploy,
            JobKind::Files,
            JobKind::SendMail,
            JobKind::FetchReply,
            JobKind::FetchWait,
            JobKind::Lookup,
            JobKind::ListDir,
            JobKind::Complete,
            JobKind::Wizard(WizardJobKind::Resumable),
            JobKind::Wizard(WizardJobKind::Probe),
            JobKind::Wizard(WizardJobKind::Send),
            JobKind::Wizard(WizardJobKind::Finish),
            JobKind::TestConfig,
            JobKind::SaveConfig,
            JobKind::Revocation,
        ];
        for kind in kinds {
            let id = kind.text_id();
            assert!(
                crate::texts::tui::TEXTS
                    .iter()
                    .chain(crate::texts::tui_ops::TEXTS)
                    .chain(crate::texts::tui_config::TEXTS)
                    .chain(crate::texts::tui_revocation::TEXTS)
                    .any(|t| t.id == id),
                "{kind:?}: {id} has no text"
            );
        }
    }
}

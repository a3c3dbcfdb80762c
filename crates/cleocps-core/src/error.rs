//! The core's errors. Each one is shown to people through
//! [`Error::localize`] and maps to a process exit code (DESIGN §2).

use crate::i18n::{t, tf, Lang};
use crate::pki::PkiError;
use crate::request::Refusal;
use crate::secret::SecretFileError;
use crate::validate::Problem;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The life cycle refuses the action in the request's state.
    Refused(#[from] Refusal),
    /// A value typed by the user is not acceptable; `field` names it.
    Invalid {
        field: &'static str,
        problem: Problem,
    },
    FolderNotFound(String),
    RequestNotFound(String),
    FolderExists(String),
    RequestExists(String),
    FolderNotEmpty(String),
    /// `FOLDER/NAME` was expected.
    BadRequestPath(String),
    /// Another instance holds the workspace lock.
    Locked {
        pid: Option<u32>,
    },
    /// The workspace's `.lock` is a link or not a file: someone else may have planted it.
    LockNotAFile(PathBuf),
    /// The workspace path exists and is not a directory.
    NotADirectory(PathBuf),
    /// A read-only command on a workspace that does not exist (created by nothing).
    NoWorkspace(PathBuf),
    /// An output file inside the workspace, where only cleocps's own files go.
    InWorkspace(PathBuf),
    /// A FIFO, device, socket or directory where a file was expected.
    NotAFile(PathBuf),
    /// A file over the size its kind can have.
    TooLarge {
        path: PathBuf,
        limit: u64,
    },
    /// `demo` was pointed at a directory it did not create.
    NotASandbox(PathBuf),
    Io {
        path: PathBuf,
        /// What went wrong, said in the user's language for the usual kinds.
        kind: std::io::ErrorKind,
        /// The system's message (English), for the other kinds.
        detail: String,
    },
    /// A `request.json` that can't be read.
    Corrupt {
        path: PathBuf,
        detail: String,
    },
    Pki(#[from] PkiError),
    /// The trust settings can't be used, or a missing issuer could not be fetched.
    Trust(#[from] crate::trust::TrustError),
    SecretFile(#[from] SecretFileError),
    /// A password is needed and there is neither a file nor a terminal to ask.
    SecretNeeded(&'static str),
    /// The two typed passwords differ.
    SecretMismatch,
    /// The PKCS#12 password equals the key password.
    SamePassword,
    /// An export would overwrite this file (`--force`).
    FileExists(PathBuf),
    /// An export would write over one of the request's own files.
    ExportOntoRequest(PathBuf),
    /// The request lacks a value the step needs (e.g. no FQDN before generating).
    FormIncomplete(&'static str),
    /// 1024-bit keys need `--legacy-1024`.
    LegacyNeedsFlag,
    /// No key size of that number.
    BadKeySize(u32),
    /// Nothing yet (no answer); the request stays resumable. Exit code 3.
    NothingYet(String),
    Config(#[from] crate::config::ConfigError),
    /// Sending or receiving mail failed.
    Mail(#[from] crate::mail::MailError),
    /// A deploy refused or failed (the previous files are back).
    Deploy(#[from] crate::deploy::DeployError),
    /// The directory lookup failed.
    Directory(#[from] crate::directory::DirectoryError),
    Card(#[from] crate::card::CardError),
    /// A wizard run that can't go on; the text says why and what to do.
    Wizard(String),
    /// The key was replaced again and again while a step read it.
    KeyKeptChanging,
    /// The stored key is not the certificate's (an export would hand out a pair that does not work).
    KeyNotCertified,
    /// A wizard run under way keeps the key's password for its last step:
    /// changing it now would break the resume.
    WizardHoldsKeyPassword,
    /// A command line that parses but can't be run as given (exit code 2).
    Usage(&'static str),
    /// No registration server certificate (`--ra-cert` / `registration.certificate`).
    RaCertMissing,
    RaCertInvalid {
        path: PathBuf,
        detail: String,
    },
    RaCertExpired {
        path: PathBuf,
        not_after: String,
    },
    /// The certificate does not tell which type of request it is for.
    TypeUnknown,
    /// The card road (a registration server by mail) issues only SSL and S/MIME.
    NotCardRoute(&'static str),
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, e: std::io::Error) -> Error {
        if e.get_ref()
            .is_some_and(|inner| inner.is::<crate::fsutil::NotRegularFile>())
        {
            return Error::NotAFile(path.into());
        }
        Error::Io {
            path: path.into(),
            kind: e.kind(),
            detail: e.to_string(),
        }
    }

    /// A failed [`fsutil::read_bounded`](crate::fsutil::read_bounded) of `path`.
    pub fn read(path: impl Into<PathBuf>, e: crate::fsutil::ReadError) -> Error {
        use crate::fsutil::ReadError;
        let path = path.into();
        match e {
            ReadError::Io(e) => Error::io(path, e),
            ReadError::NotAFile => Error::NotAFile(path),
            ReadError::TooLarge(limit) => Error::TooLarge { path, limit },
        }
    }

    /// Exit code of a command that failed with this error.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::NothingYet(_) | Error::NoWorkspace(_) => 3,
            Error::Deploy(crate::deploy::DeployError::Interrupted(signal)) => 128 + signal,
            Error::Usage(_) => 2,
            _ => 1,
        }
    }

    pub fn localize(&self, lang: Lang) -> String {
        match self {
            Error::Refused(r) => r.localize(lang),
            Error::Invalid { field, problem } => tf(
                lang,
                "err.invalid",
                &[&t(lang, field), &t(lang, problem.id)],
            ),
            Error::FolderNotFound(n) => tf(lang, "err.not_found.folder", &[n]),
            Error::RequestNotFound(n) => tf(lang, "err.not_found.request", &[n]),
            Error::FolderExists(n) => tf(lang, "err.exists.folder", &[n]),
            Error::RequestExists(n) => tf(lang, "err.exists.request", &[n]),
            Error::FolderNotEmpty(n) => tf(lang, "err.folder_not_empty", &[n]),
            Error::BadRequestPath(p) => tf(lang, "err.request_path", &[p]),
            Error::Locked { pid: Some(pid) } => tf(lang, "err.locked_pid", &[pid]),
            Error::Locked { pid: None } => t(lang, "err.locked").to_string(),
            Error::LockNotAFile(p) => tf(lang, "err.lock_not_a_file", &[&p.display()]),
            Error::NotADirectory(p) => tf(lang, "err.not_a_directory", &[&p.display()]),
            Error::NoWorkspace(p) => tf(lang, "err.no_workspace", &[&p.display()]),
            Error::InWorkspace(p) => tf(lang, "err.in_workspace", &[&p.display()]),
            Error::NotAFile(p) => tf(lang, "err.not_a_file", &[&p.display()]),
            Error::TooLarge { path, limit } => tf(lang, "err.too_large", &[&path.display(), limit]),
            Error::NotASandbox(p) => tf(lang, "err.not_a_sandbox", &[&p.display()]),
            Error::Io { path, kind, detail } => tf(
                lang,
                "err.io",
                &[&path.display(), &io_kind(lang, *kind, detail)],
            ),
            Error::Corrupt { path, detail } => tf(lang, "err.corrupt", &[&path.display(), detail]),
            Error::Pki(e) => e.localize(lang),
            Error::Trust(e) => e.localize(lang),
            Error::SecretFile(e) => e.localize(lang),
            Error::SecretNeeded(what) => tf(lang, "err.secret_needed", &[&t(lang, what)]),
            Error::SecretMismatch => t(lang, "err.secret_mismatch").to_string(),
            Error::SamePassword => t(lang, "err.same_password").to_string(),
            Error::FileExists(p) => tf(lang, "err.file_exists", &[&p.display()]),
            Error::ExportOntoRequest(p) => tf(lang, "err.export_onto_request", &[&p.display()]),
            Error::FormIncomplete(field) => tf(lang, "err.form_incomplete", &[&t(lang, field)]),
            Error::LegacyNeedsFlag => t(lang, "err.legacy_flag").to_string(),
            Error::BadKeySize(b) => tf(lang, "err.key_size", &[b]),
            Error::NothingYet(detail) => detail.clone(),
            Error::Config(e) => e.localize(lang),
            Error::Mail(e) => e.localize(lang),
            Error::Directory(e) => e.localize(lang),
            Error::Deploy(e) => e.localize(lang),
            Error::Card(e) => e.localize(lang),
            Error::Wizard(text) => text.clone(),
            Error::KeyKeptChanging => t(lang, "err.key_kept_changing").to_string(),
            Error::KeyNotCertified => t(lang, "err.key_not_certified").to_string(),
            Error::WizardHoldsKeyPassword => t(lang, "ops.key_password_wizard").to_string(),
            Error::Usage(text) => text.to_string(),
            Error::RaCertMissing => t(lang, "err.ra_cert_missing").to_string(),
            Error::RaCertInvalid { path, detail } => {
                tf(lang, "err.ra_cert_invalid", &[&path.display(), detail])
            }
            Error::RaCertExpired { path, not_after } => {
                tf(lang, "err.ra_cert_expired", &[&path.display(), not_after])
            }
            Error::TypeUnknown => t(lang, "err.type_unknown").to_string(),
            Error::NotCardRoute(kind) => tf(lang, "err.not_card_route", &[kind]),
        }
    }
}

crate::display_localized!(Error);

pub type Result<T> = std::result::Result<T, Error>;

/// An I/O failure in words: the system's own message is English.
pub(crate) fn io_kind(lang: Lang, kind: std::io::ErrorKind, detail: &str) -> String {
    use std::io::ErrorKind as K;
    let id = match kind {
        K::NotFound => "err.io.not_found",
        K::PermissionDenied => "err.io.permission",
        K::AlreadyExists => "err.io.exists",
        K::IsADirectory => "err.io.is_dir",
        K::NotADirectory => "err.io.not_dir",
        K::StorageFull => "err.io.full",
        K::ReadOnlyFilesystem => "err.io.read_only",
        _ => return tf(lang, "err.io.other", &[&detail]),
    };
    t(lang, id).to_string()
}

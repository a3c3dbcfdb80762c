//! A certificate request: what `request.json` holds, and the life-cycle
//! state machine (DESIGN §2) that decides which action is allowed when.

mod deploy_profile;

pub use deploy_profile::{DeployProfile, TargetKind};
use serde::{Deserialize, Serialize};

pub mod journal;
mod kind;
pub mod subject;
pub use kind::{Offer, RequestType, SanKind};

/// The states of DESIGN §2, as written in `request.json` (**contract**).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    New,
    KeysGenerated,
    RequestGenerated,
    Sent,
    CertificateImported,
    Rejected,
}

impl State {
    pub const ALL: [State; 6] = [
        State::New,
        State::KeysGenerated,
        State::RequestGenerated,
        State::Sent,
        State::CertificateImported,
        State::Rejected,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            State::New => "new",
            State::KeysGenerated => "keys_generated",
            State::RequestGenerated => "request_generated",
            State::Sent => "sent",
            State::CertificateImported => "certificate_imported",
            State::Rejected => "rejected",
        }
    }

    /// Text id of the state's name for people.
    pub fn label_id(self) -> &'static str {
        match self {
            State::New => "state.new",
            State::KeysGenerated => "state.keys_generated",
            State::RequestGenerated => "state.request_generated",
            State::Sent => "state.sent",
            State::CertificateImported => "state.certificate_imported",
            State::Rejected => "state.rejected",
        }
    }

    /// Whether `action` may be done in this state; when not, why.
    /// This table is the whole life cycle: both fronts ask it.
    /// The whole life-cycle table (DESIGN §2) in one place. `generation` is
    /// how the request was generated: a CSR for the portal has nothing to
    /// mail, so sending it is refused here, not by each front.
    pub fn check(self, action: Action, generation: Option<Generation>) -> Result<(), Refusal> {
        use Action as A;
        use State as S;
        let csr_only = generation == Some(Generation::CsrOnly);
        let allowed = matches!(
            (self, action),
            (S::New, A::GenerateKeys | A::EditForm | A::Delete)
                | (
                    S::KeysGenerated,
                    A::EditForm | A::ReplaceKeys | A::GenerateRequest | A::Delete
                )
                | (
                    S::RequestGenerated,
                    A::ImportResponse | A::RecordRejection | A::Delete
                )
                | (
                    S::Sent,
                    A::FetchResponse | A::ImportResponse | A::RecordRejection | A::Delete
                )
                | (
                    S::CertificateImported,
                    A::ExportPem | A::ExportP12 | A::Renew | A::Deploy
                )
                // A certificate for the request's key supersedes a
                // rejection (the import checks the key): DESIGN §2, §4a.
                | (S::Rejected, A::ImportResponse | A::Delete | A::Renew)
                // The key's password is not part of the request: it can
                // change whenever there is a key (DESIGN §9a).
                | (
                    S::KeysGenerated
                        | S::RequestGenerated
                        | S::Sent
                        | S::CertificateImported
                        | S::Rejected,
                    A::KeyPassword
                )
        ) || (self, action, csr_only) == (S::RequestGenerated, A::SendRequest, false);
        if allowed {
            Ok(())
        } else {
            Err(Refusal {
                state: self,
                action,
                csr_only,
            })
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    GenerateKeys,
    /// Generate keys again in `keys_generated` (asks confirmation / `--replace`).
    ReplaceKeys,
    EditForm,
    GenerateRequest,
    SendRequest,
    FetchResponse,
    ImportResponse,
    RecordRejection,
    ExportPem,
    ExportP12,
    /// New request pre-filled from this one ("renouveler" / "recommencer").
    Renew,
    Delete,
    /// A key and certificate obtained elsewhere, taken in as a new request.
    Adopt,
    /// Change, add or remove the key's password (`keys password`).
    KeyPassword,
    /// Install the certificate where a service reads it (DESIGN §4b).
    Deploy,
}

impl Action {
    pub const ALL: [Action; 15] = [
        Action::GenerateKeys,
        Action::ReplaceKeys,
        Action::EditForm,
        Action::GenerateRequest,
        Action::SendRequest,
        Action::FetchResponse,
        Action::ImportResponse,
        Action::RecordRejection,
        Action::ExportPem,
        Action::ExportP12,
        Action::Renew,
        Action::Delete,
        Action::Adopt,
        Action::KeyPassword,
        Action::Deploy,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Action::GenerateKeys => "keys_generate",
            Action::ReplaceKeys => "keys_replace",
            Action::EditForm => "form_edit",
            Action::GenerateRequest => "request_generate",
            Action::SendRequest => "request_send",
            Action::FetchResponse => "response_fetch",
            Action::ImportResponse => "response_import",
            Action::RecordRejection => "rejection",
            Action::ExportPem => "export_pem",
            Action::ExportP12 => "export_p12",
            Action::Renew => "renew",
            Action::Delete => "delete",
            Action::Adopt => "adopt",
            Action::KeyPassword => "key_password",
            Action::Deploy => "deploy",
        }
    }
}

/// An action refused by the life cycle; its message says what to do instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub struct Refusal {
    pub state: State,
    pub action: Action,
    /// The request is a CSR for the portal (nothing to mail).
    pub csr_only: bool,
}

crate::display_localized!(Refusal);

impl Refusal {
    pub fn localize(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::{t, tf};
        tf(
            lang,
            "err.refused",
            &[&t(lang, self.state.label_id()), &t(lang, self.reason_id())],
        )
    }

    /// Text id explaining the refusal: the missing step, or why it can never be done.
    pub fn reason_id(&self) -> &'static str {
        use Action as A;
        use State as S;
        match (self.state, self.action) {
            (S::RequestGenerated, A::SendRequest | A::FetchResponse) if self.csr_only => {
                "refuse.csr_only"
            }
            (_, A::Adopt) => "refuse.adopt_existing",
            (S::Rejected, _) => "refuse.rejected",
            (S::KeysGenerated, A::GenerateKeys) => "refuse.keys_exist",
            (
                S::RequestGenerated | S::Sent | S::CertificateImported,
                A::GenerateKeys | A::ReplaceKeys,
            ) => "refuse.keys_frozen",
            (S::RequestGenerated | S::Sent | S::CertificateImported, A::EditForm) => {
                "refuse.form_frozen"
            }
            (S::Sent | S::CertificateImported, A::GenerateRequest | A::SendRequest) => {
                "refuse.already_sent"
            }
            (S::RequestGenerated, A::GenerateRequest) => "refuse.already_generated",
            (S::CertificateImported, A::ImportResponse | A::FetchResponse | A::RecordRejection) => {
                "refuse.already_imported"
            }
            (S::CertificateImported, A::Delete) => "refuse.delete_certified",
            (S::New, _) => "refuse.need_keys",
            (S::KeysGenerated, _) => "refuse.need_request",
            (S::RequestGenerated, A::FetchResponse) => "refuse.need_send",
            (_, A::ExportPem | A::ExportP12 | A::Renew | A::Deploy) => "refuse.need_certificate",
            _ => "refuse.generic",
        }
    }
}

/// The form (Étape 2). For S/MIME, `cn` is the server's e-mail address.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Subject {
    pub c: Option<String>,
    pub st: Option<String>,
    pub l: Option<String>,
    pub o: Option<String>,
    pub ou: Option<String>,
    pub cn: Option<String>,
}

/// One line of a request's history. Never a secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalEntry {
    pub time: String,
    pub action: String,
    pub outcome: String,
}

/// How the request was generated (card `.p7m` to mail, or CSR for a portal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Generation {
    Card,
    CsrOnly,
}

/// `request.json` (**contract**, DESIGN §3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    pub version: u32,
    pub id: String,
    pub name: String,
    pub folder: String,
    #[serde(rename = "type")]
    pub kind: RequestType,
    pub state: State,
    pub key_bits: Option<u32>,
    pub key_encrypted: Option<bool>,
    pub subject: Subject,
    /// Extra names for the SAN (DNS for SSL), besides the CN.
    pub san: Vec<String>,
    pub created: String,
    pub updated: String,
    pub message_id: Option<String>,
    pub rejection_code: Option<String>,
    pub rejection_reason: Option<String>,
    /// Message-ID of the answer mail already used (never used twice).
    #[serde(default)]
    pub answer_message_id: Option<String>,
    #[serde(default)]
    pub generation: Option<Generation>,
    /// Wildcard names were allowed for this request (`--allow-wildcard`).
    #[serde(default)]
    pub allow_wildcard: bool,
    /// Id of the request this one renews or starts over (`request renew`).
    #[serde(default)]
    pub renews: Option<String>,
    /// Id of the request that renews this one.
    #[serde(default)]
    pub renewed_by: Option<String>,
    /// Where `deploy` installs the certificate (DESIGN §4b), saved by `--save`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deploy: Option<DeployProfile>,
    pub journal: Vec<JournalEntry>,
}

pub const REQUEST_VERSION: u32 = 1;

impl Request {
    /// Reads a `request.json` text (any text: the file may be damaged or foreign).
    /// `Err` says what is wrong; folder and name come from the directories.
    pub fn from_json(text: &str) -> std::result::Result<Request, String> {
        let req: Request = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if req.version != REQUEST_VERSION {
            return Err(format!("version {}", req.version));
        }
        Ok(req)
    }

    /// Whether `action` is allowed now ([`State::check`] with this request's route).
    pub fn check(&self, action: Action) -> Result<(), Refusal> {
        self.state.check(action, self.generation)
    }

    pub fn new(folder: &str, name: &str, kind: RequestType, now: &str) -> Request {
        Request {
            version: REQUEST_VERSION,
            id: uuid::Uuid::new_v4().to_string(),
            name: name.to_string(),
            folder: folder.to_string(),
            kind,
            state: State::New,
            key_bits: None,
            key_encrypted: None,
            subject: Subject {
                c: Some("FR".into()),
                ..Subject::default()
            },
            san: Vec::new(),
            created: now.to_string(),
            updated: now.to_string(),
            message_id: None,
            rejection_code: None,
            rejection_reason: None,
            answer_message_id: None,
            generation: None,
            allow_wildcard: false,
            renews: None,
            renewed_by: None,
            deploy: None,
            journal: Vec::new(),
        }
    }

    /// "Dossier/Demande", how users name a request on the command line.
    pub fn path(&self) -> String {
        format!("{}/{}", self.folder, self.name)
    }

    /// Moves to `to` after `action`, with a journal line.
    pub fn transition(&mut self, action: Action, to: State, outcome: &str, now: &str) {
        self.state = to;
        self.log(action, outcome, now);
    }

    /// Adds a journal line without changing state.
    pub fn log(&mut self, action: Action, outcome: &str, now: &str) {
        log::info!(
            "{} {} {}: {} -> {}",
            self.id,
            self.path(),
            action.as_str(),
            outcome,
            self.state.as_str()
        );
        self.updated = now.to_string();
        self.journal.push(JournalEntry {
            time: now.to_string(),
            action: action.as_str().to_string(),
            outcome: outcome.to_string(),
        });
    }

    /// The names the certificate must carry: CN then extra SAN names, without duplicates.
    pub fn names(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for n in self.subject.cn.iter().chain(self.san.iter()) {
            let n = n.to_ascii_lowercase();
            if !out.contains(&n) {
                out.push(n);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;

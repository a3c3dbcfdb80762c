//! What each step tab offers for a request: its buttons, whether each is
//! possible now and, when not, why (from the core's life cycle).

use super::action::{Action, Step};
use super::keymap::BINDINGS;
use cleocps_core::request::{Action as Op, Generation, Request, State};

pub struct Button {
    pub key: String,
    pub label: &'static str,
    pub action: Action,
    /// Text id of why it can't be done now.
    pub refusal: Option<&'static str>,
}

fn refusal(req: &Request, op: Op) -> Option<&'static str> {
    req.check(op).err().map(|r| r.reason_id())
}

/// Why a step's tab can't be used yet, if so.
pub fn step_refusal(req: &Request, step: Step) -> Option<&'static str> {
    match (step, req.state) {
        (Step::Final, State::New | State::KeysGenerated) => refusal(req, Op::ImportResponse),
        _ => None,
    }
}

/// Whether the request has a CSR on disk to show.
pub fn has_csr(req: &Request) -> bool {
    matches!(
        req.state,
        State::RequestGenerated | State::Sent | State::CertificateImported
    ) || (req.state == State::Rejected && req.generation.is_some())
}

/// The life-cycle operation a step action asks of the request: the one
/// table from the interface's actions to the core's operations. The keys
/// button replaces the keys when the request has some to replace.
pub fn operation(req: &Request, action: &Action) -> Option<Op> {
    Some(match action {
        Action::GenerateKeys if req.check(Op::ReplaceKeys).is_ok() => Op::ReplaceKeys,
        Action::GenerateKeys => Op::GenerateKeys,
        Action::EditForm => Op::EditForm,
        Action::GenerateRequest | Action::GenerateCsr | Action::GenerateCard => Op::GenerateRequest,
        Action::ImportResponse | Action::PasteAnswer => Op::ImportResponse,
        Action::RecordRejection => Op::RecordRejection,
        Action::ExportPem => Op::ExportPem,
        Action::ExportP12 => Op::ExportP12,
        Action::Renew => Op::Renew,
        Action::Deploy => Op::Deploy,
        Action::Send => Op::SendRequest,
        Action::Fetch | Action::FetchWait => Op::FetchResponse,
        _ => return None,
    })
}

fn why(req: &Request, action: &Action) -> Option<&'static str> {
    match action {
        Action::ShowCsr => (!has_csr(req)).then_some("refuse.need_request"),
        // The core's refusal; under the button, its short wording.
        Action::Send => req.check(Op::SendRequest).err().map(|r| {
            if r.csr_only {
                "tui.send.csr_only_short"
            } else {
                r.reason_id()
            }
        }),
        _ => refusal(req, operation(req, action)?),
    }
}

/// Whether the request allows `action` now (a step button's action).
pub fn possible(req: &Request, action: &Action) -> bool {
    why(req, action).is_none()
}

/// Whether a step's button is left out for `req`: the platform's `.p12`
/// once the request has its certificate, or when it went the card's road.
fn hidden(req: &Request, action: &Action) -> bool {
    matches!(action, Action::ImportPlatformP12)
        && (req.state == State::CertificateImported || req.generation == Some(Generation::Card))
}

/// The buttons of a step, in screen order, with their keys from the keymap.
pub fn buttons(req: &Request, step: Step) -> Vec<Button> {
    BINDINGS
        .iter()
        .filter(|b| b.step == Some(step) && !hidden(req, &b.action))
        .map(|b| Button {
            key: b
                .keys
                .first()
                .map(|k| super::keymap::key_name(crate::i18n::Lang::En, k))
                .unwrap_or_default(),
            label: b.hint,
            action: b.action.clone(),
            refusal: why(req, &b.action),
        })
        .collect()
}

/// What Enter does in a step: the next sensible thing that is possible.
pub fn primary(req: &Request, step: Step) -> Option<Action> {
    let order: &[Action] = match step {
        Step::Init => &[Action::GenerateKeys],
        Step::Request if cleocps_core::procedure::form_complete(req).is_err() => {
            &[Action::EditForm, Action::ShowCsr]
        }
        Step::Request => &[
            Action::GenerateRequest,
            Action::Send,
            Action::EditForm,
            Action::ShowCsr,
        ],
        // Rejected: "recommencer"; importing a late certificate stays on i.
        Step::Final if req.state == State::Rejected => &[Action::Renew],
        Step::Final => &[
            Action::Fetch,
            Action::ImportResponse,
            Action::ExportP12,
            Action::Renew,
        ],
    };
    order.iter().find(|a| why(req, a).is_none()).cloned()
}

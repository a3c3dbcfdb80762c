//! A rejection recorded: from an answer mail that counts (DESIGN §4a), or
//! by hand with `response reject` for one read outside cleocps (DESIGN §2).

use super::now;
use crate::error::{Error, Result};
use crate::request::{Action, Request, State};
use crate::workspace::Workspace;

/// The longest rejection code accepted.
pub const CODE_MAX: usize = 40;
/// The longest reason kept (characters); longer text is cut.
pub const REASON_MAX: usize = 2000;

/// Whether `code` looks like a rejection code: `A`–`Z`, digits, `_`, 1 to 40.
pub fn valid_code(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= CODE_MAX
        && code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

/// The reason as kept: terminal controls removed, trimmed, bounded.
pub fn clean_reason(reason: &str) -> String {
    let text = crate::sanitize::text(reason);
    let text = text.trim();
    match text.char_indices().nth(REASON_MAX) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// Records the rejection: state `rejected`, code and reason kept, a journal
/// line saying where it came from (`source`). `answer_id`: the answer mail's
/// Message-ID, never used again.
pub fn record_rejection(
    ws: &Workspace,
    path: &str,
    code: &str,
    reason: &str,
    source: &str,
    answer_id: Option<&str>,
) -> Result<Request> {
    if !valid_code(code) {
        return Err(Error::Usage(
            "the rejection code is made of A-Z, digits and _ (at most 40), e.g. ADMIN_INCONNU",
        ));
    }
    let reason = clean_reason(reason);
    let _lock = ws.lock()?;
    let mut req = ws.find(path)?;
    req.check(Action::RecordRejection)?;
    req.rejection_code = Some(code.to_string());
    req.rejection_reason = (!reason.is_empty()).then_some(reason);
    if let Some(id) = answer_id {
        req.answer_message_id = Some(id.to_string());
    }
    req.transition(
        Action::RecordRejection,
        State::Rejected,
        &format!("REJET: {code} ({source})"),
        &now(),
    );
    ws.save(&req)?;
    // A wizard run's passwords stay: its key is sealed under one of them,
    // and a certificate for that key may still supersede the rejection.
    Ok(req)
}

/// `response reject`: a rejection read outside cleocps (portal, phone, mail
/// elsewhere), from `request_generated` or `sent`.
pub fn reject_by_hand(ws: &Workspace, path: &str, code: &str, reason: &str) -> Result<Request> {
    record_rejection(ws, path, code, reason, "recorded by hand", None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_reasons() {
        assert!(valid_code("ADMIN_INCONNU"));
        assert!(valid_code("E42"));
        for bad in ["", "admin", "A B", "A-B", "É", &"A".repeat(41)] {
            assert!(!valid_code(bad), "{bad:?}");
        }
        assert_eq!(clean_reason("  a\u{1b}[31mb\n c "), "a[31mb\n c");
        assert_eq!(
            clean_reason(&"é".repeat(3000)).chars().count(),
            REASON_MAX + 1
        );
    }
}

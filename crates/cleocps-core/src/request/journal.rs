//! The journal in the user's language. `request.json` keeps each outcome
//! as written (English, stable for scripts); the fronts show it through
//! [`outcome`], which reads the shapes the core writes and says them in
//! French when asked. An outcome of another shape is shown as it is.

use super::JournalEntry;
use crate::i18n::{t, tf, Lang};

/// The entry's outcome in `lang`.
pub fn outcome(lang: Lang, entry: &JournalEntry) -> String {
    let o = entry.outcome.as_str();
    if lang == Lang::En {
        return o.to_string();
    }
    translated(lang, &entry.action, o).unwrap_or_else(|| o.to_string())
}

/// The entry's action in `lang`: a name for people in French, the code
/// (`keys_generate`…) in English, as `request.json` writes it.
pub fn action(lang: Lang, entry: &JournalEntry) -> String {
    let id = match entry.action.as_str() {
        "keys_generate" => "jn.act.keys_generate",
        "keys_replace" => "jn.act.keys_replace",
        "form_edit" => "jn.act.form_edit",
        "request_generate" => "jn.act.request_generate",
        "request_send" => "jn.act.request_send",
        "response_fetch" => "jn.act.response_fetch",
        "response_import" => "jn.act.response_import",
        "rejection" => "jn.act.rejection",
        "export_pem" => "jn.act.export_pem",
        "export_p12" => "jn.act.export_p12",
        "renew" => "jn.act.renew",
        "delete" => "jn.act.delete",
        "adopt" => "jn.act.adopt",
        "key_password" => "jn.act.key_password",
        "deploy" => "jn.act.deploy",
        _ => return entry.action.clone(),
    };
    if lang == Lang::En {
        entry.action.clone()
    } else {
        t(lang, id).to_string()
    }
}

fn translated(lang: Lang, action: &str, o: &str) -> Option<String> {
    let words: Vec<&str> = o.split(' ').collect();
    Some(match (action, words.as_slice()) {
        ("keys_generate" | "keys_replace", ["RSA", bits, "encrypted"]) => {
            tf(lang, "jn.rsa_encrypted", &[bits])
        }
        ("keys_generate" | "keys_replace", ["RSA", bits, "clear"]) => {
            tf(lang, "jn.rsa_clear", &[bits])
        }
        ("request_generate", ["csr-only"]) => t(lang, "jn.csr_only").to_string(),
        ("request_generate", ["card", label, "holder", id]) => tf(lang, "jn.card", &[label, id]),
        (_, ["ok"]) => t(lang, "jn.ok").to_string(),
        ("response_import" | "adopt", ["serial", serial, "until", rest @ ..]) => {
            let until = rest.join(" ");
            match until.split_once(", supersedes REJET: ") {
                Some((date, code)) => tf(lang, "jn.serial_supersedes", &[serial, &date, &code]),
                None => tf(lang, "jn.serial_until", &[serial, &until]),
            }
        }
        ("deploy", ["serial", serial, "to", ..]) => {
            let rest = o.strip_prefix(&format!("serial {serial} to "))?;
            let (targets, what) = rest.rsplit_once(": ")?;
            let what_id = match what {
                "deployed" => "jn.deployed",
                "check failed, previous files restored, nothing reloaded" => "jn.check_failed",
                "reload failed, previous files restored and reloaded" => "jn.reload_failed",
                _ => return None,
            };
            tf(lang, "jn.deploy", &[serial, &targets, &t(lang, what_id)])
        }
        ("request_send", [way, "to", addr, id]) => tf(lang, "jn.sent", &[way, addr, id]),
        ("response_fetch", ["answer", id]) => tf(lang, "jn.answer", &[id]),
        ("export_p12", ["legacy", ..]) => {
            tf(lang, "jn.p12_legacy", &[&o["legacy ".len()..].to_string()])
        }
        ("export_p12", ["modern", ..]) => {
            tf(lang, "jn.p12_modern", &[&o["modern ".len()..].to_string()])
        }
        ("renew", ["from", ..]) => tf(lang, "jn.renews", &[&o["from ".len()..].to_string()]),
        ("renew", ["to", ..]) => tf(lang, "jn.renewed_by", &[&o["to ".len()..].to_string()]),
        ("key_password", ["password", change]) => t(
            lang,
            match *change {
                "changed" => "jn.password_changed",
                "added" => "jn.password_added",
                "removed" => "jn.password_removed",
                _ => return None,
            },
        )
        .to_string(),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fr(action: &str, outcome: &str) -> String {
        let entry = JournalEntry {
            time: "t".into(),
            action: action.into(),
            outcome: outcome.into(),
        };
        super::outcome(Lang::Fr, &entry)
    }

    #[test]
    fn the_core_outcomes_read_in_french() {
        assert_eq!(
            fr("keys_generate", "RSA 4096 encrypted"),
            "RSA 4096 bits, clé chiffrée"
        );
        assert_eq!(
            fr("request_generate", "csr-only"),
            "demande PKCS#10 seule (plateforme)"
        );
        assert_eq!(fr("form_edit", "ok"), "fait");
        assert_eq!(
            fr(
                "response_import",
                "serial 4848EB09 until 2029-03-01T00:00:00Z"
            ),
            "numéro de série 4848EB09, valable jusqu'au 2029-03-01T00:00:00Z"
        );
        assert_eq!(
            fr("deploy", "serial 4A to /etc/a.crt,/etc/b key.pem: deployed"),
            "numéro de série 4A vers /etc/a.crt,/etc/b key.pem : déployé"
        );
        assert_eq!(
            fr("export_p12", "modern /tmp/x y.p12"),
            "PKCS#12 (AES) /tmp/x y.p12"
        );
        assert_eq!(fr("renew", "from F/old"), "renouvelle F/old");
        // Another shape stays as written; English is the file's own text.
        assert_eq!(fr("deploy", "something new"), "something new");
        let entry = JournalEntry {
            time: "t".into(),
            action: "form_edit".into(),
            outcome: "ok".into(),
        };
        assert_eq!(outcome(Lang::En, &entry), "ok");
    }
}

//! The card part of `doctor`: each link from the module to the signature
//! certificate checked and, when broken, what to do.

use super::{discovery::CPS_DEFAULTS, expired, find_module, holder_of, open, rfc3339, CardOptions};
use crate::i18n::{current, t, tf, Lang};
use serde::Serialize;
use std::path::Path;
use std::time::SystemTime;

const PCSCD_SOCKET: &str = "/run/pcscd/pcscd.comm";

#[derive(Debug, Clone, Serialize)]
pub struct Check {
    pub name: String,
    pub ok: bool,
    pub detail: String,
    pub fix: Option<String>,
}

fn check(name: &str, ok: bool, detail: String, fix: Option<String>) -> Check {
    Check {
        name: name.to_string(),
        ok,
        detail,
        fix: if ok { None } else { fix },
    }
}

/// Runs the checks in order; stops at the first one the others depend on.
pub fn doctor(opts: &CardOptions) -> Vec<Check> {
    let lang = current();
    let mut out = Vec::new();
    if opts.soft_token.is_none() && !module_checks(lang, opts, &mut out) {
        return out;
    }
    let token = match open(opts) {
        Ok(tok) => tok,
        Err(e) => {
            out.push(check(
                "token",
                false,
                e.localize(lang),
                Some(t(lang, "card.fix.token").to_string()),
            ));
            return out;
        }
    };
    match token.info() {
        Ok(info) => out.push(check("token", true, info.label, None)),
        Err(e) => out.push(check("token", false, e.localize(lang), None)),
    }
    match token.signature_certificate() {
        Ok(cert) => {
            let holder = holder_of(&cert);
            out.push(check("signature_certificate", true, holder.id, None));
            let not_after = cert.tbs_certificate.validity.not_after.to_system_time();
            let valid = !expired(&cert, SystemTime::now());
            out.push(check(
                "certificate_valid",
                valid,
                rfc3339(not_after),
                Some(t(lang, "card.fix.expired").to_string()),
            ));
        }
        Err(e) => out.push(check(
            "signature_certificate",
            false,
            e.localize(lang),
            Some(t(lang, "card.fix.certificate").to_string()),
        )),
    }
    out
}

/// The PKCS#11 module, how it is reached (an ssh forwarding) and, for the
/// CPS card's own module, pcscd. False when no module was found: nothing
/// after can be checked.
fn module_checks(lang: Lang, opts: &CardOptions, out: &mut Vec<Check>) -> bool {
    match find_module(opts) {
        Ok(module) => {
            out.push(check("module", true, module.display().to_string(), None));
            if module == super::discovery::p11kit_client() {
                if let Some(fwd) = super::forwarding() {
                    let detail = tf(lang, "card.doctor.forwarded", &[&fwd.socket.display()]);
                    out.push(check("ssh_forwarding", true, detail, None));
                }
            }
            let is_cps = CPS_DEFAULTS.iter().any(|d| module == Path::new(d))
                || module
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().contains("cps3_pkcs11"));
            if is_cps {
                let present = Path::new(PCSCD_SOCKET).exists();
                out.push(check(
                    "pcscd",
                    present,
                    PCSCD_SOCKET.to_string(),
                    Some(t(lang, "card.fix.pcscd").to_string()),
                ));
            }
            true
        }
        Err(e) => {
            let (name, fix) = match e {
                super::CardError::ForwardingDead { .. } => {
                    ("ssh_forwarding", "card.fix.forwarding")
                }
                _ => ("module", "card.fix.module"),
            };
            out.push(check(
                name,
                false,
                e.localize(lang),
                Some(t(lang, fix).to_string()),
            ));
            false
        }
    }
}

//! Étape 2's form: checking fields for inline display, and applying an edit.

use super::{now, Notice};
use crate::error::{Error, Result};
use crate::request::{subject, Action, Request, RequestType, SanKind};
use crate::validate::{self, StructureId};
use crate::workspace::Workspace;

/// Changes to the form; `None` leaves a field as it is, `Some("")` clears it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormEdit {
    pub cn: Option<String>,
    pub email: Option<String>,
    pub san: Option<Vec<String>>,
    pub o: Option<String>,
    pub ou: Option<String>,
    pub st: Option<String>,
    pub l: Option<String>,
    pub c: Option<String>,
    pub allow_wildcard: bool,
}

/// A problem with one field of the form, for inline display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: &'static str,
    pub problem_id: &'static str,
    /// A warning lets the form be applied.
    pub warning: bool,
}

/// Whether the form holds what a CSR cannot be made without: the CN of an
/// SSL request, the e-mail of an S/MIME one. The refusal names that field.
/// Both fronts ask this before offering to generate; the CSR asks it too.
pub fn form_complete(req: &Request) -> Result<()> {
    if req.subject.cn.as_deref().is_some_and(|cn| !cn.is_empty()) {
        return Ok(());
    }
    Err(Error::FormIncomplete(req.kind.cn_field()))
}

/// Checks the fields an edit sets, without touching anything: the form's
/// rules, the one function behind the interface's inline check and
/// "Appliquer modifications" of both fronts. `edit.allow_wildcard` is the
/// request's permission (see [`edit_form`]).
pub fn check_form(kind: RequestType, edit: &FormEdit) -> Vec<FieldProblem> {
    let mut out = Vec::new();
    let mut push = |field, problem: validate::Problem, warning| {
        out.push(FieldProblem {
            field,
            problem_id: problem.id,
            warning,
        })
    };
    let set = |v: &Option<String>| v.as_deref().filter(|s| !s.is_empty()).map(str::to_string);
    let extra_names = edit.san.iter().flatten().any(|s| !s.is_empty());
    match kind.san_kind() {
        SanKind::Dns => {
            if let Some(cn) = set(&edit.cn) {
                if let Err(p) = validate::fqdn(&cn, edit.allow_wildcard) {
                    push("field.cn", p, false);
                }
            }
            if set(&edit.email).is_some() {
                push("field.email", problem("val.email.ssl"), false);
            }
            for name in edit.san.iter().flatten().filter(|s| !s.is_empty()) {
                if let Err(p) = validate::fqdn(name, edit.allow_wildcard) {
                    push("field.san", p, false);
                }
            }
        }
        SanKind::Email => {
            for (field, v) in [("field.email", &edit.email), ("field.email", &edit.cn)] {
                if let Some(mail) = set(v) {
                    if let Err(p) = validate::email(&mail) {
                        push(field, p, false);
                    }
                }
            }
            if extra_names {
                push("field.san", problem("val.san.smime"), false);
            }
        }
        SanKind::None => {
            if let Some(cn) = set(&edit.cn) {
                if let Err(p) = subject::service_name(&cn) {
                    push("field.service", p, false);
                }
                for id in subject::subject_warnings(kind, Some(&cn)) {
                    push("field.service", problem(id), true);
                }
            }
            if set(&edit.email).is_some() {
                push("field.email", problem("val.email.org"), false);
            }
            if extra_names {
                push("field.san", problem("val.san.org"), false);
            }
        }
    }
    if let Some(ou) = set(&edit.ou) {
        match validate::structure_id(&ou) {
            Ok(StructureId::Valid) => {}
            Ok(StructureId::Unusual(p)) => push("field.ou", p, true),
            Err(p) => push("field.ou", p, false),
        }
    }
    if let Some(c) = set(&edit.c) {
        if let Err(p) = validate::country(&c) {
            push("field.c", p, false);
        }
    }
    for (field, v) in [
        ("field.o", &edit.o),
        ("field.st", &edit.st),
        ("field.l", &edit.l),
    ] {
        if let Some(text) = v.as_deref().filter(|s| !s.is_empty()) {
            if let Err(p) = validate::text_field(text) {
                push(field, p, false);
            }
        }
    }
    out
}

fn problem(id: &'static str) -> validate::Problem {
    validate::Problem { id }
}

/// Applies an edit to the form ("Appliquer modifications").
pub fn edit_form(ws: &Workspace, path: &str, edit: &FormEdit) -> Result<(Request, Vec<Notice>)> {
    let _lock = ws.lock()?;
    let mut req = ws.find(path)?;
    req.check(Action::EditForm)?;
    // A request once allowed wildcards keeps that permission.
    let edit = &FormEdit {
        allow_wildcard: edit.allow_wildcard || req.allow_wildcard,
        ..edit.clone()
    };
    let problems = check_form(req.kind, edit);
    if let Some(p) = problems.iter().find(|p| !p.warning) {
        return Err(Error::Invalid {
            field: p.field,
            problem: problem(p.problem_id),
        });
    }
    let notices = problems.iter().map(|p| Notice(p.problem_id)).collect();
    let apply = |slot: &mut Option<String>, v: &Option<String>| {
        if let Some(v) = v {
            let v = v.trim();
            *slot = (!v.is_empty()).then(|| v.to_string());
        }
    };
    let s = &mut req.subject;
    match req.kind.san_kind() {
        SanKind::Dns => {
            let cn = edit
                .cn
                .as_ref()
                .map(|c| c.trim().trim_end_matches('.').to_lowercase());
            apply(&mut s.cn, &cn);
        }
        SanKind::Email => {
            apply(&mut s.cn, &edit.cn);
            apply(&mut s.cn, &edit.email);
        }
        // A service name is kept as typed: INSi compares it exactly.
        SanKind::None => apply(&mut s.cn, &edit.cn),
    }
    apply(&mut s.o, &edit.o);
    apply(&mut s.ou, &edit.ou);
    apply(&mut s.st, &edit.st);
    apply(&mut s.l, &edit.l);
    if let Some(c) = &edit.c {
        s.c = (!c.trim().is_empty()).then(|| c.trim().to_string());
    }
    if let Some(san) = &edit.san {
        let mut names: Vec<String> = Vec::new();
        for n in san
            .iter()
            .map(|n| n.trim().trim_end_matches('.').to_lowercase())
        {
            if !n.is_empty() && !names.contains(&n) {
                names.push(n);
            }
        }
        req.san = names;
    }
    req.allow_wildcard |= edit.allow_wildcard;
    req.log(Action::EditForm, "ok", &now());
    ws.save(&req)?;
    Ok((req, notices))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_is_complete_with_its_cn_or_email_and_the_refusal_names_it() {
        let mut ssl = Request::new("F", "r", RequestType::Ssl, "2026-01-01T00:00:00Z");
        assert!(matches!(
            form_complete(&ssl),
            Err(Error::FormIncomplete("field.cn"))
        ));
        ssl.subject.cn = Some(String::new());
        assert!(form_complete(&ssl).is_err(), "an empty CN is missing too");
        ssl.subject.cn = Some("srv.example.fr".into());
        assert!(form_complete(&ssl).is_ok());
        let smime = Request::new("F", "m", RequestType::Smime, "2026-01-01T00:00:00Z");
        assert!(matches!(
            form_complete(&smime),
            Err(Error::FormIncomplete("field.email"))
        ));
    }
}

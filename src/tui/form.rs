//! The Étape 2 form while *Modifier* is on: one tui-input per field and the
//! inline problems of what is typed.

use super::action::FormValues;
use cleocps_core::procedure::{self, FormEdit};
use cleocps_core::request::{subject, Request, RequestType, SanKind};
use tui_input::Input;

/// A field of the form; `id` is its label's text id (shared with the core's errors).
#[derive(Debug, Clone)]
pub struct Field {
    pub id: &'static str,
    pub input: Input,
}

/// A problem under a field: an error blocks *Appliquer*, a warning does not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: &'static str,
    pub problem: &'static str,
    pub warning: bool,
}

#[derive(Debug, Clone)]
pub struct Form {
    pub path: String,
    pub kind: RequestType,
    /// The request may name wildcards (`--allow-wildcard`): the same rule
    /// for the inline check as for *Appliquer*.
    pub allow_wildcard: bool,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub problems: Vec<FieldProblem>,
}

/// The fields in screen order; the first is the server's name or e-mail.
pub fn field_ids(kind: RequestType) -> &'static [&'static str] {
    match kind {
        RequestType::Ssl | RequestType::ServSign | RequestType::ServConf => &[
            "field.cn",
            "field.san",
            "field.o",
            "field.ou",
            "field.l",
            "field.st",
            "field.c",
        ],
        RequestType::Smime => &[
            "field.email",
            "field.o",
            "field.ou",
            "field.l",
            "field.st",
            "field.c",
        ],
        RequestType::OrgAuthCli | RequestType::OrgSign | RequestType::OrgConf => &[
            "field.service",
            "field.o",
            "field.ou",
            "field.l",
            "field.st",
            "field.c",
        ],
    }
}

/// The value a request holds for a field, as the form shows it.
pub fn current_value(req: &Request, id: &str) -> String {
    let s = &req.subject;
    let v = match id {
        "field.cn" | "field.email" | "field.service" => s.cn.clone(),
        "field.san" => Some(req.san.join(", ")),
        "field.o" => s.o.clone(),
        "field.ou" => s.ou.clone(),
        "field.l" => s.l.clone(),
        "field.st" => s.st.clone(),
        "field.c" => s.c.clone(),
        _ => None,
    };
    v.unwrap_or_default()
}

impl Form {
    pub fn open(req: &Request) -> Form {
        let fields = field_ids(req.kind)
            .iter()
            .map(|&id| Field {
                id,
                input: Input::new(current_value(req, id)),
            })
            .collect();
        let mut form = Form {
            path: req.path(),
            kind: req.kind,
            allow_wildcard: req.allow_wildcard,
            fields,
            focus: 0,
            problems: Vec::new(),
        };
        form.recheck();
        form
    }

    /// Checks what is typed again (after each key), with the core's rules.
    pub fn recheck(&mut self) {
        self.problems = check(self.kind, &self.values(), self.allow_wildcard);
    }

    fn get(&self, id: &str) -> String {
        self.fields
            .iter()
            .find(|f| f.id == id)
            .map(|f| f.input.value().trim().to_string())
            .unwrap_or_default()
    }

    pub fn values(&self) -> FormValues {
        let cn = match self.kind.san_kind() {
            SanKind::Dns => self.get("field.cn").to_ascii_lowercase(),
            SanKind::Email => self.get("field.email"),
            SanKind::None => self.get("field.service"),
        };
        FormValues {
            cn,
            san: self
                .get("field.san")
                .split([',', ' '])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_ascii_lowercase)
                .collect(),
            o: self.get("field.o"),
            ou: self.get("field.ou"),
            st: self.get("field.st"),
            l: self.get("field.l"),
            c: self.get("field.c"),
        }
    }

    /// Puts the next name the type offers (INSi's `INSI-AUTO`, then
    /// `INSI-MANU`) in the name field, and focuses it.
    pub fn next_offered_name(&mut self) {
        let offered = subject::offered_cns(self.kind);
        let Some(i) = self.fields.iter().position(|f| f.id == "field.service") else {
            return;
        };
        if offered.is_empty() {
            return;
        }
        let now = self.fields[i].input.value().trim().to_string();
        let next = offered
            .iter()
            .position(|&n| n == now)
            .map_or(0, |p| (p + 1) % offered.len());
        self.fields[i].input = Input::new(offered[next].to_string());
        self.focus = i;
        self.recheck();
    }

    /// Whether *Appliquer* may go ahead (warnings do not stop it).
    pub fn blocking(&self) -> bool {
        self.problems.iter().any(|p| !p.warning)
    }

    /// The problems of one field.
    pub fn problems_of<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a FieldProblem> + 'a {
        self.problems.iter().filter(move |p| p.field == id)
    }
}

/// Inline validation, with the core's rules (the same as the CLI's and as
/// *Appliquer*'s). Pure: `update` calls it on every key.
pub fn check(kind: RequestType, v: &FormValues, allow_wildcard: bool) -> Vec<FieldProblem> {
    procedure::check_form(kind, &to_edit(kind, v, allow_wildcard))
        .into_iter()
        .map(|p| FieldProblem {
            field: p.field,
            problem: p.problem_id,
            warning: p.warning,
        })
        .collect()
}

/// The form's values as the core's edit (for the check and for the job).
pub fn to_edit(kind: RequestType, v: &FormValues, allow_wildcard: bool) -> FormEdit {
    let (cn, email, san) = match kind.san_kind() {
        SanKind::Dns => (Some(v.cn.clone()), None, Some(v.san.clone())),
        SanKind::Email => (None, Some(v.cn.clone()), None),
        SanKind::None => (Some(v.cn.clone()), None, None),
    };
    FormEdit {
        cn,
        email,
        san,
        o: Some(v.o.clone()),
        ou: Some(v.ou.clone()),
        st: Some(v.st.clone()),
        l: Some(v.l.clone()),
        c: Some(v.c.clone()),
        allow_wildcard,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tui_input::InputRequest;

    fn typed(form: &mut Form, text: &str) {
        let field = &mut form.fields[form.focus];
        field.input.handle(InputRequest::DeleteLine);
        for c in text.chars() {
            field.input.handle(InputRequest::InsertChar(c));
        }
        form.recheck();
    }

    #[test]
    fn a_wildcard_blocks_unless_the_request_allows_it() {
        let mut req = Request::new("D", "R", RequestType::Ssl, "t");
        let mut form = Form::open(&req);
        typed(&mut form, "*.clinique.example.fr");
        // Typing a wildcard does not grant the permission (Submit would refuse it).
        assert!(form.blocking(), "{:?}", form.problems);
        req.allow_wildcard = true;
        let mut form = Form::open(&req);
        typed(&mut form, "*.clinique.example.fr");
        assert!(!form.blocking(), "{:?}", form.problems);
    }
}

//! What saving writes: the changed keys as `config set` takes them (an
//! emptied field is `null`: the key goes and its default applies), a server
//! section emptied as a whole goes whole — or the problems that stop it,
//! found before the core's own check (which names keys, not fields).

use super::{server_of, ConfigField, ConfigScreen, Kind, Part, SERVERS};

/// A key and its value for [`cleocps_core::config::set_values`].
pub type Pair = (String, String);

/// A field's key and the text id of what is wrong with it.
pub type Problem = (&'static str, &'static str);

fn or_null(v: &str) -> String {
    if v.is_empty() {
        "null".to_string()
    } else {
        v.to_string()
    }
}

fn bad_port(f: &ConfigField) -> bool {
    f.spec.kind == Kind::Port
        && !f.value().is_empty()
        && !f.value().parse::<u16>().is_ok_and(|p| p > 0)
}

fn bad_days(f: &ConfigField) -> bool {
    let max = cleocps_core::revocation::MAX_UNKNOWN_DAYS;
    f.spec.kind == Kind::Days
        && !f.value().is_empty()
        && !f
            .value()
            .parse::<u32>()
            .is_ok_and(|d| (1..=max).contains(&d))
}

impl ConfigScreen {
    /// The changed keys and values, and the problems found. A server
    /// section with a problem is left out of the pairs (as it is on disk).
    pub fn pairs(&self) -> (Vec<Pair>, Vec<Problem>) {
        let mut pairs = Vec::new();
        let mut problems = Vec::new();
        for (server, required) in SERVERS {
            let mine: Vec<&ConfigField> = self
                .fields
                .iter()
                .filter(|f| server_of(f.spec.key) == Some(*server))
                .collect();
            // The security is always shown: it alone doesn't make a section.
            let filled =
                |f: &&ConfigField, v: &str| f.spec.kind.choices().is_none() && !v.is_empty();
            let now = mine.iter().any(|f| filled(f, f.value()));
            let before = mine.iter().any(|f| filled(f, f.initial.trim()));
            if !now {
                if before {
                    pairs.push((server.to_string(), "null".to_string()));
                }
                continue;
            }
            let mut found: Vec<Problem> = required
                .iter()
                .filter(|k| {
                    mine.iter()
                        .any(|f| f.spec.key == **k && f.value().is_empty())
                })
                .map(|k| (*k, "tui.cfg.required"))
                .collect();
            found.extend(
                mine.iter()
                    .filter(|f| bad_port(f))
                    .map(|f| (f.spec.key, "tui.cfg.bad_port")),
            );
            if !found.is_empty() {
                problems.extend(found);
                continue;
            }
            pairs.extend(
                mine.iter()
                    .filter(|f| f.changed())
                    .map(|f| (f.spec.key.to_string(), or_null(f.value()))),
            );
        }
        let days: Vec<Problem> = self
            .fields
            .iter()
            .filter(|f| bad_days(f))
            .map(|f| (f.spec.key, "tui.cfg.bad_days"))
            .collect();
        problems.extend(days);
        pairs.extend(
            self.fields
                .iter()
                .filter(|f| server_of(f.spec.key).is_none() && f.changed() && !bad_days(f))
                .map(|f| (f.spec.key.to_string(), or_null(f.value()))),
        );
        (pairs, problems)
    }

    /// The problems of one section only (a test needs its own section right).
    pub fn problems_in(&self, part: Part) -> Vec<Problem> {
        self.pairs()
            .1
            .into_iter()
            .filter(|(key, _)| {
                self.fields
                    .iter()
                    .any(|f| f.spec.key == *key && f.spec.part == part)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::ConfigScreen;
    use cleocps_core::config::Config;
    use std::path::Path;

    fn screen(json: &str) -> ConfigScreen {
        let config = Config::parse(Path::new("c.json"), json).expect("config");
        ConfigScreen::open(&config, None)
    }

    fn set(s: &mut ConfigScreen, key: &str, value: &str) {
        assert!(s.focus_key(key), "{key}");
        let f = s.field_mut().expect("field");
        f.input = tui_input::Input::new(value.to_string());
    }

    fn pair(k: &str, v: &str) -> (String, String) {
        (k.to_string(), v.to_string())
    }

    #[test]
    fn only_changed_keys_and_emptied_ones_as_null() {
        let mut s = screen(r#"{"mail_from":"a@b.fr","subject_defaults":{"o":"X"}}"#);
        assert_eq!(s.pairs(), (vec![], vec![]));
        set(&mut s, "mail_from", "");
        set(&mut s, "subject_defaults.ou", "1234567890");
        let (pairs, problems) = s.pairs();
        assert!(problems.is_empty());
        assert_eq!(
            pairs,
            vec![
                pair("mail_from", "null"),
                pair("subject_defaults.ou", "1234567890")
            ]
        );
    }

    #[test]
    fn a_server_section_emptied_goes_whole_and_a_half_one_is_refused() {
        let mut s = screen(r#"{"imap":{"host":"h","user":"u","port":993}}"#);
        for key in ["imap.host", "imap.user", "imap.port"] {
            set(&mut s, key, "");
        }
        assert_eq!(s.pairs(), (vec![pair("imap", "null")], vec![]));
        set(&mut s, "imap.port", "99999");
        let (pairs, problems) = s.pairs();
        assert!(pairs.is_empty(), "{pairs:?}");
        assert_eq!(
            problems,
            vec![
                ("imap.host", "tui.cfg.required"),
                ("imap.user", "tui.cfg.required"),
                ("imap.port", "tui.cfg.bad_port")
            ]
        );
        assert_eq!(s.problems_in(super::Part::Sending), vec![]);
    }
}

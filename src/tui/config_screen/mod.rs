//! The configuration screen's state (key `C`, the palette, the first run):
//! the fields of `config.json` by section, which one has the focus, what
//! "Tester" found, and what saving refused. It covers the tree and the
//! pane while open, as the CleoWizard screen does.
//!
//! - `fields`: the table of fields (key, label, section, kind);
//! - `pairs`: what saving writes (the changed keys), or why not.

mod fields;
mod pairs;

pub use fields::{initial, server_of, Kind, Part, Spec, SERVERS, SPECS};

use cleocps_core::config::Config;
use std::collections::HashMap;
use std::path::PathBuf;
use tui_input::Input;

/// A field and the value it had when the screen opened (or last saved).
#[derive(Debug, Clone)]
pub struct ConfigField {
    pub spec: Spec,
    pub input: Input,
    pub initial: String,
}

impl ConfigField {
    pub fn value(&self) -> &str {
        self.input.value().trim()
    }

    pub fn changed(&self) -> bool {
        self.value() != self.initial.trim()
    }
}

/// One check "Tester" ran: the service it reached and what it said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tested {
    /// "IMAP 127.0.0.1:993", "LDAP ldap://annuaire…", "certificat d'inscription".
    pub service: String,
    pub ok: bool,
    pub detail: String,
}

/// What "Tester" brought for a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Checks(Vec<Tested>),
    /// The section names no server, program or file to check.
    Nothing,
    /// The values could not be read as a configuration (the message says why).
    Refused(String),
}

/// What the focus can be on: a field, or a section's "Tester" line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Field(usize),
    Test(Part),
}

#[derive(Debug, Clone)]
pub struct ConfigScreen {
    /// Where it is saved (`--config`, `$CLEOCPS_CONFIG`, the XDG path);
    /// `None` when there is no home to put it in.
    pub path: Option<PathBuf>,
    pub fields: Vec<ConfigField>,
    /// Index in [`ConfigScreen::items`].
    pub focus: usize,
    pub results: HashMap<Part, Outcome>,
    /// The section whose test runs.
    pub testing: Option<Part>,
    /// Field problems found when saving: key, message.
    pub problems: Vec<(&'static str, String)>,
    /// Why the last save failed, in the user's language.
    pub error: Option<String>,
    /// Said once saved.
    pub saved: Option<String>,
    /// Échap was pressed with unsaved changes: a second one leaves.
    pub leaving: bool,
    /// Opened because there was no configuration yet (said in the first section).
    pub first_run: bool,
}

impl ConfigScreen {
    pub fn open(config: &Config, path: Option<PathBuf>) -> ConfigScreen {
        ConfigScreen {
            path,
            fields: SPECS
                .iter()
                .map(|spec| {
                    let initial = initial(config, spec);
                    ConfigField {
                        spec: *spec,
                        input: Input::new(initial.clone()),
                        initial,
                    }
                })
                .collect(),
            focus: 0,
            results: HashMap::new(),
            testing: None,
            problems: Vec::new(),
            error: None,
            saved: None,
            leaving: false,
            first_run: false,
        }
    }

    /// Takes the saved configuration as the new starting point.
    pub fn saved_as(&mut self, config: &Config) {
        for f in &mut self.fields {
            f.initial = initial(config, &f.spec);
            f.input = Input::new(f.initial.clone());
        }
        self.problems.clear();
        self.error = None;
        self.leaving = false;
    }

    /// Everything the focus goes through, in order: each section's fields,
    /// then its "Tester" line when it has something to test.
    pub fn items(&self) -> Vec<Item> {
        let mut out = Vec::new();
        for part in Part::ALL {
            for (i, f) in self.fields.iter().enumerate() {
                if f.spec.part == part {
                    out.push(Item::Field(i));
                }
            }
            if part.checks().is_some() {
                out.push(Item::Test(part));
            }
        }
        out
    }

    pub fn focused(&self) -> Option<Item> {
        self.items().get(self.focus).copied()
    }

    pub fn part_of(&self, item: Item) -> Part {
        match item {
            Item::Field(i) => self
                .fields
                .get(i)
                .map_or(Part::Registration, |f| f.spec.part),
            Item::Test(p) => p,
        }
    }

    /// The section the focus is in.
    pub fn part(&self) -> Part {
        self.focused()
            .map_or(Part::Registration, |item| self.part_of(item))
    }

    pub fn field(&self) -> Option<&ConfigField> {
        match self.focused()? {
            Item::Field(i) => self.fields.get(i),
            Item::Test(_) => None,
        }
    }

    pub fn field_mut(&mut self) -> Option<&mut ConfigField> {
        match self.focused()? {
            Item::Field(i) => self.fields.get_mut(i),
            Item::Test(_) => None,
        }
    }

    /// Down, Tab: the next item, into the next section after the last.
    pub fn next(&mut self) {
        let n = self.items().len().max(1);
        self.focus = (self.focus + 1) % n;
    }

    pub fn prev(&mut self) {
        let n = self.items().len().max(1);
        self.focus = (self.focus + n - 1) % n;
    }

    /// Page down / up: the first item of the next (previous) section.
    pub fn jump(&mut self, forward: bool) {
        let now = Part::ALL
            .iter()
            .position(|p| *p == self.part())
            .unwrap_or(0);
        let n = Part::ALL.len();
        let to = Part::ALL[if forward {
            (now + 1) % n
        } else {
            (now + n - 1) % n
        }];
        let items = self.items();
        if let Some(i) = items.iter().position(|it| self.part_of(*it) == to) {
            self.focus = i;
        }
    }

    /// Puts the focus on the field of `key` (tests, first run).
    pub fn focus_key(&mut self, key: &str) -> bool {
        let items = self.items();
        let found = items.iter().position(|it| match it {
            Item::Field(i) => self.fields.get(*i).is_some_and(|f| f.spec.key == key),
            Item::Test(_) => false,
        });
        if let Some(i) = found {
            self.focus = i;
        }
        found.is_some()
    }

    /// Some field differs from what the file holds.
    pub fn dirty(&self) -> bool {
        self.fields.iter().any(ConfigField::changed)
    }

    /// The problem found under the field of `key`, if any.
    pub fn problem(&self, key: &str) -> Option<&str> {
        self.problems
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, p)| p.as_str())
    }
}

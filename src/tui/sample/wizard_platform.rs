//! The example states of the CleoWizard's platform road: the seven types,
//! INSi's names, the request with the platform's steps, and the wait for
//! the certificate to paste (no disk, no clock).

use super::example;
use crate::i18n::Lang;
use crate::tui::app::App;
use crate::tui::wizard::{WizStep, Wizard};
use cleocps_core::request::RequestType;
use cleocps_core::wizard::{Route, Target};

const PATH: &str = "CleoWizard/Demande 1";

/// A request as the platform takes it (ORG AUTH_CLI, CN=INSI-AUTO).
const CSR: &str = "\
-----BEGIN CERTIFICATE REQUEST-----\n\
MIICrDCCAZQCAQAwZzELMAkGA1UEBhMCRlIxFDASBgNVBAgMC1NhcnRoZSAoNzIp\n\
MRkwFwYDVQQKDBBDbGluaXF1ZSBkdSBUZXN0MRMwEQYDVQQLDAoxNzIwMDEyMzQ1\n\
MRIwEAYDVQQDDAlJTlNJLUFVVE8wggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEK\n\
AoIBAQDdoAAl0l/uK9r31H3UbvJupAtbu7LkteWh4+HnVsMc4lOMjyTP2+ClKIND\n\
cF2ClLN9v3d62/M856d+56Y1bTSBPePfqK4uchkrJOEBhsG+uGm3e2G53I5DRQ8N\n\
t5GXI4xxYp9sCAE2U63/nbEv/jKzSDI4tPx6GqpTYz7ihKtYZ758okHuPgKX4FDb\n\
UYQSiKIsJPJG/UL4DjBNe/65VoVappTBuX6kx/tmCLB2sTT/FugGxlO6Djr0AHNE\n\
0RfoS2oGq0CI9AHDZOmWCKxXpbyb0xZAyyChGUyHx13P8AuRP4VBxveFMlICFX9B\n\
SJv3p5CuwtpMGAZxhV+8CUxWOOMTAgMBAAGgADANBgkqhkiG9w0BAQsFAAOCAQEA\n\
ibLxD5tcvstYSuFMrDQA85jbl12Gg5QiEs7Migeu89WT2FRCp8fuTcOGG22x41vq\n\
8+/oYA4Fyb9ibtYTIQPsk1IToN7a1fiRq/yw0PdFRgo99o+mDf3gOmOMixNkNk9H\n\
wzHY+I/qja3SHqaq8z4IW3Tbyr3Vphu98S8Pi8TQ2HdpMQq9mpTP5H72yqj10V9E\n\
vF0K/o+tL6xyYuXb+398UIsaJ1BZj5CueyD378iwOc4AwR6n5UWFfqJ4k2bv8Ivt\n\
4jOqcDbp731CcSYCQ2Tub232MXEuOxGbI/x2p+m0rTdf7HT/tBQY0xl6r/EW/0KC\n\
ZAfWb8YGlUvkMZiqJ/EXyw==\n\
-----END CERTIFICATE REQUEST-----\n\
";

/// The wizard on the platform's road at `step`, for ORG AUTH_CLI.
fn wizard(lang: Lang, step: WizStep) -> App {
    let mut app = example(lang);
    let mut w = Wizard::on(Route::Platform);
    if !matches!(step, WizStep::Type) {
        w.run.kind = RequestType::OrgAuthCli;
    }
    if matches!(step, WizStep::Csr { .. } | WizStep::Certificate { .. }) {
        w.run.target = Some(Target {
            kind: RequestType::OrgAuthCli,
            name: "INSI-AUTO".into(),
            entry: None,
        });
    }
    w.run.step = step;
    app.wizard = Some(w);
    app
}

pub fn screens(lang: Lang) -> Vec<(&'static str, App)> {
    let mut out = Vec::new();
    let mut types = wizard(lang, WizStep::Type);
    if let Some(w) = types.wizard.as_mut() {
        w.sel = 4;
    }
    out.push(("80-wizard-platform-type", types));
    let names = WizStep::Service {
        names: vec!["INSI-AUTO".into(), "INSI-MANU".into()],
    };
    out.push(("81-wizard-platform-insi", wizard(lang, names)));
    let csr = WizStep::Csr {
        path: PATH.into(),
        csr: CSR.into(),
    };
    out.push(("82-wizard-platform-csr", wizard(lang, csr)));
    let refused = WizStep::Certificate {
        path: PATH.into(),
        refused: None,
    };
    out.push(("83-wizard-platform-certificate", wizard(lang, refused)));
    out
}

/// Étape 3's first deploy: the form filled as for nginx, the check refused
/// a mode.
pub fn deploy_form(lang: Lang) -> Vec<(&'static str, App)> {
    use crate::tui::modal::{DeployFormModal, Modal, DEPLOY_FIELDS};
    let web = "Clinique du Test/srv-web";
    let mut app = super::at(lang, web, crate::tui::action::Step::Final);
    let mut m = DeployFormModal::new(web.into(), true);
    let values = [
        "/etc/nginx/tls/srv-web.fullchain.pem",
        "",
        "/etc/nginx/tls/srv-web.key",
        "",
        "root:www-data",
        "0644",
        "0640",
        "nginx -t",
        "systemctl reload nginx",
    ];
    for (input, v) in m.inputs.iter_mut().zip(values) {
        *input = tui_input::Input::new(v.into());
    }
    m.focus = DEPLOY_FIELDS.len() - 1;
    app.modal = Some(Modal::DeployForm(m));
    vec![("84-deploy-form", app)]
}

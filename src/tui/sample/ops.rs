//! The example's certificates as `status` sees them (days left, deployed
//! targets, a renewal link), and the screens of operations (status, deploy).

use crate::i18n::{tf, Lang};
use crate::tui::action::Step;
use crate::tui::app::{App, Status};
use crate::tui::modal::{DeployModal, Modal, OutputModal};
use cleocps_core::deploy::DeployProfile;
use cleocps_core::ops::Certified;
use cleocps_core::request::RequestType;

/// `srv-web` renews `Archives 2023/ancien-web` (replaced); `ancien-dmp`
/// has 5 days left.
pub fn certified(app: &mut App) {
    let web = find(app, "Clinique du Test/srv-web").map(|r| r.id.clone());
    let old = find(app, "Archives 2023/ancien-web").map(|r| r.id.clone());
    if let Some(r) = find_mut(app, "Clinique du Test/srv-web") {
        r.renews = old;
        r.deploy = Some(profile());
    }
    if let Some(r) = find_mut(app, "Archives 2023/ancien-web") {
        r.renewed_by = web;
    }
    let p = profile();
    let entries = [
        cert(
            "Clinique du Test/srv-web",
            "4A1F09C2D37B",
            "2029-03-01",
            1095,
            p.targets()
                .iter()
                .map(|(_, t)| t.display().to_string())
                .collect(),
            None,
        ),
        cert(
            "Archives 2023/ancien-web",
            "1B7730AE",
            "2026-03-14",
            12,
            vec![],
            Some("Clinique du Test/srv-web"),
        ),
        cert(
            "Archives 2023/ancien-dmp",
            "2C0814F5",
            "2026-03-07",
            5,
            vec![],
            None,
        ),
    ];
    app.certified = entries.into_iter().map(|c| (c.path(), c)).collect();
}

/// The saved deploy profile of `srv-web`: nginx's files.
pub fn profile() -> DeployProfile {
    DeployProfile {
        fullchain: Some("/etc/nginx/tls/srv-web.fullchain.pem".into()),
        key: Some("/etc/nginx/tls/srv-web.key".into()),
        owner: Some("root:www-data".into()),
        key_mode: Some("0640".into()),
        check: Some("nginx -t".into()),
        reload: Some("systemctl reload nginx".into()),
        ..DeployProfile::default()
    }
}

fn cert(
    path: &str,
    serial: &str,
    expiry: &str,
    days_left: i64,
    deployed: Vec<String>,
    replaced_by: Option<&str>,
) -> Certified {
    let (folder, name) = path.split_once('/').unwrap_or((path, ""));
    Certified {
        folder: folder.into(),
        name: name.into(),
        id: String::new(),
        kind: RequestType::Ssl,
        cn: format!("{name}.clinique-test.fr"),
        serial: serial.into(),
        not_before: "2023-03-15T00:00:00Z".into(),
        not_after: format!("{expiry}T23:59:59Z"),
        not_after_unix: 0,
        days_left,
        deployed,
        replaced_by: replaced_by.map(str::to_string),
        revocation: Default::default(),
    }
}

fn find<'a>(app: &'a App, path: &str) -> Option<&'a cleocps_core::request::Request> {
    app.tree
        .iter()
        .flat_map(|f| &f.requests)
        .find(|r| r.path() == path)
}

fn find_mut<'a>(app: &'a mut App, path: &str) -> Option<&'a mut cleocps_core::request::Request> {
    app.tree
        .iter_mut()
        .flat_map(|f| &mut f.requests)
        .find(|r| r.path() == path)
}

/// The tree with every folder open: days left, coloured, and a replaced one.
pub fn screens(lang: Lang) -> Vec<(&'static str, App)> {
    let mut tree = super::example(lang);
    tree.collapsed.clear();
    crate::tui::tree::select(&mut tree, "Archives 2023/ancien-dmp");
    tree.step = Step::Final;

    let web = "Clinique du Test/srv-web";
    let mut ask = super::at(lang, web, Step::Final);
    ask.modal = Some(Modal::Deploy(DeployModal {
        path: web.into(),
        profile: profile(),
        needs_key_password: true,
    }));

    let mut done = super::at(lang, web, Step::Final);
    let mut lines = vec![tf(lang, "deploy.done", &[&web, &"4A1F09C2D37B"])];
    lines.extend(
        profile()
            .targets()
            .iter()
            .map(|(_, p)| format!("  {}", p.display())),
    );
    lines.extend(
        [
            "$ nginx -t",
            "  nginx: the configuration file /etc/nginx/nginx.conf syntax is ok",
            "  nginx: configuration file /etc/nginx/nginx.conf test is successful",
            "$ systemctl reload nginx",
        ]
        .map(String::from),
    );
    done.modal = Some(Modal::Output(OutputModal {
        title: "tui.title.deploy_done",
        lines,
        error: false,
        scroll: 0,
    }));
    done.status = Some(Status {
        text: tf(lang, "tui.deploy.done", &[&web]),
        error: false,
    });
    vec![
        ("39-tree-days", tree),
        ("40-step3-deploy-profile", ask),
        ("41-deploy-result", done),
    ]
}

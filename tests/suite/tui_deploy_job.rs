//! Étape 3's deploy job on a real workspace: the saved profile
//! run off the UI thread through the core's `deploy`; a failed check comes
//! back as the result dialog, undone, with the command's output sanitised.

use crate::support;

use cleocps::i18n::Lang;
use cleocps::tui::action::{JobOutcome, Shown};
use cleocps::tui::app::Running;
use cleocps::tui::event::Event;
use cleocps::tui::modal::Modal;
use cleocps::tui::{jobs, update, Action, App, Job, JobKind, TuiContext};
use cleocps_core::workspace::Workspace;
use std::sync::mpsc::channel;
use std::sync::Arc;
use std::time::Duration;
use support::*;

fn run(ws: &std::path::Path, job: Job) -> JobOutcome {
    let ws = Workspace::open(ws).expect("workspace");
    let (tx, rx) = channel();
    jobs::spawn(&ws, &Arc::new(TuiContext::default()), Lang::En, 7, job, tx);
    match rx.recv_timeout(Duration::from_secs(60)).expect("an answer") {
        Event::Job(7, outcome) => outcome,
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_failed_check_comes_back_as_the_result_dialog_sanitised() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("ws");
    let ca = TestCa::new(tmp.path());
    let path = certified_request(&ws, tmp.path(), &ca, "web", 30);
    let etc = tmp.path().join("etc");
    std::fs::create_dir(&etc).expect("dir");
    let cert = etc.join("web.crt");
    let mark = tmp.path().join("checked-once");
    // Passes the first time (the deploy that saves the profile), then fails
    // with an escape sequence a hostile service could print.
    let check = format!(
        "if [ -e '{m}' ]; then printf '\\033[2J\\033]0;pwned\\007config broken\\n'; exit 1; else touch '{m}'; fi",
        m = mark.display()
    );
    ok(
        &ws,
        &[
            "deploy",
            &path,
            "--cert",
            &cert.to_string_lossy(),
            "--check",
            &check,
            "--save",
        ],
    );
    let before = std::fs::read(&cert).expect("installed");

    let outcome = run(
        &ws,
        Job::new(jobs::Deploy {
            path: path.clone(),
            key_password: None,
            profile: None,
        }),
    );
    let done = match &outcome {
        JobOutcome::Done(d) => d,
        other => panic!("{other:?}"),
    };
    assert!(
        matches!(
            &done.shown,
            Some(Shown::Deployed {
                outcome: Err(_),
                ..
            })
        ),
        "{:?}",
        done.shown
    );
    let tree_read = done.tree.is_some();
    // `update` makes the result dialog of it.
    let mut app = App::new(Lang::En, ws.clone());
    app.jobs.push(Running {
        id: 7,
        kind: JobKind::Deploy,
        request: Some(path.clone()),
    });
    update(&mut app, Action::Job(7, outcome));
    let Some(Modal::Output(m)) = app.modal else {
        panic!("a result dialog: {:?}", app.modal)
    };
    assert!(m.error);
    assert_eq!(m.title, "tui.title.deploy_failed");
    let text = m.lines.join("\n");
    assert!(text.contains("previous files are back"), "{text}");
    assert!(text.contains("config broken"), "{text}");
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text:?}"
    );
    assert!(tree_read, "the journal changed: the tree is re-read");
    assert_eq!(std::fs::read(&cert).expect("kept"), before);
}

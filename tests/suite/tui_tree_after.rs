//! After a job changed one request, the tree is read again but only the
//! certificates whose row may have changed are: the others keep what was
//! read before, and a request gone takes its line along.

use crate::support;

use cleocps::i18n::Lang;
use cleocps::tui::{jobs, App};
use cleocps_core::workspace::Workspace;
use support::*;

#[test]
fn only_the_changed_requests_certificate_is_read_again() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws_dir = tmp.path().join("ws");
    let ca = TestCa::new(tmp.path());
    let a = certified_request(&ws_dir, tmp.path(), &ca, "a", 30);
    let b = certified_request(&ws_dir, tmp.path(), &ca, "b", 60);
    let ws = Workspace::open(&ws_dir).expect("workspace");

    let whole = jobs::tree(&ws).expect("tree");
    assert!(whole.certified_only.is_none());
    assert_eq!(whole.certified.len(), 2);
    let after = jobs::tree_after(&ws, &a).expect("tree after");
    assert_eq!(after.certified_only.as_deref(), Some(&[a.clone()][..]));
    assert_eq!(
        after.certified.keys().collect::<Vec<_>>(),
        vec![&a],
        "only a's certificate is read"
    );
    assert_eq!(after.folders.len(), whole.folders.len(), "every request is");

    // Applied: b keeps its line as read before.
    let mut app = App::new(Lang::En, ws_dir.clone());
    app.apply_tree(whole);
    let b_days = app.certified[&b].days_left;
    app.apply_tree(after);
    assert_eq!(app.certified.len(), 2);
    assert_eq!(app.certified[&b].days_left, b_days);

    // A request gone takes its line along, even from a partial read.
    ok(&ws_dir, &["request", "delete", &b, "--force"]);
    app.apply_tree(jobs::tree_after(&ws, &a).expect("tree after"));
    assert!(!app.certified.contains_key(&b));
    assert!(app.certified.contains_key(&a));
}

//! The workspace's unit tests.

use super::*;
use crate::request::State;

fn ws() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = Workspace::open(&dir.path().join("ws")).expect("open");
    (dir, ws)
}

#[test]
fn deleting_a_request_forgets_its_wizard_passwords() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = Workspace::open(tmp.path()).expect("ws");
    ws.create_folder(Some("A")).expect("folder");
    let req = ws
        .create_request("A", Some("r"), RequestType::Ssl, "t")
        .expect("request");
    let pending = ws.pending_secrets_path(&req);
    std::fs::create_dir_all(pending.parent().expect("dir")).expect("mkdir");
    std::fs::write(&pending, "key=k\np12=p\n").expect("write");
    ws.delete_request(&req).expect("delete");
    assert!(!pending.exists());
    // And with a whole folder.
    let req = ws
        .create_request("A", Some("s"), RequestType::Ssl, "t")
        .expect("request");
    let pending = ws.pending_secrets_path(&req);
    std::fs::write(&pending, "key=k\np12=p\n").expect("write");
    ws.delete_folder("A", true).expect("delete folder");
    assert!(!pending.exists());
}

#[test]
fn default_names_follow_the_original() {
    let (_d, ws) = ws();
    assert_eq!(ws.create_folder(None).expect("f"), "Dossier 1");
    assert_eq!(ws.create_folder(None).expect("f"), "Dossier 2");
    let r = ws
        .create_request("Dossier 1", None, RequestType::Ssl, "t")
        .expect("r");
    assert_eq!(r.name, "Demande 1");
    let r2 = ws
        .create_request("Dossier 1", None, RequestType::Smime, "t")
        .expect("r");
    assert_eq!(r2.name, "Demande 2");
    let loaded = ws.find("Dossier 1/Demande 2").expect("load");
    assert_eq!(loaded.kind, RequestType::Smime);
    assert_eq!(loaded.state, State::New);
}

#[test]
fn rename_keeps_requests_in_step() {
    let (_d, ws) = ws();
    ws.create_folder(Some("A")).expect("f");
    ws.create_request("A", Some("r"), RequestType::Ssl, "t")
        .expect("r");
    ws.rename_folder("A", "B").expect("rename");
    assert_eq!(ws.find("B/r").expect("load").folder, "B");
    assert!(matches!(ws.find("A/r"), Err(Error::RequestNotFound(_))));
    assert!(matches!(
        ws.delete_folder("B", false),
        Err(Error::FolderNotEmpty(_))
    ));
    ws.delete_folder("B", true).expect("delete");
    assert!(ws.folders().expect("ls").is_empty());
}

#[test]
fn bad_names_and_paths() {
    let (_d, ws) = ws();
    assert!(matches!(
        ws.create_folder(Some("../x")),
        Err(Error::Invalid { .. })
    ));
    assert!(matches!(ws.find("nofolder"), Err(Error::BadRequestPath(_))));
    assert!(matches!(
        ws.find("../passwd"),
        Err(Error::RequestNotFound(_))
    ));
}

#[test]
fn workspace_path_that_is_a_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let f = dir.path().join("file");
    fs::write(&f, b"x").expect("write");
    assert!(matches!(Workspace::open(&f), Err(Error::NotADirectory(_))));
}

#[test]
fn second_lock_names_the_holder() {
    let (_d, ws) = ws();
    let _held = ws.lock().expect("lock");
    std::env::set_var("CLEOCPS_LOCK_WAIT_MS", "100");
    match ws.lock() {
        Err(Error::Locked { pid }) => assert_eq!(pid, Some(std::process::id())),
        other => panic!("expected Locked, got {other:?}"),
    }
}

#[test]
fn natural_order() {
    let mut v = vec!["Dossier 10", "Dossier 2", "dossier 1", "B"];
    v.sort_by(|a, b| natural_cmp(a, b));
    assert_eq!(v, vec!["B", "dossier 1", "Dossier 2", "Dossier 10"]);
}

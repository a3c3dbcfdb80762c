//! Unit tests of the request module.

use super::*;
use Action as A;
use State as S;

/// The DESIGN §2 table, written out once more as the test's truth.
fn expected(state: State) -> Vec<Action> {
    match state {
        S::New => vec![A::GenerateKeys, A::EditForm, A::Delete],
        S::KeysGenerated => vec![
            A::EditForm,
            A::ReplaceKeys,
            A::GenerateRequest,
            A::Delete,
            A::KeyPassword,
        ],
        S::RequestGenerated => vec![
            A::SendRequest,
            A::ImportResponse,
            A::RecordRejection,
            A::Delete,
            A::KeyPassword,
        ],
        S::Sent => vec![
            A::FetchResponse,
            A::ImportResponse,
            A::RecordRejection,
            A::Delete,
            A::KeyPassword,
        ],
        S::CertificateImported => {
            vec![
                A::ExportPem,
                A::ExportP12,
                A::Renew,
                A::KeyPassword,
                A::Deploy,
            ]
        }
        S::Rejected => vec![A::ImportResponse, A::Delete, A::Renew, A::KeyPassword],
    }
}

#[test]
fn every_transition_allowed_or_refused_as_designed() {
    for state in State::ALL {
        let allowed = expected(state);
        for action in Action::ALL {
            let got = state.check(action, Some(Generation::Card));
            if allowed.contains(&action) {
                assert_eq!(got, Ok(()), "{state:?} should allow {action:?}");
            } else {
                let refusal = got.expect_err("should be refused");
                assert_eq!(refusal.state, state);
                assert_ne!(
                    refusal.reason_id(),
                    "refuse.generic",
                    "{state:?}/{action:?} needs a specific reason"
                );
            }
        }
    }
}

#[test]
fn a_csr_for_the_portal_has_nothing_to_send() {
    let csr = Some(Generation::CsrOnly);
    for a in [A::SendRequest, A::FetchResponse] {
        assert_eq!(
            S::RequestGenerated.check(a, csr).map_err(|r| r.reason_id()),
            Err("refuse.csr_only")
        );
    }
    assert_eq!(S::RequestGenerated.check(A::ImportResponse, csr), Ok(()));
    assert_eq!(S::RequestGenerated.check(A::SendRequest, None), Ok(()));
}

#[test]
fn rejected_is_never_edited_or_resent() {
    for a in [
        A::EditForm,
        A::SendRequest,
        A::GenerateRequest,
        A::GenerateKeys,
    ] {
        assert_eq!(
            S::Rejected.check(a, None).map_err(|r| r.reason_id()),
            Err("refuse.rejected")
        );
    }
}

#[test]
fn json_shape_is_the_contract() {
    let r = Request::new(
        "Dossier 1",
        "Demande 1",
        RequestType::Smime,
        "2026-01-01T00:00:00Z",
    );
    let v = serde_json::to_value(&r).expect("json");
    for key in [
        "version",
        "id",
        "name",
        "folder",
        "type",
        "state",
        "key_bits",
        "key_encrypted",
        "subject",
        "san",
        "created",
        "updated",
        "message_id",
        "rejection_code",
        "rejection_reason",
        "journal",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["type"], "smime");
    assert_eq!(v["state"], "new");
    assert_eq!(v["version"], 1);
    let back: Request = serde_json::from_value(v).expect("parse");
    assert_eq!(back, r);
}

#[test]
fn names_dedup_lowercase() {
    let mut r = Request::new("d", "r", RequestType::Ssl, "t");
    r.subject.cn = Some("Srv.Example.fr".into());
    r.san = vec!["srv.example.fr".into(), "www.example.fr".into()];
    assert_eq!(r.names(), vec!["srv.example.fr", "www.example.fr"]);
}

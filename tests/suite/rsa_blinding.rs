//! Every RSA private-key operation of our own code is blinded (rsa 0.9
//! blinds only when given an RNG): the rehearsal server's decryption
//! (`decrypt_blinded`), its certificate signatures and the client's CSR and
//! soft-card signatures (`sign_with_rng` / `try_sign_with_rng`). The
//! unblinded calls look the same at run time (PKCS#1 v1.5 signatures are
//! deterministic either way), so this reads the sources, tests aside.

use std::path::{Path, PathBuf};

/// The calls that run a private-key operation without an RNG.
const UNBLINDED: &[&str] = &[
    ".decrypt(",
    ".try_sign(",
    "signature::Signer",
    ".sign(Pkcs1v15Sign",
    ".sign(\n",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("source dir").flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The file's code before its `#[cfg(test)]` module, if any.
fn code_of(p: &Path) -> String {
    let text = std::fs::read_to_string(p).expect("source");
    match text.find("#[cfg(test)]") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

#[test]
fn no_unblinded_rsa_private_key_operation() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in [
        "crates/cleocps-ra/src",
        "crates/cleocps-core/src/pki",
        "crates/cleocps-core/src/card",
        "src",
    ] {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 20, "sources found: {files:?}");
    let mut found = Vec::new();
    for f in &files {
        let code = code_of(f);
        for pattern in UNBLINDED {
            if code.contains(pattern) {
                found.push(format!("{}: {pattern:?}", f.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "unblinded RSA operations:\n{}",
        found.join("\n")
    );
}

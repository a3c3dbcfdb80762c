//! Replays every input kept under `fuzz/corpus/<target>/` and every crash
//! file under `fuzz/regressions/<target>/` through the fuzz targets' bodies,
//! on stable: what a fuzzing run once broke stays fixed.

#[path = "../../fuzz/src/lib.rs"]
mod bodies;

use std::path::Path;

fn replay(target: &str, body: fn(&[u8])) {
    bodies::init();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut count = 0;
    for kind in ["corpus", "regressions"] {
        let Ok(entries) = std::fs::read_dir(root.join(kind).join(target)) else {
            continue;
        };
        for entry in entries.flatten() {
            // A file can vanish while a fuzzing run reduces the corpus.
            let Ok(data) = std::fs::read(entry.path()) else {
                continue;
            };
            body(&data);
            count += 1;
        }
    }
    assert!(count > 0, "no input kept for fuzz target {target}");
}

#[test]
fn answer() {
    replay("answer", bodies::answer);
}

#[test]
fn mail() {
    replay("mail", bodies::mail);
}

#[test]
fn ra_cms() {
    replay("ra_cms", bodies::ra_cms);
}

#[test]
fn config() {
    replay("config", bodies::config);
}

#[test]
fn request_json() {
    replay("request_json", bodies::request_json);
}

//! The test services themselves: quick to start, nothing left behind.

use crate::support;

use support::process::alive;
use support::services::{Stack, ALL};

#[test]
fn stack_starts_fast_and_leaves_no_process() {
    let stack = Stack::start(ALL);
    assert!(
        stack.started_in.as_secs_f32() < 3.0,
        "services took {:?}",
        stack.started_in
    );
    let pids = stack.pids();
    // dovecot runs several processes; all of them must go.
    assert!(pids.len() >= 4, "{pids:?}");
    let dir = stack.dir.clone();
    drop(stack);
    let left: Vec<u32> = pids.into_iter().filter(|p| alive(*p)).collect();
    assert!(left.is_empty(), "still running: {left:?}");
    assert!(!dir.exists(), "temp dir left: {}", dir.display());
}

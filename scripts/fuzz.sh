#!/usr/bin/env bash
# Runs one cargo-fuzz target for SECONDS on the nightly toolchain.
#   scripts/fuzz.sh TARGET SECONDS     TARGET: answer mail ra_cms config request_json
# New inputs that widen coverage land in fuzz/corpus/TARGET; a crash is
# copied to fuzz/regressions/TARGET, which tests/suite/fuzz_replay.rs replays on
# stable in scripts/test.sh. The last line gives executions and crashes.
set -euo pipefail
target=${1:?usage: scripts/fuzz.sh TARGET SECONDS}
seconds=${2:?usage: scripts/fuzz.sh TARGET SECONDS}
cd "$(dirname "$0")/../fuzz"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
export CARGO_TARGET_DIR=${FUZZ_TARGET_DIR:-$PWD/target}
mkdir -p "corpus/$target" "regressions/$target" "artifacts/$target"
log=$(mktemp)
status=0
# -rss_limit_mb: the parsers must stay bounded; -max_len: answers and mails are small files.
cargo +nightly fuzz run "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=1024 -timeout=10 \
    -artifact_prefix="artifacts/$target/" -print_final_stats=1 2>&1 | tee "$log" || status=$?
for crash in artifacts/"$target"/*; do
    [ -e "$crash" ] && cp "$crash" "regressions/$target/"
done
execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
crashes=$(find "artifacts/$target" -type f | wc -l)
echo "fuzz $target: ${seconds}s, ${execs:-0} executions, $crashes crash file(s), exit $status"
rm -f "$log"
exit "$status"

#!/usr/bin/env bash
# Mail at real scale, measured (issue 12; not a test): one `response fetch`
# with 0, 2 000 and 20 000 messages of ~80 KB (time and peak RSS), the delay
# from an answer's delivery to its import during `response fetch --wait`
# (IMAP IDLE), and an `ra serve --once` round with 20 000 handled messages
# vs an almost empty box. Needs dovecot and python3-aiosmtpd (TESTENV.md),
# /usr/bin/time, doveadm, ~4 GB free in DIR's file system and a few minutes.
#   scripts/bench-mail.sh [DIR]        (DIR: short path, default /tmp/cbench)
# PROFILE=release builds and measures the release binary (default: the
# debug one, whose dependencies are optimised anyway).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-/tmp/cbench}
profile=${PROFILE:-debug}
rm -rf "$dir"; mkdir -p "$dir"; dir=$(cd "$dir" && pwd)
flag=(); [ "$profile" = release ] && flag=(--release)
cargo build -q "${flag[@]}" --bin cleocps --example bench_mail >&2
target=$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
"$target/$profile/examples/bench_mail" "$target/$profile/cleocps" "$dir"
rm -rf "$dir"

#!/usr/bin/env bash
# Test services for trying the mail and directory paths by hand:
#   eval "$(scripts/testenv.sh start /tmp/cleo)"   # slapd, dovecot, SMTP; prints export lines
#   scripts/testenv.sh stop /tmp/cleo
# Keep DIR short (unix sockets are limited to 108 bytes). The services are
# those of the tests (tests/support/services.rs), run by `examples/testenv.rs`.
set -euo pipefail
cd "$(dirname "$0")/.."
cmd=${1:-}; dir=${2:-}
if [ -z "$cmd" ] || [ -z "$dir" ]; then
  echo "usage: $0 start|stop DIR" >&2; exit 2
fi
case "$cmd" in
  start)
    mkdir -p "$dir"; dir=$(cd "$dir" && pwd)
    if [ -e "$dir/testenv.pid" ] && kill -0 "$(cat "$dir/testenv.pid")" 2>/dev/null; then
      echo "already running in $dir (scripts/testenv.sh stop $dir)" >&2; exit 1
    fi
    cargo build -q --example testenv >&2
    bin=$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')/debug/examples/testenv
    rm -f "$dir/env"
    nohup "$bin" "$dir" >"$dir/testenv.log" 2>&1 &
    echo $! >"$dir/testenv.pid"
    for _ in $(seq 1 100); do
      [ -e "$dir/env" ] && break
      kill -0 "$(cat "$dir/testenv.pid")" 2>/dev/null || { cat "$dir/testenv.log" >&2; exit 1; }
      sleep 0.1
    done
    [ -e "$dir/env" ] || { echo "services did not start; see $dir/*.log" >&2; exit 1; }
    cat "$dir/env"
    echo "# cleocps configuration using them: $dir/cleocps.json (CLEOCPS_CONFIG above)" ;;
  stop)
    [ -e "$dir/testenv.pid" ] || { echo "nothing running in $dir" >&2; exit 0; }
    pid=$(cat "$dir/testenv.pid")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    rm -f "$dir/testenv.pid" ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# ansible-core from PyPI in its own virtual environment under the target
# directory (made once, reused), for the fleet test (tests/fleet_ansible.rs).
# Prints the environment's bin directory.
set -euo pipefail
cd "$(dirname "$0")/.."
ANSIBLE_CORE='ansible-core==2.19.*'
target=${CARGO_TARGET_DIR:-$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')}
venv="$target/ansible"
mkdir -p "$target"
exec 9>"$target/ansible.lock"
flock 9
if [ ! -x "$venv/bin/ansible-playbook" ]; then
  rm -rf "$venv"
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check "$ANSIBLE_CORE" >&2
fi
echo "$venv/bin"

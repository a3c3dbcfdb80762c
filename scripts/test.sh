#!/usr/bin/env bash
# The whole test suite: installs what the tests need (when root, on Debian/Ubuntu),
# then format check, clippy with warnings as errors, and every test.
# Tests start their own services (SoftHSM2, slapd, dovecot, SMTP) on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests use, by the command that proves each is there.
need=()
check() { command -v "$1" >/dev/null 2>&1 || [ -e "$1" ] || need+=("$2"); }
check openssl openssl
check keytool default-jre-headless
check softhsm2-util softhsm2
check pkcs11-tool opensc
check tmux tmux
check groff groff-base
check rsvg-convert librsvg2-bin
check /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf fonts-dejavu-core
check slapd slapd
check ldapsearch ldap-utils
check dovecot dovecot-imapd
check /usr/lib/dovecot/lmtp dovecot-lmtpd
check /usr/lib/python3/dist-packages/aiosmtpd python3-aiosmtpd
check /usr/lib/python3/dist-packages/prometheus_client python3-prometheus-client
check p11-kit p11-kit
check /usr/lib/x86_64-linux-gnu/pkcs11/p11-kit-client.so p11-kit-modules
check sshd openssh-server
check ssh openssh-client
check nginx nginx-light
check /usr/bin/time time
# The packages (tests/packages.rs) and the fleet (tests/fleet_ansible.rs).
check rpm rpm
check man man-db
check /usr/bin/python3 python3
check /usr/lib/python3/dist-packages/apt python3-apt
# `python3 -m venv` needs ensurepip (Debian: in python3-venv).
python3 -c 'import ensurepip' 2>/dev/null || need+=(python3-venv)

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== installing: ${need[*]}"
    # Never let the packages start system daemons (slapd, dovecot, sshd): tests run their own.
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
      trap 'rm -f /usr/sbin/policy-rc.d' EXIT
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "missing packages (run as root to install them): ${need[*]}" >&2
    [ "${CI:-}" = true ] && exit 1
  fi
fi
# sshd refuses to start without it.
mkdir -p /run/sshd 2>/dev/null || true

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings
# Tools from crates.io and PyPI, kept under target/ (only the first run pays).
echo "== packaging tools (cargo-deb, cargo-generate-rpm)"
time scripts/package.sh --tools-only
echo "== ansible-core"
time scripts/ansible-env.sh >/dev/null
echo "== cargo test"
# The SIGKILL test kills 200 writers by default; CI keeps to fewer for time.
[ "${CI:-}" = true ] && export CLEOCPS_SIGKILL_KILLS=${CLEOCPS_SIGKILL_KILLS:-40}
cargo test --workspace --locked 2>&1

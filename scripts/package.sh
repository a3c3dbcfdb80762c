#!/usr/bin/env bash
# The packages an administrator installs (DESIGN §12):
#   target/debian/cleocps_<version>-1_amd64.deb          (cargo-deb)
#   target/generate-rpm/cleocps-<version>-1.x86_64.rpm   (cargo-generate-rpm)
# holding /usr/bin/cleocps, its man page, the bash/zsh/fish completions, the
# systemd units of contrib/systemd/ and the README.
#
# usage: scripts/package.sh [--profile release|dev|NAME] [--no-build] [--fast] [--tools-only]
#   --profile   the cargo profile whose binary is packaged (default: release)
#   --no-build  package the binary already built for that profile (the tests
#               package the one `cargo test` built instead of a release build)
#   --fast      lighter compression (tests)
#   --tools-only  install cargo-deb and cargo-generate-rpm, then stop
# The two tools are installed from crates.io, pinned, into target/tools/ the
# first time (a few minutes of compiling; reused afterwards).
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_DEB=cargo-deb@3.8.0
CARGO_GENERATE_RPM=cargo-generate-rpm@0.21.1

profile=release build=1 fast=0 tools_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --profile) profile=${2:?--profile needs a name}; shift ;;
    --no-build) build=0 ;;
    --fast) fast=1 ;;
    --tools-only) tools_only=1 ;;
    *) echo "usage: $0 [--profile NAME] [--no-build] [--fast] [--tools-only]" >&2; exit 2 ;;
  esac
  shift
done

target=$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
tools="$target/tools"
export PATH="$tools/bin:$PATH"
# One run at a time: tests running side by side share the staging directory.
mkdir -p "$target"
exec 9>"$target/package.lock"
flock 9

# Each tool compiled in its own directory: never mixed with the project's build.
install_tool() { # crate@version binary
  if ! command -v "$2" >/dev/null; then
    echo "== installing $1 into $tools (once)"
    CARGO_TARGET_DIR="$tools/build" cargo install --quiet --locked --root "$tools" "$1"
  fi
}
install_tool "$CARGO_DEB" cargo-deb
install_tool "$CARGO_GENERATE_RPM" cargo-generate-rpm
rm -rf "$tools/build"
[ "$tools_only" = 1 ] && exit 0

case "$profile" in
  dev) out="$target/debug" ;;
  *) out="$target/$profile" ;;
esac
if [ "$build" = 1 ]; then
  cargo build --locked --profile "$profile" --bin cleocps
fi
bin="$out/cleocps"
[ -x "$bin" ] || { echo "no $bin: build it first (or drop --no-build)" >&2; exit 1; }

# What the packages hold, staged where both tools look (target/release/,
# whatever the profile built): the binary stripped, and what it generates.
assets="$target/release/package"
rm -rf "$assets" && mkdir -p "$assets"
strip -o "$assets/cleocps" "$bin"
"$bin" manpage | gzip -9n >"$assets/cleocps.1.gz"
"$bin" completions bash >"$assets/cleocps.bash"
"$bin" completions zsh >"$assets/_cleocps"
"$bin" completions fish >"$assets/cleocps.fish"
# The units name the binary where the package puts it.
for unit in contrib/systemd/cleocps-check.service contrib/systemd/cleocps-check.timer; do
  sed 's#/usr/local/bin/cleocps#/usr/bin/cleocps#g' "$unit" >"$assets/$(basename "$unit")"
done

deb_opts=(--no-build --no-strip)
rpm_opts=()
if [ "$fast" = 1 ]; then
  deb_opts+=(--fast)
  rpm_opts+=(--payload-compress gzip)
fi
cargo deb --quiet "${deb_opts[@]}" >/dev/null
cargo generate-rpm ${rpm_opts[@]+"${rpm_opts[@]}"}
ls -1 "$target"/debian/cleocps_*.deb "$target"/generate-rpm/cleocps-*.rpm

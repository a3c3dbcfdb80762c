#!/usr/bin/env bash
# Deploy and the workspace under hostile inputs, measured (not a test): per
# reproduction, wall time, peak RSS and exit code of one cleocps binary,
# so the figures before and after a change can be compared. Each run is
# bounded (timeout, 1.5 GB address space), so an old binary that reads
# /dev/zero whole or waits forever is stopped and reported as such.
#   scripts/hostile-figures.sh [CLEOCPS_BINARY] [DIR]
# Default binary: the debug build (built first); default DIR: a temp dir.
# Needs openssl, /usr/bin/time, mkfifo, truncate.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -ge 1 ]; then
  bin=$(realpath "$1")
else
  cargo build -q --bin cleocps >&2
  target=$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
  bin=$target/debug/cleocps
fi
dir=${2:-$(mktemp -d)}
mkdir -p "$dir"; dir=$(cd "$dir" && pwd)
ws=$dir/ws
export LANG=C XDG_STATE_HOME=$dir/state XDG_CONFIG_HOME=$dir/config
c() { "$bin" --workspace "$ws" --lang en "$@"; }

# A throwaway CA, F/R and F/R2 certified by it (clear keys).
openssl req -x509 -newkey rsa:2048 -nodes -subj "/CN=Hostile Test Root" -days 30 \
  -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
  -keyout "$dir/ca.key" -out "$dir/ca.pem" 2>/dev/null
printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n' >"$dir/leaf.ext"
c folder create F >/dev/null
for r in R R2; do
  c request create "F/$r" --type ssl >/dev/null
  c keys generate "F/$r" --no-key-password >/dev/null 2>&1
  c request edit "F/$r" --cn "$r.example.fr" >/dev/null
  c request generate "F/$r" --csr-only >/dev/null
  openssl x509 -req -in "$ws/dossiers/F/$r/$r.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" \
    -CAcreateserial -days 30 -copy_extensions copyall -extfile "$dir/leaf.ext" \
    -out "$dir/$r.pem" 2>/dev/null
  c response import "F/$r" "$dir/$r.pem" --trust-anchor "$dir/ca.pem" >/dev/null
done
tls=$dir/tls; mkdir -p "$tls"
targets=(--cert "$tls/c.pem" --fullchain "$tls/f.pem" --key "$tls/k.pem")

# One run: label, time limit (s), then the command; prints time, peak RSS, exit code.
measure() {
  local label=$1 limit=$2; shift 2
  local out=$dir/time.txt code=0
  ( ulimit -v 1500000; /usr/bin/time -f '%e %M' -o "$out" timeout -s KILL "$limit" "$@" ) \
    >/dev/null 2>"$dir/err.txt" || code=$?
  read -r secs kb < <(tail -n 1 "$out") || { secs=?; kb=0; }
  [ "$code" = 137 ] && code="killed at ${limit} s"
  printf '%-52s %7s s %8s MB  exit %s\n' "$label" "$secs" "$((kb / 1024))" "$code"
}

echo "binary: $bin"
# 1. Twenty concurrent pairs: mismatched results (certificate vs key, fullchain vs certificate).
mismatch=0; stray=0
for i in $(seq 20); do
  c deploy F/R "${targets[@]}" >/dev/null 2>&1 & c deploy F/R2 "${targets[@]}" >/dev/null 2>&1 & wait
  a=$(openssl x509 -noout -pubkey -in "$tls/c.pem" 2>/dev/null || true)
  b=$(openssl pkey -pubout -in "$tls/k.pem" 2>/dev/null || true)
  f=$(openssl x509 -in "$tls/f.pem" 2>/dev/null || true); g=$(openssl x509 -in "$tls/c.pem" 2>/dev/null || true)
  { [ -n "$a" ] && [ "$a" = "$b" ] && [ "$f" = "$g" ]; } || mismatch=$((mismatch + 1))
done
stray=$(find "$tls" -name '*.cleocps-new*' -o -name '*.cleocps-restore*' -o -name '*.cleocps-lock' | wc -l)
printf '%-52s %s of 20 pairs mismatched, %s stray files\n' "concurrent deploy pairs" "$mismatch" "$stray"
# 2. One file named twice (a directory link).
ln -sfn "$tls" "$dir/tlslink"; echo precious >"$tls/a.pem"
c deploy F/R --fullchain "$tls/a.pem" --key "$dir/tlslink/a.pem" >/dev/null 2>&1 || true
printf '%-52s %s\n' "a.pem named twice: a.pem afterwards" "$(head -c 27 "$tls/a.pem" | head -1)"
# 3. A workspace file as target.
before=$(sha256sum <"$ws/dossiers/F/R/R.key"); cp "$ws/dossiers/F/R/R.key" "$dir/R.key.saved"
c deploy F/R --cert "$ws/dossiers/F/R/R.key" >/dev/null 2>&1 || true
[ "$(sha256sum <"$ws/dossiers/F/R/R.key")" = "$before" ] && k=unchanged || k=OVERWRITTEN
printf '%-52s %s\n' "deploy --cert <workspace>/R.key: the stored key" "$k"
cp "$dir/R.key.saved" "$ws/dossiers/F/R/R.key" # the damage undone for what follows
# 4. A device node (as root).
if [ "$(id -u)" = 0 ]; then
  rm -f "$dir/null"; mknod "$dir/null" c 1 3
  c deploy F/R --chain "$dir/null" >/dev/null 2>&1 || true
  printf '%-52s %s\n' "deploy --chain <mknod c 1 3>: the node afterwards" "$(stat -c %F "$dir/null")"
fi
# 5-6. Commands (with a 3 s --command-timeout where the binary has one).
cb=("$bin" --workspace "$ws" --lang en)
tflag=(); "$bin" deploy --help | grep -q command-timeout && tflag=(--command-timeout 3)
measure "--check 'sleep 1000'" 20 "${cb[@]}" deploy F/R2 --cert "$tls/c.pem" --check "sleep 1000" "${tflag[@]}"
measure "--reload 'sleep 15 & echo started'" 30 "${cb[@]}" deploy F/R --cert "$tls/c.pem" --reload "sleep 15 & echo started"
measure "--check yes" 6 "${cb[@]}" deploy F/R --cert "$tls/c.pem" --check yes "${tflag[@]}"
# 5. SIGTERM 1.5 s into a 5 s check: exit code, files back?, journaled?, the check's sleep orphaned?
c deploy F/R "${targets[@]}" >/dev/null 2>&1
before_sum=$(cat "$tls/c.pem" "$tls/k.pem" | sha256sum)
"${cb[@]}" deploy F/R2 "${targets[@]}" --check "sleep 5.5" >/dev/null 2>&1 & pid=$!
sleep 1.5; t0=$(date +%s.%N); kill -TERM "$pid"; code=0; wait "$pid" || code=$?
took=$(echo "$(date +%s.%N) - $t0" | bc)
[ "$(cat "$tls/c.pem" "$tls/k.pem" | sha256sum)" = "$before_sum" ] && back=previous || back=NEW
grep -q 'interrupted' "$ws/dossiers/F/R2/request.json" && j=journaled || j="not journaled"
orphans=$(pgrep -f 'sleep 5.5' || true)
printf '%-52s exit %s after %.2f s, %s files, %s, %s orphan\n' "SIGTERM during --check 'sleep 5'" \
  "$code" "$took" "$back" "$j" "$(echo "$orphans" | grep -c . || true)"
for o in $orphans; do kill "$o" 2>/dev/null || true; done
# 10. Inputs that never end.
echo pw >"$dir/pw"; truncate -s 2G "$dir/sparse"
measure "keys password --new-key-password-file /dev/zero" 5 "${cb[@]}" keys password F/R --new-key-password-file /dev/zero
measure "keys password --new-key-password-file <2 GB sparse>" 10 "${cb[@]}" keys password F/R --new-key-password-file "$dir/sparse"
measure "response import F/R /dev/zero" 5 "${cb[@]}" response import F/R /dev/zero
measure "request adopt --p12 /dev/zero" 5 "${cb[@]}" request adopt F/A --p12 /dev/zero --p12-password-file "$dir/pw"
measure "--config /dev/zero status" 5 "${cb[@]}" --config /dev/zero status
printf '{"smtp":{"host":"127.0.0.1","port":1,"security":"plain","user":"u","password_file":"/dev/zero"}}' >"$dir/smtp.json"
measure "doctor with smtp.password_file /dev/zero" 10 "${cb[@]}" --config "$dir/smtp.json" doctor
# 11. A mistyped workspace.
"$bin" --workspace "$dir/typo/ws" check >"$dir/check.txt" 2>/dev/null && code=0 || code=$?
[ -e "$dir/typo" ] && made=created || made="not created"
printf '%-52s exit %s, %s, "%s"\n' "check on a missing workspace" "$code" "$made" "$(head -c 60 "$dir/check.txt")"
rm -f "$dir/sparse"
[ $# -ge 2 ] || rm -rf "$dir"

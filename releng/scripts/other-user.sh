#!/usr/bin/env bash
# Runs the built product the way a user other than the installer does: from a root-owned, read-only
# copy, as `nobody` (whose home, /nonexistent, cannot be written), headless and with a window.
# Usage: releng/scripts/other-user.sh [PRODUCT_FOLDER]   (needs root and setpriv; exit 77 = skipped)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
. releng/scripts/env.sh
vmatlas_java_home
product="${1:-releng/org.vmatlas.product/target/products/org.vmatlas.product/linux/gtk/x86_64/vmatlas}"
user="${VMATLAS_OTHER_USER:-nobody}"
skip() { echo "SKIP: $*"; exit 77; }
[ -x "$product/vmatlas" ] || skip "no product at $product (build it: ./mvnw -o -B -ntp verify -DskipTests)"
[ "$(id -u)" = 0 ] || skip "only root can install a read-only copy and switch to $user"
command -v setpriv >/dev/null || skip "setpriv (util-linux) is missing"
id "$user" >/dev/null 2>&1 || skip "there is no user $user"

install=$(mktemp -d /tmp/vmatlas-installed.XXXXXX)
private=$(mktemp -d /tmp/vmatlas-other-user.XXXXXX)
trap 'rm -rf "$install" "$private"' EXIT
cp -r "$product/." "$install/"
chown -R root:root "$install"
chmod -R a+rX,go-w "$install"
chmod 755 "$install"
chown "$user" "$private"
mkdir "$private/out" && chown "$user" "$private/out"

as_user() {
  env -i PATH=/usr/bin:/bin HOME=/nonexistent TMPDIR="$private" JAVA_HOME="$JAVA_HOME" \
    setpriv --reuid="$user" --regid="$(id -g "$user")" --clear-groups "$@"
}
failures=0
check() { # check NAME EXPECTED_STATUS COMMAND...
  local name=$1 expected=$2 status=0
  shift 2
  as_user "$@" >"$private/stdout" 2>"$private/stderr" || status=$?
  if [ "$status" = "$expected" ]; then
    echo "ok   $name: status $status; stderr: $(tr '\n' '|' <"$private/stderr")"
  else
    echo "FAIL $name: status $status, expected $expected; stderr: $(tr '\n' '|' <"$private/stderr")"
    failures=$((failures + 1))
  fi
}

check "--headless --list" 0 "$install/vmatlas" --headless --list
grep -q "hint-conflict.vms" "$private/stdout" || { echo "FAIL --list printed no lessons"; failures=$((failures + 1)); }
check "headless render" 0 "$install/vmatlas" --headless --scenario hint-conflict --out "$private/out/map.png" --out "$private/out/regions.csv"
[ -s "$private/out/map.png" ] && [ -s "$private/out/regions.csv" ] || { echo "FAIL the render wrote no files"; failures=$((failures + 1)); }
check "bad input" 1 "$install/vmatlas" --headless --pid 1.7 --out "$private/out/x.csv"
grep -q "^vmatlas: --pid must be a process id, got 1.7$" "$private/stderr" || { echo "FAIL bad input: wrong message"; failures=$((failures + 1)); }

if command -v xvfb-run >/dev/null; then
  # The window for 20 s: it must appear, and nothing may be logged about unwritable folders.
  as_user xvfb-run -a -s "-screen 0 1600x1000x24" sh -c '
    "$1" >"$2/gui.out" 2>&1 & pid=$!
    shown=no
    for _ in $(seq 20); do
      sleep 1
      if command -v xwininfo >/dev/null && xwininfo -root -tree >"$2/windows" 2>&1 && grep -q "(\"vmatlas\" \"vmatlas\")  [0-9]\{3,\}x" "$2/windows"; then
        shown=yes
      fi
      kill -0 "$pid" 2>/dev/null || break
    done
    if kill -0 "$pid" 2>/dev/null; then alive=yes; kill "$pid"; else alive=no; fi
    wait "$pid" 2>/dev/null
    echo "$shown $alive" >"$2/gui.result"' gui "$install/vmatlas" "$private" || true
  read -r shown alive <"$private/gui.result" || { shown=no; alive=no; }
  log=$(find "$private" -path "*workspace/.metadata/.log" 2>/dev/null | head -n 1)
  denied=$(grep -v "settings go to" "$private/gui.out" ${log:+"$log"} | grep -iE "not writable|read-only file system|permission denied|AccessDenied" || true)
  if [ "$alive" = yes ] && [ -z "$denied" ] && { [ "$shown" = yes ] || ! command -v xwininfo >/dev/null; }; then
    echo "ok   window: shown=$shown (xwininfo), still running after 20 s, no folder errors; stderr: $(grep -v dbus "$private/gui.out" | tr '\n' '|')"
  else
    echo "FAIL window: shown=$shown alive=$alive; $denied"
    failures=$((failures + 1))
  fi
  if [ -n "$log" ] && grep -q "^!ENTRY .* 4 " "$log"; then
    echo "note the workbench logged errors of its own: $(grep -A1 "^!ENTRY .* 4 " "$log" | grep MESSAGE | sort -u | tr '\n' '|')"
  fi
else
  echo "SKIP window: xvfb-run is missing"
fi
[ "$failures" = 0 ] && echo "vmatlas runs as $user from a read-only installation" || exit 1

#!/usr/bin/env bash
# Measures how fast the built product starts: window up, and the demo's first call drawn, each
# counted from the JVM's start (median of N runs, default 5). Needs the product built (launch.sh).
# EXTRA_OPTS adds JVM options to try (e.g. EXTRA_OPTS=-XX:TieredStopAtLevel=1).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
. releng/scripts/env.sh
vmatlas_java_home
product=releng/org.vmatlas.product/target/products/org.vmatlas.product/linux/gtk/x86_64/vmatlas
runs=${1:-5}
log=$(mktemp)
for _ in $(seq "$runs"); do
  VMATLAS_JAVA_OPTS="-Dvmatlas.startupReport=true ${EXTRA_OPTS:-}" VMATLAS_WORKSPACE=$(mktemp -d) \
    timeout 30 xvfb-run -a "$product/vmatlas" > "$log.run" 2>&1 &
  pid=$!
  for _ in $(seq 150); do
    grep -q "first demo call drawn" "$log.run" 2>/dev/null && break
    sleep 0.1
  done
  grep "vmatlas startup" "$log.run" >> "$log" || true
  pkill -f "org.eclipse.equinox.launcher.*vmatlas" 2>/dev/null || kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
done
for what in "window up" "first demo call drawn"; do
  grep "$what" "$log" | grep -oE '[0-9]+ ms' | grep -oE '[0-9]+' | sort -n \
    | awk -v w="$what" '{a[NR]=$1} END {if (NR) printf "%s: median %d ms (min %d, max %d, %d runs)\n", w, a[int((NR+1)/2)], a[1], a[NR], NR}'
done
rm -f "$log" "$log.run"

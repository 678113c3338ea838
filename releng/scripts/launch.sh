#!/usr/bin/env bash
# Command 1: installs what is missing, builds the product if it is missing or older than the sources,
# and starts vmatlas, which plays its built-in demo in the sandbox.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
. releng/scripts/env.sh
vmatlas_java_home
vmatlas_install_packages
product=releng/org.vmatlas.product/target/products/org.vmatlas.product/linux/gtk/x86_64/vmatlas
stamp="$product/vmatlas"
if [ ! -x "$stamp" ] || [ -n "$(find pom.xml bundles features releng/org.vmatlas.target releng/org.vmatlas.product \
      -newer "$stamp" -type f -not -path '*/target/*' -print -quit)" ]; then
  echo "Building the vmatlas product (first time: a few minutes) ..."
  ./mvnw -B -ntp -q -DskipTests verify
  touch "$stamp"
fi
if [ -z "${DISPLAY:-}" ]; then
  echo "No DISPLAY: starting vmatlas on a virtual display (Xvfb). Set DISPLAY to see the window." >&2
fi
vmatlas_with_display "$product/vmatlas" "$@"

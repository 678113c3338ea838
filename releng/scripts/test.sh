#!/usr/bin/env bash
# Command 2: installs what is missing, then runs every test of vmatlas (./mvnw verify), under Xvfb
# when there is no display.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
. releng/scripts/env.sh
vmatlas_java_home
vmatlas_install_packages
echo "Java: $JAVA_HOME"
vmatlas_with_display ./mvnw -B -ntp verify "$@"

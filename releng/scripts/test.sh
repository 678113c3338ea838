#!/usr/bin/env bash
# Command 2: installs what is missing, then runs every test of vmatlas (./mvnw verify), under Xvfb
# when there is no display. Ends with the list of skipped tests and their reasons; under CI=true a skip
# fails the run unless the kernel withheld a permission the test needs (ptrace in some containers).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
. releng/scripts/env.sh
vmatlas_java_home
vmatlas_install_packages
echo "Java: $JAVA_HOME"
status=0
vmatlas_with_display ./mvnw -B -ntp verify "$@" || status=$?
strict=()
[ "${CI:-}" = true ] && strict=(--strict)
"$JAVA_HOME/bin/java" releng/scripts/SkippedTests.java "${strict[@]}" || { [ "$status" -ne 0 ] || status=1; }
exit "$status"

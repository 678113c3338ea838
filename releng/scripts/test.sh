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
if [ "$status" -eq 0 ]; then
  # The product exists only now, after the reactor: run it as a user other than its installer.
  echo "Running the built product as another user (releng/scripts/other-user.sh) ..."
  other=0
  bash releng/scripts/other-user.sh || other=$?
  if [ "$other" -eq 77 ]; then
    [ "${CI:-}" = true ] && { echo "other-user.sh was skipped under CI: the machine lacks what it needs"; status=1; }
  elif [ "$other" -ne 0 ]; then
    status=$other
  fi
fi
exit "$status"

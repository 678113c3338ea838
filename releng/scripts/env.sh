# Shared by the vmatlas scripts: finds Java 25 and installs the Debian packages that are missing.
# Source it; it defines JAVA_HOME and the functions below.

VMATLAS_JDK_DEFAULT=/usr/lib/jvm/temurin-25-jdk-amd64

vmatlas_java_home() {
  local candidate
  for candidate in "${VMATLAS_JAVA_HOME:-}" "${JAVA_HOME:-}" "$VMATLAS_JDK_DEFAULT"; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] \
       && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  # Debian 12 has no Java 25 package; a machine with the Adoptium apt source has temurin-25-jdk.
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get install -y -q temurin-25-jdk >/dev/null 2>&1 || true
    if [ -x "$VMATLAS_JDK_DEFAULT/bin/java" ]; then
      export JAVA_HOME="$VMATLAS_JDK_DEFAULT"
      return 0
    fi
  fi
  echo "vmatlas needs Java 25 (Temurin) at $VMATLAS_JDK_DEFAULT, or JAVA_HOME pointing to a Java 25 JDK;" \
       "the FFM API it uses is final only since Java 22. Install temurin-25-jdk and retry." >&2
  return 1
}

# Installs what running and testing need, only when something is missing (so a warm machine stays offline).
vmatlas_install_packages() {
  local missing=() pkg
  for pkg in xvfb xauth libgtk-3-0 strace gcc python3 golang-go; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "vmatlas needs these Debian packages: ${missing[*]} (run as root or: sudo apt-get install ${missing[*]})" >&2
    return 1
  fi
  echo "Installing ${missing[*]} ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
}

# Runs a command on the current display, or on a private Xvfb one when there is none.
vmatlas_with_display() {
  if [ -n "${DISPLAY:-}" ]; then
    "$@"
  else
    xvfb-run -a -s "-screen 0 1600x1000x24" "$@"
  fi
}

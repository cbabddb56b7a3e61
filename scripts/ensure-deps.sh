#!/usr/bin/env bash
# Installs what a bare machine of this kind lacks: Node packages from the lockfile and redis-server
# (what running needs: `npm start`), plus, for the tests only, chromium (--test) and PostgreSQL
# (--postgres), from Debian's packages when we may use apt-get.
# Safe to run again: each step is skipped when already satisfied.
# ENSURE_DEPS_PLAN=1 prints what this mode needs (one name a line) and installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

need_postgres=false
need_test=false
for arg in "$@"; do
  case "$arg" in
    --postgres) need_postgres=true ;;
    --test) need_test=true ;;
    *) echo "usage: ensure-deps.sh [--test] [--postgres]" >&2; exit 2 ;;
  esac
done

if [ "${ENSURE_DEPS_PLAN:-}" = 1 ]; then
  echo "node-packages"
  echo "redis-server"
  [ "$need_test" = true ] && echo "chromium"
  [ "$need_postgres" = true ] && echo "postgresql"
  exit 0
fi

can_apt() { command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" = 0 ] || sudo -n true 2>/dev/null; }; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }
apt_updated=false
apt_install() {
  if ! can_apt; then
    echo "Missing $*: install it with your package manager (Debian/Ubuntu: sudo apt-get install $*)." >&2
    return 1
  fi
  if [ "$apt_updated" = false ]; then as_root apt-get update -qq >/dev/null; apt_updated=true; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if ! command -v redis-server >/dev/null 2>&1 && [ ! -x /usr/bin/redis-server ]; then
  echo "› installing redis-server (Debian package)"
  apt_install redis-server
  # The package's own service is not ours: nhiemvu starts a private redis-server on its own port.
  (as_root service redis-server stop || true) >/dev/null 2>&1
fi

# Imports read scanned PDFs and images by OCR at run time: Tesseract with its Vietnamese data, and
# pdftoppm (poppler-utils) to rasterise PDF pages.
ocr_missing=()
command -v tesseract >/dev/null 2>&1 || ocr_missing+=(tesseract-ocr)
{ command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>&1 | grep -qx vie; } || ocr_missing+=(tesseract-ocr-vie)
command -v pdftoppm >/dev/null 2>&1 || ocr_missing+=(poppler-utils)
if [ ${#ocr_missing[@]} -gt 0 ]; then
  echo "› installing ${ocr_missing[*]} (Debian packages, for OCR of scanned documents)"
  apt_install "${ocr_missing[@]}"
fi

# The web UI's browser tests (test/e2e/web.e2e-spec.ts) drive Debian's Chromium with playwright-core;
# no browser is ever downloaded by npm. Running the app does not need it.
if [ "$need_test" = true ] && ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  echo "› installing chromium (Debian package, for the web UI tests)"
  apt_install chromium
fi

if [ "$need_postgres" = true ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "› installing postgresql (Debian package)"
  apt_install postgresql
  (as_root service postgresql stop || true) >/dev/null 2>&1
fi

# node_modules matching the lockfile (npm ci only when it is missing or older than the lockfile).
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "› installing Node packages (npm ci)"
  if ! npm ci --no-audit --no-fund --loglevel=error 2>/tmp/nhiemvu-npm-ci.log; then
    # npm 11 validates optional platform packages (other OS/CPU builds of swc, msgpackr…) that the
    # registry this machine reaches may not list, and refuses the lockfile. npm install still installs
    # exactly the locked versions; the committed lockfile is restored afterwards.
    grep -q 'EUSAGE' /tmp/nhiemvu-npm-ci.log || { cat /tmp/nhiemvu-npm-ci.log >&2; exit 1; }
    echo "› npm ci refused the lockfile's optional platform entries; installing the locked versions with npm install"
    npm install --no-audit --no-fund --loglevel=error
    git checkout -- package-lock.json 2>/dev/null || true
  fi
fi

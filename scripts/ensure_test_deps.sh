#!/usr/bin/env bash
# Installs what the tests need from Debian when it is missing: Chromium for the
# browser tests, Jupyter's nbconvert and nbclient for the notebook tests,
# PostgreSQL's server binaries (initdb, pg_ctl) for the warehouse tests.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v jupyter-nbconvert >/dev/null 2>&1 || missing+=(jupyter-nbconvert)
command -v jupyter >/dev/null 2>&1 || missing+=(jupyter-core)
/usr/bin/python3 -c "import nbclient" >/dev/null 2>&1 || missing+=(python3-nbclient)
/usr/bin/python3 -c "import ipykernel" >/dev/null 2>&1 || missing+=(python3-ipykernel)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
echo "Installing test dependencies from Debian: ${missing[*]}" >&2
if [ "$(id -u)" -ne 0 ]; then
  echo "error: the tests need ${missing[*]}; install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2

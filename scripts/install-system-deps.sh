#!/usr/bin/env bash
# Debian packages the test suite needs: Chromium for the browser tests of the HTML views, a Korean font so that
# screenshots show Hangul labels instead of boxes, and Virtuoso 7 (virtuoso-t), which the triplestore tests start
# on loopback with a database of their own (tests/virtuoso_server.py), and Java for the OWL reasoners HermiT and
# Pellet that owlready2 runs (tests/test_owl.py).
# Installs only what is missing; needs root (CI runs as root) or sudo. Installing Virtuoso must not leave the
# system's Virtuoso service running: while apt runs, a policy-rc.d that denies every service start is put in place
# (unless the machine already has one, as Debian's Docker images do) and removed afterwards.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -d /usr/share/fonts/truetype/nanum ] || missing+=(fonts-nanum)
command -v virtuoso-t >/dev/null 2>&1 || missing+=(virtuoso-opensource)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "install-system-deps: need root to install: ${missing[*]}" >&2; exit 1; fi
else SUDO=""; fi
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\n# install-system-deps.sh: no service starts while it installs packages\nexit 101\n' \
    | $SUDO tee "$policy" >/dev/null
  $SUDO chmod 755 "$policy"
  trap '$SUDO rm -f "$policy"' EXIT
fi
apt=($SUDO env DEBIAN_FRONTEND=noninteractive apt-get)  # (sudo would drop an exported variable)
"${apt[@]}" update -qq
"${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
command -v chromium virtuoso-t isql-vt java

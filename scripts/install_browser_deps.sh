#!/usr/bin/env bash
# Installs what the browser suite needs: Debian's Chromium + ChromeDriver (never a downloaded
# browser) and axe-core from the npm registry. Says clearly what it could not install; the
# browser tests then skip with that reason.
set -u
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium for the browser suite…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) \
      || echo "WARNING: could not install chromium with apt-get: browser tests will be skipped."
  else
    echo "WARNING: /usr/bin/chromium is missing and apt-get cannot run here: browser tests will be skipped."
  fi
fi
AXE_VERSION=4.11.0
if [ ! -f .cache/axe/node_modules/axe-core/axe.min.js ]; then
  if command -v npm >/dev/null; then
    npm install --silent --no-audit --no-fund --prefix .cache/axe "axe-core@${AXE_VERSION}" >/dev/null \
      || echo "WARNING: could not install axe-core with npm: accessibility checks will be skipped."
  else
    echo "WARNING: npm is missing: accessibility checks will be skipped."
  fi
fi
exit 0

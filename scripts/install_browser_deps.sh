#!/usr/bin/env bash
# Installs what the browser suite (tests/e2e) needs: Debian's Chromium (never a downloaded
# browser; Playwright drives it directly, no ChromeDriver) and axe-core from the npm registry.
# Says clearly what it could not install; the browser tests then skip with that reason.
set -u
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium for the browser suite…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "WARNING: could not install chromium with apt-get: browser tests will be skipped."
  else
    echo "WARNING: /usr/bin/chromium is missing and apt-get cannot run here: browser tests will be skipped."
  fi
fi
AXE_VERSION=4.11.0
AXE_DIR=.cache/axe/node_modules/axe-core
if ! grep -qs "\"version\": \"${AXE_VERSION}\"" "${AXE_DIR}/package.json" || [ ! -f "${AXE_DIR}/axe.min.js" ]; then
  if command -v npm >/dev/null; then
    echo "Installing axe-core ${AXE_VERSION} for the accessibility checks…"
    npm install --silent --no-audit --no-fund --no-save --prefix .cache/axe "axe-core@${AXE_VERSION}" >/dev/null \
      || echo "WARNING: could not install axe-core with npm: accessibility checks will be skipped."
  else
    echo "WARNING: npm is missing: accessibility checks will be skipped."
  fi
fi
exit 0

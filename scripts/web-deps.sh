#!/usr/bin/env bash
# Installs the portal's npm packages (gov.br design system, htmx, the browser
# test tools) into web/node_modules with `npm ci`, only when node_modules is
# missing or was installed from another package-lock.json (a stamp holds the
# lock file's hash), so a second run is a no-op and needs no network.
set -euo pipefail
cd "$(dirname "$0")/../web"

stamp=node_modules/.guiche-lock-sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi

echo "web-deps: npm ci in web/"
# --ignore-scripts: no package here needs an install script (Font Awesome's
# only prints its attribution), and playwright-core must not fetch a browser.
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
echo "$want" >"$stamp"

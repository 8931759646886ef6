#!/usr/bin/env bash
# The Debian package: built by CPack from a build tree, inspected with dpkg-deb,
# installed into a temporary root with dpkg (its maintainer scripts see
# DPKG_ROOT and leave this machine alone), its unit checked by systemd-analyze,
# and its binary serving the demo from the files it installed. No network.
# Usage: package_test.sh BUILD_DIR   (configured and built, as `make build` does)
# Ends with "package: N passed, M failed"; exits non-zero when one failed.
set -uo pipefail

build=$(cd "${1:?usage: package_test.sh BUILD_DIR}" && pwd)
work=$(mktemp -d /tmp/guiche-package.XXXXXX)
root="$work/root"
server_pid=""
passed=0
failed=0

cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null
    wait "$server_pid" 2>/dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT

ok() {
  echo "ok   $1"
  passed=$((passed + 1))
}
fail() {
  echo "FAIL $1"
  if [ $# -gt 1 ]; then printf '%s\n' "$2" | tail -n 30 | sed 's/^/     /'; fi
  failed=$((failed + 1))
}
finish() {
  echo "package: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit
}
# check NAME COMMAND...: passes when the command succeeds.
check() {
  local name=$1
  shift
  local out
  if out=$("$@" 2>&1); then ok "$name"; else fail "$name" "$out"; fi
}

# --- build --------------------------------------------------------------------------------------
if ! cpack --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1; then
  fail "cpack builds the .deb" "$(cat "$work/cpack.log")"
  finish
fi
deb=$(ls "$work"/out/guiche_*.deb 2>/dev/null | head -n 1)
if [ -z "$deb" ]; then
  fail "cpack builds the .deb" "$(cat "$work/cpack.log")"
  finish
fi
ok "cpack builds $(basename "$deb")"

# --- inspect ------------------------------------------------------------------------------------
info=$(dpkg-deb --info "$deb")
contents=$(dpkg-deb --contents "$deb")
has_field() { grep -Eq "$1" <<<"$info"; }
check "control: package guiche" has_field '^ Package: guiche$'
# dpkg-shlibdeps found the runtime libraries; the rest is declared.
for dep in libc6 libsqlite3-0 libpq5 libtomlplusplus3 libcurl4 libgmime-3.0-0 libjemalloc2 \
  adduser tzdata libmagic-mgc; do
  check "control: depends on $dep" has_field "^ Depends:.*\\b$dep\\b"
done
check "control: /etc/guiche/guiche.toml is a conffile" \
  bash -c 'dpkg-deb --ctrl-tarfile "$1" | tar -xOf - ./conffiles | grep -qx /etc/guiche/guiche.toml' \
  _ "$deb"
has_file() { grep -Eq " \\./$1\$" <<<"$contents"; }
for file in usr/bin/guiche \
  usr/share/guiche/web/templates/.+\\.mustache \
  usr/share/guiche/web/i18n/pt-BR/.+ \
  usr/share/guiche/web/static/app\\.css \
  usr/share/guiche/web/package-lock\\.json \
  usr/share/guiche/web/node_modules/@govbr-ds/core/dist/core\\.min\\.css \
  usr/share/guiche/web/node_modules/@fortawesome/fontawesome-free/webfonts/.+\\.woff2 \
  usr/share/guiche/web/node_modules/@fontsource/raleway/.+\\.css \
  usr/share/guiche/web/node_modules/htmx\\.org/dist/htmx\\.min\\.js \
  usr/share/guiche/web/node_modules/htmx-ext-sse/dist/sse\\.min\\.js \
  usr/share/guiche/whatsapp_templates\\.json \
  usr/lib/systemd/system/guiche\\.service \
  etc/guiche/guiche\\.toml \
  usr/share/man/man1/guiche\\.1\\.gz; do
  check "contents: /$file" has_file "$file"
done
no_test_tools() { ! grep -q playwright <<<"$contents"; }
check "contents: no test tools (playwright-core) in the package" no_test_tools

# --- install ------------------------------------------------------------------------------------
# dpkg itself into an empty root: its own database, the dependencies (this machine's) not
# checked there, the maintainer scripts run outside a chroot with DPKG_ROOT set.
install_deb() {
  dpkg --root="$root" --log=/dev/null --force-depends --force-script-chrootless --force-not-root \
    --force-confold -i "$deb"
}
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
touch "$root/var/lib/dpkg/status"
if out=$(install_deb 2>&1); then
  ok "dpkg --root installs the package"
else
  fail "dpkg --root installs the package (falling back to dpkg -x)" "$out"
  rm -rf "$root" && mkdir -p "$root" && dpkg -x "$deb" "$root"
fi
check "installed: /usr/bin/guiche runs" "$root/usr/bin/guiche" --help
man_page_reads() {
  LC_ALL=C.UTF-8 MANWIDTH=100 man -l "$root/usr/share/man/man1/guiche.1.gz" 2>/dev/null |
    grep -q 'HOST:PORTA'
}
check "installed: the man page reads (and documents serve --listen)" man_page_reads
check "installed: guiche config check accepts the default configuration" \
  "$root/usr/bin/guiche" config check "$root/etc/guiche/guiche.toml"

# An upgrade (the same package again) keeps the administrator's configuration.
echo '# local change' >>"$root/etc/guiche/guiche.toml"
if [ -s "$root/var/lib/dpkg/status" ] && out=$(install_deb 2>&1); then
  check "upgrade: the edited conffile is kept" grep -qx '# local change' "$root/etc/guiche/guiche.toml"
elif [ -s "$root/var/lib/dpkg/status" ]; then
  fail "upgrade: dpkg -i again" "$out"
fi

# --- the systemd unit ---------------------------------------------------------------------------
unit="$root/usr/lib/systemd/system/guiche.service"
for setting in 'User=guiche' 'StateDirectory=guiche' 'ProtectSystem=strict' \
  'ReadWritePaths=/var/lib/guiche' 'NoNewPrivileges=yes' 'PrivateTmp=yes' 'ProtectHome=yes' \
  'Restart=on-failure' 'ExecStart=/usr/bin/guiche serve'; do
  check "unit: $setting" grep -qx "$setting" "$unit"
done
if command -v systemd-analyze >/dev/null; then
  # Against the installed root: its /usr/bin/guiche, its man page (Documentation=man:), and
  # this machine's systemd units for the targets it names. Any warning fails the check.
  cp -an /lib/systemd/system/. "$root/usr/lib/systemd/system/"
  verify=$(MANPATH="$root/usr/share/man" \
    systemd-analyze verify --root="$root" guiche.service 2>&1)
  code=$?
  if [ "$code" = 0 ] && [ -z "$verify" ]; then
    ok "unit: systemd-analyze verify"
  else
    fail "unit: systemd-analyze verify" "$verify"
  fi
else
  echo "skip unit: systemd-analyze verify (systemd-analyze not installed)"
fi

# --- the installed binary serves the demo with the installed web files ---------------------------
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# No --web: the installed binary finds /usr/share/guiche/web next to it. The installed
# configuration gives data = /var/lib/guiche; the command line overrides it.
"$root/usr/bin/guiche" serve --config "$root/etc/guiche/guiche.toml" --demo \
  --listen "127.0.0.1:$port" --data "$work/data" >"$work/serve.log" 2>&1 &
server_pid=$!
base="http://127.0.0.1:$port"
# The final status, after redirects (/ sends a visitor to /entrar).
status_of() { curl -sL -o /dev/null -w '%{http_code}' --max-time 10 "$base$1"; }
up=""
for _ in $(seq 1 600); do
  if [ "$(status_of /api/v1/health)" = 200 ]; then
    up=yes
    break
  fi
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
if [ -n "$up" ]; then ok "serve --demo answers /api/v1/health"; else fail "serve --demo starts" "$(cat "$work/serve.log")"; fi
if [ -n "$up" ]; then
  check "GET / answers 200 (after its redirect to /entrar)" test "$(status_of /)" = 200
  check "GET /api/v1/health answers 200" test "$(status_of /api/v1/health)" = 200
  page=$(curl -sL --max-time 10 "$base/")
  for asset in govbr/core.min.css fontawesome/css/all.min.css htmx/htmx.min.js \
    raleway/latin-400.css app/app.css; do
    url=$(grep -o "/static/[0-9a-f]*/$asset" <<<"$page" | head -n 1)
    check "GET $asset (design system, from /usr/share/guiche/web) answers 200" \
      test -n "$url" -a "$(status_of "$url")" = 200
  done
  kill -TERM "$server_pid"
  wait "$server_pid"
  code=$?
  server_pid=""
  check "serve exits 0 on SIGTERM" test "$code" = 0
fi

finish

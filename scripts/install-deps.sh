#!/usr/bin/env bash
# Installs the Debian packages Guichê builds, runs and tests with, only those
# not present yet (so a second run is a no-op and needs no network).
# The full list, with the reason for each, is in README.md ("Dependencies").
set -euo pipefail

packages=(
  build-essential cmake pkg-config clang-format
  clang libclang-rt-14-dev
  libsqlite3-dev sqlite3
  libpq-dev postgresql-15 postgresql-contrib
  nlohmann-json3-dev libsodium-dev libmagic-dev libmagic-mgc
  libcli11-dev libtomlplusplus-dev libjemalloc-dev
  librestinio-dev libasio-dev libhttp-parser-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libhowardhinnant-date-dev tzdata
  libcurl4-openssl-dev libgmime-3.0-dev libkainjow-mustache-dev python3-aiosmtpd python3-dateutil python3-prometheus-client dovecot-imapd chromium
  poppler-utils
  libarchive-dev
  libldap-dev slapd ldap-utils
  librhonabwy-dev glewlwyd
  help2man dpkg-dev systemd man-db curl
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages (${missing[*]}); run as root or install them with apt-get" >&2
  exit 1
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"

#!/usr/bin/env bash
# Runs every test of the project against real servers started here on 127.0.0.1.
# Usage: run-tests.sh BUILD_DIR [BUILD_DIR...]  (each a configured, built tree)
set -euo pipefail
cd "$(dirname "$0")/.."

# The tests' files (SQLite databases, attachments, spools, the browser's profile) go to a
# memory file system when it has room: they are real files either way, but on disk every SQLite
# commit waits for its fsync (an app suite on SQLite: 3.7 s on disk, 1.2 s in /dev/shm).
# A container's /dev/shm is often 64 MB, so it must have 4 GB free.
if [ -d /dev/shm ] && [ "$(df --output=avail -k /dev/shm 2>/dev/null | tail -1)" -gt 4194304 ] 2>/dev/null; then
  TMPDIR=$(mktemp -d /dev/shm/guiche-tests.XXXXXX)
  export TMPDIR
  guiche_tmpfs=$TMPDIR
fi
# Without fsync: see scripts/test-servers/postgres.sh.
GUICHE_TEST_PG_URL=$(GUICHE_TEST_PG_FSYNC=off scripts/test-servers/postgres.sh start)
export GUICHE_TEST_PG_URL
trap 'scripts/test-servers/postgres.sh stop; scripts/test-servers/smtp.sh stop; scripts/test-servers/imap.sh stop; scripts/test-servers/whatsapp.sh stop; scripts/test-servers/ldap.sh stop; scripts/test-servers/oidc.sh stop; [ -z "${guiche_tmpfs:-}" ] || rm -rf "$guiche_tmpfs"' EXIT
# The SMTP sink: its port and the maildir where accepted messages land.
read -r GUICHE_TEST_SMTP_PORT GUICHE_TEST_SMTP_MAILDIR < <(scripts/test-servers/smtp.sh start)
export GUICHE_TEST_SMTP_PORT GUICHE_TEST_SMTP_MAILDIR
# Dovecot for the IMAP poller: port, user, password, and the directory of its config (doveadm).
read -r GUICHE_TEST_IMAP_PORT GUICHE_TEST_IMAP_USER GUICHE_TEST_IMAP_PASSWORD GUICHE_TEST_IMAP_DIR \
  < <(scripts/test-servers/imap.sh start)
export GUICHE_TEST_IMAP_PORT GUICHE_TEST_IMAP_USER GUICHE_TEST_IMAP_PASSWORD GUICHE_TEST_IMAP_DIR
# The fake WhatsApp Cloud API: its port and base URL (tests each use their own phone number id).
read -r GUICHE_TEST_WHATSAPP_PORT GUICHE_TEST_WHATSAPP_URL < <(scripts/test-servers/whatsapp.sh start)
export GUICHE_TEST_WHATSAPP_PORT GUICHE_TEST_WHATSAPP_URL
# OpenLDAP's slapd with an AD-like tree for the directory sign-in (StartTLS with its own CA).
read -r GUICHE_TEST_LDAP_URL GUICHE_TEST_LDAP_BASE_DN GUICHE_TEST_LDAP_BIND_DN \
  GUICHE_TEST_LDAP_BIND_PASSWORD GUICHE_TEST_LDAP_CA_FILE GUICHE_TEST_LDAP_DIR \
  < <(scripts/test-servers/ldap.sh start)
export GUICHE_TEST_LDAP_URL GUICHE_TEST_LDAP_BASE_DN GUICHE_TEST_LDAP_BIND_DN \
  GUICHE_TEST_LDAP_BIND_PASSWORD GUICHE_TEST_LDAP_CA_FILE GUICHE_TEST_LDAP_DIR
# Glewlwyd, a real OpenID Connect provider, for the OpenID Connect sign-in (two issuers, one key).
read -r GUICHE_TEST_OIDC_ISSUER GUICHE_TEST_OIDC_CLIENT_ID GUICHE_TEST_OIDC_CLIENT_SECRET \
  GUICHE_TEST_OIDC_DIR GUICHE_TEST_OIDC_ISSUER2 < <(scripts/test-servers/oidc.sh start)
export GUICHE_TEST_OIDC_ISSUER GUICHE_TEST_OIDC_CLIENT_ID GUICHE_TEST_OIDC_CLIENT_SECRET \
  GUICHE_TEST_OIDC_DIR GUICHE_TEST_OIDC_ISSUER2

status=0
for dir in "$@"; do
  echo "== ctest in $dir"
  # Two tests per core in the normal build: most of a test's time is spent waiting on its servers
  # (PostgreSQL, HTTP, the outbox workers), so at one per core the cores stand half idle (324 s
  # instead of 572 s on two cores). Under the sanitizers the tests keep the cores busy, and more
  # of them at once only made the run longer.
  jobs=$(($(nproc) * 2))
  if grep -q '^GUICHE_SANITIZE:BOOL=ON' "$dir/CMakeCache.txt"; then jobs=$(nproc); fi
  ctest --test-dir "$dir" --output-on-failure -j "$jobs" --timeout 600 || status=1
done
# The portal in a real browser (Debian's Chromium), against the first build.
echo "== e2e (tests/e2e/*.spec.mjs)"
node tests/e2e/run.mjs "$1/guiche" "$1/screenshots" </dev/null || status=1
exit $status

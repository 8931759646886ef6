#!/usr/bin/env bash
# Starts (or stops) a throwaway Dovecot IMAP server (dovecot-imapd) on
# 127.0.0.1 for the tests, with its own configuration and one user.
# Usage: imap.sh start|stop   — start prints "PORT USER PASSWORD DIR"; messages are
# seeded with `doveadm -c DIR/dovecot.conf save -u USER [-m MAILBOX] < msg.eml`
# (curl's APPEND would mark them \Seen).
# GUICHE_TEST_IMAP_PORT picks the port (default 51143), GUICHE_TEST_IMAP_DIR the directory.
set -euo pipefail

PORT=${GUICHE_TEST_IMAP_PORT:-51143}
DIR=${GUICHE_TEST_IMAP_DIR:-/tmp/guiche-imap-$PORT}
USER_NAME=agent
PASSWORD=secret
CONF=$DIR/dovecot.conf

running() {
  [ -f "$DIR/run/master.pid" ] && kill -0 "$(cat "$DIR/run/master.pid")" 2>/dev/null
}

case "${1:-}" in
  start)
    # A fresh server starts with empty mailboxes: tests name theirs after
    # their process id, which a later run may reuse.
    running || rm -rf "$DIR/mail"
    mkdir -p "$DIR/run" "$DIR/mail"
    chmod 0777 "$DIR/mail"
    echo "$USER_NAME:{PLAIN}$PASSWORD" >"$DIR/users"
    cat >"$CONF" <<CONF
protocols = imap
listen = 127.0.0.1
base_dir = $DIR/run
state_dir = $DIR/run
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
log_path = $DIR/dovecot.log
mail_location = maildir:$DIR/mail/%u
first_valid_uid = 1
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $DIR/users
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=$DIR/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $PORT
  }
  inet_listener imaps {
    port = 0
  }
}
CONF
    if ! running; then
      /usr/sbin/dovecot -c "$CONF"
      for _ in $(seq 100); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then break; fi
        sleep 0.05
      done
      if ! (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
        echo "imap.sh: dovecot did not start (see $DIR/dovecot.log)" >&2
        exit 1
      fi
    fi
    echo "$PORT $USER_NAME $PASSWORD $DIR"
    ;;
  stop)
    if running; then
      /usr/sbin/dovecot -c "$CONF" stop 2>/dev/null || true
      for _ in $(seq 100); do running || break; sleep 0.05; done
    fi
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac

#!/usr/bin/env bash
# Starts (or stops) a throwaway SMTP sink (python3-aiosmtpd) on 127.0.0.1 for
# the tests; every message it accepts lands as one file in a maildir.
# Usage: smtp.sh start|stop   — start prints "PORT MAILDIR".
# Debian's aiosmtpd is installed for /usr/bin/python3 only (not another python3 on PATH).
set -euo pipefail

PORT=${GUICHE_TEST_SMTP_PORT:-2525}
DIR=${GUICHE_TEST_SMTP_DIR:-/tmp/guiche-smtp-$PORT}
PIDFILE=$DIR/aiosmtpd.pid

running() {
  [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null
}

case "${1:-}" in
  start)
    mkdir -p "$DIR/maildir/cur" "$DIR/maildir/new" "$DIR/maildir/tmp"
    if ! running; then
      # -n: no setuid to "nobody"; the Mailbox handler writes a maildir.
      nohup /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$PORT" \
        -c aiosmtpd.handlers.Mailbox "$DIR/maildir" >"$DIR/aiosmtpd.log" 2>&1 &
      echo $! >"$PIDFILE"
      for _ in $(seq 100); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then break; fi
        sleep 0.05
      done
      if ! (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
        echo "smtp.sh: aiosmtpd did not start (see $DIR/aiosmtpd.log)" >&2
        exit 1
      fi
    fi
    echo "$PORT $DIR/maildir"
    ;;
  stop)
    if running; then
      pid=$(cat "$PIDFILE")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    fi
    rm -f "$PIDFILE"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac

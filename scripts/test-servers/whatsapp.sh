#!/usr/bin/env bash
# Starts (or stops) the fake WhatsApp Cloud API (whatsapp_cloud.py) on
# 127.0.0.1 for the tests, checking template sends against the shipped
# config/whatsapp_templates.json. Tests share it: each uses its own phone
# number id (see the control API at the top of whatsapp_cloud.py).
# Usage: whatsapp.sh start|stop   — start prints "PORT URL" (URL: the API base with its version).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
PORT=${GUICHE_TEST_WHATSAPP_PORT:-8765}
DIR=${GUICHE_TEST_WHATSAPP_DIR:-/tmp/guiche-whatsapp-$PORT}
PIDFILE=$DIR/whatsapp_cloud.pid

running() {
  [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null
}

case "${1:-}" in
  start)
    mkdir -p "$DIR"
    if ! running; then
      nohup /usr/bin/python3 "$HERE/whatsapp_cloud.py" "$PORT" fake-token \
        --templates "$HERE/../../config/whatsapp_templates.json" >"$DIR/whatsapp_cloud.log" 2>&1 &
      echo $! >"$PIDFILE"
      for _ in $(seq 100); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then break; fi
        sleep 0.05
      done
      if ! (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
        echo "whatsapp.sh: the fake Cloud API did not start (see $DIR/whatsapp_cloud.log)" >&2
        exit 1
      fi
    fi
    echo "$PORT http://127.0.0.1:$PORT/v21.0"
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

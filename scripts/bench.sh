#!/usr/bin/env bash
# Runs every benchmark under bench/ against real engines started here.
set -euo pipefail
cd "$(dirname "$0")/.."
base=$(scripts/test-servers/postgres.sh start)
trap 'scripts/test-servers/postgres.sh stop' EXIT
psql -q "$base" -c 'DROP DATABASE IF EXISTS guiche_bench' -c 'CREATE DATABASE guiche_bench' >/dev/null
build/bench_register_requests --postgres "${base%/postgres}/guiche_bench" "$@"
build/bench_mail_parse
build/bench_whatsapp_outbound
build/bench_whatsapp_inbound

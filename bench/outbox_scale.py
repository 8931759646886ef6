#!/usr/bin/env python3
"""The outbox's queries at state scale, on both engines.

Fills a freshly migrated desk's outbox as 1,000,000 tickets leave it (two
e-mail notices and one webhook delivery each, all sent, plus a few hundred
still due on each channel), then times the queries the notice transports and
the mail intake's loop guard run, each against a primary-key read of the same
run (the baseline). Tickets themselves are not written: the queries read only
the outbox (foreign keys are off while filling).

Usage: bench/outbox_scale.py BUILD_DIR POSTGRES_URL [TICKETS]
"""
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

build, pg_url = sys.argv[1], sys.argv[2]
tickets = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
due = 500
now = 1_800_000_000_000

QUERIES = {
    "baseline: one row by id":
        "SELECT id FROM outbox WHERE id = {mid}",
    "e-mail claim (one due message)":
        "SELECT id FROM outbox WHERE channel = 'email' AND status = 'pending' AND "
        "next_attempt_at <= {now} ORDER BY next_attempt_at, id LIMIT 1",
    "webhook claim, in order per ticket (one due)":
        "SELECT o.id FROM outbox o JOIN webhook_subscriptions s ON s.id = o.webhook_id AND "
        "s.active = 1 WHERE o.channel = 'webhook' AND o.status = 'pending' AND "
        "o.next_attempt_at <= {now} "
        "AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.webhook_id = o.webhook_id AND "
        "e.ticket_id = o.ticket_id AND e.id < o.id AND e.status IN ('pending', 'sending')) "
        "AND NOT EXISTS (SELECT 1 FROM outbox d WHERE d.channel = 'webhook' AND "
        "d.status = 'in_doubt' AND d.webhook_id = o.webhook_id AND d.ticket_id = o.ticket_id "
        "AND d.id < o.id) "
        "ORDER BY o.next_attempt_at, o.id LIMIT 1",
    "cut-off sends to put in doubt (each round)":
        "SELECT id FROM outbox WHERE channel = 'email' AND status = 'sending' AND "
        "lease_until <= {now}",
    "messages in doubt (the admin's index)":
        "SELECT id FROM outbox WHERE status = 'in_doubt' ORDER BY next_attempt_at, id LIMIT 100",
    "backlog per channel and status (/metrics)":
        "SELECT channel, status, count(*), min(created_at) FROM outbox{backlog_index} WHERE "
        "status IN ('pending', 'sending', 'in_doubt', 'failed') GROUP BY channel, status "
        "ORDER BY channel, status",
    "webhook delivery log, first page":
        "SELECT id FROM outbox WHERE webhook_id = 1 AND id < 9223372036854775807 "
        "ORDER BY id DESC LIMIT 50",
    "loop guard: this message's notices":
        "SELECT DISTINCT recipient_address FROM outbox WHERE id > {mid} AND ticket_id = {t} "
        "AND channel = 'email'",
    "loop guard: notices to one address in the hour":
        "SELECT count(*) FROM outbox WHERE recipient_address = 'p{t}@exemplo.gov.br' AND "
        "created_at >= {hour}",
}


def fill_sql(series):
    """INSERT ... SELECT over `series` (a row source of n = 1..tickets)."""
    common = ("template_key, ticket_id, recipient_name, recipient_address, subject, "
              "text_body, html_body, status, attempts, next_attempt_at, created_at")
    return [
        f"INSERT INTO webhook_subscriptions (description, url, secret, events, active, "
        f"created_at, updated_at) VALUES ('bench', 'https://erp.example/h', "
        f"'segredo-do-bench-123', 'ticket_created', 1, {now}, {now})",
        f"INSERT INTO outbox (channel, {common}) SELECT 'email', 'registration', n, 'P', "
        f"'p' || n || '@exemplo.gov.br', 's', 't', '', 'sent', 1, {now} - n, {now} - n "
        f"FROM {series}",
        f"INSERT INTO outbox (channel, {common}) SELECT 'email', 'resolution', n, 'P', "
        f"'p' || n || '@exemplo.gov.br', 's', 't', '', 'sent', 1, {now} - n, {now} - n "
        f"FROM {series}",
        f"INSERT INTO outbox (channel, webhook_id, {common}) SELECT 'webhook', 1, "
        f"'webhook', n, 'P', 'https://erp.example/h', 's', '{{}}', '', 'sent', 1, {now} - n, "
        f"{now} - n FROM {series}",
        # Still due: the newest tickets, one delivery each per channel.
        f"UPDATE outbox SET status = 'pending' WHERE ticket_id > {tickets - due} AND "
        f"template_key IN ('registration', 'webhook')",
        # A crash's leftovers: a few cut off mid-send, one being sent now.
        f"UPDATE outbox SET status = 'in_doubt' WHERE ticket_id IN (10, 20, 30) AND "
        f"template_key = 'resolution'",
        f"UPDATE outbox SET status = 'sending', lease_until = {now} - 1 WHERE ticket_id = 40 "
        f"AND template_key = 'resolution'",
    ]


def measure(run, rounds=25):
    out = {}
    values = {"now": now, "mid": tickets, "t": tickets - 10, "hour": now - 3_600_000,
              "backlog_index": " INDEXED BY outbox_due"}
    for name, sql in QUERIES.items():
        sql = sql.format(**values)
        run(sql)  # warm
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            run(sql)
            times.append((time.perf_counter() - start) * 1000)
        out[name] = (statistics.median(times), max(times))
    return out


def sqlite_figures(tmp):
    data = os.path.join(tmp, "sqlite")
    subprocess.run([f"{build}/guiche", "migrate", "--data", data], check=True,
                   stdout=subprocess.DEVNULL)
    db = sqlite3.connect(os.path.join(data, "guiche.db"))
    db.execute("PRAGMA foreign_keys = OFF")
    series = (f"(WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s "
              f"WHERE n < {tickets}) SELECT n FROM s)")
    for sql in fill_sql(series):
        db.execute(sql)
    db.commit()
    db.execute("ANALYZE")
    size = os.path.getsize(os.path.join(data, "guiche.db"))
    return measure(lambda sql: db.execute(sql).fetchall()), size


def pg_figures():
    base = pg_url.rsplit("/", 1)[0]
    subprocess.run(["psql", "-q", pg_url, "-c", "DROP DATABASE IF EXISTS guiche_outbox_bench",
                    "-c", "CREATE DATABASE guiche_outbox_bench"], check=True,
                   stdout=subprocess.DEVNULL)
    url = base + "/guiche_outbox_bench"
    subprocess.run([f"{build}/guiche", "migrate", "--data", tempfile.mkdtemp(), "--database",
                    url], check=True, stdout=subprocess.DEVNULL)
    # One psql session: fill, then time each query with \timing (server round trip included).
    series = f"generate_series(1, {tickets}) AS g(n)"
    script = ["SET session_replication_role = replica;"] + [s + ";" for s in fill_sql(series)]
    script += ["SET session_replication_role = origin;", "ANALYZE outbox;", "\\timing on"]
    values = {"now": now, "mid": tickets, "t": tickets - 10, "hour": now - 3_600_000,
              "backlog_index": ""}
    rounds = 25
    for sql in QUERIES.values():
        script += [sql.format(**values) + ";"] * (rounds + 1)
    out = subprocess.run(["psql", "-q", "-X", url], input="\n".join(script), text=True,
                         capture_output=True, check=True).stdout
    times = [float(line.split()[1]) for line in out.splitlines() if line.startswith("Time: ")]
    figures = {}
    for i, name in enumerate(QUERIES):
        chunk = times[i * (rounds + 1) + 1:(i + 1) * (rounds + 1)]  # first one warms
        figures[name] = (statistics.median(chunk), max(chunk))
    size = subprocess.run(["psql", "-tA", url, "-c",
                           "SELECT pg_total_relation_size('outbox')"],
                          capture_output=True, text=True, check=True).stdout.strip()
    return figures, int(size)


def table(engine, figures, size):
    base = figures["baseline: one row by id"][0]
    print(f"\n{engine}: {tickets:,} tickets, {3 * tickets:,} outbox rows, "
          f"{size / 2**20:.0f} MiB")
    print(f"{'query':48} {'median ms':>10} {'max ms':>8} {'x baseline':>11}")
    for name, (median, worst) in figures.items():
        print(f"{name:48} {median:10.3f} {worst:8.3f} {median / base:11.1f}")


tmp = tempfile.mkdtemp()
try:
    figures, size = sqlite_figures(tmp)
    table("SQLite", figures, size)
    figures, size = pg_figures()
    table("PostgreSQL 15", figures, size)
finally:
    shutil.rmtree(tmp, ignore_errors=True)

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
import sys
import tempfile

from sql_timing import (migrated_postgres, migrated_sqlite, postgres_series, print_figures,
                        psql_value, sqlite_series, time_in_psql, time_in_sqlite)

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


def queries(backlog_index):
    values = {"now": now, "mid": tickets, "t": tickets - 10, "hour": now - 3_600_000,
              "backlog_index": backlog_index}
    return {name: sql.format(**values) for name, sql in QUERIES.items()}


def heading(engine, size):
    return f"{engine}: {tickets:,} tickets, {3 * tickets:,} outbox rows, {size / 2**20:.0f} MiB"


def main():
    tmp = tempfile.mkdtemp()
    try:
        data = os.path.join(tmp, "sqlite")
        db = migrated_sqlite(build, data)
        figures = time_in_sqlite(db, fill_sql(sqlite_series(tickets)),
                                 queries(" INDEXED BY outbox_due"), 25)
        size = os.path.getsize(os.path.join(data, "guiche.db"))
        print_figures(heading("SQLite", size), figures, "baseline: one row by id")
        url = migrated_postgres(build, pg_url, "guiche_outbox_bench")
        figures = time_in_psql(url, fill_sql(postgres_series(tickets)), queries(""), 25)
        size = int(psql_value(url, "SELECT pg_total_relation_size('outbox')"))
        print_figures(heading("PostgreSQL 15", size), figures, "baseline: one row by id")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


main()

#!/usr/bin/env python3
"""The incidents and manifestações reports' statements over a year, on both engines.

Fills a freshly migrated desk with two years of a busy desk: 1,000,000 tickets
(never read by these reports: they are there so a scan of them would show),
incident notices and planned maintenances (a tenth of them maintenances, which
the incidents report's partial index leaves out), each incident with its steps
(report, acknowledge, confirm, restore), two components and linked tickets,
and manifestações with linked tickets. Then times every statement the two
reports run for the last year, unfiltered (store/incident_report_rows.cpp and
store/manifestation_report_rows.cpp): the period's rows from their index
(migration v034), and, joined to the same range, each notice's steps,
components and linked-ticket counts and each manifestação's linked-ticket
count; each against a primary-key read (the baseline), and each report's total.

Usage: bench/incident_manifestation_report_scale.py BUILD_DIR POSTGRES_URL
       [NOTICES_PER_YEAR] [MANIFESTATIONS_PER_YEAR]
"""
import os
import shutil
import sys
import tempfile

from sql_timing import (migrated_postgres, migrated_sqlite, postgres_series, print_figures,
                        psql_value, sqlite_series, time_in_psql, time_in_sqlite)

build, pg_url = sys.argv[1], sys.argv[2]
notices_per_year = int(sys.argv[3]) if len(sys.argv) > 3 else 2_000
manifestations_per_year = int(sys.argv[4]) if len(sys.argv) > 4 else 50_000
tickets = 1_000_000
now = 1_796_612_400_000          # 2026-12-07 00:00 in hora de Brasília
day_ms = 86_400_000
year_start = now - 365 * day_ms  # the report's period: the last year
two_years = 2 * 365 * day_ms


def fill_sql(dialect):
    n_notices = 2 * notices_per_year
    n_manif = 2 * manifestations_per_year
    series = sqlite_series if dialect == "sqlite" else postgres_series
    # Spread over two years, in order: the older half before the period.
    notice_at = f"({now - two_years} + (n - 1) * {two_years // n_notices})"
    manif_day = (f"date('{'2024-12-07'}', '+' || ((n - 1) * 730 / {n_manif}) || ' days')"
                 if dialect == "sqlite" else
                 f"to_char(DATE '2024-12-07' + ((n - 1) * 730 / {n_manif})::int, 'YYYY-MM-DD')")
    kind = ("CASE n % 5 WHEN 0 THEN 'complaint' WHEN 1 THEN 'report' WHEN 2 THEN 'praise' "
            "WHEN 3 THEN 'suggestion' ELSE 'request_for_action' END")
    status = ("CASE n % 7 WHEN 0 THEN 'open' WHEN 1 THEN 'awaiting_complement' WHEN 2 THEN "
              "'archived' ELSE 'answered' END")
    return [
        f"INSERT INTO people (name, active, created_at) VALUES ('Pessoa', 1, {now})",
        "INSERT INTO units (code, name) VALUES ('U', 'Unidade')",
        "INSERT INTO services (code, name, audience, default_category) "
        "VALUES ('BENCH', 'Bench', 'anyone', 'request')",
        f"INSERT INTO tickets (protocol, requester_id, service_id, category, channel, subject, "
        f"description, form_answers, impact, urgency, priority, status, audience_admitted, "
        f"audience_reason, time_spent_minutes, resolution, rating_comment, reopen_count, "
        f"created_at, updated_at, links, version) SELECT 'B-' || n, 1, 1, 'request', 'portal', "
        f"'s', 'd', '{{}}', 2, 2, 3, 'closed', 1, '', 0, '', '', 0, {now - two_years} + n, "
        f"{now - two_years} + n, '[]', 1 FROM {series(tickets)}",
        "INSERT INTO status_components (name, group_name, responsible_unit_id) "
        "SELECT 'Componente ' || n, 'Grupo', 1 FROM " + series(40),
        f"INSERT INTO status_notices (kind, state, title, reporter_kind, created_at, updated_at) "
        f"SELECT CASE WHEN n % 10 = 0 THEN 'maintenance' ELSE 'incident' END, "
        f"CASE WHEN n % 10 = 0 THEN 'completed' WHEN n % 4 = 0 THEN 'not_confirmed' "
        f"ELSE 'restored' END, 'Incidente ' || n, 'staff', {notice_at}, {notice_at} "
        f"FROM {series(n_notices)}",
        "INSERT INTO status_notice_components (notice_id, component_id) "
        "SELECT n, 1 + n % 40 FROM " + series(n_notices) + " UNION ALL "
        "SELECT n, 1 + (n + 7) % 40 FROM " + series(n_notices),
        # Four steps each; more bookkeeping events (links) the report's filter skips.
        f"INSERT INTO status_notice_events (notice_id, action, state_after, at, channel, data) "
        f"SELECT n / 8 + 1, CASE n % 8 WHEN 0 THEN 'report' WHEN 1 THEN 'acknowledge' "
        f"WHEN 2 THEN 'confirm_general' WHEN 3 THEN 'restore' ELSE 'link_ticket' END, 'x', "
        f"{now - two_years} + n * 1000, 'portal', '{{}}' FROM {series(n_notices * 8 - 1)}",
        f"INSERT INTO status_notice_tickets (notice_id, ticket_id, linked_at) "
        f"SELECT n / 10 + 1, n * 37 % {tickets} + 1, {now} FROM {series(n_notices * 10 - 1)}",
        f"INSERT INTO manifestations (protocol, tracking_hash, kind, identification, status, "
        f"service_id, subject, description, name, email, phone, cpf, answer_channel, "
        f"registered_at, registered_on, answer_days, extension_days, extension_reason, "
        f"complement_requested, paused_days, due_on, answer, answered_at) "
        f"SELECT 'OUV-' || n, 'h', {kind}, 'identified', {status}, 1, 's', 'd', 'n', 'e', '', '', "
        f"'email', {now}, {manif_day}, 30, CASE WHEN n % 9 = 0 THEN 30 END, '', 0, 0, "
        f"{manif_day}, '', {now} FROM {series(n_manif)}",
        f"INSERT INTO manifestation_tickets (manifestation_id, ticket_id, linked_at) "
        f"SELECT n * 10, n * 53 % {tickets} + 1, {now} FROM {series(n_manif // 10)}",
    ]


PERIOD = f"n.kind = 'incident' AND n.created_at >= {year_start} AND n.created_at < {now}"
DAYS = "m.registered_on >= '2025-12-07' AND m.registered_on <= '2026-12-06'"
QUERIES = {
    "baseline: one notice by id": "SELECT id FROM status_notices WHERE id = 1",
    "incidents: the year's incident notices":
        "SELECT n.id, n.state, n.title, n.organization_id, n.created_at, n.first_published_at "
        f"FROM status_notices n WHERE {PERIOD} ORDER BY n.created_at, n.id",
    "incidents: their steps":
        "SELECT e.notice_id, e.action, e.at FROM status_notices n JOIN status_notice_events e "
        f"ON e.notice_id = n.id WHERE {PERIOD} AND e.action IN ('confirm_organization', "
        "'confirm_general', 'restore') ORDER BY e.notice_id, e.id",
    "incidents: their components":
        "SELECT nc.notice_id, nc.component_id FROM status_notices n JOIN status_notice_components "
        f"nc ON nc.notice_id = n.id WHERE {PERIOD} ORDER BY nc.notice_id, nc.component_id",
    "incidents: their linked tickets":
        "SELECT t.notice_id, COUNT(*) FROM status_notices n JOIN status_notice_tickets t "
        f"ON t.notice_id = n.id WHERE {PERIOD} GROUP BY t.notice_id",
    "manifestations: the year's manifestações":
        "SELECT m.id, m.kind, m.status, m.service_id, m.registered_on, m.due_on, "
        "m.extension_days, m.complement_requested, m.answered_at, m.closed_at "
        f"FROM manifestations m WHERE {DAYS} ORDER BY m.registered_on, m.id",
    "manifestations: their linked tickets":
        "SELECT t.manifestation_id, COUNT(*) FROM manifestations m JOIN manifestation_tickets t "
        f"ON t.manifestation_id = m.id WHERE {DAYS} GROUP BY t.manifestation_id",
}
COUNTS = (f"SELECT (SELECT count(*) FROM status_notices n WHERE {PERIOD}) || ' ' || "
          f"(SELECT count(*) FROM manifestations m WHERE {DAYS})")


def report(engine, figures, counts):
    print_figures(f"{engine}: {tickets:,} tickets; in the year {int(counts[0]):,} incident "
                  f"notices and {int(counts[1]):,} manifestações", figures,
                  "baseline: one notice by id", 52)
    for name in ("incidents", "manifestations"):
        total = sum(m for k, (m, _) in figures.items() if k.startswith(name + ":"))
        print(f"{'the ' + name + ' report, all its statements':52} {total:10.3f}")


def main():
    tmp = tempfile.mkdtemp()
    try:
        db = migrated_sqlite(build, os.path.join(tmp, "sqlite"))
        figures = time_in_sqlite(db, fill_sql("sqlite"), QUERIES, 7)
        report("SQLite", figures, db.execute(COUNTS).fetchone()[0].split())
        url = migrated_postgres(build, pg_url, "guiche_incident_report_bench")
        figures = time_in_psql(url, fill_sql("postgres"), QUERIES, 7)
        report("PostgreSQL 15", figures, psql_value(url, COUNTS).split())
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


main()

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
(migration v034), then, in slices of 500 ids, each notice's steps, components
and linked-ticket counts and each manifestação's linked-ticket count; each
against a primary-key read (the baseline), and each report's total.

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
SLICE = 500


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


INCIDENTS = ("SELECT id, state, title, organization_id, created_at, first_published_at "
             "FROM status_notices WHERE kind = 'incident' AND created_at >= {a} AND "
             "created_at < {b} ORDER BY created_at, id")
MANIFESTATIONS = ("SELECT id, kind, status, service_id, registered_on, due_on, extension_days, "
                  "complement_requested, answered_at, closed_at FROM manifestations "
                  "WHERE registered_on >= '2025-12-07' AND registered_on <= '2026-12-06' "
                  "ORDER BY registered_on, id")
BASELINE = "SELECT id FROM status_notices WHERE id = 1"
IDS_NOTICES = ("SELECT id FROM status_notices WHERE kind = 'incident' AND created_at >= "
               f"{year_start} AND created_at < {now} ORDER BY created_at, id")
IDS_MANIF = ("SELECT id FROM manifestations WHERE registered_on >= '2025-12-07' AND "
             "registered_on <= '2026-12-06' ORDER BY registered_on, id")


def slices(ids):
    return [", ".join(str(i) for i in ids[k:k + SLICE]) for k in range(0, len(ids), SLICE)]


def queries_for(notice_ids, manif_ids):
    q = {"baseline: one notice by id": BASELINE,
         "incidents: the year's incident notices": INCIDENTS.format(a=year_start, b=now)}
    for i, s in enumerate(slices(notice_ids)):
        q[f"incidents: steps, slice {i + 1}"] = (
            f"SELECT notice_id, action, at FROM status_notice_events WHERE notice_id IN ({s}) "
            f"AND action IN ('confirm_organization', 'confirm_general', 'restore') "
            f"ORDER BY notice_id, id")
        q[f"incidents: components, slice {i + 1}"] = (
            f"SELECT notice_id, component_id FROM status_notice_components WHERE notice_id IN "
            f"({s}) ORDER BY notice_id, component_id")
        q[f"incidents: linked tickets, slice {i + 1}"] = (
            f"SELECT notice_id, COUNT(*) FROM status_notice_tickets WHERE notice_id IN ({s}) "
            f"GROUP BY notice_id")
    q["manifestations: the year's manifestações"] = MANIFESTATIONS
    for i, s in enumerate(slices(manif_ids)):
        q[f"manifestations: linked tickets, slice {i + 1}"] = (
            f"SELECT manifestation_id, COUNT(*) FROM manifestation_tickets WHERE "
            f"manifestation_id IN ({s}) GROUP BY manifestation_id")
    return q


def report(engine, figures, counts):
    # One line per kind of statement (the slices summed), then each report's total.
    grouped = {}
    for name, (median, worst) in figures.items():
        key = name.split(", slice")[0]
        m, w, k = grouped.get(key, (0.0, 0.0, 0))
        grouped[key] = (m + median, w + worst, k + 1)
    shown = {(f"{k} ({n} statements)" if n > 1 else k): (m, w) for k, (m, w, n) in grouped.items()}
    print_figures(f"{engine}: {tickets:,} tickets; in the year {counts[0]:,} incident notices "
                  f"and {counts[1]:,} manifestações", shown, "baseline: one notice by id", 60)
    for name in ("incidents", "manifestations"):
        total = sum(m for k, (m, _) in shown.items() if k.startswith(name + ":"))
        print(f"{'the ' + name + ' report, all its statements':60} {total:10.3f}")


def main():
    tmp = tempfile.mkdtemp()
    try:
        db = migrated_sqlite(build, os.path.join(tmp, "sqlite"))
        time_in_sqlite(db, fill_sql("sqlite"), {}, 0)
        notice_ids = [r[0] for r in db.execute(IDS_NOTICES)]
        manif_ids = [r[0] for r in db.execute(IDS_MANIF)]
        figures = time_in_sqlite(db, [], queries_for(notice_ids, manif_ids), 7)
        report("SQLite", figures, (len(notice_ids), len(manif_ids)))
        url = migrated_postgres(build, pg_url, "guiche_incident_report_bench")
        time_in_psql(url, fill_sql("postgres"), {}, 0)
        notice_ids = [int(x) for x in psql_value(url, IDS_NOTICES).split()]
        manif_ids = [int(x) for x in psql_value(url, IDS_MANIF).split()]
        figures = time_in_psql(url, [], queries_for(notice_ids, manif_ids), 7)
        report("PostgreSQL 15", figures, (len(notice_ids), len(manif_ids)))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


main()

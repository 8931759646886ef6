#!/usr/bin/env python3
"""LGPD's queries at state scale, on both engines.

Fills a freshly migrated desk with 1,000,000 tickets of 300,000 requesters (half
of them closed more than five years ago) and one access-log entry per ticket
read by staff, then times what the access log's page and housekeeping ask
(store/access_log_rows.cpp) and the retention rule's round over the next
window of people (store/personal_data_rows.cpp), each against a primary-key read of the same run
(the baseline). Foreign keys are off while filling.

Usage: bench/lgpd_scale.py BUILD_DIR POSTGRES_URL [TICKETS]
"""
import os
import shutil
import sys
import tempfile

from sql_timing import (migrated_postgres, migrated_sqlite, postgres_series, print_figures,
                        sqlite_series, time_in_psql, time_in_sqlite)

build, pg_url = sys.argv[1], sys.argv[2]
tickets = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
people = max(tickets * 3 // 10, 10)
now = 1_800_000_000_000
year = 365 * 86_400_000

PAGE = ("SELECT a.id, a.at, r.name, s.name FROM (SELECT * FROM access_log a WHERE {where} "
        "ORDER BY a.at DESC, a.id DESC LIMIT 50) a LEFT JOIN people r ON "
        "r.id = a.reader_person_id LEFT JOIN people s ON s.id = a.subject_person_id "
        "ORDER BY a.at DESC, a.id DESC")
WINDOW = ("SELECT max(id) FROM (SELECT id FROM people WHERE id > {p} ORDER BY id LIMIT 2000) w")
RETENTION = (
    "SELECT p.id FROM people p WHERE p.id > {p} AND p.id <= {p} + 2000 "
    "AND p.anonymized_at IS NULL "
    "AND NOT EXISTS (SELECT 1 FROM role_grants g WHERE g.person_id = p.id "
    "AND g.role <> 'requester') "
    "AND EXISTS (SELECT 1 FROM tickets t WHERE t.requester_id = p.id) "
    "AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.requester_id = p.id "
    "AND (t.status NOT IN ('closed', 'cancelled') OR t.closed_at IS NULL "
    "OR t.closed_at >= {cutoff})) ORDER BY p.id LIMIT 50")
QUERIES = {
    "baseline: one ticket by id": "SELECT id FROM tickets WHERE id = {mid}",
    "access log, first page": PAGE.format(where="1 = 1"),
    "access log, one titular's first page": PAGE.format(where="a.subject_person_id = {p}"),
    "access log, one reader in a month":
        PAGE.format(where="a.reader_person_id = 7 AND a.at >= {month} AND a.at < {now}"),
    "access log, next page (keyset)":
        PAGE.format(where="(a.at, a.id) < ({mid_at}, {mid})"),
    "access log, expired entries (a batch of 1,000)":
        "SELECT id FROM access_log WHERE at < {cutoff} ORDER BY at, id LIMIT 1000",
    "retention: the next window of 2,000 people": WINDOW,
    "retention: requesters due in the window": RETENTION,
}
# The rule's usual round: nobody in the window is due.
QUERIES["retention: nobody due in the window"] = RETENTION.replace("{cutoff}", "{long_ago}")
VALUES = {"mid": tickets // 2, "p": people // 2, "month": now - 30 * 86_400_000, "now": now,
          "mid_at": now - tickets // 2 * 60_000, "cutoff": now - 5 * year,
          "long_ago": now - 10 * year}


def fill_sql(series):
    # Ticket n: requester 1 + n % people, registered one minute apart going back;
    # tickets of odd requesters closed six years ago, the others still open.
    return [
        "INSERT INTO services (code, name, audience, default_category) "
        "VALUES ('BENCH', 'Bench', 'anyone', 'request')",
        f"INSERT INTO people (name, active, created_at) SELECT 'Pessoa ' || n, 1, {now} "
        f"FROM {series(people)}",
        f"INSERT INTO role_grants (person_id, role) SELECT n, CASE WHEN n % 1000 = 0 THEN "
        f"'attendant' ELSE 'requester' END FROM {series(people)}",
        f"INSERT INTO tickets (protocol, requester_id, service_id, category, channel, subject, "
        f"description, form_answers, impact, urgency, priority, status, audience_admitted, "
        f"audience_reason, time_spent_minutes, resolution, rating_comment, reopen_count, "
        f"created_at, updated_at, links, version, closed_at) SELECT 'B-' || n, "
        f"1 + n % {people}, 1, 'request', 'portal', 's', 'd', '{{}}', 2, 2, 3, "
        f"CASE WHEN (1 + n % {people}) % 2 = 1 THEN 'closed' ELSE 'in_progress' END, 1, '', 0, "
        f"'', '', 0, {now} - n * 60000, {now} - n * 60000, '[]', 1, "
        f"CASE WHEN (1 + n % {people}) % 2 = 1 THEN {now} - 6 * {year} ELSE NULL END "
        f"FROM {series(tickets)}",
        f"INSERT INTO access_log (at, reader_person_id, reader_address, channel, "
        f"subject_person_id, object_kind, object_id) SELECT {now} - n * 60000, 1 + n % 50, "
        f"'10.0.0.1', 'web', 1 + n % {people}, 'ticket', n FROM {series(tickets)}",
    ]


def main():
    queries = {name: sql.format(**VALUES) for name, sql in QUERIES.items()}
    heading = f"{tickets:,} tickets, {people:,} people, {tickets:,} access-log entries"
    tmp = tempfile.mkdtemp()
    try:
        db = migrated_sqlite(build, os.path.join(tmp, "sqlite"))
        figures = time_in_sqlite(db, fill_sql(sqlite_series), queries, 25)
        print_figures("SQLite: " + heading, figures, "baseline: one ticket by id")
        url = migrated_postgres(build, pg_url, "guiche_lgpd_bench")
        figures = time_in_psql(url, fill_sql(postgres_series), queries, 25)
        print_figures("PostgreSQL 15: " + heading, figures, "baseline: one ticket by id")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


main()

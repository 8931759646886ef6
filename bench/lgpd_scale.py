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
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

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


def measure(run, rounds=25):
    out = {}
    for name, sql in QUERIES.items():
        sql = sql.format(**VALUES)
        run(sql)
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

    def series(count):
        return (f"(WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s "
                f"WHERE n < {count}) SELECT n FROM s)")
    for sql in fill_sql(series):
        db.execute(sql)
    db.commit()
    db.execute("ANALYZE")
    return measure(lambda sql: db.execute(sql).fetchall())


def pg_figures():
    base = pg_url.rsplit("/", 1)[0]
    subprocess.run(["psql", "-q", pg_url, "-c", "DROP DATABASE IF EXISTS guiche_lgpd_bench",
                    "-c", "CREATE DATABASE guiche_lgpd_bench"], check=True,
                   stdout=subprocess.DEVNULL)
    url = base + "/guiche_lgpd_bench"
    subprocess.run([f"{build}/guiche", "migrate", "--data", tempfile.mkdtemp(), "--database",
                    url], check=True, stdout=subprocess.DEVNULL)
    script = ["SET session_replication_role = replica;"]
    # bigint: a ticket's minutes back from `now` overflow an int at 1,000,000.
    series = lambda count: f"generate_series(1::bigint, {count}) AS g(n)"  # noqa: E731
    script += [s + ";" for s in fill_sql(series)]
    script += ["SET session_replication_role = origin;", "ANALYZE;", "\\timing on"]
    rounds = 25
    for sql in QUERIES.values():
        script += [sql.format(**VALUES) + ";"] * (rounds + 1)
    out = subprocess.run(["psql", "-q", "-X", "-v", "ON_ERROR_STOP=1", url],
                         input="\n".join(script), text=True, capture_output=True)
    if out.returncode != 0:
        sys.exit("psql: " + out.stderr)
    out = out.stdout
    times = [float(line.split()[1]) for line in out.splitlines() if line.startswith("Time: ")]
    figures = {}
    for i, name in enumerate(QUERIES):
        chunk = times[i * (rounds + 1) + 1:(i + 1) * (rounds + 1)]
        figures[name] = (statistics.median(chunk), max(chunk))
    return figures


def table(engine, figures):
    base = figures["baseline: one ticket by id"][0]
    print(f"\n{engine}: {tickets:,} tickets, {people:,} people, {tickets:,} access-log entries")
    print(f"{'query':48} {'median ms':>10} {'max ms':>8} {'x baseline':>11}")
    for name, (median, worst) in figures.items():
        print(f"{name:48} {median:10.3f} {worst:8.3f} {median / base:11.1f}")


tmp = tempfile.mkdtemp()
try:
    table("SQLite", sqlite_figures(tmp))
    table("PostgreSQL 15", pg_figures())
finally:
    shutil.rmtree(tmp, ignore_errors=True)

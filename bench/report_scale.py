#!/usr/bin/env python3
"""The reports' queries over a year of a desk with 1,000,000 tickets, on both engines.

Fills a freshly migrated desk with a year of tickets (the tickets' rows, for
the breached list's join, and each ticket's share of the reports' roll-ups:
store/report_rollup_rows.hpp), counts the roll-ups from the shares the way
the ticket ledger adds them up (per day, hora de Brasília, × unit × service
× severity × channel × category, and per month; the times' histograms per
month), then times every statement the SLA
compliance and the volume reports run for the whole year, unfiltered (the
statements of store/report_rollup_rows.cpp, with the year's days), each
against a primary-key read of the same run (the baseline), and each report's
total. 40 services in 12 units, 4 severities, 5 channels, 4 categories.

The time logged (store/time_rollup_rows.hpp): every ticket one entry on its
day of registration and every resolved one another at its solution, counted
into the day and month roll-ups of the desk and of each organization; the
volume report's reading of them by unit and service over the year.

The satisfaction report (store/rating_rollup_rows.hpp): 60 % of the resolved
tickets rated, a quarter of those with a comment; each resolved ticket's
rating share and the day and month roll-ups counted from them; its figures
by every dimension over the year's months and partial months' days, and the
comments' first page. The charter panel (store/service_figure_rows.hpp, via
app/charter/charter.hpp): the charter's month roll-ups counted from the
shares, then the two primary-key reads of each of the 40 services over the
13 months the year touches, summed.

Usage: bench/report_scale.py BUILD_DIR POSTGRES_URL [TICKETS]
"""
import os
import shutil
import sys
import tempfile

from sql_timing import (migrated_postgres, migrated_sqlite, postgres_series, print_figures,
                        psql_value, sqlite_series, time_in_psql, time_in_sqlite)

build, pg_url = sys.argv[1], sys.argv[2]
tickets = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
now = 1_796_612_400_000          # 2026-12-07 00:00 in hora de Brasília: the year ends the day before
first_day, last_day = 20251207, 20261206
day_ms = 86_400_000
year_start = now - 365 * day_ms

FIGURES = ("sum(registered), sum(open_now), sum(ended), sum(resolved), sum(reopened), "
           "sum(due), sum(met), sum(breached), sum(first_responses)")
DAYS = f"day >= {first_day} AND day <= {last_day}"
# The year as the store reads it (store/report_rollup_rows.cpp): its 11 whole
# months (January to November 2026) from the month rows, its partial months'
# days (7–31 December 2025, 1–6 December 2026) from the day rows or the shares.
PARTS = [("report_month_figures", "month", 202601, 202611),
         ("report_day_figures", "day", 20251207, 20251231),
         ("report_day_figures", "day", 20261201, 20261206)]
DIMENSIONS = "unit_id, service_id, severity, channel, category"
SLA = {}
for table, col, a, b in PARTS:
    SLA[f"figures by every dimension, {table} {a}-{b}"] = (
        f"SELECT {DIMENSIONS}, {FIGURES} FROM {table} WHERE {col} >= {a} AND {col} <= {b} "
        f"GROUP BY {DIMENSIONS}")
for target, name, day_col, ms_col in ((0, "first response", "first_response_day",
                                       "first_response_ms"),
                                      (1, "resolution", "ended_day", "resolution_ms")):
    SLA[f"{name} histogram by severity and service, whole months"] = (
        f"SELECT severity || '|' || service_id, bucket, sum(tickets) FROM report_month_durations "
        f"WHERE month >= 202601 AND month <= 202611 AND target = {target} "
        f"GROUP BY severity || '|' || service_id, bucket")
    for a, b in ((20251207, 20251231), (20261201, 20261206)):
        SLA[f"{name} times, shares of {a}-{b}"] = (
            f"SELECT severity || '|' || service_id, {ms_col} FROM report_ticket_shares "
            f"WHERE {day_col} >= {a} AND {day_col} <= {b} AND {ms_col} IS NOT NULL")
SLA["breached tickets, first page"] = (
    f"SELECT s.ticket_id, t.protocol, t.subject, s.service_id, s.unit_id, s.severity, t.status, "
    f"s.deadline, s.resolution_ms FROM report_ticket_shares s JOIN tickets t ON t.id = s.ticket_id "
    f"WHERE s.breached = 1 AND s.deadline >= {year_start} AND s.deadline < {now} "
    f"ORDER BY s.deadline, s.ticket_id LIMIT 51")
VOLUME = {
    "by day and channel (to today)": f"SELECT day || '|' || channel, {FIGURES} "
                                     f"FROM report_day_figures WHERE {DAYS} "
                                     f"GROUP BY day || '|' || channel",
    "open tickets by day (aging)": "SELECT day, sum(open_now) FROM report_day_figures "
                                   "WHERE open_now <> 0 GROUP BY day",
}
for name, sql in SLA.items():
    if name.startswith("figures by every dimension"):
        VOLUME[name] = sql
BY_ORGANIZATION_TIME = {}
# The time logged (store/time_rollup_rows.hpp), by unit and service, the desk's and organization 1's.
for org in (0, 1):
    for table, col, a, b in (("report_month_time", "month", 202601, 202611),
                             ("report_day_time", "day", 20251207, 20251231),
                             ("report_day_time", "day", 20261201, 20261206)):
        target = VOLUME if org == 0 else BY_ORGANIZATION_TIME
        target[f"time logged by unit and service, {table} {a}-{b}"] = (
            f"SELECT unit_id, service_id, sum(minutes), sum(entries) FROM {table} "
            f"WHERE organization_id = {org} AND {col} >= {a} AND {col} <= {b} "
            f"GROUP BY unit_id, service_id")
RATING_COUNTS = ("sum(asked), sum(stars_1), sum(stars_2), sum(stars_3), sum(stars_4), "
                 "sum(stars_5), sum(commented)")
SATISFACTION = {}
for table, col, a, b in (("report_month_ratings", "month", 202601, 202611),
                         ("report_day_ratings", "day", 20251207, 20251231),
                         ("report_day_ratings", "day", 20261201, 20261206)):
    SATISFACTION[f"figures by every dimension, {table} {a}-{b}"] = (
        f"SELECT {DIMENSIONS}, {RATING_COUNTS} FROM {table} WHERE organization_id = 0 AND "
        f"{col} >= {a} AND {col} <= {b} GROUP BY {DIMENSIONS}")
SATISFACTION["comments, first page"] = (
    f"SELECT s.ticket_id, t.protocol, s.service_id, s.unit_id, s.rating, t.rating_comment, "
    f"s.resolved_at FROM report_rating_shares s JOIN tickets t ON t.id = s.ticket_id "
    f"WHERE s.commented = 1 AND s.resolved_at >= {year_start} AND s.resolved_at < {now} "
    f"ORDER BY s.resolved_at DESC, s.ticket_id DESC LIMIT 51")
CHARTER = {}
for service in range(1, 41):
    CHARTER[f"service {service} figures"] = (
        f"SELECT COALESCE(sum(registered), 0), COALESCE(sum(resolved), 0), "
        f"COALESCE(sum(resolved_with_clock), 0), COALESCE(sum(resolved_in_time), 0), "
        f"COALESCE(sum(ratings), 0), COALESCE(sum(rating_sum), 0) FROM service_month_figures "
        f"WHERE service_id = {service} AND month >= 202512 AND month <= 202612")
    CHARTER[f"service {service} durations"] = (
        f"SELECT bucket, tickets FROM service_month_durations "
        f"WHERE service_id = {service} AND month >= 202512 AND month <= 202612")
# A quarter of the tickets are organization 1's (250,000 at a million): the largest an
# organization filter reads. The rest are spread over 199 others.
ORGANIZATION = "CASE WHEN n % 4 = 0 THEN 1 ELSE 2 + n % 199 END"
BY_ORGANIZATION = {}
for table, col, a, b in (("report_org_month_figures", "month", 202601, 202611),
                         ("report_org_day_figures", "day", 20251207, 20251231),
                         ("report_org_day_figures", "day", 20261201, 20261206)):
    BY_ORGANIZATION[f"figures by every dimension, {table} {a}-{b}"] = (
        f"SELECT {DIMENSIONS}, {FIGURES} FROM {table} WHERE {col} >= {a} AND {col} <= {b} "
        f"AND organization_id = 1 GROUP BY {DIMENSIONS}")
for target in (0, 1):
    BY_ORGANIZATION[f"histogram {target} by severity and service, whole months"] = (
        f"SELECT severity || '|' || service_id, bucket, sum(tickets) "
        f"FROM report_org_month_durations WHERE month >= 202601 AND month <= 202611 "
        f"AND target = {target} AND organization_id = 1 "
        f"GROUP BY severity || '|' || service_id, bucket")
BY_ORGANIZATION["breached tickets, first page"] = (
    SLA["breached tickets, first page"].replace(" ORDER BY", " AND s.organization_id = 1 ORDER BY"))
BY_ORGANIZATION["by day and channel (to today)"] = (
    f"SELECT day || '|' || channel, {FIGURES} FROM report_org_day_figures WHERE {DAYS} "
    f"AND organization_id = 1 GROUP BY day || '|' || channel")
BY_ORGANIZATION["open tickets by day (aging)"] = (
    "SELECT day, sum(open_now) FROM report_org_day_figures WHERE open_now <> 0 "
    "AND organization_id = 1 GROUP BY day")
BY_ORGANIZATION.update(BY_ORGANIZATION_TIME)
BASELINE = "SELECT ticket_id FROM report_ticket_shares WHERE ticket_id = {mid}"


def day_sql(ms_sql, dialect):
    """yyyymmdd in hora de Brasília, as domain/report_day.hpp counts it."""
    if dialect == "sqlite":
        return f"CAST(strftime('%Y%m%d', (({ms_sql}) - 10800000) / 1000, 'unixepoch') AS INTEGER)"
    return (f"CAST(to_char(to_timestamp((({ms_sql}) - 10800000) / 1000) AT TIME ZONE 'UTC', "
            f"'YYYYMMDD') AS INTEGER)")


def org_rollups_sql():
    """The organizations' roll-ups (migration v035), counted from the shares as the ledger does."""
    key = "organization_id, day, unit_id, service_id, severity, channel, category"
    parts = [("registered_day", "1, is_open, 0, 0, 0, 0, 0, 0, 0", ""),
             ("ended_day", "0, 0, 1, resolved, reopened, 0, 0, 0, 0", "ended_day IS NOT NULL"),
             ("due_day", "0, 0, 0, 0, 0, 1, met, breached, 0", "due_day IS NOT NULL"),
             ("first_response_day", "0, 0, 0, 0, 0, 0, 0, 0, 1",
              "first_response_day IS NOT NULL")]
    union = " UNION ALL ".join(
        f"SELECT organization_id, {day} AS day, unit_id, service_id, severity, channel, category, "
        f"{counts} FROM report_ticket_shares WHERE organization_id <> 0"
        + (f" AND {where}" if where else "") for day, counts, where in parts)
    sums = "registered, open_now, ended, resolved, reopened, due, met, breached, first_responses"
    bucket = ("(SELECT b.bucket FROM duration_buckets b WHERE b.start_ms <= {ms} "
              "ORDER BY b.start_ms DESC LIMIT 1)")
    return [
        f"INSERT INTO report_org_day_figures ({key}, {sums}) SELECT {key}, "
        + ", ".join(f"sum({c})" for c in sums.split(", ")) + " FROM ("
        + union.replace("1, is_open, 0, 0, 0, 0, 0, 0, 0",
                        "1 AS registered, is_open AS open_now, 0 AS ended, 0 AS resolved, "
                        "0 AS reopened, 0 AS due, 0 AS met, 0 AS breached, 0 AS first_responses")
        + f") x GROUP BY {key}",
        f"INSERT INTO report_org_month_figures (organization_id, month, unit_id, service_id, "
        f"severity, channel, category, {sums}) SELECT organization_id, day / 100, unit_id, "
        f"service_id, severity, channel, category, "
        + ", ".join(f"sum({c})" for c in sums.split(", "))
        + " FROM report_org_day_figures GROUP BY organization_id, day / 100, unit_id, service_id, "
        "severity, channel, category",
        "INSERT INTO report_org_month_durations (organization_id, month, target, unit_id, "
        "service_id, severity, bucket, tickets) SELECT organization_id, month, target, unit_id, "
        "service_id, severity, bucket, count(*) FROM (SELECT organization_id, "
        "first_response_day / 100 AS month, 0 AS target, unit_id, service_id, severity, "
        + bucket.format(ms="first_response_ms") + " AS bucket FROM report_ticket_shares "
        "WHERE organization_id <> 0 UNION ALL SELECT organization_id, ended_day / 100, 1, "
        "unit_id, service_id, severity, " + bucket.format(ms="resolution_ms")
        + " FROM report_ticket_shares WHERE organization_id <> 0 AND resolution_ms IS NOT NULL) x "
        "GROUP BY organization_id, month, target, unit_id, service_id, severity, bucket",
    ]


def fill_sql(series, dialect):
    """The tickets, their shares, and the roll-ups counted from the shares."""
    created = f"({year_start} + (n * 31536) % {365 * day_ms})"  # spread over the year
    # Resolution after 1 to ~60 business hours; 8 % breached; 3 % still open; 4 % reopened.
    open_ = "(n % 33 = 0)"
    breached = "(n % 12 = 0)"
    res_ms = "(3600000 + (n * 7919) % 216000000)"
    fr_ms = "(60000 + (n * 104729) % 14400000)"
    sev = ("CASE (n / 40) % 4 WHEN 0 THEN 'Crítica' WHEN 1 THEN 'Alta' WHEN 2 THEN 'Média' "
           "ELSE 'Baixa' END")
    channel = ("CASE (n / 160) % 5 WHEN 0 THEN 'portal' WHEN 1 THEN 'email' WHEN 2 THEN 'phone' "
               "WHEN 3 THEN 'whatsapp' ELSE 'api' END")
    category = ("CASE (n % 40) % 4 WHEN 0 THEN 'service_request' WHEN 1 THEN "
                "'technical_consultation' WHEN 2 THEN 'defect_without_stoppage' ELSE 'incident' END")
    ended = f"{created} + {res_ms} * 2"
    # 60 % of the resolved rated, a quarter of those with a comment.
    rated = f"(NOT {open_} AND n % 5 < 3)"
    stars = "(1 + (n * 7) % 5)"
    commented = f"({rated} AND n % 4 = 0)"
    deadline = f"{created} + 86400000"
    return [
        "INSERT INTO services (code, name, audience, default_category) "
        "VALUES ('BENCH', 'Bench', 'anyone', 'request')",
        f"INSERT INTO people (name, active, created_at) VALUES ('Pessoa', 1, {now})",
        f"INSERT INTO tickets (protocol, requester_id, service_id, category, channel, subject, "
        f"description, form_answers, impact, urgency, priority, status, audience_admitted, "
        f"audience_reason, time_spent_minutes, resolution, rating, rating_comment, reopen_count, "
        f"created_at, updated_at, links, version) SELECT 'B-' || n, 1, 1, 'request', 'portal', "
        f"'s', 'd', '{{}}', 2, 2, 3, CASE WHEN {open_} THEN 'in_progress' ELSE 'closed' END, 1, "
        f"'', 0, '', CASE WHEN {rated} THEN {stars} END, "
        f"CASE WHEN {commented} THEN 'Comentário ' || n ELSE '' END, 0, {created}, {created}, "
        f"'[]', 1 FROM {series}",
        f"INSERT INTO report_ticket_shares (ticket_id, organization_id, unit_id, service_id, "
        f"severity, channel, category, registered_day, is_open, ended_day, resolved, reopened, "
        f"due_day, met, breached, deadline, first_response_day, first_response_ms, "
        f"resolution_ms) SELECT n, {ORGANIZATION}, 1 + (n % 40) % 12, 1 + n % 40, {sev}, "
        f"{channel}, {category}, "
        f"{day_sql(created, dialect)}, CASE WHEN {open_} THEN 1 ELSE 0 END, "
        f"CASE WHEN {open_} THEN NULL ELSE {day_sql(ended, dialect)} END, "
        f"CASE WHEN {open_} THEN 0 ELSE 1 END, CASE WHEN n % 25 = 0 AND NOT {open_} THEN 1 "
        f"ELSE 0 END, CASE WHEN {open_} AND NOT {breached} THEN NULL WHEN {breached} THEN "
        f"{day_sql(deadline, dialect)} ELSE {day_sql(ended, dialect)} END, "
        f"CASE WHEN {open_} OR {breached} THEN 0 ELSE 1 END, CASE WHEN {breached} THEN 1 ELSE 0 "
        f"END, CASE WHEN {breached} THEN {deadline} END, "
        f"{day_sql(f'{created} + {fr_ms}', dialect)}, {fr_ms}, "
        f"CASE WHEN {open_} THEN NULL ELSE {res_ms} END FROM {series}",
        # The roll-ups, as the ledger adds each share up (store/report_rollup_rows.cpp).
        "INSERT INTO report_day_figures (day, unit_id, service_id, severity, channel, category, "
        "registered, open_now, ended, resolved, reopened, due, met, breached, first_responses) "
        "SELECT day, unit_id, service_id, severity, channel, category, sum(r), sum(o), sum(e), "
        "sum(rs), sum(ro), sum(d), sum(m), sum(b), sum(f) FROM ("
        "SELECT registered_day AS day, unit_id, service_id, severity, channel, category, 1 AS r, "
        "is_open AS o, 0 AS e, 0 AS rs, 0 AS ro, 0 AS d, 0 AS m, 0 AS b, 0 AS f "
        "FROM report_ticket_shares UNION ALL "
        "SELECT ended_day, unit_id, service_id, severity, channel, category, 0, 0, 1, resolved, "
        "reopened, 0, 0, 0, 0 FROM report_ticket_shares WHERE ended_day IS NOT NULL UNION ALL "
        "SELECT due_day, unit_id, service_id, severity, channel, category, 0, 0, 0, 0, 0, 1, met, "
        "breached, 0 FROM report_ticket_shares WHERE due_day IS NOT NULL UNION ALL "
        "SELECT first_response_day, unit_id, service_id, severity, channel, category, 0, 0, 0, 0, "
        "0, 0, 0, 0, 1 FROM report_ticket_shares WHERE first_response_day IS NOT NULL) x "
        "GROUP BY day, unit_id, service_id, severity, channel, category",
        "INSERT INTO report_month_figures (month, unit_id, service_id, severity, channel, "
        "category, registered, open_now, ended, resolved, reopened, due, met, breached, "
        "first_responses) SELECT day / 100, unit_id, service_id, severity, channel, category, "
        "sum(registered), sum(open_now), sum(ended), sum(resolved), sum(reopened), sum(due), "
        "sum(met), sum(breached), sum(first_responses) FROM report_day_figures "
        "GROUP BY day / 100, unit_id, service_id, severity, channel, category",
        "INSERT INTO report_month_durations (month, target, unit_id, service_id, severity, "
        "bucket, tickets) SELECT month, target, unit_id, service_id, severity, bucket, count(*) "
        "FROM (SELECT first_response_day / 100 AS month, 0 AS target, unit_id, service_id, "
        "severity, (SELECT b.bucket FROM duration_buckets b WHERE b.start_ms <= first_response_ms "
        "ORDER BY b.start_ms DESC LIMIT 1) AS bucket FROM report_ticket_shares UNION ALL "
        "SELECT ended_day / 100, 1, unit_id, service_id, severity, (SELECT b.bucket FROM "
        "duration_buckets b WHERE b.start_ms <= resolution_ms ORDER BY b.start_ms DESC LIMIT 1) "
        "FROM report_ticket_shares WHERE resolution_ms IS NOT NULL) x "
        "GROUP BY month, target, unit_id, service_id, severity, bucket",
        *org_rollups_sql(),
        # The satisfaction report's shares and roll-ups (as the ledger adds them up; the
        # bench's tickets have no organization: the desk's rows, organization 0).
        f"INSERT INTO report_rating_shares (ticket_id, organization_id, unit_id, service_id, "
        f"severity, channel, category, resolved_day, resolved_at, rating, commented) "
        f"SELECT s.ticket_id, 0, s.unit_id, "
        f"s.service_id, s.severity, s.channel, s.category, s.ended_day, {ended}, "
        f"CASE WHEN {rated} THEN {stars} END, CASE WHEN {commented} THEN 1 ELSE 0 END "
        f"FROM {series} JOIN report_ticket_shares s ON s.ticket_id = n WHERE s.resolved = 1",
        *[f"INSERT INTO {table} (organization_id, {col}, {DIMENSIONS}, asked, stars_1, stars_2, "
          f"stars_3, stars_4, stars_5, commented) SELECT 0, {expr}, {DIMENSIONS}, count(*), "
          + ", ".join(f"sum(CASE WHEN rating = {k} THEN 1 ELSE 0 END)" for k in range(1, 6))
          + f", sum(commented) FROM report_rating_shares GROUP BY {expr}, {DIMENSIONS}"
          for table, col, expr in (("report_day_ratings", "day", "resolved_day"),
                                   ("report_month_ratings", "month", "resolved_day / 100"))],
        # The time logged: every ticket's first entry on its day of registration, every
        # resolved one's at its solution (as the ledger adds them: the desk's rows and
        # the organization's).
        *[f"INSERT INTO report_day_time (organization_id, day, {DIMENSIONS}, minutes, entries) "
          f"SELECT {org}, day, {DIMENSIONS}, sum(minutes), count(*) FROM ("
          f"SELECT organization_id, registered_day AS day, {DIMENSIONS}, "
          f"5 + ticket_id % 55 AS minutes FROM report_ticket_shares UNION ALL "
          f"SELECT organization_id, ended_day, {DIMENSIONS}, 10 + ticket_id % 110 "
          f"FROM report_ticket_shares WHERE resolved = 1) x "
          f"GROUP BY {group}day, {DIMENSIONS}"
          for org, group in (("0", ""), ("organization_id", "organization_id, "))],
        f"INSERT INTO report_month_time (organization_id, month, {DIMENSIONS}, minutes, entries) "
        f"SELECT organization_id, day / 100, {DIMENSIONS}, sum(minutes), sum(entries) "
        f"FROM report_day_time GROUP BY organization_id, day / 100, {DIMENSIONS}",
        # The charter's month roll-ups (store/service_figure_rows.hpp), by month of
        # registration, from the shares (the bench's tickets rows all name service 1).
        "DELETE FROM service_month_figures",
        "DELETE FROM service_month_durations",
        "INSERT INTO service_month_figures (service_id, month, registered, resolved, "
        "resolved_with_clock, resolved_in_time, ratings, rating_sum) SELECT s.service_id, "
        "s.registered_day / 100, count(*), sum(s.resolved), sum(s.resolved), "
        "sum(CASE WHEN s.resolved = 1 AND s.breached = 0 THEN 1 ELSE 0 END), count(r.rating), "
        "COALESCE(sum(r.rating), 0) FROM report_ticket_shares s LEFT JOIN report_rating_shares r "
        "ON r.ticket_id = s.ticket_id GROUP BY s.service_id, s.registered_day / 100",
        "INSERT INTO service_month_durations (service_id, month, bucket, tickets) "
        "SELECT service_id, month, bucket, count(*) FROM (SELECT service_id, registered_day / 100 "
        "AS month, (SELECT b.bucket FROM duration_buckets b WHERE b.start_ms <= resolution_ms * 2 "
        "ORDER BY b.start_ms DESC LIMIT 1) AS bucket FROM report_ticket_shares "
        "WHERE resolution_ms IS NOT NULL) x GROUP BY service_id, month, bucket",
    ]


ALL = {**{"SLA: " + k: v for k, v in SLA.items()}, **{"volume: " + k: v for k, v in VOLUME.items()},
       **{"satisfaction: " + k: v for k, v in SATISFACTION.items()},
       **{"charter: " + k: v for k, v in CHARTER.items()},
       **{"organization 1: " + k: v for k, v in BY_ORGANIZATION.items()}}


def print_report(engine, figures, rows):
    # The charter panel's 80 reads print as their sum, the slowest named.
    charter = {n: f for n, f in figures.items() if n.startswith("charter:")}
    shown = {n: f for n, f in figures.items() if not n.startswith("charter:")}
    print_figures(f"{engine}: {tickets:,} tickets in a year; {int(rows[0]):,} figure rows, "
                  f"{int(rows[1]):,} month duration rows, {int(rows[2]):,} day rating rows",
                  shown, "baseline: one share by id", 52)
    slowest = max(charter.items(), key=lambda item: item[1][0])
    print(f"{'charter: slowest read, ' + slowest[0][9:]:52} {slowest[1][0]:10.3f} "
          f"{slowest[1][1]:8.3f}")
    for report in ("SLA", "volume", "satisfaction", "charter", "organization 1"):
        total = sum(m for n, (m, _) in figures.items() if n.startswith(report + ":"))
        print(f"{'the ' + report + ' report, all its statements':52} {total:10.3f}")


ROWS = ("SELECT (SELECT count(*) FROM report_day_figures) || ' ' || "
        "(SELECT count(*) FROM report_month_durations) || ' ' || "
        "(SELECT count(*) FROM report_day_ratings)")


def main():
    queries = {name: sql.format(mid=tickets // 2)
               for name, sql in {"baseline: one share by id": BASELINE, **ALL}.items()}
    tmp = tempfile.mkdtemp()
    try:
        db = migrated_sqlite(build, os.path.join(tmp, "sqlite"))
        figures = time_in_sqlite(db, fill_sql(sqlite_series(tickets), "sqlite"), queries, 7)
        print_report("SQLite", figures, db.execute(ROWS).fetchone()[0].split())
        url = migrated_postgres(build, pg_url, "guiche_report_bench")
        figures = time_in_psql(url, fill_sql(postgres_series(tickets), "postgres"), queries, 7)
        print_report("PostgreSQL 15", figures, psql_value(url, ROWS).split())
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


main()

"""What the SQL benchmarks under bench/ share (lgpd_scale, notice_scale,
outbox_scale, report_scale): a freshly migrated desk on each engine, filled by
SQL with foreign keys off, then each query timed a number of rounds after one
that warms it, as its median and its worst, printed against a baseline query
of the same run.
"""
import os
import shutil
import statistics
import subprocess
import sqlite3
import sys
import tempfile
import time


def sqlite_series(count):
    """The numbers 1..count as a table, in SQLite."""
    return (f"(WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s "
            f"WHERE n < {count}) SELECT n FROM s)")


def postgres_series(count):
    """The numbers 1..count as a table, in PostgreSQL (bigint: products of
    them and of instants in milliseconds overflow an int)."""
    return f"generate_series(1::bigint, {count}) AS g(n)"


def migrated_sqlite(build, data):
    """A connection to a desk `guiche migrate` created in `data`."""
    subprocess.run([f"{build}/guiche", "migrate", "--data", data], check=True,
                   stdout=subprocess.DEVNULL)
    db = sqlite3.connect(os.path.join(data, "guiche.db"))
    db.execute("PRAGMA foreign_keys = OFF")
    return db


def time_in_sqlite(db, fill, queries, rounds):
    """Runs the `fill` statements, then times each of `queries` (name -> SQL)."""
    for sql in fill:
        db.execute(sql)
    db.commit()
    db.execute("ANALYZE")
    figures = {}
    for name, sql in queries.items():
        db.execute(sql).fetchall()  # warm
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            db.execute(sql).fetchall()
            times.append((time.perf_counter() - start) * 1000)
        figures[name] = (statistics.median(times), max(times))
    return figures


def migrated_postgres(build, pg_url, name):
    """The URL of database `name`, dropped, created and migrated on pg_url's server."""
    subprocess.run(["psql", "-q", pg_url, "-c", f"DROP DATABASE IF EXISTS {name}",
                    "-c", f"CREATE DATABASE {name}"], check=True, stdout=subprocess.DEVNULL)
    url = pg_url.rsplit("/", 1)[0] + "/" + name
    subprocess.run([f"{build}/guiche", "migrate", "--data", tempfile.mkdtemp(), "--database",
                    url], check=True, stdout=subprocess.DEVNULL)
    return url


def time_in_psql(url, fill, queries, rounds):
    """In one psql session: the `fill` statements with triggers off, then each
    of `queries` timed by \\timing (the server's round trip included)."""
    script = ["SET session_replication_role = replica;"] + [s + ";" for s in fill]
    script += ["SET session_replication_role = origin;", "ANALYZE;", "\\timing on"]
    for sql in queries.values():
        script += [sql + ";"] * (rounds + 1)
    out = subprocess.run(["psql", "-q", "-X", "-v", "ON_ERROR_STOP=1", "-o", "/dev/null", url],
                         input="\n".join(script), text=True, capture_output=True)
    if out.returncode != 0:
        sys.exit("psql: " + out.stderr[-2000:])
    times = [float(line.split()[1]) for line in (out.stdout + out.stderr).splitlines()
             if line.startswith("Time: ")]
    figures = {}
    for i, name in enumerate(queries):
        chunk = times[i * (rounds + 1) + 1:(i + 1) * (rounds + 1)]  # the first one warms
        figures[name] = (statistics.median(chunk), max(chunk))
    return figures


def psql_value(url, sql):
    return subprocess.run(["psql", "-tA", url, "-c", sql], capture_output=True, text=True,
                          check=True).stdout.strip()


def print_figures(heading, figures, baseline, width=48):
    """One line per query: median, worst and the median's ratio to the baseline's."""
    base = figures[baseline][0]
    print(f"\n{heading}")
    print(f"{'query':{width}} {'median ms':>10} {'max ms':>8} {'x baseline':>11}")
    for name, (median, worst) in figures.items():
        print(f"{name:{width}} {median:10.3f} {worst:8.3f} {median / base:11.1f}")


def measure_on_both_engines(build, pg_url, database, fill, queries, heading, rounds=50):
    """The whole run of a SQL benchmark: `fill(series)` (series: the numbers
    1..n as a table, a function of n, for the engine) into a fresh desk on
    SQLite, then into database `database` on pg_url's server; each engine's
    plan of every query; and the figures, against the first query."""
    data = tempfile.mkdtemp()
    try:
        db = migrated_sqlite(build, data)
        sqlite_figures = time_in_sqlite(db, fill(sqlite_series), queries, rounds)
        print("SQLite plans:")
        for name, sql in queries.items():
            plan = [row[3] for row in db.execute("EXPLAIN QUERY PLAN " + sql)]
            print(f"  {name}: " + " | ".join(plan))
        db.close()
    finally:
        shutil.rmtree(data, ignore_errors=True)
    url = migrated_postgres(build, pg_url, database)
    pg_figures = time_in_psql(url, fill(postgres_series), queries, rounds)
    print("PostgreSQL plans:")
    for name, sql in queries.items():
        out = psql_value(url, "EXPLAIN " + sql)
        print(f"  {name}:\n    " + "\n    ".join(out.splitlines()))
    print_figures(f"SQLite, {heading}", sqlite_figures, next(iter(queries)))
    print_figures(f"PostgreSQL, {heading}", pg_figures, next(iter(queries)))

#!/usr/bin/env python3
"""Stop 38's new statements at 1,000,000 tickets and people, on both engines.

- The workspace queue table's requesters' names in one query
  (store::person_names, an IN list of a page's 50 ids) over 1,000,000 people.
- PostgreSQL's search of a rare word (store/ticket_search_filter.cpp): the few
  matches' ids read from the GIN index, then the page ordered by creation
  among them (`id = ANY(array)`); and the common word's bound read (LIMIT
  1000) that decides which way to go. 1,000,000 search entries, 0.01 % with
  the rare word, 5 % with the common one. (psql sends literals: the plan is
  the custom one; the generic plan the node's prepared statement gets was
  looked at with EXPLAIN and is the same primary-key start.)

Usage: bench/search_names_scale.py BUILD_DIR POSTGRES_URL [N]
"""
import sys

from sql_timing import (measure_on_both_engines, migrated_postgres, postgres_series,
                        print_figures, time_in_psql)

build, pg_url = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
start = 1_765_000_000_000
created = f"({start} + n * 60000)"
TICKETS = ("INSERT INTO tickets (protocol, requester_id, organization_id, service_id, category, "
           "channel, subject, description, form_answers, impact, urgency, priority, status, "
           "audience_admitted, audience_reason, time_spent_minutes, resolution, rating_comment, "
           "reopen_count, created_at, updated_at, links, version) "
           "SELECT 'B-' || n, 1 + n % 5000, 1 + n % 4, 1, 'request', 'portal', 's', 'd', '{}', 2, "
           f"2, 3, 'closed', 1, '', 0, '', '', 0, {created}, {created}, '[]', 1 FROM ")


def fill(series):
    return [
        f"INSERT INTO people (name, login, created_at) SELECT 'P' || n, 'p' || n, {created} "
        f"FROM {series}",
        TICKETS + series,
    ]


page = ", ".join(str(1 + i * 19997) for i in range(50))
both = {
    "baseline: one person by primary key": "SELECT * FROM people WHERE id = 4243",
    "a page's 50 requesters' names": (
        f"SELECT id, name, organization_id FROM people WHERE id IN ({page})"),
    "a page among 50 matches, by creation": (
        f"SELECT * FROM tickets WHERE 1 = 1 AND id IN ({page}) "
        "ORDER BY created_at DESC, id DESC LIMIT 21"),
}
measure_on_both_engines(build, pg_url, "guiche_bench_search_names",
                        lambda series: fill(series(n)), both, f"{n:,} people and tickets")

url = migrated_postgres(build, pg_url, "guiche_bench_search_names")
word = "CASE WHEN n % 10000 = 0 THEN 'quimera' WHEN n % 20 = 0 THEN 'lentidão' ELSE 'rotina' END"
pg_fill = fill(postgres_series(n)) + [
    "INSERT INTO ticket_search (ticket_id, subject, body, document) SELECT n, 's', " + word +
    ", to_tsvector('simple', unaccent(" + word + ")) FROM " + postgres_series(n),
    "SELECT gin_clean_pending_list('ticket_search_document')",
]
rare = ("SELECT ticket_id FROM ticket_search WHERE document @@ plainto_tsquery('simple', "
        "unaccent('quimera')) LIMIT 1000")
rare_ids = ",".join(str(i) for i in range(10000, n + 1, 10000))
pg_queries = {
    "baseline: one ticket by primary key": "SELECT * FROM tickets WHERE id = 4242",
    "rare word: its ids (100 matches)": rare,
    "common word: the bound read (LIMIT 1000)": rare.replace("quimera", "lentidao"),
    "rare word: the page among its ids": (
        f"SELECT * FROM tickets WHERE 1 = 1 AND id = ANY(CAST('{{{rare_ids}}}' AS BIGINT[])) "
        "ORDER BY created_at DESC, id DESC LIMIT 21"),
}
print_figures(f"PostgreSQL, search at {n:,} entries", time_in_psql(url, pg_fill, pg_queries, 30),
              next(iter(pg_queries)))

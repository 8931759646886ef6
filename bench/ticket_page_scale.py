#!/usr/bin/env python3
"""The agent ticket page's "other open tickets" at 1,000,000 tickets, on both engines.

The side column of the agent's ticket page lists the requester's and the
organization's other open tickets (store/recent_open_tickets.cpp): the open
ones among the owner's latest 200 tickets, read from the index range
tickets_requester or tickets_organization (v001). Fills a desk with 1,000,000
tickets in 4 organizations (250,000 each) and 5,000 requesters (200 each),
2 % of them open, plus one organization of 100,000 tickets none of which is
open (the worst case of a scan that would look for open ones), then prints
each engine's plan of the statements and times them against a primary-key
read of the same run.

Usage: bench/ticket_page_scale.py BUILD_DIR POSTGRES_URL [TICKETS]
"""
import sqlite3
import sys

from sql_timing import measure_on_both_engines

build, pg_url = sys.argv[1], sys.argv[2]
tickets = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
closed_org = 100_000
start = 1_765_000_000_000
WINDOW = 200


def fill(series, extra_series):
    open_ = "n % 50 = 0"
    created = f"({start} + n * 60000)"
    common = ("INSERT INTO tickets (protocol, requester_id, organization_id, service_id, category, "
              "channel, subject, description, form_answers, impact, urgency, priority, status, "
              "audience_admitted, audience_reason, time_spent_minutes, resolution, rating_comment, "
              "reopen_count, "
              "created_at, updated_at, links, version, open_due) ")
    return [
        common + f"SELECT 'B-' || n, 1 + n % 5000, 1 + n % 4, 1, 'request', 'portal', 's', 'd', "
        f"'{{}}', 2, 2, 3, CASE WHEN {open_} THEN 'in_progress' ELSE 'closed' END, 1, '', 0, '', "
        f"'', 0, {created}, {created}, '[]', 1, CASE WHEN {open_} THEN {created} + 86400000 END "
        f"FROM {series}",
        # An organization with a long history and nothing open, by requesters of its own.
        common + f"SELECT 'C-' || n, 10000 + n % 500, 5, 1, 'request', 'portal', 's', 'd', '{{}}', "
        f"2, 2, 3, 'closed', 1, '', 0, '', '', 0, {created}, {created}, '[]', 1, NULL "
        f"FROM {extra_series}",
    ]


def recent_open(column, owner):
    # The statement of store/recent_open_tickets.cpp (its select list: every column).
    return (f"SELECT * FROM tickets WHERE id IN (SELECT id FROM tickets WHERE {column} = {owner} "
            f"ORDER BY created_at DESC, id DESC LIMIT {WINDOW}) AND open_due IS NOT NULL AND "
            f"id <> 0 ORDER BY created_at DESC, id DESC")


queries = {
    "baseline: one ticket by primary key": "SELECT * FROM tickets WHERE id = 4242",
    "open of a requester (200 tickets)": recent_open("requester_id", 42),
    "open of an organization (250,000 tickets)": recent_open("organization_id", 1),
    "open of an organization, none open (100,000)": recent_open("organization_id", 5),
}

measure_on_both_engines(build, pg_url, "guiche_bench_ticket_page",
                        lambda series: fill(series(tickets), series(closed_org)), queries,
                        f"{tickets:,} tickets")

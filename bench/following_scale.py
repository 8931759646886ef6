#!/usr/bin/env python3
"""Following and notifications (migration v043) at 1,000,000 tickets, on both engines.

Fills a desk with 1,000,000 tickets, each followed by one of 500 agents (2,000
followed tickets each) and each with one notification to that agent (10 %
unread), plus one agent who never reads (100,000 unread notifications), then
prints each engine's plan of the statements of store/ticket_follower_rows.cpp
and store/agent_notification_rows.cpp and times them against a primary-key
read of the same run.

Usage: bench/following_scale.py BUILD_DIR POSTGRES_URL [TICKETS]
"""
import sys

from sql_timing import measure_on_both_engines

build, pg_url = sys.argv[1], sys.argv[2]
tickets = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
heavy = 100_000  # notifications of the agent who never reads
start = 1_765_000_000_000


def fill(series, heavy_series):
    created = f"({start} + n * 60000)"
    return [
        "INSERT INTO tickets (protocol, requester_id, organization_id, service_id, category, "
        "channel, subject, description, form_answers, impact, urgency, priority, status, "
        "audience_admitted, audience_reason, time_spent_minutes, resolution, rating_comment, "
        "reopen_count, created_at, updated_at, links, version) "
        f"SELECT 'B-' || n, 1 + n % 5000, 1 + n % 4, 1, 'request', 'portal', 's', 'd', '{{}}', "
        f"2, 2, 3, 'closed', 1, '', 0, '', '', 0, {created}, {created}, '[]', 1 FROM {series}",
        "INSERT INTO ticket_followers (ticket_id, kind, person_id, via_ticket_id, channel, since) "
        f"SELECT n, 'watcher', 10000 + n % 500, 0, '', {created} FROM {series}",
        "INSERT INTO agent_notifications (person_id, ticket_id, kind, event_seq, actor_id, at, "
        f"read_at) SELECT 10000 + n % 500, n, 'watch', 2, 1, {created}, "
        f"CASE WHEN n % 10 = 0 THEN NULL ELSE {created} END FROM {series}",
        "INSERT INTO agent_notifications (person_id, ticket_id, kind, event_seq, actor_id, at) "
        f"SELECT 20000, n * 7, 'mention', 2, 1, {created} FROM {heavy_series}",
    ]


queries = {
    "baseline: one ticket by primary key": "SELECT * FROM tickets WHERE id = 4242",
    "Seguindo: followed tickets, page of 51": (
        "SELECT ticket_id FROM ticket_followers WHERE person_id = 10042 AND kind = 'watcher' "
        "ORDER BY ticket_id DESC LIMIT 51"),
    "Seguindo: next page (before an id)": (
        "SELECT ticket_id FROM ticket_followers WHERE person_id = 10042 AND kind = 'watcher' "
        "AND ticket_id < 500000 ORDER BY ticket_id DESC LIMIT 51"),
    "a ticket's followers": (
        "SELECT ticket_id, kind, person_id, via_ticket_id, channel, since FROM ticket_followers "
        "WHERE ticket_id = 4242 ORDER BY kind DESC, person_id, via_ticket_id"),
    "notifications, page of 51": (
        "SELECT id, person_id, ticket_id, kind, event_seq, actor_id, at, read_at FROM "
        "agent_notifications WHERE person_id = 10042 ORDER BY id DESC LIMIT 51"),
    "unread count up to 51": (
        "SELECT count(*) FROM (SELECT ticket_id FROM agent_notifications WHERE person_id = 10042 AND "
        "read_at IS NULL ORDER BY ticket_id LIMIT 51) AS unread"),
    "unread count up to 51, 100,000 unread": (
        "SELECT count(*) FROM (SELECT ticket_id FROM agent_notifications WHERE person_id = 20000 AND "
        "read_at IS NULL ORDER BY ticket_id LIMIT 51) AS unread"),
    "unread of one ticket (opening it)": (
        "SELECT 1 FROM agent_notifications WHERE person_id = 10042 AND read_at IS NULL AND "
        "ticket_id = 4542 LIMIT 1"),
    "unread of one ticket, 100,000 unread": (
        "SELECT 1 FROM agent_notifications WHERE person_id = 20000 AND read_at IS NULL AND "
        "ticket_id = 3 LIMIT 1"),
}

measure_on_both_engines(build, pg_url, "guiche_bench_following",
                        lambda series: fill(series(tickets), series(heavy)), queries,
                        f"{tickets:,} tickets")

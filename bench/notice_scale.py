#!/usr/bin/env python3
"""Incident communication's queries at state scale, on both engines.

Fills a freshly migrated desk as a decade of a state's work would leave it:
1,000,000 tickets' worth of links (one ticket in ten linked to a notice),
10,000 notices (100 open, 2,000 published in the last 90 days) with ten
timeline events each, 1,000,000 monitoring alerts, 200 components and
200,000 people of 200 organizations (2,000 of them managers). Then times
each query the status page, the board, publishing and the monitoring intake
run, against a primary-key read of the same run (the baseline). Rows are
written by SQL with foreign keys off: the queries read only these tables.

Usage: bench/notice_scale.py BUILD_DIR POSTGRES_URL
"""
import os
import shutil
import subprocess
import sys
import tempfile

from sql_timing import (migrated_postgres, migrated_sqlite, postgres_series, print_figures,
                        sqlite_series, time_in_psql, time_in_sqlite)

build, pg_url = sys.argv[1], sys.argv[2]
now = 1_800_000_000_000
day = 86_400_000
OPEN = ("('reported', 'acknowledged', 'confirmed_organization', 'confirmed_general', "
        "'scheduled', 'in_progress')")
N = {"notices": 10_000, "links": 100_000, "alerts": 1_000_000, "people": 200_000}

QUERIES = {
    "baseline: one notice by id": "SELECT id FROM status_notices WHERE id = 5000",
    "board: open notices": f"SELECT id FROM status_notices WHERE state IN {OPEN} "
                           "ORDER BY id DESC LIMIT 200",
    "ended notices, first page": f"SELECT id FROM status_notices WHERE state NOT IN {OPEN} "
                                 "AND id < 9223372036854775807 ORDER BY id DESC LIMIT 50",
    "status page: published in 90 days": "SELECT id FROM status_notices WHERE "
        f"first_published_at IS NOT NULL AND first_published_at >= {now - 90 * day} "
        "ORDER BY first_published_at DESC, id DESC LIMIT 200",
    "a notice's components": "SELECT component_id FROM status_notice_components "
                             "WHERE notice_id = 5000 ORDER BY component_id",
    "a notice's timeline": "SELECT id FROM status_notice_events WHERE notice_id = 5000 "
                           "ORDER BY id",
    "publish: a notice's drafts": "SELECT id FROM status_notice_events WHERE notice_id = 5000 "
        "AND message_key IS NOT NULL AND message_key <> 'incident_receipt' "
        "AND published_at IS NULL ORDER BY id",
    "feed: published updates": "SELECT id FROM status_notice_events WHERE published_at IS NOT "
                               "NULL ORDER BY published_at DESC, id DESC LIMIT 200",
    "a notice's published updates": "SELECT id FROM status_notice_events WHERE published_at "
        "IS NOT NULL AND notice_id = 5000 ORDER BY published_at DESC, id DESC LIMIT 100",
    # app/incidents/status_page.cpp: the messages of the page's 200 notices in one query.
    "status page: 200 notices' published updates": "SELECT id FROM status_notice_events WHERE "
        "notice_id IN (4800,4801,4802,4803,4804,4805,4806,4807,4808,4809,4810,4811," + "4812,4813,4814,4815,4816,4817,4818,4819,4820,4821,4822,4823,4824,4825,4826,4827,4828,4829,4830,4831,4832,4833,4834,4835,4836,4837,4838,4839,4840,4841,4842,4843,4844,4845,4846,4847,4848,4849,4850,4851,4852,4853,4854,4855,4856,4857,4858,4859,4860,4861,4862,4863,4864,4865,4866,4867,4868,4869,4870,4871,4872,4873,4874,4875,4876,4877,4878,4879,4880,4881,4882,4883,4884,4885,4886,4887,4888,4889,4890,4891,4892,4893,4894,4895,4896,4897,4898,4899,4900,4901,4902,4903,4904,4905,4906,4907,4908,4909,4910,4911,4912,4913,4914,4915,4916,4917,4918,4919,4920,4921,4922,4923,4924,4925,4926,4927,4928,4929,4930,4931,4932,4933,4934,4935,4936,4937,4938,4939,4940,4941,4942,4943,4944,4945,4946,4947,4948,4949,4950,4951,4952,4953,4954,4955,4956,4957,4958,4959,4960,4961,4962,4963,4964,4965,4966,4967,4968,4969,4970,4971,4972,4973,4974,4975,4976,4977,4978,4979,4980,4981,4982,4983,4984,4985,4986,4987,4988,4989,4990,4991,4992,4993,4994,4995,4996,4997,4998,4999" + ") AND "
        "published_at IS NOT NULL ORDER BY notice_id, published_at DESC, id DESC",
    "a notice's tickets": "SELECT ticket_id FROM status_notice_tickets WHERE notice_id = 5000 "
                          "ORDER BY ticket_id",
    "a ticket's notices": "SELECT notice_id FROM status_notice_tickets WHERE ticket_id = 50000 "
                          "ORDER BY notice_id",
    "monitoring: an alert by identity": "SELECT status FROM monitoring_alerts WHERE "
                                        "fingerprint = 'f500000' AND starts_at = 500000",
    "monitoring: alerts firing behind a notice": "SELECT count(*) FROM monitoring_alerts "
        "WHERE notice_id = 5000 AND status = 'firing'",
    "monitoring: a component's open draft": "SELECT n.id FROM status_notice_components nc "
        "JOIN status_notices n ON n.id = nc.notice_id WHERE nc.component_id = 7 AND "
        "n.reporter_kind = 'monitoring' AND n.state = 'reported' AND "
        "n.first_published_at IS NULL ORDER BY n.id DESC LIMIT 1",
    "delivery: managers of 10 organizations": "SELECT id FROM people WHERE active = 1 AND id IN "
        "(SELECT person_id FROM role_grants WHERE role = 'org_manager') AND organization_id IN "
        "(1, 2, 3, 4, 5, 6, 7, 8, 9, 10) ORDER BY name, id",
    "components by group": "SELECT id FROM status_components ORDER BY group_name, name, id",
    # app/incidents/notice_reminders.cpp, every minute on every node.
    "reminders: maintenance starting in 24 h": f"SELECT id FROM status_notices WHERE state IN "
        f"{OPEN} AND state = 'scheduled' AND starts_at > {now} AND starts_at <= {now + day} "
        "ORDER BY id LIMIT 500",
    "reminders: confirmed incidents": f"SELECT id FROM status_notices WHERE state IN {OPEN} "
        "AND state IN ('confirmed_organization', 'confirmed_general') ORDER BY id LIMIT 500",
    "reminders: ASCOM by role": "SELECT DISTINCT person_id FROM role_grants WHERE "
                                "role = 'communications' ORDER BY person_id",
    "request form: a service's known incidents": "SELECT DISTINCT n.id FROM status_components sc "
        "JOIN status_notice_components snc ON snc.component_id = sc.id "
        "JOIN status_notices n ON n.id = snc.notice_id WHERE sc.service_id = 7 AND "
        "n.public_state IS NOT NULL AND n.state IN ('reported', 'acknowledged', "
        "'confirmed_organization', 'confirmed_general', 'in_progress') AND "
        "(0 = 1 OR n.organization_id IS NULL OR n.organization_id = 3) ORDER BY n.id DESC LIMIT 5",
}


def fill_sql(series):
    """INSERT ... SELECT over `series(k)`, a row source of n = 1..k."""
    n = N
    return [
        f"INSERT INTO status_components (name, group_name, description, service_id, "
        f"responsible_unit_id, active) SELECT 'Componente ' || n, 'Grupo ' || (n % 10), '', "
        f"CASE WHEN n % 2 = 0 THEN NULL ELSE n END, 1, 1 FROM {series(200)}",
        f"INSERT INTO status_notices (kind, state, public_state, title, impact, reporter_kind, "
        f"created_at, updated_at, first_published_at) SELECT "
        f"CASE WHEN n % 5 = 0 THEN 'maintenance' ELSE 'incident' END, "
        f"CASE WHEN n > {n['notices'] - 100} THEN "
        f"(CASE WHEN n % 3 = 0 THEN 'reported' ELSE 'confirmed_general' END) "
        f"WHEN n % 5 = 0 THEN 'completed' ELSE 'restored' END, 'restored', 'Aviso ' || n, '', "
        f"CASE WHEN n % 7 = 0 THEN 'monitoring' ELSE 'staff' END, "
        f"{now} - ({n['notices']} - n) * 43200000, {now} - ({n['notices']} - n) * 43200000, "
        f"CASE WHEN n % 3 = 0 AND n > {n['notices'] - 100} THEN NULL ELSE "
        f"{now} - ({n['notices']} - n) * 43200000 END FROM {series(n['notices'])}",
        f"INSERT INTO status_notice_components (notice_id, component_id) SELECT n, 1 + n % 200 "
        f"FROM {series(n['notices'])}",
        f"INSERT INTO status_notice_events (notice_id, action, state_after, at, channel, data, "
        f"message_key, message_title, message_text, published_at) SELECT 1 + (n - 1) / 10, "
        f"'update', 'confirmed_general', {now} - n * 4320000, 'portal', '{{}}', 'notice_update', "
        f"'t', 'x', CASE WHEN n % 10 = 0 THEN NULL ELSE {now} - n * 4320000 END "
        f"FROM {series(10 * n['notices'])}",
        f"INSERT INTO status_notice_tickets (notice_id, ticket_id, linked_at) SELECT "
        f"1 + n % {n['notices']}, n * 10, {now} FROM {series(n['links'])}",
        f"INSERT INTO monitoring_alerts (fingerprint, starts_at, status, labels, notice_id, "
        f"received_at) SELECT 'f' || n, n, CASE WHEN n % 2 = 0 THEN 'firing' ELSE 'resolved' "
        f"END, '{{}}', 1 + n % {n['notices']}, {now} FROM {series(n['alerts'])}",
        f"INSERT INTO organizations (name, acronym, is_client, client_reference, calendar, "
        f"created_at) SELECT 'Órgão ' || n, 'O' || n, 1, 'c', 'br', {now} FROM {series(200)}",
        f"INSERT INTO people (name, active, organization_id, created_at) SELECT 'Pessoa ' || n, "
        f"1, 1 + n % 200, {now} FROM {series(n['people'])}",
        f"INSERT INTO role_grants (person_id, role) SELECT n, CASE WHEN n % 100 = 0 THEN "
        f"'org_manager' ELSE 'requester' END FROM {series(n['people'])}",
    ]


def main():
    heading = (f"{N['notices']:,} notices, {10 * N['notices']:,} events, "
               f"{N['links']:,} ticket links, {N['alerts']:,} alerts, {N['people']:,} people")
    tmp = tempfile.mkdtemp()
    try:
        db = migrated_sqlite(build, os.path.join(tmp, "sqlite"))
        figures = time_in_sqlite(db, fill_sql(sqlite_series), QUERIES, 25)
        print_figures("SQLite: " + heading, figures, "baseline: one notice by id", 44)
        url = migrated_postgres(build, pg_url, "guiche_notice_bench")
        figures = time_in_psql(url, fill_sql(postgres_series), QUERIES, 25)
        subprocess.run(["psql", "-q", pg_url, "-c", "DROP DATABASE guiche_notice_bench"],
                       check=True, stdout=subprocess.DEVNULL)
        print_figures("PostgreSQL 15: " + heading, figures, "baseline: one notice by id", 44)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


main()

"""The sign-in's own queries (migrations v038 and v044) at 1,000,000 people, on both engines.

The OpenID Connect and directory sign-in read no ticket; what grows is people
and their links: 1,000,000 people, each with an external identity (issuer,
subject) and an e-mail link code, plus one person with 1,000 of each. Prints
each engine's plan of the statements of store/oidc_sign_in_rows.cpp that order or
count, and times them against
a primary-key read of the same run.

Usage: bench/sign_in_scale.py BUILD_DIR POSTGRES_URL [PEOPLE]
"""
import sys

from sql_timing import measure_on_both_engines

build, pg_url = sys.argv[1], sys.argv[2]
people = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
many = 1_000  # identities and codes of the one person who has many
start = 1_765_000_000_000


def fill(people_series, many_series):
    at = f"({start} + n * 60000)"
    return [
        f"INSERT INTO people (name, login, created_at) SELECT 'P' || n, 'p' || n, {at} "
        f"FROM {people_series}",
        "INSERT INTO external_identities (issuer, subject, person_id, created_at, "
        f"last_sign_in_at) SELECT 'https://sso.acesso.gov.br', 's' || n, n, {at}, {at} "
        f"FROM {people_series}",
        "INSERT INTO external_identities (issuer, subject, person_id, created_at, "
        f"last_sign_in_at) SELECT 'https://idp' || n, 'm' || n, 4242, {at}, {at} "
        f"FROM {many_series}",
        "INSERT INTO external_link_codes (token_sha256, code_mac, person_id, provider, issuer, "
        f"subject, created_at, expires_at) SELECT 't' || n, 'c', n, 'govbr', 'i', 's' || n, "
        f"{at}, {at} + 900000 FROM {people_series}",
        "INSERT INTO external_link_codes (token_sha256, code_mac, person_id, provider, issuer, "
        f"subject, created_at, expires_at) SELECT 'u' || n, 'c', 4242, 'govbr', 'i', 'm' || n, "
        f"{at}, {at} + 900000 FROM {many_series}",
    ]


queries = {
    "baseline: one person by primary key": "SELECT * FROM people WHERE id = 4243",
    "a person's external identities (1)": (
        "SELECT issuer, subject FROM external_identities WHERE person_id = 4243 "
        "ORDER BY issuer, subject"),
    "a person's external identities (1,001)": (
        "SELECT issuer, subject FROM external_identities WHERE person_id = 4242 "
        "ORDER BY issuer, subject"),
    "link codes of the last hour (1)": (
        "SELECT COUNT(*) FROM external_link_codes WHERE person_id = 4243 AND created_at >= "
        f"{start}"),
    "link codes of the last hour (1,001)": (
        "SELECT COUNT(*) FROM external_link_codes WHERE person_id = 4242 AND created_at >= "
        f"{start}"),
}

measure_on_both_engines(build, pg_url, "guiche_bench_sign_in",
                        lambda series: fill(series(people), series(many)), queries,
                        f"{people:,} people")

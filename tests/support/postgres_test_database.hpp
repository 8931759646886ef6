#pragma once
// Throwaway PostgreSQL databases for tests, on the server named by the
// environment variable GUICHE_TEST_PG_URL (see scripts/test-servers/postgres.sh).
#include <string>

namespace guiche::testing {

// Creates an empty database and returns a postgresql:// URL for it, usable with
// open_database/open_postgres. Throws std::runtime_error if GUICHE_TEST_PG_URL
// is unset or the server refuses: PostgreSQL tests are never skipped.
std::string create_fresh_postgres_database();

// Drops a database made by create_fresh_postgres_database, even with sessions
// still open on it. Best effort: never throws.
void drop_postgres_database(const std::string& url);

}  // namespace guiche::testing

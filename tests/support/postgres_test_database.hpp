#pragma once
// Throwaway PostgreSQL databases for tests, on the server named by the
// environment variable GUICHE_TEST_PG_URL (see scripts/test-servers/postgres.sh).
#include <functional>
#include <string>

namespace guiche::testing {

// Creates an empty database and returns a postgresql:// URL for it, usable with
// open_database/open_postgres. Throws std::runtime_error if GUICHE_TEST_PG_URL
// is unset or the server refuses: PostgreSQL tests are never skipped.
std::string create_fresh_postgres_database();

// Creates a database as a copy of the template database `template_name` and returns its URL.
// The first caller on the server makes the template, calling make_template with the URL of an
// empty database, while every other process waits (an advisory lock): a whole test run then
// migrates once instead of once per test. The name must change whenever what make_template
// builds does; templates are never dropped (they do not carry the test prefix).
std::string create_postgres_database_from_template(
    const std::string& template_name, const std::function<void(const std::string&)>& make_template);

// Drops a database made by either function above, even with sessions
// still open on it. Best effort: never throws.
void drop_postgres_database(const std::string& url);

}  // namespace guiche::testing

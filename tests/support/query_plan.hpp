#pragma once
// The plan an engine picks for one statement, as text, for tests that check a
// query reads an index instead of a table: SQLite's EXPLAIN QUERY PLAN (one
// "SEARCH"/"SCAN" line per step) or PostgreSQL's EXPLAIN with sequential
// scans disabled (with the few rows of a test the planner would pick one,
// which proves nothing; disabled, a plan that still has one has no index to
// use).
#include <string>
#include <vector>

#include "store/database.hpp"

namespace guiche::testing {

std::string query_plan(store::Database& db, const std::string& sql,
                       const std::vector<store::Value>& params);

}  // namespace guiche::testing

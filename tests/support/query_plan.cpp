#include "support/query_plan.hpp"

namespace guiche::testing {

std::string query_plan(store::Database& db, const std::string& sql,
                       const std::vector<store::Value>& params) {
  std::string out;
  // A write transaction: SET LOCAL lasts until its end.
  db.write([&](store::Connection& c) {
    const bool sqlite = c.dialect() == store::Dialect::sqlite;
    if (!sqlite) c.query("SET LOCAL enable_seqscan = off");
    for (const auto& r :
         c.query(std::string(sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + sql, params)) {
      out += r.text(r.size() - 1) + "\n";
    }
  });
  return out;
}

}  // namespace guiche::testing

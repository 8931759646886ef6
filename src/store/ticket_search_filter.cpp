#include "store/ticket_search_filter.hpp"

#include <sstream>

namespace guiche::store {
namespace {

// Up to this many matches, a query reads them all from the full-text index
// and sorts them; past it, the word is common enough that walking the
// queue's own index in order and asking the full-text index about each row
// reaches a page sooner (about limit ÷ share of matching tickets look-ups).
constexpr std::int64_t kFewMatches = 1000;

// FTS5 query: every word quoted (so user input is never FTS syntax), all required.
std::string fts5_query(const std::string& text) {
  std::istringstream words(text);
  std::string word, out;
  while (words >> word) {
    std::string quoted = "\"";
    for (char ch : word) quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    out += (out.empty() ? "" : " ") + quoted + "\"";
  }
  return out;
}

bool few_matches(Connection& c, const std::string& matches, const Value& query) {
  const auto n = c.query_one("SELECT count(*) FROM (" + matches + " LIMIT ?) AS m",
                             {query, Value{kFewMatches}});
  return n->integer(0) < kFewMatches;
}

}  // namespace

SqlClause text_clause(Connection& c, const std::string& text) {
  if (c.dialect() == Dialect::sqlite) {
    const std::string match = fts5_query(text);
    if (match.empty()) return {};
    const std::string matches = "SELECT rowid FROM ticket_search WHERE ticket_search MATCH ?";
    if (few_matches(c, matches, Value{match})) return {" AND id IN (" + matches + ")", {match}};
    // One probe of the full-text index per row the queue's order visits.
    return {
        " AND EXISTS (SELECT 1 FROM ticket_search WHERE ticket_search MATCH ? AND "
        "ticket_search.rowid = tickets.id)",
        {match}};
  }
  const std::string matches =
      "SELECT ticket_id FROM ticket_search WHERE document @@ plainto_tsquery('simple', "
      "unaccent(?))";
  if (few_matches(c, matches, Value{text})) return {" AND id IN (" + matches + ")", {text}};
  // A scalar subquery is not flattened into a join: PostgreSQL probes each
  // row it visits in queue order by the search table's primary key.
  return {
      " AND (SELECT s.document FROM ticket_search s WHERE s.ticket_id = tickets.id) @@ "
      "plainto_tsquery('simple', unaccent(?))",
      {text}};
}

}  // namespace guiche::store

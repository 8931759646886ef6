#include "store/ticket_search_filter.hpp"

#include <sstream>

namespace guiche::store {
namespace {

// Up to this many matches, a query reads them all from the full-text index
// and sorts them; past it, the word is common enough that walking the
// queue's own index in order and asking the full-text index which rows of
// each chunk match reaches a page sooner (store/ticket_queries.cpp).
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

TextFilter text_filter(Connection& c, const std::string& text) {
  TextFilter out;
  if (c.dialect() == Dialect::sqlite) {
    const std::string match = fts5_query(text);
    if (match.empty()) return out;
    const std::string matches = "SELECT rowid FROM ticket_search WHERE ticket_search MATCH ?";
    if (few_matches(c, matches, Value{match})) {
      out.clause = {" AND id IN (" + matches + ")", {match}};
      return out;
    }
    // One probe of the full-text index per row the queue's order visits,
    // when the queue is not walked in chunks.
    out.clause = {
        " AND EXISTS (SELECT 1 FROM ticket_search WHERE ticket_search MATCH ? AND "
        "ticket_search.rowid = tickets.id)",
        {match}};
    out.matches_between = matches + " AND rowid BETWEEN ? AND ?";
    out.query = match;
    return out;
  }
  const std::string matches =
      "SELECT ticket_id FROM ticket_search WHERE document @@ plainto_tsquery('simple', "
      "unaccent(?))";
  // The few matches' ids are read here and handed to the query as an array:
  // a prepared statement's generic plan does not know how rare the word is,
  // and for `id IN (matches)` it walked the queue's whole index probing
  // each row (275 ms at 100,000 tickets; bench/desk_scale.cpp).
  const auto ids = c.query(matches + " LIMIT ?", {Value{text}, Value{kFewMatches}});
  if (static_cast<std::int64_t>(ids.size()) < kFewMatches) {
    std::string array = "{";
    for (const auto& r : ids) array += (array.size() > 1 ? "," : "") + std::to_string(r.integer(0));
    out.clause = {" AND id = ANY(CAST(? AS BIGINT[]))", {array + "}"}};
    return out;
  }
  // A scalar subquery is not flattened into a join: PostgreSQL probes each
  // row it visits in queue order by the search table's primary key.
  out.clause = {
      " AND (SELECT s.document FROM ticket_search s WHERE s.ticket_id = tickets.id) @@ "
      "plainto_tsquery('simple', unaccent(?))",
      {text}};
  return out;
}

}  // namespace guiche::store

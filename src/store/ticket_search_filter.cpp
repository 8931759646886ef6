#include "store/ticket_search_filter.hpp"

#include <sstream>

namespace guiche::store {
namespace {

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

}  // namespace

SqlClause text_clause(Connection& c, const std::string& text) {
  if (c.dialect() == Dialect::sqlite) {
    const std::string match = fts5_query(text);
    if (match.empty()) return {};
    return {" AND id IN (SELECT rowid FROM ticket_search WHERE ticket_search MATCH ?)", {match}};
  }
  return {
      " AND id IN (SELECT ticket_id FROM ticket_search WHERE document @@ "
      "plainto_tsquery('simple', unaccent(?)))",
      {text}};
}

}  // namespace guiche::store

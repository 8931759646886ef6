#pragma once
// The full-text part of a ticket query (store/ticket_queries.cpp), chosen so
// that the first page of a common word does not read every match.
#include <string>
#include <vector>

#include "store/database.hpp"

namespace guiche::store {

// A piece of a WHERE clause (" AND ...") and its parameters, in order.
struct SqlClause {
  std::string sql;
  std::vector<Value> params;
};

// How the matches are found (what tests check was chosen).
enum class TextPath {
  none,             // no word
  few_ids,          // every match read from the full-text index first
  chunks_in_order,  // SQLite: the queue in order, a chunk of ids at a time
  probe_in_order,   // PostgreSQL: the queue in order, each row probed
};

// Tickets whose subject, description or public replies hold every word of
// `text`, accent- and case-insensitive.
struct TextFilter {
  // The condition, for the query itself; empty when `text` has no word.
  SqlClause clause;
  // SQLite, a common word: the matching ids between two ids (parameters:
  // `query`, then the bounds), so that a queue walked in order in chunks of
  // ids asks the full-text index once per chunk (store/ticket_queries.cpp).
  std::string matches_between;
  Value query;
  TextPath how = TextPath::none;
  // PostgreSQL: the match ids read from the full-text index before the
  // query (none for a word the statistics call common).
  std::int64_t matches_read = 0;
};

TextFilter text_filter(Connection& c, const std::string& text);

}  // namespace guiche::store

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

// Tickets whose subject, description or public replies hold every word of
// `text`, accent- and case-insensitive; empty when `text` has no word.
SqlClause text_clause(Connection& c, const std::string& text);

}  // namespace guiche::store

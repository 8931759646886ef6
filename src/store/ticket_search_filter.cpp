#include "store/ticket_search_filter.hpp"

#include <cctype>
#include <sstream>

#include <nlohmann/json.hpp>

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

// PostgreSQL: whether the planner's statistics of the search index (its
// most common words, kept by ANALYZE) say the words are in more than
// kCommonShare of the tickets, and in at least kFewMatches. Such a word's
// first page is found sooner by probing the queue in order than by reading
// matches from the index: reading even 1,000 of them costs a heap page each,
// 30 ms at 1,000,000 tickets against 0.5 ms for this estimate and 2.8 ms for
// the probe (bench/desk_scale.cpp's desk, each statement timed alone). A word
// the statistics do not list, or a desk never analyzed, is estimated at most
// at the planner's default share (0.5 %) and takes the bounded read below.
constexpr double kCommonShare = 0.02;

// One word of letters and digits (any byte past ASCII is a letter here): the
// planner multiplies the shares of several words as if they were unrelated,
// and two common words that never meet would send the probe down the whole
// queue; those keep the bounded read, which finds how few they are.
bool one_word(const std::string& text) {
  std::size_t from = text.find_first_not_of(' ');
  std::size_t to = text.find_last_not_of(' ');
  if (from == std::string::npos) return false;
  for (std::size_t i = from; i <= to; ++i) {
    const auto ch = static_cast<unsigned char>(text[i]);
    if (ch < 0x80 && !std::isalnum(ch)) return false;
  }
  return true;
}

bool common_by_statistics(Connection& c, const std::string& text) {
  const auto plan = c.query_one(
      "EXPLAIN (FORMAT JSON) SELECT 1 FROM ticket_search WHERE document @@ "
      "plainto_tsquery('simple', unaccent(?))",
      {Value{text}});
  const auto size = c.query_one(
      "SELECT reltuples FROM pg_class WHERE oid = CAST('ticket_search' AS regclass)", {});
  if (!plan || !size) return false;
  const double tickets = size->real(0);
  const auto parsed = nlohmann::json::parse(plan->text(0), nullptr, false);
  if (parsed.is_discarded() || !parsed.is_array() || parsed.empty()) return false;
  const double estimate = parsed[0]["Plan"].value("Plan Rows", 0.0);
  return tickets > 0 && estimate >= static_cast<double>(kFewMatches) &&
         estimate > kCommonShare * tickets;
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
      out.how = TextPath::few_ids;
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
    out.how = TextPath::chunks_in_order;
    return out;
  }
  // A scalar subquery is not flattened into a join: PostgreSQL probes each
  // row it visits in queue order by the search table's primary key.
  const SqlClause probe = {
      " AND (SELECT s.document FROM ticket_search s WHERE s.ticket_id = tickets.id) @@ "
      "plainto_tsquery('simple', unaccent(?))",
      {text}};
  if (one_word(text) && common_by_statistics(c, text)) {
    out.clause = probe;
    out.how = TextPath::probe_in_order;
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
  out.matches_read = static_cast<std::int64_t>(ids.size());
  if (out.matches_read < kFewMatches) {
    std::string array = "{";
    for (const auto& r : ids) array += (array.size() > 1 ? "," : "") + std::to_string(r.integer(0));
    out.clause = {" AND id = ANY(CAST(? AS BIGINT[]))", {array + "}"}};
    out.how = TextPath::few_ids;
    return out;
  }
  out.clause = probe;
  out.how = TextPath::probe_in_order;
  return out;
}

}  // namespace guiche::store

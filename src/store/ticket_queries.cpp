#include "store/ticket_queries.hpp"

#include <sstream>

#include "domain/error.hpp"
#include "store/ticket_rows.hpp"

namespace guiche::store {
namespace {

// The live resolution deadline from the SLA cache (pauses and reclassifications
// included); projects sort by their agreed deadline; the estimate registered
// covers tickets the cache has not seen yet. Tickets without any deadline
// sort after every dated one. The cache's primary key makes the look-up an
// index probe.
constexpr const char* kDeadlineKey =
    "COALESCE((SELECT s.deadline FROM ticket_sla s WHERE s.ticket_id = tickets.id AND "
    "s.target = 'resolution'), estimated_deadline, agreed_deadline, 9000000000000000)";

std::string in_list(const std::vector<std::int64_t>& ids, std::vector<Value>& params) {
  std::string out = "(";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    out += i ? ", ?" : "?";
    params.emplace_back(ids[i]);
  }
  return out + ")";
}

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

struct Cursor {
  std::int64_t key;
  std::int64_t id;
};

std::optional<Cursor> parse_cursor(const std::string& text) {
  auto dot = text.find('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 >= text.size()) return std::nullopt;
  try {
    std::size_t used1 = 0, used2 = 0;
    std::int64_t key = std::stoll(text.substr(0, dot), &used1);
    std::int64_t id = std::stoll(text.substr(dot + 1), &used2);
    if (used1 != dot || used2 != text.size() - dot - 1 || id <= 0) return std::nullopt;
    return Cursor{key, id};
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace

TicketPage list_tickets(Connection& c, const TicketScope& scope, const TicketFilter& f) {
  std::vector<Value> params;
  std::string where = "1 = 1";

  if (!scope.all) {
    std::string any;
    auto add = [&](const char* column, const std::vector<std::int64_t>& ids) {
      if (ids.empty()) return;
      any += (any.empty() ? "" : " OR ") + std::string(column) + " IN " + in_list(ids, params);
    };
    add("requester_id", scope.requester_ids);
    add("organization_id", scope.organization_ids);
    add("unit_id", scope.unit_ids);
    where += any.empty() ? " AND 1 = 0" : " AND (" + any + ")";
  }
  if (!f.statuses.empty()) {
    where += " AND status IN (";
    for (std::size_t i = 0; i < f.statuses.size(); ++i) {
      where += i ? ", ?" : "?";
      params.emplace_back(std::string(status_code(f.statuses[i])));
    }
    where += ")";
  }
  auto equals = [&](const char* column, const std::optional<std::int64_t>& v) {
    if (!v) return;
    where += std::string(" AND ") + column + " = ?";
    params.emplace_back(*v);
  };
  equals("unit_id", f.unit_id);
  equals("assignee_id", f.assignee_id);
  equals("organization_id", f.organization_id);
  equals("requester_id", f.requester_id);
  equals("service_id", f.service_id);
  if (f.priority) equals("priority", std::int64_t{*f.priority});
  if (f.unassigned_only) where += " AND assignee_id IS NULL";
  if (f.created_from) {
    where += " AND created_at >= ?";
    params.emplace_back(to_millis(*f.created_from));
  }
  if (f.deadline != DeadlineState::any) {
    // next_check_at is the warning instant until housekeeping records the
    // warning, then the breach instant (the deadline): either way at or past
    // the warning point it is <= as_of or >= the deadline.
    const bool at_risk = f.deadline == DeadlineState::at_risk;
    where += at_risk ? " AND status NOT IN ('resolved', 'closed', 'cancelled') AND id IN "
                       "(SELECT s.ticket_id FROM ticket_sla s WHERE s.target = 'resolution' AND "
                       "s.state = 'running' AND s.deadline > ? AND s.next_check_at IS NOT NULL "
                       "AND (s.next_check_at <= ? OR s.next_check_at >= s.deadline))"
                     : " AND status NOT IN ('resolved', 'closed', 'cancelled') AND id IN "
                       "(SELECT s.ticket_id FROM ticket_sla s WHERE s.target = 'resolution' AND "
                       "(s.breached = 1 OR (s.state = 'running' AND s.deadline <= ?)))";
    params.emplace_back(to_millis(f.deadline_as_of));
    if (at_risk) params.emplace_back(to_millis(f.deadline_as_of));
  }

  if (!f.text.empty()) {
    if (c.dialect() == Dialect::sqlite) {
      std::string match = fts5_query(f.text);
      if (!match.empty()) {
        where += " AND id IN (SELECT rowid FROM ticket_search WHERE ticket_search MATCH ?)";
        params.emplace_back(match);
      }
    } else {
      where +=
          " AND id IN (SELECT ticket_id FROM ticket_search WHERE document @@ "
          "plainto_tsquery('simple', unaccent(?)))";
      params.emplace_back(f.text);
    }
  }

  const bool by_deadline = f.order == TicketOrder::deadline_first;
  const std::string key = by_deadline ? kDeadlineKey : "created_at";
  if (!f.cursor.empty()) {
    auto cursor = parse_cursor(f.cursor);
    if (!cursor) throw invalid_field("cursor", "Cursor de paginação inválido.");
    const char* cmp = by_deadline ? ">" : "<";
    where += " AND (" + key + " " + cmp + " ? OR (" + key + " = ? AND id " + cmp + " ?))";
    params.emplace_back(cursor->key);
    params.emplace_back(cursor->key);
    params.emplace_back(cursor->id);
  }
  const int limit = std::clamp(f.limit, 1, 200);
  std::string order = by_deadline ? key + " ASC, id ASC" : "created_at DESC, id DESC";
  params.emplace_back(std::int64_t{limit + 1});
  // Whole rows in one query: a page must not cost a query per ticket.
  auto rows =
      c.query(select_tickets_sql() + " WHERE " + where + " ORDER BY " + order + " LIMIT ?", params);

  TicketPage page;
  for (std::size_t i = 0; i < rows.size() && i < static_cast<std::size_t>(limit); ++i) {
    page.tickets.push_back(ticket_from_row(rows[i]));
  }
  if (rows.size() > static_cast<std::size_t>(limit) && !page.tickets.empty()) {
    const Ticket& last = page.tickets.back();
    std::int64_t last_key = to_millis(last.created_at);
    if (by_deadline) {
      last_key = c.query_one(std::string("SELECT ") + kDeadlineKey + " FROM tickets WHERE id = ?",
                             {last.id})
                     ->integer(0);
    }
    page.next_cursor = std::to_string(last_key) + "." + std::to_string(last.id);
  }
  return page;
}

}  // namespace guiche::store

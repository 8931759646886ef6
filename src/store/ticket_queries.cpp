#include "store/ticket_queries.hpp"

#include <algorithm>

#include "domain/error.hpp"
#include "store/ticket_rows.hpp"
#include "store/ticket_search_filter.hpp"

namespace guiche::store {
namespace {

std::string in_list(const std::vector<std::int64_t>& ids, std::vector<Value>& params) {
  std::string out = "(";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    out += i ? ", ?" : "?";
    params.emplace_back(ids[i]);
  }
  return out + ")";
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

// The open statuses, which the workspace's queues ask for all at once: they
// are the rows with an open_due key (store/migrations/v012_queue_keys.cpp).
bool all_open(const std::vector<Status>& statuses) {
  std::vector<Status> open;
  for (auto s : statuses) {
    if (!status_is_open(s)) return false;
    if (std::find(open.begin(), open.end(), s) == open.end()) open.push_back(s);
  }
  return open.size() == 7;
}

// The rows that match, whatever their order: scope, filters and text.
SqlClause filter_clause(Connection& c, const TicketScope& scope, const TicketFilter& f,
                        bool open_only) {
  SqlClause w{"1 = 1", {}};
  auto& params = w.params;
  std::string& where = w.sql;
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
  if (open_only) where += " AND open_due IS NOT NULL";
  if (!f.statuses.empty() && !(open_only && all_open(f.statuses))) {
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
  if (!f.text.empty()) {
    const SqlClause text = text_clause(c, f.text);
    where += text.sql;
    params.insert(params.end(), text.params.begin(), text.params.end());
  }
  return w;
}

// At risk and breached, each as two ranges of an index in queue order
// (v012_queue_keys.cpp): the one recorded by housekeeping (key 0) and the
// one whose instant has passed since. Each yields its first page in order.
std::vector<SqlClause> deadline_branches(const TicketFilter& f) {
  const Value now{to_millis(f.deadline_as_of)};
  switch (f.deadline) {
    case DeadlineState::at_risk:
      return {{" AND risk_at = 0 AND open_due > ?", {now}},
              {" AND risk_at > 0 AND risk_at <= ? AND open_due > ?", {now, now}}};
    case DeadlineState::breached:
      // "+": the second range is read in queue order from open_due's index.
      return {{" AND breach_at = 0", {}},
              {" AND +breach_at > 0 AND +breach_at <= ? AND open_due <= ?", {now, now}}};
    case DeadlineState::any:
      break;
  }
  return {{"", {}}};
}

}  // namespace

TicketPage list_tickets(Connection& c, const TicketScope& scope, const TicketFilter& f) {
  const bool by_deadline = f.order == TicketOrder::deadline_first;
  // The workspace's queues hold open tickets only: their key is open_due,
  // equal to due_at on those rows, so cursors of either serve both.
  const bool open_only = by_deadline && (f.deadline != DeadlineState::any || all_open(f.statuses));
  SqlClause where = filter_clause(c, scope, f, open_only);
  if (!by_deadline && f.deadline != DeadlineState::any) where.sql += " AND open_due IS NOT NULL";
  const std::string key = !by_deadline ? "created_at" : open_only ? "open_due" : "due_at";
  if (!f.cursor.empty()) {
    auto cursor = parse_cursor(f.cursor);
    if (!cursor) throw invalid_field("cursor", "Cursor de paginação inválido.");
    // A row value, so that the next page starts where the index left off.
    where.sql += " AND (" + key + ", id) " + (by_deadline ? ">" : "<") + " (?, ?)";
    where.params.emplace_back(cursor->key);
    where.params.emplace_back(cursor->id);
  }
  const int limit = std::clamp(f.limit, 1, 200);
  const std::string order = by_deadline ? key + " ASC, id ASC" : "created_at DESC, id DESC";
  std::string select = select_tickets_sql();
  select.insert(select.rfind(" FROM tickets"), ", " + key + " AS sort_key");

  std::vector<Value> params;
  std::string sql;
  const auto branches = deadline_branches(f);
  for (std::size_t b = 0; b < branches.size(); ++b) {
    params.insert(params.end(), where.params.begin(), where.params.end());
    params.insert(params.end(), branches[b].params.begin(), branches[b].params.end());
    params.emplace_back(std::int64_t{limit + 1});
    const std::string one =
        select + " WHERE " + where.sql + branches[b].sql + " ORDER BY " + order + " LIMIT ?";
    if (branches.size() == 1) {
      sql = one;
    } else {
      sql += (b ? " UNION ALL " : "") + std::string("SELECT * FROM (") + one + ") AS branch" +
             std::to_string(b);
    }
  }
  if (branches.size() > 1) {
    sql += " ORDER BY sort_key " + std::string(by_deadline ? "ASC" : "DESC") + ", id " +
           (by_deadline ? "ASC" : "DESC") + " LIMIT ?";
    params.emplace_back(std::int64_t{limit + 1});
  }
  // Whole rows in one query: a page must not cost a query per ticket.
  auto rows = c.query(sql, params);

  TicketPage page;
  for (std::size_t i = 0; i < rows.size() && i < static_cast<std::size_t>(limit); ++i) {
    page.tickets.push_back(ticket_from_row(rows[i]));
  }
  if (rows.size() > static_cast<std::size_t>(limit) && !page.tickets.empty()) {
    const Row& last = rows[static_cast<std::size_t>(limit) - 1];
    page.next_cursor = std::to_string(last.integer(last.size() - 1)) + "." +
                       std::to_string(page.tickets.back().id);
  }
  return page;
}

}  // namespace guiche::store

#include "store/ticket_queries.hpp"

#include <algorithm>
#include <map>

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

// The rows that match, whatever their order: scope and filters (the text
// apart: text_filter).
// Units of a filter read as one index range each (unit_id = ?, in queue
// order) and merged, rather than `unit_id IN (...)`, which the database can
// only answer by sorting every open ticket of those units. Past this many, IN.
constexpr std::size_t kUnitRanges = 16;

bool units_as_ranges(const TicketFilter& f) {
  return f.unit_ids.size() > 1 && f.unit_ids.size() <= kUnitRanges;
}

SqlClause filter_clause(const TicketScope& scope, const TicketFilter& f, bool open_only) {
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
  if (!f.unit_ids.empty() && !units_as_ranges(f)) {
    where += " AND unit_id IN " + in_list(f.unit_ids, params);
  }
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
  return w;
}

// One range of an index a queue is read from; `lead` goes before the
// queue's order when that order is the index's own.
struct Branch {
  SqlClause where;
  std::string lead;
};

// At risk and breached, each as two ranges of an index in queue order
// (v012_queue_keys.cpp): the one recorded by housekeeping (key 0) and the
// one whose instant has passed since. Each yields its first page in order.
std::vector<Branch> deadline_branches(const TicketFilter& f) {
  const Value now{to_millis(f.deadline_as_of)};
  switch (f.deadline) {
    case DeadlineState::at_risk:
      return {{{" AND risk_at = 0 AND open_due > ?", {now}}, ""},
              {{" AND risk_at > 0 AND risk_at <= ? AND open_due > ?", {now, now}}, ""}};
    case DeadlineState::breached:
      // A running clock's breach instant is its deadline: ordered by
      // breach_at, the second range is in queue order too.
      return {{{" AND breach_at = 0", {}}, ""},
              {{" AND breach_at > 0 AND breach_at <= ?", {now}}, "breach_at ASC, "}};
    case DeadlineState::any:
      break;
  }
  return {{{"", {}}, ""}};
}

SqlClause operator+(SqlClause a, const SqlClause& b) {
  a.sql += b.sql;
  a.params.insert(a.params.end(), b.params.begin(), b.params.end());
  return a;
}

// How a page is read: its order, its key, the at-risk or breached branches.
struct PagePlan {
  bool by_deadline = false;
  std::string key;  // created_at, due_at or open_due
  std::vector<Branch> branches;

  SqlClause after(const Cursor& at) const {
    // A row value, so that the next page starts where the index left off.
    return {" AND (" + key + ", id) " + (by_deadline ? ">" : "<") + " (?, ?)", {at.key, at.id}};
  }

  // `select` (ending in FROM tickets, with the key AS sort_key) of the rows
  // matching `where`, in order, at most `n`.
  SqlClause query(const std::string& select, const SqlClause& where, int n) const {
    const std::string order = by_deadline ? key + " ASC, id ASC" : "created_at DESC, id DESC";
    SqlClause out;
    for (std::size_t b = 0; b < branches.size(); ++b) {
      out.params.insert(out.params.end(), where.params.begin(), where.params.end());
      const auto& branch = branches[b];
      out.params.insert(out.params.end(), branch.where.params.begin(), branch.where.params.end());
      out.params.emplace_back(std::int64_t{n});
      const std::string one = select + " WHERE " + where.sql + branch.where.sql + " ORDER BY " +
                              (by_deadline ? branch.lead : "") + order + " LIMIT ?";
      if (branches.size() == 1) return {one, out.params};
      out.sql += (b ? " UNION ALL " : "") + std::string("SELECT * FROM (") + one + ") AS branch" +
                 std::to_string(b);
    }
    const char* direction = by_deadline ? "ASC" : "DESC";
    out.sql += std::string(" ORDER BY sort_key ") + direction + ", id " + direction + " LIMIT ?";
    out.params.emplace_back(std::int64_t{n});
    return out;
  }
};

// A common word (TextFilter::matches_between): the queue walked in order in
// chunks of ids, each chunk's matches asked of the full-text index at once by
// the range of its ids; past kChunks chunks the rest is probed row by row.
// Returns the (key, id) of up to `wanted` matching rows, in order.
constexpr int kChunk = 256, kChunks = 40;

std::vector<Cursor> walk_in_chunks(Connection& c, const PagePlan& plan, const SqlClause& where,
                                   const TextFilter& text, std::optional<Cursor> at,
                                   std::size_t wanted) {
  const std::string ids = "SELECT id, " + plan.key + " AS sort_key FROM tickets";
  std::vector<Cursor> picked;
  for (int chunk = 0; picked.size() < wanted; ++chunk) {
    const SqlClause from_here = at ? where + plan.after(*at) : where;
    if (chunk == kChunks) {
      const auto q =
          plan.query(ids, from_here + text.clause, static_cast<int>(wanted - picked.size()));
      for (const auto& r : c.query(q.sql, q.params)) picked.push_back({r.integer(1), r.integer(0)});
      break;
    }
    const auto q = plan.query(ids, from_here, kChunk);
    const auto rows = c.query(q.sql, q.params);
    if (rows.empty()) break;
    std::int64_t low = rows.front().integer(0), high = low;
    for (const auto& r : rows) {
      low = std::min(low, r.integer(0));
      high = std::max(high, r.integer(0));
    }
    std::vector<std::int64_t> matching;
    for (const auto& r : c.query(text.matches_between, {text.query, low, high})) {
      matching.push_back(r.integer(0));
    }
    std::sort(matching.begin(), matching.end());
    for (const auto& r : rows) {
      if (!std::binary_search(matching.begin(), matching.end(), r.integer(0))) continue;
      picked.push_back({r.integer(1), r.integer(0)});
      if (picked.size() == wanted) break;
    }
    at = Cursor{rows.back().integer(1), rows.back().integer(0)};
    if (rows.size() < static_cast<std::size_t>(kChunk)) break;
  }
  return picked;
}

// The plan of a list and its WHERE clause.
PagePlan plan_of(const TicketScope& scope, const TicketFilter& f, SqlClause& where) {
  PagePlan plan;
  plan.by_deadline = f.order == TicketOrder::deadline_first;
  // The workspace's queues hold open tickets only: their key is open_due,
  // equal to due_at on those rows, so cursors of either serve both.
  const bool open_only =
      plan.by_deadline && (f.deadline != DeadlineState::any || all_open(f.statuses));
  where = filter_clause(scope, f, open_only);
  if (!plan.by_deadline && f.deadline != DeadlineState::any) {
    where.sql += " AND open_due IS NOT NULL";
  }
  plan.key = !plan.by_deadline ? "created_at" : open_only ? "open_due" : "due_at";
  plan.branches = deadline_branches(f);
  if (units_as_ranges(f)) {
    std::vector<Branch> per_unit;
    for (const auto& branch : plan.branches) {
      for (const auto unit : f.unit_ids) {
        per_unit.push_back(
            {SqlClause{" AND unit_id = ?", {Value{unit}}} + branch.where, branch.lead});
      }
    }
    plan.branches = std::move(per_unit);
  }
  return plan;
}

}  // namespace

std::int64_t count_tickets_up_to(Connection& c, const TicketScope& scope, const TicketFilter& f,
                                 int bound) {
  SqlClause where;
  const PagePlan plan = plan_of(scope, f, where);
  // The first `bound` ids of the queue's own index range, as its page reads
  // them: a count that never walks the whole table.
  const std::string ids = "SELECT id, " + plan.key + " AS sort_key FROM tickets";
  if (!f.text.empty()) {
    const TextFilter text = text_filter(c, f.text);
    if (!text.matches_between.empty()) {
      return static_cast<std::int64_t>(
          walk_in_chunks(c, plan, where, text, std::nullopt, static_cast<std::size_t>(bound))
              .size());
    }
    where = where + text.clause;
  }
  const auto q = plan.query(ids, where, bound);
  const auto row = c.query_one("SELECT COUNT(*) FROM (" + q.sql + ") AS bounded", q.params);
  return row ? row->integer(0) : 0;
}

TicketPage list_tickets(Connection& c, const TicketScope& scope, const TicketFilter& f) {
  SqlClause where;
  const PagePlan plan = plan_of(scope, f, where);
  std::optional<Cursor> cursor;
  if (!f.cursor.empty()) {
    cursor = parse_cursor(f.cursor);
    if (!cursor) throw invalid_field("cursor", "Cursor de paginação inválido.");
  }
  const int limit = std::clamp(f.limit, 1, 200);
  std::string select = select_tickets_sql();
  select.insert(select.rfind(" FROM tickets"), ", " + plan.key + " AS sort_key");
  const TextFilter text = f.text.empty() ? TextFilter{} : text_filter(c, f.text);

  // Whole rows in one query: a page must not cost a query per ticket.
  std::vector<Row> rows;
  if (text.matches_between.empty()) {
    const auto q =
        plan.query(select, (cursor ? where + plan.after(*cursor) : where) + text.clause, limit + 1);
    rows = c.query(q.sql, q.params);
  } else {
    const auto picked =
        walk_in_chunks(c, plan, where, text, cursor, static_cast<std::size_t>(limit) + 1);
    if (!picked.empty()) {
      std::string in;
      std::vector<Value> ids;
      for (const auto& p : picked) {
        in += ids.empty() ? "?" : ", ?";
        ids.emplace_back(p.id);
      }
      std::map<std::int64_t, Row> found;
      for (auto& r : c.query(select + " WHERE id IN (" + in + ")", ids)) {
        const auto id = r.integer(0);
        found.emplace(id, std::move(r));
      }
      for (const auto& p : picked) {
        auto it = found.find(p.id);
        if (it != found.end()) rows.push_back(it->second);
      }
    }
  }

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

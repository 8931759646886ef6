#pragma once
// Growing a desk's history fast for bench_desk_scale: the finished tickets
// (closed or cancelled) the application layer registered are copied, with
// every row they own (events, SLA cache, search entry, outbox), each copy a
// year earlier in the past with its own protocol numbers (year - k), in one
// transaction per copy. A desk with a long history has the same open backlog
// as a young one, only more finished tickets behind it: that is what the
// copies add, at SQL speed instead of the application layer's few hundred
// tickets a second.
#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/service_figure_rows.hpp"

namespace guiche::bench {

inline std::vector<std::string> table_columns(store::Connection& c, const std::string& table) {
  std::vector<std::string> out;
  const std::string sql =
      c.dialect() == store::Dialect::sqlite
          ? "SELECT name FROM pragma_table_info('" + table + "') ORDER BY cid"
          : "SELECT column_name FROM information_schema.columns WHERE table_name = '" + table +
                "' AND table_schema = current_schema() ORDER BY ordinal_position";
  for (const auto& r : c.query(sql)) out.push_back(r.text(0));
  return out;
}

// INSERT INTO table (columns but skip) SELECT (each through `expr`) FROM table alias WHERE ...
inline std::string copy_sql(store::Connection& c, const std::string& table,
                            const std::vector<std::string>& skip,
                            const std::function<std::string(const std::string&)>& expr,
                            const std::string& where) {
  std::string into, select;
  for (const auto& col : table_columns(c, table)) {
    if (std::find(skip.begin(), skip.end(), col) != skip.end()) continue;
    into += (into.empty() ? "" : ", ") + col;
    select += (select.empty() ? "" : ", ") + expr(col);
  }
  return "INSERT INTO " + table + " (" + into + ") SELECT " + select + " FROM " + table +
         " AS src WHERE " + where;
}

// Copies the `chosen` tickets `offset` ids up, with their events (the created
// event naming the copy's own protocol, which rebuild-tickets derives) and
// cached clocks; each column through `moved`.
inline void copy_tickets(store::Connection& c,
                         const std::function<std::string(const std::string&)>& moved,
                         const std::string& chosen, const std::string& offset) {
  const std::string of_chosen = "src.ticket_id IN (SELECT id FROM tickets WHERE " + chosen + ")";
  c.query(copy_sql(c, "tickets", {}, moved, chosen));
  c.query(copy_sql(
      c, "ticket_events", {},
      [&](const std::string& col) {
        if (col != "data") return moved(col);
        return "CASE WHEN src.seq = 1 THEN replace(src.data, (SELECT t.protocol FROM "
               "tickets t WHERE t.id = src.ticket_id), (SELECT t.protocol FROM tickets t "
               "WHERE t.id = src.ticket_id + " +
               offset + ")) ELSE src.data END";
      },
      of_chosen));
  c.query(copy_sql(c, "ticket_sla", {}, moved, of_chosen));
}

// Copies finished tickets until the desk holds about `target` tickets;
// returns how many were added.
inline long clone_history(store::Database& db, long target) {
  long added = 0;
  std::int64_t top = 0, count = 0, first = 0, last = 0, years = 1;
  db.read([&](store::Connection& c) {
    auto r = c.query_one(
        "SELECT max(id), count(*), min(created_at), max(created_at), "
        "max(CAST(substr(protocol, 1, 4) AS INTEGER)) - min(CAST(substr(protocol, 1, 4) AS "
        "INTEGER)) + 1 FROM tickets");
    top = r->integer(0);
    count = r->integer(1);
    first = r->integer(2);
    last = r->integer(3);
    years = r->integer(4);
  });
  const std::string finished = "status IN ('closed', 'cancelled') AND id <= " + std::to_string(top);
  std::int64_t per_copy = 0;
  db.read([&](store::Connection& c) {
    per_copy = c.query_one("SELECT count(*) FROM tickets WHERE " + finished)->integer(0);
  });
  if (per_copy == 0) return 0;
  const std::int64_t span = last - first + 86400000;  // each copy this much earlier
  for (int k = 1; count + added < target; ++k) {
    // The last copy takes only as many tickets as the target still needs.
    std::string chosen = finished;
    const long need = target - count - added;
    if (need < per_copy) {
      db.read([&](store::Connection& c) {
        const auto id = c.query_one("SELECT id FROM tickets WHERE " + finished +
                                        " ORDER BY id LIMIT 1 OFFSET ?",
                                    {std::int64_t{need - 1}})
                            ->integer(0);
        chosen += " AND id <= " + std::to_string(id);
      });
    }
    const std::string offset = std::to_string(top * k);
    const std::string shift = std::to_string(span * k);
    // Copy k numbers its tickets `years` × k years earlier: no protocol repeats.
    const std::string year = std::to_string(years * k);
    const std::vector<std::string> instants = {
        "agreed_deadline", "estimated_deadline", "first_response_at", "created_at",
        "updated_at",      "resolved_at",        "closed_at",         "occurred_at",
        "deadline",        "next_check_at",      "next_attempt_at",   "lease_until",
        "sent_at",         "open_due",           "risk_at",           "breach_at"};
    auto moved = [&](const std::string& col) -> std::string {
      if (col == "id" || col == "ticket_id") return "src." + col + " + " + offset;
      if (col == "protocol") {
        return "CAST(CAST(substr(src.protocol, 1, 4) AS INTEGER) - " + year +
               " AS TEXT) || substr(src.protocol, 5)";
      }
      if (col == "message_id") {  // unique: the copy's own
        return "CASE WHEN src.message_id IS NULL THEN NULL ELSE 'copia" + year +
               ".' || src.message_id END";
      }
      if (col == "due_at") {
        return "CASE WHEN src.due_at >= 9000000000000000 THEN src.due_at ELSE src.due_at - " +
               shift + " END";
      }
      if (std::find(instants.begin(), instants.end(), col) != instants.end()) {
        return "src." + col + " - " + shift;
      }
      return "src." + col;
    };
    long copied = 0;
    const std::string of_chosen = "src.ticket_id IN (SELECT id FROM tickets WHERE " + chosen + ")";
    db.write([&](store::Connection& c) {
      copy_tickets(c, moved, chosen, offset);
      c.query(copy_sql(c, "outbox", {"id"}, moved, of_chosen));
      if (c.dialect() == store::Dialect::sqlite) {
        c.query("INSERT INTO ticket_search (rowid, subject, body) SELECT rowid + " + offset +
                ", subject, body FROM ticket_search WHERE rowid IN (SELECT id FROM tickets "
                "WHERE " +
                chosen + ")");
      } else {
        c.query(copy_sql(c, "ticket_search", {}, moved, of_chosen));
        c.query(
            "SELECT setval(pg_get_serial_sequence('tickets', 'id'), (SELECT max(id) FROM "
            "tickets))");
      }
      copied = c.query_one("SELECT count(*) FROM tickets WHERE id > ?", {std::int64_t{top * k}})
                   ->integer(0);
    });
    added += copied;
  }
  // The copies bypass the ledger: the charter's roll-ups are counted afresh,
  // as `admin rebuild-tickets` does.
  if (added > 0) db.write([](store::Connection& c) { store::recount_service_figures(c); });
  return added;
}

}  // namespace guiche::bench

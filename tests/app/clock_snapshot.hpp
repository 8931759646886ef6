#pragma once
// What the recompute of the clocks must leave, for comparing with a full
// recompute: every unfinished ticket's queue keys (store/ticket_queue_keys.hpp)
// and cached clocks, one text line per ticket and target, in id order.
#include <string>
#include <variant>
#include <vector>

#include "store/database.hpp"

namespace guiche::testing {

// `without_paused`: leaves out tickets with a paused clock (their deadline is
// as of the clock's last refresh).
inline std::vector<std::string> unfinished_clocks(store::Database& db,
                                                  bool without_paused = false) {
  std::vector<std::string> lines;
  db.read([&](store::Connection& c) {
    for (const auto& r : c.query(
             "SELECT t.id, t.due_at, t.open_due, t.risk_at, t.breach_at, s.target, s.policy, "
             "s.state, s.deadline, s.next_check_at, s.breached, s.calendar, s.unit FROM tickets t "
             "LEFT JOIN ticket_sla s ON s.ticket_id = t.id "
             "WHERE t.status NOT IN ('closed', 'cancelled') " +
             std::string(without_paused ? "AND NOT EXISTS (SELECT 1 FROM ticket_sla p WHERE "
                                          "p.ticket_id = t.id AND p.state = 'paused') "
                                        : "") +
             "ORDER BY t.id, s.target")) {
      std::string line;
      for (std::size_t i = 0; i < r.size(); ++i) {
        const auto& v = r.at(i);
        if (std::holds_alternative<std::monostate>(v))
          line += "null";
        else if (const auto* n = std::get_if<std::int64_t>(&v))
          line += std::to_string(*n);
        else if (const auto* d = std::get_if<double>(&v))
          line += std::to_string(*d);
        else
          line += std::get<std::string>(v);
        line += " ";
      }
      lines.push_back(line);
    }
  });
  return lines;
}

}  // namespace guiche::testing

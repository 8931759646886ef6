#include "store/recent_open_tickets.hpp"

#include <algorithm>

#include "store/ticket_rows.hpp"

namespace guiche::store {

std::string recent_open_tickets_sql(OpenTicketsOf of) {
  const std::string column = of == OpenTicketsOf::requester ? "requester_id" : "organization_id";
  // The inner query is the index range read backwards and stopped at
  // `window` ids; only those rows are read whole.
  return select_tickets_sql() + " WHERE id IN (SELECT id FROM tickets WHERE " + column +
         " = ? ORDER BY created_at DESC, id DESC LIMIT ?)" +
         " AND open_due IS NOT NULL AND id <> ? ORDER BY created_at DESC, id DESC";
}

std::vector<Ticket> recent_open_tickets(Connection& c, OpenTicketsOf of, std::int64_t owner,
                                        std::int64_t except, int window) {
  std::vector<Ticket> out;
  for (const auto& r : c.query(recent_open_tickets_sql(of),
                               {owner, std::int64_t{std::clamp(window, 1, 1000)}, except})) {
    out.push_back(ticket_from_row(r));
  }
  return out;
}

}  // namespace guiche::store

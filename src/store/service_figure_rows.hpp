#pragma once
// The charter's measured figures kept as roll-ups (migration v025): per
// service and month of registration (domain/charter_month.hpp), the counts
// the Carta de Serviços shows, and a histogram of resolution times
// (domain/duration_histogram.hpp) for the median. The ticket ledger keeps
// them in its transaction by moving each ticket's share from what it was to
// what it is (app/ledger/ticket_ledger.cpp); the charter reads a service's
// months by primary key and never the tickets.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace guiche::store {

// What one ticket adds to the roll-ups.
struct TicketFigureShare {
  std::int64_t service_id = 0;
  int month = 0;              // of registration
  bool resolved = false;      // has a resolution instant
  bool with_clock = false;    // resolved, with a resolution SLA clock
  bool in_time = false;       // of those, the clock not breached
  int bucket = 0;             // resolution time's, when resolved
  std::optional<int> rating;  // 1..5 stars
  bool operator==(const TicketFigureShare&) const = default;
};

// The ticket's share as its stored row and clock say; none if it is gone.
std::optional<TicketFigureShare> load_ticket_figure_share(Connection& c, std::int64_t ticket_id);
// The share of a ticket registered now: counted as registered in its month,
// nothing more yet. The same as load_ticket_figure_share would read back
// from its row, without the read.
TicketFigureShare registration_figure_share(std::int64_t service_id, Instant created_at);
// Takes `before` out of the roll-ups and puts `after` in; nothing when equal.
void move_ticket_figure_share(Connection& c, const std::optional<TicketFigureShare>& before,
                              const std::optional<TicketFigureShare>& after);

// What a service's roll-ups say over the months from `first_month` to
// `last_month`, both included.
struct ServiceTicketFigures {
  std::int64_t registered = 0;
  std::int64_t resolved = 0;
  std::int64_t resolved_with_clock = 0;
  std::int64_t resolved_in_time = 0;
  std::int64_t ratings = 0;
  std::int64_t rating_sum = 0;
  std::map<int, std::int64_t> durations;  // bucket -> resolved tickets
};
ServiceTicketFigures service_ticket_figures(Connection& c, std::int64_t service_id, int first_month,
                                            int last_month);
// The two statements that read (parameters: service, first and last month),
// for the plan tests.
std::string service_figures_sql();
std::string service_durations_sql();

// Counts the roll-ups afresh from every ticket (the backfill of migration
// v025 and the end of `admin rebuild-tickets`); the statements only, to run
// as a script.
std::string recount_service_figures_sql(Dialect dialect);
void recount_service_figures(Connection& c);

}  // namespace guiche::store

#pragma once
// The table equipment_custody (migration v021): the projection of a ticket's
// equipment events, written by the ticket ledger in its transaction
// (app/ledger/ticket_ledger.cpp), read by app/tickets/equipment_custody.hpp.
#include <optional>
#include <vector>

#include "domain/equipment_custody.hpp"
#include "domain/ticket_event.hpp"
#include "store/database.hpp"

namespace guiche::store {

bool is_custody_event(EventKind kind);
// Applies one equipment event; `unit_id` is the ticket's unit at that moment.
void project_custody_event(Connection& c, const TicketEvent& e,
                           std::optional<std::int64_t> unit_id);
// Forgets a ticket's rows, before they are projected again from its events.
void delete_ticket_custody(Connection& c, std::int64_t ticket_id);

// The custody of `asset_number` not yet returned, on any ticket (index custody_asset).
std::optional<CustodyItem> held_custody(Connection& c, const std::string& asset_number);
// Whether `asset_number` ever entered on `ticket_id`.
bool entered_on_ticket(Connection& c, std::int64_t ticket_id, const std::string& asset_number);
// A ticket's equipment, in order of entry.
std::vector<CustodyItem> ticket_custody(Connection& c, std::int64_t ticket_id);

// Which units' equipment a list shows: every unit (equipment that entered
// before the ticket had a unit included), or those.
struct CustodyScope {
  bool all = false;
  std::vector<std::int64_t> unit_ids;
};
// Held now, oldest first (index custody_held / custody_held_all).
std::vector<CustodyItem> held_equipment(Connection& c, const CustodyScope& scope, int limit);
// Every custody, held or returned, of one asset number, newest first (index custody_asset).
std::vector<CustodyItem> custody_by_asset(Connection& c, const CustodyScope& scope,
                                          const std::string& asset_number, int limit);

// Their SQL, for `units` unit ids (-1: every unit), for the plan test
// (tests/store/custody_plan_test.cpp): parameters are the asset number (search
// only), the unit ids, the limit.
std::string held_equipment_sql(int units);
std::string custody_by_asset_sql(int units);

}  // namespace guiche::store

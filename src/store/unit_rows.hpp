#pragma once
// Rows of the units table: the tree of gerências, subgerências and teams tickets
// are routed to.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/unit.hpp"
#include "store/database.hpp"

namespace guiche::store {

std::int64_t insert_unit(Connection& c, const Unit& u);
std::vector<Unit> load_units(Connection& c);
void update_unit(Connection& c, const Unit& u);
// Tickets of the unit not yet closed or cancelled (a resolved one may reopen).
std::int64_t open_tickets_in_unit(Connection& c, std::int64_t unit_id);

}  // namespace guiche::store

#pragma once
// Macros (migration v041, domain/answer_template.hpp): the steps one action
// applies to a ticket.
#include <optional>
#include <vector>

#include "domain/answer_template.hpp"
#include "store/database.hpp"

namespace guiche::store {

std::int64_t insert_ticket_macro(Connection& c, const TicketMacro& m);
void update_ticket_macro(Connection& c, const TicketMacro& m);
std::optional<TicketMacro> load_ticket_macro(Connection& c, std::int64_t id);
// Every macro (active ones only unless `with_inactive`), by name.
std::vector<TicketMacro> ticket_macros(Connection& c, bool with_inactive);

}  // namespace guiche::store

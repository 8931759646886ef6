#pragma once
// The tickets (SAs) linked to a status notice, as the staff's pages and the
// API show them beside the notice (app/incidents/notice_tickets.hpp keeps
// the links). A ticket the reader may not see is named by its protocol and
// status only.
#include <cstdint>
#include <string>
#include <vector>

#include "app/desk_context.hpp"
#include "domain/person.hpp"
#include "domain/ticket_status.hpp"

namespace guiche::app {

struct LinkedTicket {
  std::int64_t id = 0;
  std::string protocol;  // "2026-000123"
  Status status = Status::new_;
  bool visible = false;        // whether the reader may see the ticket
  std::string subject;         // empty when not visible
  std::string requester_name;  // empty when not visible
};

// By ticket id; `reader` decides what each shows.
std::vector<LinkedTicket> linked_tickets(store::Connection& c, DeskContext& ctx,
                                         const Person& reader, std::int64_t notice_id);

}  // namespace guiche::app

#include "app/incidents/linked_tickets.hpp"

#include "app/access_policy.hpp"
#include "store/notice_ticket_rows.hpp"
#include "store/person_rows.hpp"
#include "store/ticket_rows.hpp"

namespace guiche::app {

std::vector<LinkedTicket> linked_tickets(store::Connection& c, DeskContext& ctx,
                                         const Person& reader, std::int64_t notice_id) {
  std::vector<LinkedTicket> out;
  const auto units = ctx.unit_tree(c);
  for (auto id : store::notice_ticket_ids(c, notice_id)) {
    auto t = store::load_ticket(c, id);
    if (!t) continue;
    LinkedTicket l;
    l.id = t->id;
    l.protocol = t->protocol;
    l.status = t->status;
    l.visible = can_view_ticket(reader, *t, *units);
    if (l.visible) {
      l.subject = t->subject;
      if (auto p = store::load_person(c, t->requester_id)) l.requester_name = p->name;
    }
    out.push_back(std::move(l));
  }
  return out;
}

}  // namespace guiche::app

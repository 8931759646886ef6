#pragma once
// Parts of the agent's ticket page (agent_ticket_view.cpp) beside the
// conversation: the requester's and the organization's other open tickets,
// the channel a public reply goes out on, and the severity a priority reads as.
#include <nlohmann/json.hpp>
#include <string>

#include "web/agent/agent_common.hpp"

namespace guiche::web {

// "Outros chamados abertos": at most five of each list, newest first, with
// whether there are more (app/tickets/other_open_tickets.cpp).
nlohmann::json other_tickets_view(WebContext& ctx, const Visitor& v, const Ticket& t);

// Where a public reply goes (app/notices/notice_route.hpp, as the notices
// choose it): e-mail or WhatsApp to the requester's address, and always the
// portal; only the portal when the requester has no address.
nlohmann::json reply_channel_view(WebContext& ctx, const Ticket& t, const Person& requester);

// "Média": the severity band of the SLA configuration a priority falls in
// ("" when none does).
std::string severity_name(WebContext& ctx, const Visitor& v, int priority);

}  // namespace guiche::web

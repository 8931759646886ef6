#pragma once
// What the agent workspace's pages share: who may open them, how a deadline
// reads ("faltam 3 h 20 min úteis", "vencido há 2 h") and labels by code.
#include <optional>
#include <string>

#include "app/access_policy.hpp"
#include "app/sla/time_left.hpp"
#include "web/page.hpp"
#include "web/request_view.hpp"

namespace guiche::web {

// The signed-in agent (attendant, analyst, unit manager, client relations)
// or admin; anyone else gets a 403 page.
Visitor require_agent(WebContext& ctx, const http::Request& r);

// The clock time left to `deadline`, or since it passed, as app/sla/time_left
// counts it on the ticket's clock, in the page's language ("faltam 3 d 4 h
// úteis", "vencido há 2 dias úteis", "faltam 3 h" in calendar hours); the
// date itself when `left` is unknown (a missing calendar) or the span holds
// no working time.
std::string remaining_text(WebContext& ctx, Instant deadline,
                           const std::optional<app::TimeLeft>& left, Instant now);

// "1 h 05 min", "20 min", "3 h".
std::string duration_text(std::chrono::milliseconds d);

std::string category_text(WebContext& ctx, Category c);

// The ticket's status for the team: routed to a unit with nobody assigned
// reads "Encaminhado, sem responsável", not "Atribuído".
std::string agent_status_text(WebContext& ctx, const Ticket& t);

// `text` with its "{}" replaced by `value`.
std::string fill(std::string text, const std::string& value);

// The agent page of a ticket.
std::string agent_ticket_url(const std::string& protocol);

}  // namespace guiche::web

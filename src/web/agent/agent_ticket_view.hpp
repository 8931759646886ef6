#pragma once
// The agent's page of a ticket (/atendimento/chamados/{protocol}), shared by
// its GET and by the actions that re-render it with field errors.
#include <map>
#include <string>

#include "web/agent/agent_common.hpp"

namespace guiche::web {

// How the page was asked for: the conversation's order (the agent's choice,
// kept in a cookie), whether htmx wants the page's element alone, and
// whether the whole history is wanted rather than its latest events.
struct TicketPageRequest {
  bool newest_first = false;
  bool fragment = false;
  bool whole_history = false;
};

// From `r`: "?ordem=recentes|antigas" chooses the order (and is remembered:
// remember_order), else the cookie; HX-Request asks for the fragment;
// "?historico=tudo" for every event.
TicketPageRequest ticket_page_request(const http::Request& r);

// The Set-Cookie that keeps the order `r` chose with "?ordem=", if it chose one.
void remember_order(WebContext& ctx, const http::Request& r, http::Response& response);

// `form`: which form the errors belong to ("" when none; with no errors, the
// panel of the action just done stays open); `sent`: what it carried, shown
// again; `notice`: a success message to show on top.
http::Response agent_ticket_page(WebContext& ctx, const Visitor& v, const std::string& protocol,
                                 const std::string& form, const Form& sent,
                                 const std::map<std::string, std::string>& errors, int status,
                                 const std::string& notice = "", const TicketPageRequest& how = {});

}  // namespace guiche::web

#pragma once
// The agent's page of a ticket (/atendimento/chamados/{protocol}), shared by
// its GET and by the actions that re-render it with field errors.
#include <map>
#include <string>

#include "web/agent/agent_common.hpp"

namespace guiche::web {

// `form`: which form the errors belong to ("" when none); `sent`: what it
// carried, shown again; `notice`: a success message to show on top.
http::Response agent_ticket_page(WebContext& ctx, const Visitor& v, const std::string& protocol,
                                 const std::string& form, const Form& sent,
                                 const std::map<std::string, std::string>& errors, int status,
                                 const std::string& notice = "");

}  // namespace guiche::web

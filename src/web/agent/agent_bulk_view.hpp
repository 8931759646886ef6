#pragma once
// The action bar of a queue's bulk actions (agent_bulk_pages.cpp,
// web/templates/_agente_lote.mustache): units, statuses, open notices and
// macros to choose from, and the queue's address to come back to.
#include <nlohmann/json.hpp>
#include <string>

#include "web/agent/agent_common.hpp"

namespace guiche::web {

nlohmann::json bulk_bar_view(WebContext& ctx, const Visitor& v, const std::string& back);

}  // namespace guiche::web

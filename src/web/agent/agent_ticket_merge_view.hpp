#pragma once
// The ticket page's part for merged duplicates and followers (issue 19,
// items 3 and 5): the ticket it was merged into (with the undo), the
// duplicates it took in, the form that merges more, and who follows it.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "domain/ticket.hpp"
#include "web/page.hpp"
#include "web/web_context.hpp"

namespace guiche::web {

nlohmann::json merge_view(WebContext& ctx, const Visitor& v, const Ticket& t);

// Runs the page's merge, undo, split and follow actions; nullopt when `name`
// is none of them. Returns the anchor to go back to.
std::optional<std::string> run_merge_action(WebContext& ctx, const Visitor& v, const Ticket& t,
                                            const std::string& name, const Form& form);

}  // namespace guiche::web

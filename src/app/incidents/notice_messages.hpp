#pragma once
// A status notice's message, rendered from its template (the norm's text, or
// an admin's override) with what the notice and the action say. Nothing
// leaves with a hole: a placeholder that would stay empty, or one of the
// norm's bracketed placeholders ("[Data e Hora]") left in an edited
// template, refuses the action with a pt-BR error naming what is missing.
#include <optional>
#include <string>
#include <vector>

#include "app/desk_config.hpp"
#include "domain/incidents/notice_event.hpp"
#include "domain/incidents/status_notice.hpp"
#include "store/database.hpp"

namespace guiche::app {

struct MessageFacts {
  std::vector<std::string> component_names;
  std::string organization_name;  // the scope's (6.6)
  std::string signature;          // leadership's name and position
  std::string text;               // an update's
  Instant now{};
};

NoticeMessage render_notice_message(store::Connection& c, const DeskConfig& config,
                                    const std::string& key, const StatusNotice& notice,
                                    const MessageFacts& facts);

// "SIGEFES", "SIGEFES e SEP", "SIGEFES, SEP e Rede Metropolitana".
std::string joined_names(const std::vector<std::string>& names);

// The message as HTML paragraphs (escaped), for e-mail.
std::string message_html(const NoticeMessage& m);

}  // namespace guiche::app

#pragma once
// How the staff's notice pages (agent_notice_pages.cpp) show a notice: its
// summary, its timeline with every actor and channel, the messages waiting
// for ASCOM exactly as they will be sent, the steps the viewer may take and
// the service tickets linked to it.
#include <nlohmann/json.hpp>
#include <string>

#include "app/incidents/status_notices.hpp"
#include "web/page.hpp"

namespace guiche::web {

inline const std::string kNoticeBoard = "/atendimento/comunicados";

std::string staff_notice_url(std::int64_t id);

// A message as it leaves: its title and its paragraphs, escaped like every value.
nlohmann::json message_view(const NoticeMessage& m);

// What a step said ("text", "signature", "impact"), empty when it said nothing.
std::string data_text(const NoticeEvent& e, const char* key);

// A line of the board.
nlohmann::json notice_line_view(WebContext& ctx, const app::NoticeView& n);

// The whole notice for its staff page; `sent` holds the values of a refused
// or previewed form, `preview` the message the previewed step would write.
nlohmann::json staff_notice_view(WebContext& ctx, const Visitor& v, const app::NoticeView& n,
                                 const std::map<std::string, std::string>& sent,
                                 const std::optional<NoticeMessage>& preview);

}  // namespace guiche::web

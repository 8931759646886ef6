#pragma once
// A plain-text message (a status notice's) as the pages show it: its
// paragraphs, blank-line separated, each kept with its line breaks for CSS
// white-space: pre-line and escaped like every value by the templates.
#include <nlohmann/json.hpp>
#include <string>

namespace guiche::web {

nlohmann::json message_paragraphs(const std::string& text);

}  // namespace guiche::web

#pragma once
// The privacy notice's text as the page shows it (web/privacy_pages.cpp).
#include <nlohmann/json.hpp>
#include <string>

namespace guiche::web {

// Blank-line separated paragraphs: {titulo (or false), texto} each; a
// paragraph whose first line is short and ends without punctuation has that
// line as its heading.
nlohmann::json privacy_sections(const std::string& text);

}  // namespace guiche::web

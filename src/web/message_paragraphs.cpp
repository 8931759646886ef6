#include "web/message_paragraphs.hpp"

namespace guiche::web {

nlohmann::json message_paragraphs(const std::string& text) {
  nlohmann::json out = nlohmann::json::array();
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find("\n\n", start);
    if (end == std::string::npos) end = text.size();
    auto paragraph = text.substr(start, end - start);
    while (!paragraph.empty() && paragraph.back() == '\n') paragraph.pop_back();
    if (!paragraph.empty()) out.push_back(paragraph);
    start = end + 2;
  }
  return out;
}

}  // namespace guiche::web

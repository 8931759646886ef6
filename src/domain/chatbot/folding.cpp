#include "domain/chatbot/folding.hpp"

#include "domain/text_fold.hpp"

namespace guiche::chatbot {

std::string fold(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : fold_text(text)) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace guiche::chatbot

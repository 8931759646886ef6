#include "mail/flowed.hpp"

namespace guiche::mail {

std::string unflow(std::string_view text, bool delsp) {
  std::string out;
  out.reserve(text.size());
  bool joining = false;  // the previous line was flowed into this one
  size_t joining_depth = 0;
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    const bool last = end == text.size();
    start = end + 1;
    size_t depth = 0;
    while (depth < line.size() && line[depth] == '>') ++depth;
    std::string_view content = line.substr(depth);
    if (content.starts_with(' ')) content.remove_prefix(1);      // space-stuffing
    if (joining && depth != joining_depth) out.push_back('\n');  // broken flow
    if (!joining || depth != joining_depth) {
      out.append(depth, '>');
      if (depth > 0) out.push_back(' ');
    }
    const bool flowed = content.ends_with(' ') && content != "-- ";
    if (flowed && delsp) content.remove_suffix(1);
    out.append(content);
    joining = flowed && !last;
    joining_depth = depth;
    if (!joining && !last) out.push_back('\n');
  }
  return out;
}

}  // namespace guiche::mail

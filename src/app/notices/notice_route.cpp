#include "app/notices/notice_route.hpp"

#include <algorithm>

namespace guiche::app {

std::optional<NoticeRoute> notice_route(const Person& to, std::optional<Channel> came_by,
                                        const std::vector<std::string>& transports) {
  if (!to.active) return std::nullopt;
  auto runs = [&](const char* channel) {
    return std::find(transports.begin(), transports.end(), channel) != transports.end();
  };
  if (came_by == Channel::whatsapp && to.phone && runs("whatsapp")) {
    return NoticeRoute{"whatsapp", *to.phone};
  }
  if (!to.emails.empty() && runs("email")) return NoticeRoute{"email", to.emails.front()};
  return std::nullopt;
}

}  // namespace guiche::app

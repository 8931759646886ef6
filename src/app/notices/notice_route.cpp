#include "app/notices/notice_route.hpp"

#include <algorithm>

namespace guiche::app {

std::optional<NoticeRoute> notice_route(const Person& to, std::optional<Channel> came_by,
                                        const std::vector<std::string>& transports) {
  if (!to.active) return std::nullopt;
  auto runs = [&](const char* channel) {
    return std::find(transports.begin(), transports.end(), channel) != transports.end();
  };
  std::optional<NoticeRoute> by_email, by_whatsapp;
  if (!to.emails.empty() && runs("email")) by_email = NoticeRoute{"email", to.emails.front()};
  if (to.phone && runs("whatsapp")) by_whatsapp = NoticeRoute{"whatsapp", *to.phone};
  const bool whatsapp_first =
      to.notice_preference == NoticePreference::whatsapp ||
      (to.notice_preference == NoticePreference::request_channel && came_by == Channel::whatsapp);
  if (whatsapp_first) return by_whatsapp ? by_whatsapp : by_email;
  return by_email ? by_email : by_whatsapp;
}

}  // namespace guiche::app

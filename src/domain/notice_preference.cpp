#include "domain/notice_preference.hpp"

namespace guiche {

std::string_view notice_preference_code(NoticePreference p) {
  switch (p) {
    case NoticePreference::request_channel:
      return "request_channel";
    case NoticePreference::email:
      return "email";
    case NoticePreference::whatsapp:
      return "whatsapp";
  }
  return "request_channel";
}

std::optional<NoticePreference> parse_notice_preference(std::string_view code) {
  for (auto p :
       {NoticePreference::request_channel, NoticePreference::email, NoticePreference::whatsapp}) {
    if (notice_preference_code(p) == code) return p;
  }
  return std::nullopt;
}

}  // namespace guiche

#pragma once
// How a person wants to hear of their requests (docs/domain.md, "Notices"):
// by the channel each request came through (the default: who wrote on
// WhatsApp is answered there), or always by e-mail, or always by WhatsApp.
// A preference the desk cannot honour (no transport for it, or no address
// there) falls back to the channel the person can be reached by; see
// app/notices/notice_route.hpp.
#include <optional>
#include <string_view>

namespace guiche {

enum class NoticePreference { request_channel, email, whatsapp };
std::string_view notice_preference_code(NoticePreference p);
std::optional<NoticePreference> parse_notice_preference(std::string_view code);

}  // namespace guiche

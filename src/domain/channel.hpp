#pragma once
// The channel a request or an action came through (docs/domain.md, "Channels"):
// recorded on the ticket and on each of its events, and the way the requester
// is answered.
#include <optional>
#include <string_view>

namespace guiche {

enum class Channel { portal, email, phone, whatsapp, api };
std::string_view channel_code(Channel c);
std::optional<Channel> parse_channel(std::string_view code);

}  // namespace guiche

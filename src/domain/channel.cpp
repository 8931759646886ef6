#include "domain/channel.hpp"

namespace guiche {

std::string_view channel_code(Channel c) {
  switch (c) {
    case Channel::portal:
      return "portal";
    case Channel::email:
      return "email";
    case Channel::phone:
      return "phone";
    case Channel::whatsapp:
      return "whatsapp";
    case Channel::api:
      return "api";
  }
  return "portal";
}

std::optional<Channel> parse_channel(std::string_view code) {
  for (auto c :
       {Channel::portal, Channel::email, Channel::phone, Channel::whatsapp, Channel::api}) {
    if (channel_code(c) == code) return c;
  }
  return std::nullopt;
}

}  // namespace guiche

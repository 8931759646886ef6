#pragma once
// By which channel, and to which address, a notice reaches a person. The
// channel wanted comes first: the one the person's preference names, or,
// with the default preference, the channel the request came through (who
// wrote on WhatsApp is answered there; every other channel is answered by
// e-mail). When the desk runs no transport for it or the person has no
// address there (a phone for WhatsApp, an e-mail address), the other channel
// the person can be reached by is used. Nobody without any address is told.
#include <optional>
#include <string>
#include <vector>

#include "domain/channel.hpp"
#include "domain/person.hpp"

namespace guiche::app {

struct NoticeRoute {
  std::string channel;  // an outbox channel: "email", "whatsapp"
  std::string address;
};

// `transports`: the outbox channels this desk sends notices by (DeskConfig::notice_channels).
std::optional<NoticeRoute> notice_route(const Person& to, std::optional<Channel> came_by,
                                        const std::vector<std::string>& transports);

}  // namespace guiche::app

#pragma once
// By which channel, and to which address, a notice reaches a person: the
// channel the request came by when the desk runs a transport for it and the
// person has an address there (a phone for WhatsApp), otherwise e-mail to
// the person's primary address. Nobody without any address is told.
#include <optional>
#include <string>
#include <vector>

#include "domain/person.hpp"
#include "domain/ticket_status.hpp"

namespace guiche::app {

struct NoticeRoute {
  std::string channel;  // an outbox channel: "email", "whatsapp"
  std::string address;
};

std::optional<NoticeRoute> notice_route(const Person& to, std::optional<Channel> came_by,
                                        const std::vector<std::string>& transports);

}  // namespace guiche::app

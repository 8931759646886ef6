#pragma once
// A transport that cannot work at all says so here (channel_health,
// migration v017), for the admin to see and fix: the WhatsApp channel whose
// token the Cloud API calls expired (error 190). Its outbox rows stay
// pending meanwhile; a send that works again clears the mark.
#include <optional>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace guiche::store {

struct ChannelHealth {
  std::string channel;  // an outbox channel: "whatsapp"
  std::string state;    // "broken"
  std::string reason;   // pt-BR, for the admin; never a secret
  Instant since{};
};

// Marks `channel` broken since `at`; when it already is, keeps the first
// instant and takes the newer reason.
void mark_channel_broken(Connection& c, const std::string& channel, const std::string& reason,
                         Instant at);
// The channel works again; false when it was not marked.
bool mark_channel_working(Connection& c, const std::string& channel);
std::optional<ChannelHealth> channel_health(Connection& c, const std::string& channel);
std::vector<ChannelHealth> broken_channels(Connection& c);

}  // namespace guiche::store

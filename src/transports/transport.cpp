#include "transports/transport.hpp"

namespace guiche::transports {

std::vector<store::OutboxMessage> NoticeTransport::claim(store::Connection& c, Instant now,
                                                         Instant lease_until, int limit) {
  return store::claim_due_messages(c, std::string(channel()), now, lease_until, limit);
}

void NoticeTransport::record(store::Connection&, const store::OutboxMessage&, const SendOutcome&,
                             Instant) {}

}  // namespace guiche::transports

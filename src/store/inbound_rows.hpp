#pragma once
// The mail intake's tables (migration v006): one inbound_messages row per
// message received, the quarantine attendants work, and the lookups threading
// needs (which ticket a Message-ID we sent or received belongs to).
#include <optional>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "store/database.hpp"
#include "store/inbound_record.hpp"

namespace guiche::store {

std::optional<InboundRecord> find_inbound(Connection& c, const std::string& dedup_key);
std::int64_t insert_inbound(Connection& c, const InboundRecord& r);
void update_inbound_outcome(Connection& c, std::int64_t id, const std::string& outcome,
                            std::optional<std::int64_t> ticket_id, const std::string& detail);

// The ticket a Message-ID names: a notice we sent (outbox) or a message that
// already joined or opened a ticket.
std::optional<std::int64_t> ticket_of_message_id(Connection& c, const std::string& message_id);

// Quarantine: pending -> resolved. Newest first, keyset paging by id.
void quarantine(Connection& c, std::int64_t inbound_id, const std::string& reason, Instant now);
std::optional<QuarantineRecord> load_quarantined(Connection& c, std::int64_t inbound_id);
std::vector<QuarantineRecord> list_quarantine(Connection& c, const std::string& state,
                                              std::optional<std::int64_t> before_id, int limit);
void resolve_quarantined(Connection& c, std::int64_t inbound_id, std::int64_t by, Instant now);

// How many notices went (or wait to go) to `address` since `since`.
std::int64_t notices_to_address_since(Connection& c, const std::string& address, Instant since);

}  // namespace guiche::store

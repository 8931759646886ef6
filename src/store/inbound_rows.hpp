#pragma once
// The mail intake's tables (migration v006): one inbound_messages row per
// message received, the quarantine attendants work, and the lookups threading
// needs (which ticket a Message-ID we sent or received belongs to).
#include <optional>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace guiche::store {

struct InboundRecord {
  std::int64_t id = 0;
  std::string dedup_key;   // the Message-ID, or "sha256:<hex>" of the raw bytes
  std::string message_id;  // as sent; "" when absent
  std::string source;      // "mailgate" or "imap:<mailbox>"
  Instant received_at{};
  std::string sender;  // the From address, "" when unknown
  std::string subject;
  std::string raw_sha256;  // the whole message, in the attachment blob store
  std::int64_t raw_size = 0;
  // ticket_created, joined, reopen_requested, ignored_automatic, quarantined
  std::string outcome;
  std::optional<std::int64_t> ticket_id;
  std::string detail;  // pt-BR: what the intake did, or why not
};

struct QuarantineRecord {
  InboundRecord message;
  std::string state;   // pending, resolved
  std::string reason;  // pt-BR
  int attempts = 1;
  Instant updated_at{};
  std::optional<std::int64_t> resolved_by;
};

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

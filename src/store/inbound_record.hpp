#pragma once
// A message the mail intake received, and its quarantine entry.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/time.hpp"

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

}  // namespace guiche::store

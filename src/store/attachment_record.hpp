#pragma once
// What is known of an attachment besides its bytes.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/time.hpp"

namespace guiche::store {

// Attachment metadata; the bytes live in AttachmentBlobs.
struct AttachmentRecord {
  std::int64_t id = 0;
  std::int64_t ticket_id = 0;
  std::string sha256;
  std::string filename;
  std::string content_type;
  std::int64_t size_bytes = 0;
  std::int64_t uploaded_by = 0;
  bool is_public = true;
  Instant created_at{};
  // Held by the desk's file policy (app/attachments/attachment_policy.hpp):
  // the reason, pt-BR; empty for a normal attachment. A held file is kept but
  // never served to the requester; an admin's release empties it and names
  // who released it and when.
  std::string held_reason;
  std::optional<std::int64_t> released_by;
  std::optional<Instant> released_at;

  bool held() const { return !held_reason.empty(); }
};

}  // namespace guiche::store

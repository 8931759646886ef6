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
};

}  // namespace guiche::store

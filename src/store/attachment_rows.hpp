#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "store/database.hpp"

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

std::int64_t insert_attachment(Connection& c, const AttachmentRecord& a);
std::optional<AttachmentRecord> load_attachment(Connection& c, std::int64_t id);
std::vector<AttachmentRecord> attachments_of_ticket(Connection& c, std::int64_t ticket_id);

}  // namespace guiche::store

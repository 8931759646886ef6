#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "store/attachment_record.hpp"
#include "store/database.hpp"

namespace guiche::store {

std::int64_t insert_attachment(Connection& c, const AttachmentRecord& a);
std::optional<AttachmentRecord> load_attachment(Connection& c, std::int64_t id);
std::vector<AttachmentRecord> attachments_of_ticket(Connection& c, std::int64_t ticket_id);
// The files still held, newest first (the admins' list), at most `limit`.
std::vector<AttachmentRecord> held_attachments(Connection& c, int limit);
// An admin released a held file: it becomes a normal attachment. False when
// it was not held (released already, or never).
bool release_attachment(Connection& c, std::int64_t id, std::int64_t released_by, Instant at);

}  // namespace guiche::store

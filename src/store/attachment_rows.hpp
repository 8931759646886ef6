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

}  // namespace guiche::store

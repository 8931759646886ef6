#include "store/attachment_rows.hpp"

namespace guiche::store {
namespace {

constexpr const char* kAttachmentColumns =
    "id, ticket_id, sha256, filename, content_type, size_bytes, uploaded_by, is_public, "
    "created_at";

AttachmentRecord from_row(const Row& r) {
  return {r.integer(0), r.integer(1),      r.text(2),
          r.text(3),    r.text(4),         r.integer(5),
          r.integer(6), r.integer(7) != 0, from_millis(r.integer(8))};
}

}  // namespace

std::int64_t insert_attachment(Connection& c, const AttachmentRecord& a) {
  return c
      .query_one(
          "INSERT INTO attachments (ticket_id, sha256, filename, content_type, size_bytes, "
          "uploaded_by, is_public, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {a.ticket_id, a.sha256, a.filename, a.content_type, a.size_bytes, a.uploaded_by,
           std::int64_t{a.is_public ? 1 : 0}, to_millis(a.created_at)})
      ->integer(0);
}

std::optional<AttachmentRecord> load_attachment(Connection& c, std::int64_t id) {
  auto row = c.query_one(
      std::string("SELECT ") + kAttachmentColumns + " FROM attachments WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return from_row(*row);
}

std::vector<AttachmentRecord> attachments_of_ticket(Connection& c, std::int64_t ticket_id) {
  std::vector<AttachmentRecord> out;
  for (const auto& r : c.query(std::string("SELECT ") + kAttachmentColumns +
                                   " FROM attachments WHERE ticket_id = ? ORDER BY id",
                               {ticket_id})) {
    out.push_back(from_row(r));
  }
  return out;
}

}  // namespace guiche::store

#include "store/attachment_rows.hpp"

namespace guiche::store {
namespace {

constexpr const char* kAttachmentColumns =
    "id, ticket_id, sha256, filename, content_type, size_bytes, uploaded_by, is_public, "
    "created_at, held_reason, released_by, released_at";

AttachmentRecord from_row(const Row& r) {
  AttachmentRecord a;
  a.id = r.integer(0);
  a.ticket_id = r.integer(1);
  a.sha256 = r.text(2);
  a.filename = r.text(3);
  a.content_type = r.text(4);
  a.size_bytes = r.integer(5);
  a.uploaded_by = r.integer(6);
  a.is_public = r.integer(7) != 0;
  a.created_at = from_millis(r.integer(8));
  a.held_reason = r.text(9);
  if (!r.is_null(10)) a.released_by = r.integer(10);
  if (!r.is_null(11)) a.released_at = from_millis(r.integer(11));
  return a;
}

}  // namespace

std::int64_t insert_attachment(Connection& c, const AttachmentRecord& a) {
  return c
      .query_one(
          "INSERT INTO attachments (ticket_id, sha256, filename, content_type, size_bytes, "
          "uploaded_by, is_public, created_at, held_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
          "RETURNING id",
          {a.ticket_id, a.sha256, a.filename, a.content_type, a.size_bytes, a.uploaded_by,
           std::int64_t{a.is_public ? 1 : 0}, to_millis(a.created_at), a.held_reason})
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

std::vector<AttachmentRecord> held_attachments(Connection& c, int limit) {
  std::vector<AttachmentRecord> out;
  for (const auto& r : c.query(std::string("SELECT ") + kAttachmentColumns +
                                   " FROM attachments WHERE held_reason <> '' ORDER BY id DESC "
                                   "LIMIT ?",
                               {std::int64_t{limit}})) {
    out.push_back(from_row(r));
  }
  return out;
}

bool release_attachment(Connection& c, std::int64_t id, std::int64_t released_by, Instant at) {
  return c
      .query_one(
          "UPDATE attachments SET held_reason = '', released_by = ?, released_at = ? "
          "WHERE id = ? AND held_reason <> '' RETURNING id",
          {released_by, to_millis(at), id})
      .has_value();
}

}  // namespace guiche::store

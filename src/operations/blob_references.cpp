#include "operations/blob_references.hpp"

namespace guiche::operations {

std::vector<BlobReference> blob_references(store::Connection& c) {
  std::vector<BlobReference> refs;
  for (const auto& r :
       c.query("SELECT a.id, a.sha256, a.size_bytes, a.filename, t.protocol "
               "FROM attachments a JOIN tickets t ON t.id = a.ticket_id WHERE a.sha256 <> '' "
               "ORDER BY a.id")) {
    refs.push_back({r.text(1), r.integer(2),
                    "anexo " + r.text(0) + " (chamado " + r.text(4) + ", " + r.text(3) + ")"});
  }
  for (const auto& r : c.query("SELECT id, raw_sha256, raw_size, subject FROM inbound_messages "
                               "WHERE raw_sha256 <> '' ORDER BY id")) {
    refs.push_back(
        {r.text(1), r.integer(2), "e-mail recebido " + r.text(0) + " (" + r.text(3) + ")"});
  }
  // A medium WhatsApp did not deliver has a row without bytes, and so has
  // every file an LGPD anonymization erased (store/personal_data_map.hpp).
  for (const auto& r : c.query("SELECT media_id, sha256, size_bytes, filename FROM whatsapp_media "
                               "WHERE sha256 <> '' ORDER BY media_id")) {
    refs.push_back(
        {r.text(1), r.integer(2), "arquivo do WhatsApp " + r.text(0) + " (" + r.text(3) + ")"});
  }
  // The knowledge base's files (v042) — when there are any: a restore reads
  // an older archive's database before migrating it (cli/restore).
  const bool knowledge = c.query_one(c.dialect() == store::Dialect::sqlite
                                         ? "SELECT count(*) FROM sqlite_master WHERE type = "
                                           "'table' AND name = 'knowledge_attachments'"
                                         : "SELECT count(*) FROM pg_tables WHERE tablename = "
                                           "'knowledge_attachments' AND schemaname = "
                                           "current_schema()")
                             ->integer(0) > 0;
  if (!knowledge) return refs;
  for (const auto& r : c.query("SELECT id, sha256, size_bytes, filename FROM knowledge_attachments "
                               "WHERE sha256 <> '' ORDER BY id")) {
    refs.push_back(
        {r.text(1), r.integer(2), "arquivo de artigo " + r.text(0) + " (" + r.text(3) + ")"});
  }
  return refs;
}

std::string blob_member_name(const std::string& sha256) {
  // The layout of AttachmentBlobs (store/attachment_blobs.cpp, path_of): a
  // folder per first two hex digits.
  return "attachments/" + sha256.substr(0, 2) + "/" + sha256;
}

bool is_blob_name(const std::string& text) {
  if (text.size() != 64) return false;
  for (char ch : text) {
    if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) return false;
  }
  return true;
}

}  // namespace guiche::operations

#pragma once
// The files under DATA_DIR/attachments a database refers to. Four tables
// name a blob by its SHA-256 (store/attachment_blobs.hpp): ticket attachments,
// the raw bytes of every e-mail received (kept for the quarantine), the
// media people sent on WhatsApp and the knowledge base's files. A backup
// carries each of them; a check finds each on disk with the content its
// name promises.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace guiche::operations {

struct BlobReference {
  std::string sha256;
  std::optional<std::int64_t> size;  // as the row records it
  std::string owner;                 // pt-BR: "anexo 12 (chamado 2026-000003, foto.png)"
};

// Every reference, in table and id order (a blob may appear more than once).
std::vector<BlobReference> blob_references(store::Connection& c);

// "attachments/ab/abcd...", the blob's place inside a data folder and inside a backup.
std::string blob_member_name(const std::string& sha256);
// Whether `text` has the shape of a blob name (64 lowercase hex digits).
bool is_blob_name(const std::string& text);

}  // namespace guiche::operations

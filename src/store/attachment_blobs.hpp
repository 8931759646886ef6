#pragma once
// Attachment contents, stored once per SHA-256 under DATA_DIR/attachments.
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace guiche::store {

struct StoredBlob {
  std::string sha256;        // hex
  std::string content_type;  // sniffed from the bytes, never the client's word
  std::int64_t size = 0;
};

class AttachmentBlobs {
 public:
  explicit AttachmentBlobs(std::string directory);
  ~AttachmentBlobs();
  AttachmentBlobs(const AttachmentBlobs&) = delete;
  AttachmentBlobs& operator=(const AttachmentBlobs&) = delete;

  // What the bytes are, by libmagic ("application/pdf", "image/png", ...).
  std::string sniff(std::string_view bytes);
  // Writes the bytes durably (temp file, fsync, rename) unless already stored.
  StoredBlob put(std::string_view bytes);
  std::optional<std::string> read(const std::string& sha256) const;
  // Overwrites the file with zeros and removes it (LGPD anonymization, once no
  // row names it); false if there was none.
  bool erase(const std::string& sha256);

 private:
  std::string path_of(const std::string& sha256) const;

  std::string directory_;
  std::mutex magic_mutex_;  // a libmagic cookie is not thread-safe
  void* magic_ = nullptr;
};

std::string sha256_hex(std::string_view bytes);

}  // namespace guiche::store

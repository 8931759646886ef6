#pragma once
// SHA-256 of files read in chunks (attachments and databases may be larger
// than is wise to hold in memory), and fsync of files and folders.
#include <sodium.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace guiche::operations {

// A running SHA-256 over bytes given in pieces.
class Sha256 {
 public:
  Sha256();
  void add(std::string_view bytes);
  std::string hex();  // once, at the end

 private:
  crypto_hash_sha256_state state_;
};

struct FileDigest {
  std::int64_t size = 0;
  std::string sha256;  // hex
};

// Throws OperationRefused when the file cannot be read.
FileDigest digest_file(const std::string& path);

// Flushes a file's or a folder's entry to disk (a folder after a rename in it).
void sync_path(const std::string& path);

}  // namespace guiche::operations

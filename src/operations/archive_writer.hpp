#pragma once
// Writes a backup archive: a tar compressed with zstd (libarchive), written
// under a temporary name beside its destination and renamed to it only once
// complete and on disk, so an interrupted backup never leaves a file that
// looks like a finished one.
#include <string>
#include <string_view>

#include "operations/file_digest.hpp"

struct archive;

namespace guiche::operations {

class ArchiveWriter {
 public:
  explicit ArchiveWriter(std::string destination);
  ~ArchiveWriter();  // removes the temporary file unless commit() ran
  ArchiveWriter(const ArchiveWriter&) = delete;
  ArchiveWriter& operator=(const ArchiveWriter&) = delete;

  // Streams the file at `path` in as member `name`, hashing what it wrote.
  FileDigest add_file(const std::string& name, const std::string& path);
  void add_bytes(const std::string& name, std::string_view bytes);
  // Finishes the archive, syncs it and renames it to the destination.
  void commit();

  const std::string& temporary_path() const { return temporary_; }

 private:
  void header(const std::string& name, std::int64_t size);
  void data(const char* bytes, std::size_t size);
  [[noreturn]] void fail(const std::string& context);

  std::string destination_;
  std::string temporary_;
  int fd_ = -1;
  ::archive* archive_ = nullptr;
  bool committed_ = false;
};

}  // namespace guiche::operations

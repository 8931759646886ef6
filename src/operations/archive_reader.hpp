#pragma once
// Reads a backup archive (operations/archive_writer.hpp) into a folder,
// refusing anything that is not a whole archive of the expected members.
#include <cstdint>
#include <string>
#include <vector>

namespace guiche::operations {

struct ExtractedMember {
  std::string name;  // as in the archive: "guiche.db", "attachments/ab/abcd...", "manifest.json"
  std::int64_t size = 0;
  std::string sha256;  // of the bytes written
};

// Writes each member under `folder` (which must exist), each file synced to
// disk, and returns them in archive order. Throws OperationRefused (pt-BR)
// on a damaged or truncated archive, an unexpected member name (only the
// three shapes above; never a path that leaves `folder`) or a repeated one.
std::vector<ExtractedMember> extract_archive(const std::string& archive_path,
                                             const std::string& folder);

}  // namespace guiche::operations

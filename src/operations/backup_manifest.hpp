#pragma once
// The manifest of a backup archive (manifest.json, its last member): what the
// archive must hold, so a restore can tell a whole archive from a damaged,
// truncated or incomplete one before it touches anything.
#include <cstdint>
#include <string>
#include <vector>

namespace guiche::operations {

// Raised when the format changes in a way an older restore cannot read.
constexpr int kBackupFormatVersion = 1;
constexpr const char* kManifestName = "manifest.json";
constexpr const char* kDatabaseMemberName = "guiche.db";

struct ManifestMember {
  std::string name;  // "guiche.db" or "attachments/ab/abcd..."
  std::int64_t size = 0;
  std::string sha256;  // hex
};

struct BackupManifest {
  int format_version = kBackupFormatVersion;
  int schema_version = 0;         // the Guichê migrations the database had
  std::string engine = "sqlite";  // "postgresql": the database is not in the archive (pg_dump)
  std::string created_at;         // UTC, ISO 8601
  std::vector<ManifestMember> members;
};

std::string manifest_json(const BackupManifest& m);
// Throws OperationRefused (pt-BR) on anything but a manifest this binary reads.
BackupManifest parse_manifest(const std::string& text);

}  // namespace guiche::operations

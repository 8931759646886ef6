#pragma once
// `guiche backup`: a consistent copy of a desk taken while it serves. For
// SQLite, a snapshot of the database (store/sqlite/sqlite_snapshot.hpp), then
// every file it refers to (operations/blob_references.hpp), taken after the
// snapshot, so every row of the snapshot has its file (files are written
// before the rows that name them, and never removed). For PostgreSQL, the
// files and the manifest only: the database goes with pg_dump, run before.
#include <cstdint>
#include <string>

#include "operations/backup_manifest.hpp"

namespace guiche::operations {

struct BackupRequest {
  std::string data_dir;      // the desk's folder (attachments/, and guiche.db for SQLite)
  std::string database_url;  // as `--database`: empty or sqlite:PATH for SQLite, postgresql://...
  std::string to;            // the archive to write
};

struct BackupReport {
  BackupManifest manifest;
  std::int64_t database_bytes = 0;  // 0 for PostgreSQL
  std::int64_t blob_count = 0;
  std::int64_t blob_bytes = 0;
  std::string pg_dump_command;  // PostgreSQL: what to run before, to pair with the archive
};

// Throws OperationRefused (pt-BR) when the backup cannot be made whole; then
// no archive is left at `to` (an older one there stays as it was).
BackupReport make_backup(const BackupRequest& request);

// The pg_dump to pair with an archive of a PostgreSQL desk; the URL without
// its password (pg_dump reads PGPASSWORD or ~/.pgpass).
std::string pg_dump_command(const std::string& database_url, const std::string& archive);

}  // namespace guiche::operations

#pragma once
// `guiche restore`: puts a backup (operations/backup.hpp) back into a data
// folder. The whole archive is extracted beside the folder and verified
// (operations/archive_verification.hpp) and the migrations run on the copy
// there; only then are its files renamed into the folder, the database last.
// A refused archive leaves the folder as it was.
#include <cstdint>
#include <string>

#include "operations/backup_manifest.hpp"

namespace guiche::operations {

struct RestoreRequest {
  std::string from;      // the archive
  std::string data_dir;  // where the desk's files go
  bool force = false;    // replace a database already there (moved aside, not deleted)
};

struct RestoreReport {
  BackupManifest manifest;
  int schema_in_backup = 0;
  int migrations_applied = 0;
  std::int64_t blob_count = 0;
  std::string previous_moved_to;   // with force: where the replaced files went
  std::string pg_restore_command;  // a PostgreSQL desk's archive: the database to restore apart
};

// Throws OperationRefused (pt-BR) when the archive is damaged, truncated or
// incomplete, or the folder already holds a database and force is false.
RestoreReport restore_backup(const RestoreRequest& request);

}  // namespace guiche::operations

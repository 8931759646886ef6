#pragma once
// What a restore checks before it touches the data folder: the archive's
// members against its manifest, then the database in it.
#include <vector>

#include "operations/archive_reader.hpp"
#include "operations/backup_manifest.hpp"
#include "store/database.hpp"

namespace guiche::operations {

// The manifest is there and readable; every member it lists was extracted
// with its size and SHA-256; nothing else was; each file is named by its
// hash. Throws OperationRefused (pt-BR) naming the first problem.
BackupManifest verify_members(const std::string& folder,
                              const std::vector<ExtractedMember>& members);

// The extracted database passes PRAGMA integrity_check, its schema is not
// newer than this binary's migrations, and every file it refers to is in the
// archive. Returns its schema version.
int verify_database(store::Database& db, const BackupManifest& manifest);

}  // namespace guiche::operations

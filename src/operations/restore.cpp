#include "operations/restore.hpp"

#include <unistd.h>

#include <filesystem>

#include "domain/time.hpp"
#include "operations/archive_reader.hpp"
#include "operations/archive_verification.hpp"
#include "operations/file_digest.hpp"
#include "operations/operation_refused.hpp"
#include "store/migrations/migrations.hpp"

namespace guiche::operations {

namespace fs = std::filesystem;

namespace {

// What a data folder holds of a desk's own (the charter PDFs are a cache).
const char* const kDeskEntries[] = {"guiche.db", "guiche.db-wal", "guiche.db-shm", "attachments",
                                    "charter"};

bool holds_database(const fs::path& dir) {
  // A -wal file alone would be replayed into the restored database.
  return fs::exists(dir / "guiche.db") || fs::exists(dir / "guiche.db-wal");
}

// The folder the archive is extracted into, beside the data folder (same file
// system, so the final renames are atomic), removed unless placed.
struct Staging {
  fs::path path;
  ~Staging() {
    std::error_code ignored;
    if (!path.empty()) fs::remove_all(path, ignored);
  }
};

void rename_or_refuse(const fs::path& from, const fs::path& to) {
  std::error_code error;
  fs::rename(from, to, error);
  if (error) {
    throw OperationRefused("não foi possível mover " + from.string() + " para " + to.string() +
                           ": " + error.message());
  }
}

// Moves the blobs into an attachments folder that exists (content-addressed:
// a file already there under the same name is the same file).
void merge_attachments(const fs::path& from, const fs::path& to) {
  for (const auto& entry : fs::recursive_directory_iterator(from)) {
    if (!entry.is_regular_file()) continue;
    const fs::path target = to / fs::relative(entry.path(), from);
    if (fs::exists(target)) continue;
    fs::create_directories(target.parent_path());
    rename_or_refuse(entry.path(), target);
    sync_path(target.parent_path().string());
  }
}

std::string moment_label() {
  std::string label = format_utc(SystemClock{}.now()).substr(0, 19);
  for (char& ch : label) {
    if (ch == ':') ch = '-';
  }
  return label;
}

// Puts the verified files of `staging` into `dir`: attachments first, the
// database last, so a folder with a database always has its files.
void place(Staging& staging, const fs::path& dir, bool force, RestoreReport& report) {
  if (!fs::exists(dir)) {
    rename_or_refuse(staging.path, dir);
    staging.path.clear();
    sync_path(dir.parent_path().string());
    return;
  }
  if (force && holds_database(dir)) {
    const fs::path aside =
        dir.parent_path() / (dir.filename().string() + ".anterior-" + moment_label());
    fs::create_directory(aside);
    for (const char* name : kDeskEntries) {
      if (fs::exists(dir / name)) rename_or_refuse(dir / name, aside / name);
    }
    sync_path(aside.string());
    report.previous_moved_to = aside.string();
  }
  if (fs::exists(staging.path / "attachments")) {
    if (fs::exists(dir / "attachments")) {
      merge_attachments(staging.path / "attachments", dir / "attachments");
    } else {
      rename_or_refuse(staging.path / "attachments", dir / "attachments");
    }
  }
  sync_path(dir.string());
  if (fs::exists(staging.path / "guiche.db")) {
    rename_or_refuse(staging.path / "guiche.db", dir / "guiche.db");
  }
  sync_path(dir.string());
}

}  // namespace

RestoreReport restore_backup(const RestoreRequest& request) {
  fs::path dir = fs::absolute(request.data_dir).lexically_normal();
  if (dir.filename().empty()) dir = dir.parent_path();
  if (fs::exists(dir) && !fs::is_directory(dir)) {
    throw OperationRefused(dir.string() + " não é uma pasta");
  }
  if (holds_database(dir) && !request.force) {
    throw OperationRefused(dir.string() +
                           " já tem um banco (guiche.db): a restauração não o substitui sem "
                           "--force (com --force, o atual é guardado ao lado da pasta)");
  }
  fs::create_directories(dir.parent_path());
  Staging staging{dir.parent_path() /
                  ("." + dir.filename().string() + ".restauracao-" + std::to_string(::getpid()))};
  fs::remove_all(staging.path);
  fs::create_directory(staging.path);

  RestoreReport report;
  const auto members = extract_archive(request.from, staging.path.string());
  report.manifest = verify_members(staging.path.string(), members);
  report.blob_count = static_cast<std::int64_t>(report.manifest.members.size()) -
                      (report.manifest.engine == "sqlite" ? 1 : 0);
  if (report.manifest.engine == "sqlite") {
    const std::string db_path = (staging.path / kDatabaseMemberName).string();
    {
      std::unique_ptr<store::Database> db;
      try {
        db = store::open_sqlite(db_path);
      } catch (const store::StoreError& e) {
        throw OperationRefused(std::string("o banco do backup não abre: ") + e.what());
      }
      report.schema_in_backup = verify_database(*db, report.manifest);
      // Older backups upgrade here, before anything reaches the folder.
      report.migrations_applied = store::migrate(*db);
    }
    sync_path(db_path);
  } else {
    report.schema_in_backup = report.manifest.schema_version;
    report.pg_restore_command =
        "pg_restore --clean --if-exists --no-owner --dbname='postgresql://...' ARQUIVO.pgdump";
  }
  fs::remove(staging.path / kManifestName);
  place(staging, dir, request.force, report);
  return report;
}

}  // namespace guiche::operations

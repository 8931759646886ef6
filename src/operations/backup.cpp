#include "operations/backup.hpp"

#include <unistd.h>

#include <filesystem>
#include <map>
#include <regex>

#include "domain/time.hpp"
#include "operations/archive_writer.hpp"
#include "operations/blob_references.hpp"
#include "operations/operation_refused.hpp"
#include "store/migrations/migrations.hpp"
#include "store/sqlite/sqlite_connection.hpp"
#include "store/sqlite/sqlite_snapshot.hpp"

namespace guiche::operations {

namespace fs = std::filesystem;

namespace {

bool is_postgres(const std::string& url) {
  return url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
}

// What a database says about itself, read from one snapshot.
struct Contents {
  int schema_version = 0;
  std::vector<BlobReference> blobs;
};

Contents read_contents(store::Connection& c) {
  Contents contents;
  contents.schema_version = static_cast<int>(
      c.query_one("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")->integer(0));
  contents.blobs = blob_references(c);
  return contents;
}

// Adds each referenced file once, checking that its bytes are the ones its
// name promises: a backup must not carry a damaged file as a good one.
void add_blobs(ArchiveWriter& writer, const std::string& data_dir,
               const std::vector<BlobReference>& blobs, BackupReport& report) {
  std::map<std::string, const BlobReference*> distinct;
  for (const auto& b : blobs) distinct.emplace(b.sha256, &b);
  for (const auto& [sha256, ref] : distinct) {
    const std::string name = blob_member_name(sha256);
    const std::string path = (fs::path(data_dir) / name).string();
    if (!is_blob_name(sha256) || !fs::is_regular_file(path)) {
      throw OperationRefused("falta o arquivo " + name + " de " + ref->owner +
                             "; o backup não foi feito (veja guiche check)");
    }
    const FileDigest d = writer.add_file(name, path);
    if (d.sha256 != sha256) {
      throw OperationRefused("o arquivo " + name + " de " + ref->owner +
                             " está corrompido (o conteúdo não confere com o SHA-256 do nome); "
                             "o backup não foi feito (veja guiche check)");
    }
    report.manifest.members.push_back({name, d.size, d.sha256});
    ++report.blob_count;
    report.blob_bytes += d.size;
  }
}

// The snapshot's file, removed on every way out.
struct TemporaryFile {
  std::string path;
  ~TemporaryFile() {
    std::error_code ignored;
    fs::remove(path, ignored);
    fs::remove(path + "-journal", ignored);
  }
};

BackupReport backup_sqlite(const BackupRequest& r, const std::string& database_path) {
  if (!fs::is_regular_file(database_path)) {
    throw OperationRefused("não há banco SQLite em " + database_path);
  }
  BackupReport report;
  report.manifest.created_at = format_utc(SystemClock{}.now());
  ArchiveWriter writer(r.to);
  TemporaryFile snapshot{writer.temporary_path() + ".db"};
  store::snapshot_sqlite(database_path, snapshot.path);
  Contents contents;
  {
    store::sqlite::SqliteConnection c(snapshot.path, true);
    contents = read_contents(c);
  }
  report.manifest.schema_version = contents.schema_version;
  const FileDigest db = writer.add_file(kDatabaseMemberName, snapshot.path);
  report.manifest.members.push_back({kDatabaseMemberName, db.size, db.sha256});
  report.database_bytes = db.size;
  add_blobs(writer, r.data_dir, contents.blobs, report);
  writer.add_bytes(kManifestName, manifest_json(report.manifest));
  writer.commit();
  return report;
}

BackupReport backup_postgres(const BackupRequest& r) {
  BackupReport report;
  report.manifest.engine = "postgresql";
  report.manifest.created_at = format_utc(SystemClock{}.now());
  auto db = store::open_database(r.database_url, r.data_dir);
  Contents contents;
  db->read([&](store::Connection& c) { contents = read_contents(c); });
  report.manifest.schema_version = contents.schema_version;
  ArchiveWriter writer(r.to);
  add_blobs(writer, r.data_dir, contents.blobs, report);
  writer.add_bytes(kManifestName, manifest_json(report.manifest));
  writer.commit();
  report.pg_dump_command = pg_dump_command(r.database_url, r.to);
  return report;
}

}  // namespace

std::string pg_dump_command(const std::string& database_url, const std::string& archive) {
  static const std::regex password("^(postgres(?:ql)?://[^:@/]*):[^@/]*@");
  const std::string url = std::regex_replace(database_url, password, "$1@");
  std::string dump = archive;
  const std::string suffix = ".tar.zst";
  if (dump.size() > suffix.size() && dump.ends_with(suffix)) {
    dump.resize(dump.size() - suffix.size());
  }
  return "pg_dump --format=custom --file='" + dump + ".pgdump' '" + url + "'";
}

BackupReport make_backup(const BackupRequest& request) {
  if (is_postgres(request.database_url)) return backup_postgres(request);
  if (request.database_url.rfind("sqlite:", 0) == 0) {
    return backup_sqlite(request, request.database_url.substr(7));
  }
  if (!request.database_url.empty()) {
    throw OperationRefused(
        "URL de banco de dados não reconhecida: use sqlite:CAMINHO ou "
        "postgresql://...");
  }
  return backup_sqlite(request, (fs::path(request.data_dir) / "guiche.db").string());
}

}  // namespace guiche::operations

// `guiche restore`: a whole archive comes back, older ones upgrade; a damaged,
// truncated or incomplete one is refused with a pt-BR message and a non-zero
// exit, and the target folder stays exactly as it was.
#include <gmock/gmock.h>

#include <filesystem>

#include "cli/backup_world.hpp"
#include "operations/backup_manifest.hpp"
#include "store/attachment_blobs.hpp"
#include "store/migrations/migrations.hpp"
#include "store/sqlite/sqlite_connection.hpp"

namespace guiche::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

class RestoreTest : public BackupDeskTest {
 protected:
  void SetUp() override {
    BackupDeskTest::SetUp();
    archive = backup_to("desk.tar.zst");
    // A target that exists and holds something of the operator's own.
    target = scratch + "/destino";
    fs::create_directories(target);
    write_file(target + "/LEIA-ME.txt", "pasta do servidor novo\n");
    before = folder_contents(target);
  }

  GuicheRun restore(const std::string& from, bool force = false) {
    std::vector<std::string> args{"restore", "--from", from, "--data", target};
    if (force) args.push_back("--force");
    return run_guiche(args);
  }

  // Refused with `message`, and neither the target nor its parent changed.
  void expect_refused(const std::string& from, const std::string& message) {
    const auto siblings_before = std::distance(fs::directory_iterator(scratch), {});
    const auto run = restore(from);
    EXPECT_NE(run.exit_code, 0) << run.output;
    EXPECT_THAT(run.output, HasSubstr(message));
    EXPECT_THAT(run.output, HasSubstr("nada foi restaurado"));
    EXPECT_EQ(folder_contents(target), before);
    EXPECT_EQ(std::distance(fs::directory_iterator(scratch), {}), siblings_before)
        << "no staging folder is left beside the target";
  }

  std::string archive, target;
  std::vector<std::pair<std::string, std::string>> before;
};

TEST_P(RestoreTest, AWholeArchiveComesBackAndPassesTheCheck) {
  const auto run = restore(archive);
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_THAT(run.output, HasSubstr("migrações aplicadas: 0"));
  EXPECT_EQ(read_file(target + "/LEIA-ME.txt"), "pasta do servidor novo\n");
  for (const auto& f : filed) {
    EXPECT_EQ(read_file(target + "/attachments/" + f.sha256.substr(0, 2) + "/" + f.sha256),
              f.bytes);
  }
  const auto check = run_guiche({"check", "--data", target});
  EXPECT_EQ(check.exit_code, 0) << check.output;
  EXPECT_THAT(check.output, HasSubstr("3 chamado(s) conferem com seus eventos"));
}

TEST_P(RestoreTest, ATruncatedArchiveIsRefused) {
  const std::string bytes = read_file(archive);
  for (std::size_t keep : {bytes.size() / 2, bytes.size() - 30}) {
    write_file(scratch + "/truncado.tar.zst", bytes.substr(0, keep));
    SCOPED_TRACE(keep);
    expect_refused(scratch + "/truncado.tar.zst", "guiche: o ");
  }
}

TEST_P(RestoreTest, AFlippedByteIsRefused) {
  // In a member, repacked so the archive itself reads well: the manifest catches it.
  repack_archive(archive, scratch + "/membro.tar.zst", [&](const std::string& folder, auto&) {
    const std::string path =
        folder + "/attachments/" + filed[1].sha256.substr(0, 2) + "/" + filed[1].sha256;
    std::string bytes = read_file(path);
    bytes[bytes.size() / 2] ^= 0x20;
    write_file(path, bytes);
  });
  expect_refused(scratch + "/membro.tar.zst",
                 "o membro attachments/" + filed[1].sha256.substr(0, 2) + "/" + filed[1].sha256 +
                     " não confere com o manifesto (SHA-256 diferente): o backup está danificado");
  // In the database member.
  repack_archive(archive, scratch + "/banco.tar.zst", [&](const std::string& folder, auto&) {
    std::string bytes = read_file(folder + "/guiche.db");
    bytes[bytes.size() - 100] ^= 0x01;
    write_file(folder + "/guiche.db", bytes);
  });
  expect_refused(scratch + "/banco.tar.zst", "o membro guiche.db não confere com o manifesto");
  // In the compressed file as written.
  std::string raw = read_file(archive);
  raw[raw.size() / 2] ^= 0x01;
  write_file(scratch + "/cru.tar.zst", raw);
  expect_refused(scratch + "/cru.tar.zst", "guiche: o ");
}

TEST_P(RestoreTest, AnArchiveWithoutItsManifestIsRefused) {
  repack_archive(archive, scratch + "/sem-manifesto.tar.zst",
                 [](const std::string&, std::vector<operations::ExtractedMember>& members) {
                   std::erase_if(members, [](const auto& m) { return m.name == "manifest.json"; });
                 });
  expect_refused(scratch + "/sem-manifesto.tar.zst", "o backup não tem manifesto (manifest.json)");
}

TEST_P(RestoreTest, AnArchiveMissingAMemberIsRefused) {
  const std::string gone = "attachments/" + filed[0].sha256.substr(0, 2) + "/" + filed[0].sha256;
  repack_archive(archive, scratch + "/incompleto.tar.zst",
                 [&](const std::string&, std::vector<operations::ExtractedMember>& members) {
                   std::erase_if(members, [&](const auto& m) { return m.name == gone; });
                 });
  expect_refused(scratch + "/incompleto.tar.zst",
                 "falta no backup o membro " + gone + " listado no manifesto");
}

TEST_P(RestoreTest, ADatabaseNewerThanThisBinaryIsRefused) {
  repack_archive(archive, scratch + "/futuro.tar.zst", [](const std::string& folder, auto& m) {
    {
      store::sqlite::SqliteConnection c(folder + "/guiche.db", false);
      c.execute_script(
          "INSERT INTO schema_migrations(version, name, applied_at) VALUES (9999, 'futuro', 0)");
    }
    // A manifest that agrees with the changed database: only the version refuses it.
    auto manifest = operations::parse_manifest(read_file(folder + "/manifest.json"));
    for (auto& member : manifest.members) {
      if (member.name == "guiche.db") {
        member.size = static_cast<std::int64_t>(fs::file_size(folder + "/guiche.db"));
        member.sha256 = store::sha256_hex(read_file(folder + "/guiche.db"));
      }
    }
    write_file(folder + "/manifest.json", operations::manifest_json(manifest));
    (void)m;
  });
  expect_refused(scratch + "/futuro.tar.zst", "mais nova que a deste guiche");
}

TEST_P(RestoreTest, AnOlderBackupIsMigratedOnRestore) {
  const auto all = store::migrations_for(store::Dialect::sqlite);
  const int latest = all.back().version;
  const int previous = all[all.size() - 2].version;
  repack_archive(archive, scratch + "/antigo.tar.zst", [&](const std::string& folder, auto&) {
    {
      store::sqlite::SqliteConnection c(folder + "/guiche.db", false);
      // As the desk was before the last migration (v046: on SQLite, no change to the tables).
      c.execute_script("DELETE FROM schema_migrations WHERE version = " + std::to_string(latest));
    }
    auto manifest = operations::parse_manifest(read_file(folder + "/manifest.json"));
    for (auto& member : manifest.members) {
      if (member.name == "guiche.db") {
        member.size = static_cast<std::int64_t>(fs::file_size(folder + "/guiche.db"));
        member.sha256 = store::sha256_hex(read_file(folder + "/guiche.db"));
      }
    }
    write_file(folder + "/manifest.json", operations::manifest_json(manifest));
  });
  const auto run = restore(scratch + "/antigo.tar.zst");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_THAT(run.output,
              HasSubstr("versão " + std::to_string(previous) + " (migrações aplicadas: 1)"));
  EXPECT_EQ(run_guiche({"check", "--data", target}).exit_code, 0);
}

TEST_P(RestoreTest, AFolderWithADatabaseIsReplacedOnlyWithForce) {
  ASSERT_EQ(restore(archive).exit_code, 0);
  const auto restored = folder_contents(target);
  before = restored;
  expect_refused(archive, "já tem um banco (guiche.db)");

  const auto forced = restore(archive, true);
  ASSERT_EQ(forced.exit_code, 0) << forced.output;
  EXPECT_THAT(forced.output, HasSubstr("foram guardados em"));
  // The replaced database is kept beside the folder, not deleted.
  int kept = 0;
  for (const auto& e : fs::directory_iterator(scratch)) {
    if (e.path().filename().string().rfind("destino.anterior-", 0) == 0) {
      ++kept;
      EXPECT_TRUE(fs::exists(e.path() / "guiche.db"));
    }
  }
  EXPECT_EQ(kept, 1);
  EXPECT_EQ(run_guiche({"check", "--data", target}).exit_code, 0);
}

TEST_P(RestoreTest, ARestoreIntoAFolderThatDoesNotExistCreatesIt) {
  target = scratch + "/novo/dados";
  const auto run = restore(archive);
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_TRUE(fs::exists(target + "/guiche.db"));
  EXPECT_EQ(run_guiche({"check", "--data", target}).exit_code, 0);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, RestoreTest, ::testing::Values(Engine::sqlite), engine_name);

}  // namespace
}  // namespace guiche::testing

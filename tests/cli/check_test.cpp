// `guiche check`: exits 0 on a whole desk, and 1 naming each problem: a file
// gone, a file whose content no longer matches its hash, a ticket row edited
// behind its events' back. On both engines (PostgreSQL skips only SQLite's
// integrity pragma).
#include <gmock/gmock.h>

#include <filesystem>

#include "cli/backup_world.hpp"

namespace guiche::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

class CheckTest : public BackupDeskTest {
 protected:
  GuicheRun check() {
    auto args = store_args();
    args.insert(args.begin(), "check");
    return run_guiche(args);
  }
};

TEST_P(CheckTest, AWholeDeskPasses) {
  const auto run = check();
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_THAT(run.output, HasSubstr("anexos: ok — 4 arquivo(s) referenciado(s), todos presentes"));
  EXPECT_THAT(run.output, HasSubstr("chamados: ok — 3 chamado(s) conferem com seus eventos"));
  EXPECT_THAT(run.output, HasSubstr("verificação: tudo certo"));
  if (GetParam() == Engine::sqlite) {
    EXPECT_THAT(run.output, HasSubstr("PRAGMA integrity_check ok"));
  } else {
    EXPECT_THAT(run.output, HasSubstr("integridade física a cargo do PostgreSQL"));
  }
}

TEST_P(CheckTest, ADeletedFileIsNamedWithItsAttachment) {
  fs::remove(blob_path(filed[0]));
  const auto run = check();
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_THAT(run.output,
              HasSubstr("falta o arquivo attachments/" + filed[0].sha256.substr(0, 2) + "/" +
                        filed[0].sha256 + " de anexo " + std::to_string(filed[0].attachment_id) +
                        " (chamado " + filed[0].protocol + ", laudo-0.pdf)"));
  EXPECT_THAT(run.output, HasSubstr("anexos: FALHOU"));
  EXPECT_THAT(run.output, HasSubstr("verificação: 1 problema(s)"));
}

TEST_P(CheckTest, ACorruptedFileIsNamedWithItsAttachment) {
  std::string bytes = read_file(blob_path(filed[2]));
  bytes[10] ^= 0x01;
  write_file(blob_path(filed[2]), bytes);
  const auto run = check();
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_THAT(run.output, HasSubstr("o conteúdo de attachments/" + filed[2].sha256.substr(0, 2) +
                                    "/" + filed[2].sha256 + " não confere com seu nome"));
  EXPECT_THAT(run.output, HasSubstr("anexo " + std::to_string(filed[2].attachment_id)));
}

TEST_P(CheckTest, ATicketRowEditedBehindItsEventsIsNamed) {
  database->reopen();
  database->db().write([&](store::Connection& c) {
    c.query("UPDATE tickets SET subject = 'Editado à mão', priority = 1 WHERE id = ?",
            {filed[1].ticket_id});
  });
  database->close();
  const auto run = check();
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_THAT(run.output, HasSubstr("o chamado " + filed[1].protocol + " (id " +
                                    std::to_string(filed[1].ticket_id) +
                                    ") difere de seus eventos em: subject, priority"));
  EXPECT_THAT(run.output, HasSubstr("chamados: FALHOU — 1 de 3 chamado(s)"));
  EXPECT_THAT(run.output, Not(HasSubstr("anexos: FALHOU")));
  // The check wrote nothing: the drift is still there for rebuild-tickets.
  EXPECT_EQ(check().exit_code, 1);
  auto rebuild = store_args();
  rebuild.insert(rebuild.begin(), {"admin", "rebuild-tickets"});
  ASSERT_EQ(run_guiche(rebuild).exit_code, 0);
  EXPECT_EQ(check().exit_code, 0);
}

GUICHE_ON_BOTH_ENGINES(CheckTest);

TEST(CheckCommandTest, AFolderWithoutADatabaseIsNotCreated) {
  const std::string empty = make_temp_dir("guiche-check-empty-");
  const auto run = run_guiche({"check", "--data", empty});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(run.output, HasSubstr("não há banco SQLite em"));
  EXPECT_FALSE(fs::exists(empty + "/guiche.db"));
  fs::remove_all(empty);
}

}  // namespace
}  // namespace guiche::testing

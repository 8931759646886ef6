// The guiche command line, run as a user would run it.
#include <gmock/gmock.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "store/migrations/migrations.hpp"
#include "support/test_database.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;

struct Run {
  int exit_code;
  std::string output;  // stdout and stderr together
};

Run guiche(const std::string& args) {
  const char* binary = std::getenv("GUICHE_BINARY");
  std::string command = std::string(binary ? binary : "guiche") + " " + args + " 2>&1 </dev/null";
  Run run{-1, {}};
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return run;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) run.output.append(buffer, n);
  int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override { dir = make_temp_dir("guiche-cli-"); }
  void TearDown() override { std::filesystem::remove_all(dir); }
  std::string dir;
};

TEST_F(CliTest, MigrateCreatesTheSchemaOnceAndIsIdempotent) {
  auto first = guiche("migrate --data " + dir);
  EXPECT_EQ(first.exit_code, 0) << first.output;
  EXPECT_THAT(first.output,
              HasSubstr("migrações aplicadas: " +
                        std::to_string(store::migrations_for(store::Dialect::sqlite).size())));
  EXPECT_TRUE(std::filesystem::exists(dir + "/guiche.db"));
  auto second = guiche("migrate --data " + dir);
  EXPECT_EQ(second.exit_code, 0);
  EXPECT_THAT(second.output, HasSubstr("migrações aplicadas: 0"));
}

TEST_F(CliTest, CreateUserStoresAPersonWithALogin) {
  auto run = guiche("admin create-user --data " + dir +
                    " --login admin --password 'senha-forte-1' --role admin --name 'Ana Souza'");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_THAT(run.output, HasSubstr("usuário criado: admin"));
  EXPECT_THAT(run.output, ::testing::Not(HasSubstr("senha-forte-1")));  // never echo secrets
  auto again = guiche("admin create-user --data " + dir +
                      " --login admin --password 'senha-forte-1' --role admin");
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_THAT(again.output, HasSubstr("Já existe"));
}

TEST_F(CliTest, BadArgumentsExitWithTwoAndAClearMessage) {
  struct Case {
    std::string args;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"", "subcommand"},
      {"voar", "voar"},
      {"migrate --data " + dir + " --bogus", "--bogus"},
      {"admin create-user --data " + dir + " --password 'senha-forte-1' --role admin", "--login"},
      {"admin create-user --data " + dir + " --login x1 --password 'senha-forte-1' --role rei",
       "Papel desconhecido"},
      {"admin create-user --data " + dir + " --login x2 --password curta --role admin",
       "ao menos 8"},
      {"admin create-user --data " + dir +
           " --login x3 --password 'senha-forte-1' --role analyst --unit NADA",
       "Unidade desconhecida"},
      {"migrate --database mysql://localhost/x --data " + dir, "URL de banco"},
  };
  for (const auto& c : cases) {
    auto run = guiche(c.args);
    EXPECT_EQ(run.exit_code, 2) << c.args << "\n" << run.output;
    EXPECT_THAT(run.output, HasSubstr(c.message)) << c.args;
  }
}

TEST_F(CliTest, RebuildTicketsReportsNoDriftOnConsistentData) {
  auto demo = guiche("demo --data " + dir);
  ASSERT_EQ(demo.exit_code, 0) << demo.output;
  auto run = guiche("admin rebuild-tickets --data " + dir);
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_THAT(run.output, HasSubstr("divergiam dos eventos: 0"));
}

TEST_F(CliTest, DemoRefusesAFilledDatabaseUnlessAskedToSkip) {
  ASSERT_EQ(guiche("demo --data " + dir).exit_code, 0);
  EXPECT_EQ(guiche("demo --data " + dir).exit_code, 2);
  EXPECT_EQ(guiche("demo --data " + dir + " --if-empty").exit_code, 0);
}

}  // namespace
}  // namespace guiche::testing

// LGPD from the command line: `guiche admin anonymize-person ID` erases a
// person's data (once; the database file, WAL included, no longer holds it),
// and the retention rule is an option of `serve` the configuration file sets.
#include <gmock/gmock.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "support/child_process.hpp"
#include "support/test_database.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class PersonalDataCliTest : public ::testing::Test {
 protected:
  void SetUp() override { dir = make_temp_dir("guiche-lgpd-cli-"); }
  void TearDown() override { std::filesystem::remove_all(dir); }
  int run(const std::vector<std::string>& args, std::string& output) {
    Child child(args, dir + "/run.log");
    const int code = child.wait_exit(std::chrono::seconds(60));
    output = child.output();
    return code;
  }
  std::string file_bytes(const std::string& name) {
    std::ifstream in(dir + "/" + name, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
  }
  std::string dir;
};

TEST_F(PersonalDataCliTest, AnonymizePersonErasesThePersonOnce) {
  std::string output;
  ASSERT_EQ(run({"admin", "create-user", "--data", dir, "--login", "zuleica.qb", "--password",
                 "senha-forte-1", "--role", "requester", "--name", "Zuleica Quintanilha"},
                output),
            0)
      << output;
  std::smatch match;
  ASSERT_TRUE(std::regex_search(output, match, std::regex("id ([0-9]+)"))) << output;
  const std::string person = match[1].str();
  ASSERT_THAT(file_bytes("guiche.db") + file_bytes("guiche.db-wal"), HasSubstr("Quintanilha"));

  ASSERT_EQ(run({"admin", "anonymize-person", person, "--data", dir}, output), 0) << output;
  EXPECT_THAT(output, HasSubstr("pessoa " + person + " anonimizada"));
  const auto stored = file_bytes("guiche.db") + file_bytes("guiche.db-wal");
  for (const char* datum : {"Quintanilha", "Zuleica", "zuleica.qb"}) {
    EXPECT_THAT(stored, Not(HasSubstr(datum))) << datum;
  }
  ASSERT_EQ(run({"admin", "anonymize-person", person, "--data", dir}, output), 0) << output;
  EXPECT_THAT(output, HasSubstr("já estava anonimizada"));
  EXPECT_EQ(run({"admin", "anonymize-person", "999999", "--data", dir}, output), 2);
  EXPECT_THAT(output, HasSubstr("Pessoa não encontrada"));
}

TEST_F(PersonalDataCliTest, TheRetentionRuleIsReadFromTheConfigurationFile) {
  const auto file = dir + "/guiche.toml";
  std::ofstream(file) << "[serve]\nanonymize-requesters-after-years = 5\n";
  std::string output;
  ASSERT_EQ(run({"config", "check", file}, output), 0) << output;
  EXPECT_THAT(output, HasSubstr("anonymize-requesters-after-years = \"5\"  # arquivo, linha 2"));
  std::ofstream(file) << "[serve]\nanonymize-requesters-after-years = 500\n";
  EXPECT_EQ(run({"config", "check", file}, output), 2) << output;
  EXPECT_THAT(output, HasSubstr("anonymize-requesters-after-years"));
}

}  // namespace
}  // namespace guiche::testing

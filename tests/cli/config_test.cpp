// The configuration file (cli/config_file.hpp) read by real `guiche` processes:
// its values take effect, the command line and the environment win over it,
// and every mistake in it is named with its line before anything starts.
#include <gmock/gmock.h>
#include <signal.h>
#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "support/child_process.hpp"
#include "support/http_client.hpp"
#include "support/test_database.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class ConfigFileTest : public ::testing::Test {
 protected:
  void SetUp() override { dir = make_temp_dir("guiche-config-"); }
  void TearDown() override { std::filesystem::remove_all(dir); }

  std::string write(const std::string& text, const std::string& name = "guiche.toml") {
    const auto path = dir + "/" + name;
    std::ofstream(path) << text;
    return path;
  }

  // Runs a command to its end: its exit code, and its output in `output`.
  int run(const std::vector<std::string>& args, std::string& output) {
    Child child(args, dir + "/run.log");
    const int code = child.wait_exit(std::chrono::seconds(30));
    output = child.output();
    return code;
  }

  static bool answers_health(unsigned short port, Child& server) {
    for (int i = 0; i < 200 && server.running(); ++i) {
      if (http_request(port, "GET", "/api/v1/health").status == 200) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }

  std::string dir;
};

TEST_F(ConfigFileTest, ServeListensOnThePortAndUsesTheDataDirectoryFromTheFile) {
  const auto port = free_loopback_port();
  ASSERT_NE(port, 0);
  const auto file = write("data = \"" + dir + "/from-file\"\n[serve]\nlisten = \"127.0.0.1:" +
                          std::to_string(port) + "\"\n");
  Child server({"serve", "--config", file}, dir + "/serve.log");
  ASSERT_TRUE(answers_health(port, server)) << server.output();
  EXPECT_TRUE(std::filesystem::exists(dir + "/from-file/guiche.db"));
  server.signal(SIGTERM);
  EXPECT_EQ(server.wait_exit(std::chrono::seconds(10)), 0) << server.output();
}

TEST_F(ConfigFileTest, TheCommandLineWinsOverTheFile) {
  const auto file_port = free_loopback_port();
  const auto line_port = free_loopback_port();
  ASSERT_NE(file_port, line_port);
  const auto file = write("[serve]\nlisten = \"127.0.0.1:" + std::to_string(file_port) +
                          "\"\ndata = \"" + dir + "/from-file\"\n");
  Child server({"serve", "--config", file, "--listen", "127.0.0.1:" + std::to_string(line_port),
                "--data", dir + "/from-line"},
               dir + "/serve.log");
  ASSERT_TRUE(answers_health(line_port, server)) << server.output();
  EXPECT_EQ(http_request(file_port, "GET", "/api/v1/health").status, 0);
  EXPECT_TRUE(std::filesystem::exists(dir + "/from-line/guiche.db"));
  EXPECT_FALSE(std::filesystem::exists(dir + "/from-file"));
  server.signal(SIGTERM);
  EXPECT_EQ(server.wait_exit(std::chrono::seconds(10)), 0) << server.output();
}

TEST_F(ConfigFileTest, ASectionWinsOverTheTopLevelForItsCommand) {
  const auto file = write("data = \"" + dir + "/top\"\n[migrate]\ndata = \"" + dir +
                          "/section\"\n[demo]\nif-empty = true\n");
  std::string output;
  ASSERT_EQ(run({"migrate", "--config", file}, output), 0) << output;
  EXPECT_TRUE(std::filesystem::exists(dir + "/section/guiche.db"));
  EXPECT_FALSE(std::filesystem::exists(dir + "/top"));
}

TEST_F(ConfigFileTest, CheckPrintsTheEffectiveSettingsWithTheEnvironmentOverTheFile) {
  const auto file = write(
      "data = \"/var/lib/guiche\"\n"
      "[serve]\n"
      "listen = \"0.0.0.0:8080\"\n"
      "smtp-host = \"smtp.arquivo.gov.br\"\n"
      "imap-url = [\"imaps://a/INBOX\", \"imaps://b/INBOX\"]\n"
      "demo = true\n");
  ::setenv("GUICHE_SMTP_HOST", "smtp.ambiente.gov.br", 1);
  std::string output;
  const int code = run({"config", "check", file}, output);
  ::unsetenv("GUICHE_SMTP_HOST");
  ASSERT_EQ(code, 0) << output;
  EXPECT_THAT(output, HasSubstr("configuração válida"));
  EXPECT_THAT(output, HasSubstr("[serve]\n"));
  EXPECT_THAT(output, HasSubstr("listen = \"0.0.0.0:8080\"  # arquivo, linha 3"));
  EXPECT_THAT(output, HasSubstr("data = \"/var/lib/guiche\"  # arquivo, linha 1"));
  EXPECT_THAT(output,
              HasSubstr("smtp-host = \"smtp.ambiente.gov.br\"  # ambiente GUICHE_SMTP_HOST"));
  EXPECT_THAT(output, HasSubstr("imap-url = [\"imaps://a/INBOX\", \"imaps://b/INBOX\"]"));
  EXPECT_THAT(output, HasSubstr("demo = true  # arquivo, linha 6"));
  EXPECT_THAT(output, HasSubstr("calendar = \"br\"  # padrão"));
  // `data` at the top reaches every command that has --data.
  EXPECT_THAT(output, HasSubstr("[migrate]\n"));
}

TEST_F(ConfigFileTest, AnUnknownKeyOrSectionIsNamedWithItsLine) {
  const auto file = write(
      "[serve]\nlisten = \"127.0.0.1:8080\"\nlisen = \"127.0.0.1:9\"\n"
      "[servir]\nlisten = \"127.0.0.1:9\"\n");
  std::string output;
  EXPECT_EQ(run({"config", "check", file}, output), 2) << output;
  EXPECT_THAT(output, HasSubstr(file + ":3:1: chave desconhecida \"lisen\" em [serve]"));
  EXPECT_THAT(output, HasSubstr(file + ":4:2: seção desconhecida [servir]"));
  // A service reading the file refuses to start the same way.
  EXPECT_EQ(run({"serve", "--config", file, "--data", dir}, output), 2) << output;
  EXPECT_THAT(output, HasSubstr(file + ":3:1: chave desconhecida \"lisen\""));
  EXPECT_FALSE(std::filesystem::exists(dir + "/guiche.db"));
}

TEST_F(ConfigFileTest, ABadValueIsNamedWithItsKeyAndLine) {
  const auto file = write(
      "[serve]\n"
      "smtp-port = \"vinte e cinco\"\n"
      "imap-interval = 0\n"
      "listen = \"localhost\"\n"
      "demo = \"sim\"\n"
      "calendar = [\"br\", \"br-es\"]\n"
      "smtp-starttls = \"sempre\"\n");
  std::string output;
  EXPECT_EQ(run({"config", "check", file}, output), 2) << output;
  EXPECT_THAT(output, HasSubstr(file + ":2:13: valor inválido para \"smtp-port\" em [serve]"));
  EXPECT_THAT(output, HasSubstr(file + ":3:17: valor inválido para \"imap-interval\""));
  EXPECT_THAT(output, HasSubstr(file + ":4:10: valor inválido para \"listen\""));
  EXPECT_THAT(output, HasSubstr("HOST:PORTA"));
  EXPECT_THAT(output, HasSubstr(file + ":5:8: valor inválido para \"demo\" em [serve] (guiche "
                                       "serve): use true ou false"));
  EXPECT_THAT(output, HasSubstr(file + ":6:12: valor inválido para \"calendar\""));
  EXPECT_THAT(output, HasSubstr(file + ":7:17: valor inválido para \"smtp-starttls\""));
  EXPECT_THAT(output, HasSubstr("6 problemas"));
}

TEST_F(ConfigFileTest, ASyntaxErrorIsNamedWithItsLine) {
  const auto file = write("data = \"/tmp\"\n\n[serve\nlisten = \"127.0.0.1:8080\"\n");
  std::string output;
  EXPECT_EQ(run({"config", "check", file}, output), 2) << output;
  EXPECT_THAT(output, HasSubstr(file + ":3:"));
  EXPECT_THAT(output, HasSubstr("erro de sintaxe TOML"));
  EXPECT_EQ(run({"migrate", "--config", file}, output), 2) << output;
  EXPECT_THAT(output, HasSubstr("erro de sintaxe TOML"));
}

TEST_F(ConfigFileTest, ASecretInTheFileIsRefusedNamingItsVariable) {
  const auto file = write(
      "[serve]\n"
      "smtp-password = \"segredo-de-teste\"\n"
      "whatsapp-app-secret = \"outro-segredo\"\n"
      "[mailgate]\n"
      "token = \"gch_segredo\"\n");
  std::string output;
  EXPECT_EQ(run({"config", "check", file}, output), 2) << output;
  EXPECT_THAT(output, HasSubstr(file + ":2:1: \"smtp-password\" em [serve] é um segredo"));
  EXPECT_THAT(output, HasSubstr("use a variável de ambiente GUICHE_SMTP_PASSWORD"));
  EXPECT_THAT(output, HasSubstr("use a variável de ambiente GUICHE_WHATSAPP_APP_SECRET"));
  EXPECT_THAT(output, HasSubstr(file + ":5:1: \"token\" em [mailgate] é um segredo"));
  EXPECT_THAT(output, HasSubstr("use a variável de ambiente GUICHE_MAILGATE_TOKEN"));
  EXPECT_THAT(output, Not(HasSubstr("segredo-de-teste")));
  EXPECT_EQ(run({"mailgate", "--config", file, "--url", "http://127.0.0.1:9"}, output), 2)
      << output;
  EXPECT_THAT(output, HasSubstr("GUICHE_MAILGATE_TOKEN"));
}

TEST_F(ConfigFileTest, ANamedFileMustExist) {
  std::string output;
  EXPECT_EQ(run({"migrate", "--config", dir + "/nada.toml", "--data", dir}, output), 2) << output;
  EXPECT_THAT(output, HasSubstr("nada.toml"));
  EXPECT_EQ(run({"config", "check", dir + "/nada.toml"}, output), 2) << output;
  EXPECT_THAT(output, HasSubstr("nada.toml"));
}

TEST_F(ConfigFileTest, TheShippedConfigurationIsValid) {
  std::string output;
  EXPECT_EQ(run({"config", "check", GUICHE_SHIPPED_CONFIG}, output), 0) << output;
  EXPECT_THAT(output, HasSubstr("data = \"/var/lib/guiche\"  # arquivo"));
}

}  // namespace
}  // namespace guiche::testing

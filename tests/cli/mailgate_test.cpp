// The real `guiche mailgate` binary against a real server on 127.0.0.1, the
// way an MTA's pipe runs it: the message on stdin, the token in the
// environment, and the exit code (sysexits) deciding what the MTA does.
#include <gmock/gmock.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "app/accounts/accounts.hpp"
#include "support/api_world.hpp"
#include "support/raw_mail.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;

struct GateRun {
  int exit_code;
  std::string output;  // stdout and stderr together
};

class MailgateTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    dir = make_temp_dir("guiche-mailgate-");
    token = desk->accounts()
                .create_api_token(as(w.attendant), w.attendant.id, "gateway de e-mail")
                .secret;
  }
  void TearDown() override {
    std::filesystem::remove_all(dir);
    ApiTest::TearDown();
  }
  app::DeskConfig desk_config() override {
    auto config = ApiTest::desk_config();
    config.max_mail_bytes = 64 * 1024;
    return config;
  }

  // Runs mailgate with `message` on stdin, the token only in the environment.
  GateRun mailgate(const std::string& message, unsigned short to_port, const std::string& secret) {
    const std::string input = dir + "/message.eml";
    std::ofstream(input, std::ios::binary) << message;
    const char* binary = std::getenv("GUICHE_BINARY");
    const std::string command =
        "GUICHE_MAILGATE_TOKEN='" + secret + "' " + std::string(binary ? binary : "guiche") +
        " mailgate --timeout 20 --url http://127.0.0.1:" + std::to_string(to_port) + " <" + input +
        " 2>&1";
    GateRun run{-1, {}};
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return run;
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) run.output.append(buffer, n);
    const int status = ::pclose(pipe);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
  }

  std::string dir;
  std::string token;
};

TEST_P(MailgateTest, DeliversAMessageAndExitsZero) {
  RawMail m;
  m.message_id = "<mailgate-1@seger.es.gov.br>";
  auto run = mailgate(m.str(), port, token);
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_THAT(run.output, HasSubstr(R"("outcome":"ticket_created")"));
  EXPECT_EQ(count("tickets"), 1);
  // The MTA delivering it again (a lost acknowledgement) creates nothing more.
  run = mailgate(m.str(), port, token);
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_THAT(run.output, HasSubstr(R"("outcome":"duplicate")"));
  EXPECT_EQ(count("tickets"), 1);
}

TEST_P(MailgateTest, ServerDownIsATemporaryFailureAndTheRetryDelivers) {
  RawMail m;
  m.message_id = "<mailgate-2@seger.es.gov.br>";
  const auto nobody = free_loopback_port();
  auto run = mailgate(m.str(), nobody, token);
  EXPECT_EQ(run.exit_code, 75) << run.output;  // EX_TEMPFAIL: the MTA keeps it
  EXPECT_THAT(run.output, HasSubstr("fica na fila"));
  EXPECT_EQ(count("inbound_messages"), 0);
  run = mailgate(m.str(), port, token);  // the MTA's retry, server back
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(count("tickets"), 1);
}

TEST_P(MailgateTest, CredentialProblemsDeferAndRefusedMessagesBounce) {
  RawMail m;
  EXPECT_EQ(mailgate(m.str(), port, "gch_nao-existe-este-token").exit_code, 75);
  const auto requester =
      desk->accounts()
          .create_api_token(as(w.requester_seger), w.requester_seger.id, "pessoal")
          .secret;
  EXPECT_EQ(mailgate(m.str(), port, requester).exit_code, 75);  // 403: not the gateway's
  EXPECT_EQ(mailgate(m.str(), port, "").exit_code, 75);         // no token configured
  EXPECT_EQ(count("inbound_messages"), 0);

  m.body = std::string(70 * 1024, 'x');  // over the desk's limit: bounced with the reason
  auto run = mailgate(m.str(), port, token);
  EXPECT_EQ(run.exit_code, 65) << run.output;  // EX_DATAERR
  EXPECT_THAT(run.output, HasSubstr("excede o limite"));
  EXPECT_EQ(count("inbound_messages"), 0);
}

TEST_P(MailgateTest, AnUnreadableMessageIsStoredNotBounced) {
  auto run = mailgate("\x01\x02 lixo sem cabecalhos\r\n", port, token);
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_THAT(run.output, HasSubstr(R"("outcome":"quarantined")"));
}

INSTANTIATE_TEST_SUITE_P(Engines, MailgateTest, ::testing::Values(Engine::sqlite), engine_name);

}  // namespace
}  // namespace guiche::testing

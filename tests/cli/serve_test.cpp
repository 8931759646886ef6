// `guiche serve` run as a child process and spoken to over a real socket on
// 127.0.0.1, the way a browser or a load balancer would.
#include <gmock/gmock.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "store/migrations/migrations.hpp"
#include "support/child_process.hpp"
#include "support/http_client.hpp"
#include "support/test_database.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;

class ServeTest : public ::testing::Test {
 protected:
  void SetUp() override { dir = make_temp_dir("guiche-serve-"); }
  void TearDown() override { std::filesystem::remove_all(dir); }
  std::string dir;
};

TEST_F(ServeTest, AnswersHealthAndNotFoundThenStopsCleanlyOnSigterm) {
  const auto port = free_loopback_port();
  ASSERT_NE(port, 0);
  Child server({"serve", "--listen", "127.0.0.1:" + std::to_string(port), "--data", dir},
               dir + "/serve.log");

  // Migrations run before the server listens; 200 tries of 50 ms bound the wait.
  bool accepting = false;
  for (int i = 0; i < 200 && !accepting && server.running(); ++i) {
    accepting = http_request(port, "GET", "/api/v1/health").status != 0;
    if (!accepting) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_TRUE(accepting) << server.output();

  auto health = http_request(port, "GET", "/api/v1/health");
  ASSERT_NE(health.status, 0) << server.output();
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.headers["content-type"], "application/json");
  EXPECT_THAT(health.headers["x-request-id"], MatchesRegex("[0-9a-f]{16}"));
  const auto latest = store::migrations_for(store::Dialect::sqlite).back().version;
  EXPECT_EQ(health.body, R"({"status":"ok","database":"sqlite","schema_version":)" +
                             std::to_string(latest) + "}");

  auto missing = http_request(port, "GET", "/nada");
  ASSERT_NE(missing.status, 0);
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.headers["content-type"], "application/problem+json");
  EXPECT_THAT(missing.headers["x-request-id"], MatchesRegex("[0-9a-f]{16}"));
  EXPECT_THAT(missing.body, HasSubstr(R"("status":404)"));
  EXPECT_THAT(missing.body, HasSubstr(R"("title":"Não encontrado")"));

  server.signal(SIGTERM);
  EXPECT_EQ(server.wait_exit(std::chrono::seconds(5)), 0) << server.output();
  const auto output = server.output();
  EXPECT_THAT(output, HasSubstr("Guichê em http://127.0.0.1:" + std::to_string(port)));
  EXPECT_THAT(output, HasSubstr("GET /api/v1/health 200 "));
  EXPECT_THAT(output, HasSubstr("GET /nada 404 "));
}

// A service manager may stop the server while it is still starting, its
// background threads already running: that stop must be as clean as any other.
TEST_F(ServeTest, ASigtermWhileStartingStillEndsInACleanStop) {
  const auto port = free_loopback_port();
  ASSERT_NE(port, 0);
  Child server({"serve", "--listen", "127.0.0.1:" + std::to_string(port), "--data", dir},
               dir + "/serve.log");
  // The first line is printed once the desk is open, before the HTTP server
  // is set up; 400 tries of 5 ms bound the wait.
  for (int i = 0; i < 400 && server.running(); ++i) {
    if (server.output().find("Canal WhatsApp") != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_THAT(server.output(), HasSubstr("Canal WhatsApp"));
  server.signal(SIGTERM);
  EXPECT_EQ(server.wait_exit(std::chrono::seconds(10)), 0) << server.output();
  EXPECT_THAT(server.output(), HasSubstr("guiche serve: encerrando"));
}

TEST_F(ServeTest, BadListenAddressExitsWithTwo) {
  for (const std::string listen :
       {"nonsense", "127.0.0.1", "127.0.0.1:0", "127.0.0.1:99999", "exemplo.gov.br:80", ":80"}) {
    Child run({"serve", "--listen", listen, "--data", dir}, dir + "/bad.log");
    EXPECT_EQ(run.wait_exit(std::chrono::seconds(10)), 2) << listen << "\n" << run.output();
    EXPECT_THAT(run.output(), HasSubstr("--listen")) << listen;
  }
}

TEST_F(ServeTest, UnknownDeskCalendarExitsWithTwo) {
  const auto port = free_loopback_port();
  Child run({"serve", "--listen", "127.0.0.1:" + std::to_string(port), "--data", dir, "--calendar",
             "br-xx"},
            dir + "/calendar.log");
  EXPECT_EQ(run.wait_exit(std::chrono::seconds(20)), 2) << run.output();
  EXPECT_THAT(run.output(), HasSubstr("--calendar"));
}

}  // namespace
}  // namespace guiche::testing

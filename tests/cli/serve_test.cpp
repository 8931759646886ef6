// `guiche serve` run as a child process and spoken to over a real socket on
// 127.0.0.1, the way a browser or a load balancer would.
#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "store/migrations/migrations.hpp"
#include "support/child_process.hpp"
#include "support/http_client.hpp"
#include "support/served_desk.hpp"
#include "support/test_database.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::Not;

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

  ASSERT_TRUE(wait_until_accepting(server, port)) << server.output();

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
  // Logged by the route that answers unknown addresses (web/unknown_pages.cpp),
  // by its template: a log line holds no address a client made up.
  EXPECT_THAT(output, HasSubstr("GET /:desconhecida(.*) 404 "));
}

// Sends `bytes` as they are and returns everything the server answers until it
// closes the connection (at most 5 s).
std::string serve_raw_exchange(unsigned short port, const std::string& bytes) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  timeval timeout{5, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string answer;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
      ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(bytes.size())) {
    char buffer[4096];
    for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;) answer.append(buffer, n);
  }
  ::close(fd);
  return answer;
}

// The server `guiche serve` runs is the strict one (tests/api/strict_http_test.cpp has the
// whole table): the HTTP/0.9 form, an unknown version and a body over what the desk accepts
// are answered, and closed, before any route.
TEST_F(ServeTest, RefusesMissingAndUnknownVersionsAndBodiesPastTheLimit) {
  const auto port = free_loopback_port();
  Child server({"serve", "--listen", "127.0.0.1:" + std::to_string(port), "--data", dir},
               dir + "/serve.log");
  ASSERT_TRUE(wait_until_accepting(server, port)) << server.output();

  const auto no_version = serve_raw_exchange(port, "GET /api/v1/health\r\n\r\n");
  EXPECT_THAT(no_version, HasSubstr("HTTP/1.1 400 Bad Request\r\n"));
  EXPECT_THAT(no_version, HasSubstr("application/problem+json"));
  EXPECT_THAT(no_version, HasSubstr("versão do protocolo"));
  const auto unknown = serve_raw_exchange(port, "GET /api/v1/health HTTP/9.9\r\n\r\n");
  EXPECT_THAT(unknown, HasSubstr("HTTP/1.1 505 HTTP Version Not Supported\r\n"));
  EXPECT_THAT(unknown, HasSubstr("Connection: close"));
  // 200 MB announced, none sent: refused from the head (the desk takes 64 MB at most).
  const auto huge = serve_raw_exchange(
      port, "POST /api/v1/tickets HTTP/1.1\r\nHost: guiche\r\nContent-Length: 200000000\r\n\r\n");
  EXPECT_THAT(huge, HasSubstr("HTTP/1.1 413 Payload Too Large\r\n"));
  EXPECT_THAT(huge, HasSubstr("excede o limite de 64 MB"));

  server.signal(SIGTERM);
  EXPECT_EQ(server.wait_exit(std::chrono::seconds(5)), 0) << server.output();
  const auto output = server.output();
  EXPECT_THAT(output, HasSubstr("GET (recusada) 400 "));
  EXPECT_THAT(output, HasSubstr("GET (recusada) 505 "));
  EXPECT_THAT(output, HasSubstr("POST (recusada) 413 "));
  EXPECT_THAT(output, Not(HasSubstr("POST /api/v1/tickets"))) << "no route ran";
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

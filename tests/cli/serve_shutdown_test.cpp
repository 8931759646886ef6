// SIGTERM while registrations are being handled: the server stops accepting,
// lets the requests in flight finish and exits 0, and every ticket it answered
// for is still there after a restart (nothing accepted is lost).
#include <gmock/gmock.h>
#include <signal.h>

#include <atomic>
#include <filesystem>
#include <mutex>
#include <regex>
#include <thread>

#include "support/child_process.hpp"
#include "support/http_client.hpp"
#include "support/served_desk.hpp"
#include "support/test_database.hpp"

namespace guiche::testing {
namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

// A signed-in browser's headers for JSON writes: session cookie and CSRF token.
Headers sign_in(unsigned short port) {
  auto headers = sign_in_over_http(port);
  if (!headers.empty()) headers.emplace_back("Content-Type", "application/json");
  return headers;
}

int in_flight_at_shutdown(const std::string& log) {
  std::smatch m;
  static const std::regex line("encerrando; (\\d+) requisições em andamento");
  return std::regex_search(log, m, line) ? std::stoi(m[1]) : -1;
}

class ServeShutdownTest : public ::testing::Test {
 protected:
  void SetUp() override { dir = make_temp_dir("guiche-shutdown-"); }
  void TearDown() override { std::filesystem::remove_all(dir); }
  std::string dir;
};

TEST_F(ServeShutdownTest, FinishesRequestsInFlightThenExitsZeroAndLosesNothing) {
  const auto port = free_loopback_port();
  const std::vector<std::string> args{"serve", "--listen", "127.0.0.1:" + std::to_string(port),
                                      "--data", dir};
  std::vector<std::string> protocols;
  std::atomic<int> answered{0}, unanswered{0}, other_status{0};
  {
    auto with_demo = args;
    with_demo.push_back("--demo");
    Child server(with_demo, dir + "/first.log");
    ASSERT_TRUE(wait_until_accepting(server, port)) << server.output();
    const Headers browser = sign_in(port);
    ASSERT_FALSE(browser.empty()) << server.output();

    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::vector<std::thread> clients;
    for (int c = 0; c < 16; ++c) {
      clients.emplace_back([&, c] {
        for (int i = 0; !stop.load(); ++i) {
          auto headers = browser;
          headers.emplace_back("Idempotency-Key",
                               "carga-" + std::to_string(c) + "-" + std::to_string(i));
          auto r = http_request(port, "POST", "/api/v1/tickets", headers,
                                R"({"service_code":"SUP-TEC","subject":"Impressora sem rede",)"
                                R"("description":"A impressora do setor parou de imprimir.",)"
                                R"("form_answers":{"tipo":"Falha técnica","retorno":"E-mail"}})");
          if (r.status == 201) {
            ++answered;
            std::lock_guard lock(mutex);
            protocols.push_back(r.json().value("protocol", ""));
          } else if (r.status == 0) {
            ++unanswered;  // refused once the acceptor closed
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
          } else {
            ++other_status;
          }
        }
      });
    }
    for (int i = 0; i < 2000 && answered.load() < 50; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    server.signal(SIGTERM);
    const int exit_code = server.wait_exit(std::chrono::seconds(20));
    stop = true;
    for (auto& t : clients) t.join();
    EXPECT_EQ(exit_code, 0) << server.output();

    const auto log = server.output();
    EXPECT_GT(in_flight_at_shutdown(log), 0) << "the signal came while requests were handled";
    // Every response the server logged as sent reached its client.
    static const std::regex sent("POST /api/v1/tickets 201");
    const auto logged =
        std::distance(std::sregex_iterator(log.begin(), log.end(), sent), std::sregex_iterator());
    EXPECT_EQ(logged, answered.load());
  }
  EXPECT_EQ(other_status.load(), 0);
  ASSERT_GE(protocols.size(), 50u);

  Child again(args, dir + "/second.log");
  ASSERT_TRUE(wait_until_accepting(again, port)) << again.output();
  const Headers browser = sign_in(port);
  for (const auto& protocol : protocols) {
    auto r = http_request(port, "GET", "/api/v1/tickets/by-protocol/" + protocol, browser);
    EXPECT_EQ(r.status, 200) << protocol;
  }
}

}  // namespace
}  // namespace guiche::testing

// Two `guiche serve` processes on one PostgreSQL database, as behind a load
// balancer: an agent's live queue open on one node hears of a request
// registered through the other (the live_changes relay), and a SQLite server
// shares nothing.
#include <gmock/gmock.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "support/child_process.hpp"
#include "support/http_client.hpp"
#include "support/served_desk.hpp"
#include "support/stream_client.hpp"
#include "support/test_database.hpp"

namespace guiche::testing {
namespace {

struct Node {
  unsigned short port = 0;
  std::unique_ptr<Child> process;
};

struct Session {
  std::string cookie;
  std::string csrf;
};

class ServeNodesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    database = std::make_unique<TestDatabase>(Engine::postgres);
    database->close();  // the servers own it from here
  }
  void TearDown() override {
    for (const auto& dir : dirs) std::filesystem::remove_all(dir);
  }
  Node start(bool demo) {
    Node n;
    n.port = free_loopback_port();
    dirs.push_back(make_temp_dir("guiche-node-"));
    std::vector<std::string> args = {
        "serve",      "--listen",     "127.0.0.1:" + std::to_string(n.port), "--data", dirs.back(),
        "--database", database->url()};
    if (demo) args.push_back("--demo");
    n.process = std::make_unique<Child>(args, dirs.back() + "/serve.log");
    if (!wait_until_accepting(*n.process, n.port)) {
      ADD_FAILURE() << "node did not start: " << n.process->output();
    }
    return n;
  }
  static Session sign_in(const Node& n, const std::string& login) {
    const auto r =
        http_request(n.port, "POST", "/api/v1/session", {{"Content-Type", "application/json"}},
                     nlohmann::json{{"login", login}, {"password", "guiche-demo"}}.dump());
    Session s;
    for (const auto& c : r.set_cookies) {
      if (c.rfind("guiche_session=", 0) == 0) s.cookie = c.substr(0, c.find(';'));
    }
    s.csrf = r.json().value("csrf_token", "");
    return s;
  }
  static std::string register_request(const Node& n, const Session& s) {
    const auto r = http_request(
        n.port, "POST", "/api/v1/tickets",
        {{"Content-Type", "application/json"}, {"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}},
        nlohmann::json{{"service_code", "SUP-EQUIP"},
                       {"subject", "Impressora sem toner"},
                       {"description", "Registrado por um nó, visto no outro."},
                       {"form_answers",
                        {{"patrimonio", "PAT-0001"},
                         {"equipamento", "Impressora"},
                         {"local", "Sede, térreo"}}}}
            .dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json().value("protocol", "");
  }

  std::unique_ptr<TestDatabase> database;
  std::vector<std::string> dirs;
};

TEST_F(ServeNodesTest, ALiveQueueOnOneNodeHearsARequestRegisteredThroughTheOther) {
  const Node a = start(/*demo=*/true);
  const Node b = start(/*demo=*/false);
  ASSERT_NE(a.port, 0);
  ASSERT_NE(b.port, 0);
  StreamClient queue(b.port, "/ao-vivo/filas", sign_in(b, "atendente").cookie);
  ASSERT_TRUE(queue.wait_for("retry:"));
  const auto protocol = register_request(a, sign_in(a, "solicitante"));
  ASSERT_FALSE(protocol.empty());
  EXPECT_TRUE(queue.wait_for("event: fila\ndata: " + protocol + "\n\n", std::chrono::seconds(10)))
      << queue.received;
}

}  // namespace
}  // namespace guiche::testing

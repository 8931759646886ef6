// `guiche serve`'s operations face: GET /metrics with the monitoring token or
// on its own address (--metrics-listen), read by Prometheus' own parser, its
// counters moving with the requests; the JSON log (--log-format json), one
// object per line with the request id; and no secret or personal datum sent
// in a request ever reaching the log.
#include <gmock/gmock.h>
#include <signal.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "support/child_process.hpp"
#include "support/http_client.hpp"
#include "support/served_desk.hpp"
#include "support/test_database.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using Headers = std::vector<std::pair<std::string, std::string>>;

const char* const kToken = "token-de-monitoramento-7f3a9c";

struct Sample {
  std::string name;
  std::map<std::string, std::string> labels;
  double value = 0;
};

// Runs tests/observability/parse_metrics.py (Debian's python3-prometheus-client).
std::vector<Sample> parse_metrics(const std::string& dir, const std::string& text) {
  const std::string in = dir + "/metrics.txt", out = dir + "/metrics.json";
  std::ofstream(in) << text;
  const std::string command = std::string("/usr/bin/python3 ") + GUICHE_SOURCE_DIR +
                              "/tests/observability/parse_metrics.py " + in + " > " + out;
  if (std::system(command.c_str()) != 0) return {};
  std::ifstream json_in(out);
  std::vector<Sample> samples;
  for (const auto& s : nlohmann::json::parse(json_in)) {
    Sample sample{s["name"], {}, s["value"]};
    for (const auto& [k, v] : s["labels"].items()) sample.labels[k] = v;
    samples.push_back(std::move(sample));
  }
  return samples;
}

double value_of(const std::vector<Sample>& samples, const std::string& name,
                const std::map<std::string, std::string>& labels = {}) {
  double total = 0;
  for (const auto& s : samples) {
    if (s.name != name) continue;
    bool match = true;
    for (const auto& [k, v] : labels) match = match && s.labels.count(k) && s.labels.at(k) == v;
    if (match) total += s.value;
  }
  return total;
}

bool has(const std::vector<Sample>& samples, const std::string& name) {
  for (const auto& s : samples)
    if (s.name == name) return true;
  return false;
}

class ServeMetricsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = make_temp_dir("guiche-metrics-");
    ::setenv("GUICHE_METRICS_TOKEN", kToken, 1);
  }
  void TearDown() override {
    ::unsetenv("GUICHE_METRICS_TOKEN");
    std::filesystem::remove_all(dir);
  }
  std::string dir;
};

TEST_F(ServeMetricsTest, MetricsForTheTokenOrTheirOwnAddressMoveWithTheWorkAndTheLogKeepsNoSecret) {
  const auto port = free_loopback_port();
  const auto metrics_port = free_loopback_port();
  ASSERT_NE(port, 0);
  Child server(
      {"serve", "--demo", "--listen", "127.0.0.1:" + std::to_string(port), "--data", dir,
       "--metrics-listen", "127.0.0.1:" + std::to_string(metrics_port), "--log-format", "json"},
      dir + "/serve.log");
  ASSERT_TRUE(wait_until_accepting(server, port)) << server.output();

  // The desk's own address asks for the token; no account opens it.
  auto refused = http_request(port, "GET", "/metrics");
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.headers["content-type"], "application/problem+json");
  EXPECT_EQ(http_request(port, "GET", "/metrics", {{"Authorization", "Bearer errado"}}).status,
            403);
  const Headers monitoring{{"Authorization", std::string("Bearer ") + kToken}};
  auto first = http_request(port, "GET", "/metrics", monitoring);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.headers["content-type"], "text/plain; version=0.0.4; charset=utf-8");
  // The metrics address answers without it, and answers nothing else.
  auto side = http_request(metrics_port, "GET", "/metrics");
  EXPECT_EQ(side.status, 200);
  EXPECT_EQ(http_request(metrics_port, "GET", "/api/v1/health").status, 404);

  const auto before = parse_metrics(dir, first.body);
  ASSERT_FALSE(before.empty()) << first.body;

  // Work: sign-ins and a password change (the demo's password is printed by
  // the demo loader on purpose; the new one is a secret), a registration
  // with personal data in it, a refused request, reads.
  auto demo_session =
      http_request(port, "POST", "/api/v1/session", {{"Content-Type", "application/json"}},
                   R"({"login":"solicitante","password":"guiche-demo"})");
  ASSERT_EQ(demo_session.status, 201) << demo_session.body;
  const std::string password = "Nova-Senha-Secreta-58xq";
  auto changed = http_request(
      port, "POST", "/api/v1/session/password",
      {{"Cookie",
        demo_session.set_cookies.front().substr(0, demo_session.set_cookies.front().find(';'))},
       {"X-CSRF-Token", demo_session.json().value("csrf_token", "")},
       {"Content-Type", "application/json"}},
      R"({"current_password":"guiche-demo","new_password":")" + password + R"("})");
  ASSERT_TRUE(changed.status == 200 || changed.status == 204) << changed.body;
  auto session =
      http_request(port, "POST", "/api/v1/session", {{"Content-Type", "application/json"}},
                   R"({"login":"solicitante","password":")" + password + R"("})");
  ASSERT_EQ(session.status, 201) << session.body;
  const auto cookie = session.set_cookies.front().substr(0, session.set_cookies.front().find(';'));
  const std::string csrf = session.json().value("csrf_token", "");
  const Headers browser{
      {"Cookie", cookie}, {"X-CSRF-Token", csrf}, {"Content-Type", "application/json"}};
  const std::string cpf = "529.982.247-25", email = "maria.privada@exemplo.gov.br";
  auto created = http_request(port, "POST", "/api/v1/tickets", browser,
                              R"({"service_code":"SUP-TEC","subject":"Impressora sem rede",)"
                              R"("description":"Sou Zuleica Pirajá, CPF )" +
                                  cpf + " e e-mail " + email +
                                  R"(.",)"
                                  R"("form_answers":{"tipo":"Falha técnica","retorno":"E-mail"}})");
  ASSERT_EQ(created.status, 201) << created.body;
  auto bad = http_request(port, "POST", "/api/v1/tickets", browser,
                          R"({"subject":")" + email + R"(", "description": 12)");
  EXPECT_TRUE(bad.status >= 400 && bad.status < 500) << bad.status;
  for (int i = 0; i < 3; ++i) EXPECT_EQ(http_request(port, "GET", "/api/v1/health").status, 200);

  auto second = http_request(metrics_port, "GET", "/metrics");
  ASSERT_EQ(second.status, 200);
  const auto after = parse_metrics(dir, second.body);
  ASSERT_FALSE(after.empty()) << second.body;

  const std::map<std::string, std::string> health{
      {"method", "GET"}, {"route", "/api/v1/health"}, {"status", "200"}};
  EXPECT_GE(value_of(after, "guiche_http_requests_total", health) -
                value_of(before, "guiche_http_requests_total", health),
            3);
  EXPECT_EQ(value_of(after, "guiche_http_requests_total",
                     {{"method", "POST"}, {"route", "/api/v1/tickets"}, {"status", "201"}}),
            1);
  EXPECT_GE(value_of(after, "guiche_http_request_duration_seconds_count",
                     {{"method", "POST"}, {"route", "/api/v1/tickets"}}),
            1);
  EXPECT_GT(value_of(after, "guiche_db_commits_total", {{"engine", "sqlite"}}),
            value_of(before, "guiche_db_commits_total", {{"engine", "sqlite"}}));
  EXPECT_GT(value_of(after, "guiche_db_commit_duration_seconds_count", {{"engine", "sqlite"}}), 0);
  // The registration's e-mail notice waits: no SMTP server is configured here.
  EXPECT_GE(
      value_of(after, "guiche_outbox_messages", {{"channel", "email"}, {"status", "pending"}}), 1);
  EXPECT_TRUE(has(after, "guiche_outbox_oldest_age_seconds"));
  EXPECT_EQ(value_of(after, "guiche_worker_stalled", {{"worker", "outbox (webhook)"}}), 0);
  EXPECT_TRUE(has(after, "guiche_worker_seconds_since_beat"));
  EXPECT_GE(value_of(after, "guiche_http_requests_in_flight"), 1);  // the scrape itself
  EXPECT_EQ(value_of(after, "guiche_sse_streams_open"), 0);
  EXPECT_GT(value_of(after, "process_resident_memory_bytes"), 1e6);
  EXPECT_GT(value_of(after, "process_open_fds"), 0);

  server.signal(SIGTERM);
  ASSERT_EQ(server.wait_exit(std::chrono::seconds(10)), 0) << server.output();
  const auto log = server.output();
  // Every log line is an object, the access lines with their request id.
  int access_lines = 0;
  bool created_logged = false;
  std::istringstream lines(log);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    const auto entry = nlohmann::json::parse(line, nullptr, false);
    ASSERT_FALSE(entry.is_discarded()) << line;
    EXPECT_TRUE(entry.contains("time") && entry.contains("level")) << line;
    if (entry.value("message", "") != "request") continue;
    ++access_lines;
    EXPECT_EQ(entry["request_id"].get<std::string>().size(), 16u) << line;
    if (entry["route"] == "/api/v1/tickets" && entry["status"] == 201) {
      created_logged = true;
      EXPECT_EQ(entry["request_id"], created.headers["x-request-id"]);
      EXPECT_TRUE(entry.contains("person_id"));
    }
  }
  EXPECT_GE(access_lines, 10);
  EXPECT_TRUE(created_logged) << log;
  EXPECT_THAT(log, HasSubstr(R"("message":"encerrando; )"));
  for (const std::string& secret :
       {password, std::string(kToken), cookie.substr(cookie.find('=') + 1), csrf, cpf, email,
        std::string("Zuleica")}) {
    EXPECT_THAT(log, Not(HasSubstr(secret))) << "o log contém " << secret;
  }
}

}  // namespace
}  // namespace guiche::testing

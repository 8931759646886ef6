// SIGKILL while 64 connections register requests, round after round, on both
// engines (issue 17, item 2): nothing answered 201 is lost, a retry with the
// same Idempotency-Key never makes a second ticket, the year's protocol
// numbers stay gap-free, and the data passes `guiche check` (integrity, files,
// tickets rebuilt from their events) at the end. And the outbox: with the
// e-mail worker sending to a real SMTP server through the kills, no message
// arrives twice.
#include <date/date.h>
#include <gmock/gmock.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "domain/protocol_number.hpp"
#include "support/child_process.hpp"
#include "support/http_client.hpp"
#include "support/served_desk.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_database.hpp"

namespace guiche::testing {
namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

constexpr int kRounds = 20;
constexpr int kClients = 64;
// Each round is killed once this many registrations were answered.
constexpr int kAnsweredBeforeKill = 40;

const char* const kRequestBody = R"({"service_code":"SUP-TEC","subject":"Impressora sem rede",)"
                                 R"("description":"A impressora do setor parou de imprimir.",)"
                                 R"("form_answers":{"tipo":"Falha técnica","retorno":"E-mail"}})";

struct Registration {
  std::string key;  // empty: sent without Idempotency-Key
  int status = 0;   // 0: no answer (the server died first)
  std::string protocol;
};

HttpResult register_once(unsigned short port, const Headers& browser, const std::string& key) {
  Headers headers = browser;
  if (!key.empty()) headers.emplace_back("Idempotency-Key", key);
  return http_request(port, "POST", "/api/v1/tickets", headers, kRequestBody);
}

class ServeCrashTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    database = std::make_unique<TestDatabase>(GetParam());
    database->close();  // the servers own it from here
    port = free_loopback_port();
  }

  std::vector<std::string> serve_args(bool demo, const SmtpSink* smtp = nullptr) const {
    std::vector<std::string> args{"serve", "--listen", "127.0.0.1:" + std::to_string(port),
                                  "--data", database->data_dir()};
    if (smtp) {
      for (const auto& a :
           {std::string("--smtp-host"), std::string("127.0.0.1"), std::string("--smtp-port"),
            std::to_string(smtp->port), std::string("--smtp-starttls"), std::string("none")}) {
        args.push_back(a);
      }
    }
    if (!database->url().empty()) {
      args.push_back("--database");
      args.push_back(database->url());
    }
    if (demo) args.push_back("--demo");
    return args;
  }

  // A signed-in browser's headers for JSON writes.
  Headers browser() const {
    auto headers = sign_in_over_http(port);
    if (!headers.empty()) headers.emplace_back("Content-Type", "application/json");
    return headers;
  }

  // 64 clients register until kAnsweredBeforeKill were answered; then the
  // server gets SIGKILL in the middle of whatever it was doing.
  std::vector<Registration> load_and_kill(Child& server, int round) {
    const Headers headers = browser();
    EXPECT_FALSE(headers.empty()) << server.output();
    std::mutex mutex;
    std::vector<Registration> sent;
    std::atomic<int> answered{0};
    std::atomic<bool> killed{false};
    std::vector<std::thread> clients;
    for (int c = 0; c < kClients; ++c) {
      clients.emplace_back([&, c] {
        for (int i = 0; !killed.load(); ++i) {
          Registration r;
          // Half the clients send a key, as a retrying integration would.
          if (c % 2 == 0) {
            r.key = "queda-" + std::to_string(round) + "-" + std::to_string(c) + "-" +
                    std::to_string(i);
          }
          const auto response = register_once(port, headers, r.key);
          r.status = response.status;
          if (r.status == 201) {
            r.protocol = response.json().value("protocol", "");
            ++answered;
          }
          std::lock_guard lock(mutex);
          sent.push_back(std::move(r));
          if (response.status == 0) return;  // the server is gone
        }
      });
    }
    for (int i = 0; i < 4000 && answered.load() < kAnsweredBeforeKill; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    server.signal(SIGKILL);
    server.wait_exit(std::chrono::seconds(10));
    killed = true;
    for (auto& t : clients) t.join();
    return sent;
  }

  std::unique_ptr<TestDatabase> database;
  unsigned short port = 0;
};

TEST_P(ServeCrashTest, NothingAnsweredIsLostAndARetriedKeyNeverMakesASecondTicket) {
  {
    Child first(serve_args(true), database->data_dir() + "/demo.log");
    ASSERT_TRUE(wait_until_accepting(first, port)) << first.output();
    first.signal(SIGTERM);
    ASSERT_EQ(first.wait_exit(std::chrono::seconds(30)), 0) << first.output();
  }
  std::vector<Registration> all;
  int killed_with_requests_unanswered = 0;
  for (int round = 0; round < kRounds; ++round) {
    Child server(serve_args(false), database->data_dir() + "/round.log");
    ASSERT_TRUE(wait_until_accepting(server, port)) << server.output();
    auto sent = load_and_kill(server, round);
    if (std::any_of(sent.begin(), sent.end(), [](const auto& r) { return r.status == 0; })) {
      ++killed_with_requests_unanswered;
    }
    for (const auto& r : sent) {
      EXPECT_TRUE(r.status == 201 || r.status == 0) << "status " << r.status;
    }
    all.insert(all.end(), sent.begin(), sent.end());
  }
  EXPECT_GT(killed_with_requests_unanswered, kRounds / 2) << "the kills came mid-load";

  Child server(serve_args(false), database->data_dir() + "/after.log");
  ASSERT_TRUE(wait_until_accepting(server, port)) << server.output();
  const Headers headers = browser();
  ASSERT_FALSE(headers.empty());
  // Every ticket answered for is there, under the protocol it was given.
  std::set<std::string> answered;
  for (const auto& r : all) {
    if (r.status != 201) continue;
    EXPECT_TRUE(answered.insert(r.protocol).second) << "protocol given twice: " << r.protocol;
    const auto found =
        http_request(port, "GET", "/api/v1/tickets/by-protocol/" + r.protocol, headers);
    EXPECT_EQ(found.status, 200) << r.protocol;
  }
  // A retry with a key answered before the kill gets that same ticket; one
  // the kill left unanswered makes its ticket at most once, however often sent.
  int retried = 0;
  for (const auto& r : all) {
    if (r.key.empty()) continue;
    const auto again = register_once(port, headers, r.key);
    ASSERT_TRUE(again.status == 200 || again.status == 201) << again.status << " " << again.body;
    const auto protocol = again.json().value("protocol", "");
    if (r.status == 201) {
      EXPECT_EQ(protocol, r.protocol) << r.key;
    } else {
      const auto third = register_once(port, headers, r.key);
      EXPECT_EQ(third.json().value("protocol", ""), protocol) << r.key;
      EXPECT_EQ(answered.count(protocol), 0u) << "a key's ticket under another's protocol";
    }
    ++retried;
  }
  EXPECT_GT(retried, 0);
  server.signal(SIGTERM);
  ASSERT_EQ(server.wait_exit(std::chrono::seconds(30)), 0) << server.output();

  // The year's protocol numbers, demo history included, run 1..N without a gap.
  database->reopen();
  std::map<int, std::vector<long>> sequences;
  database->db().read([&](store::Connection& c) {
    for (const auto& row : c.query("SELECT protocol FROM tickets")) {
      const auto p = parse_protocol(row.text(0));
      ASSERT_TRUE(p.has_value()) << row.text(0);
      sequences[p->year].push_back(p->sequence);
    }
  });
  for (auto& [year, numbers] : sequences) {
    std::sort(numbers.begin(), numbers.end());
    for (std::size_t i = 0; i < numbers.size(); ++i) {
      ASSERT_EQ(numbers[i], static_cast<long>(i + 1)) << "year " << year << ": a gap or a repeat";
    }
  }
  database->close();

  // SQLite's integrity_check, every attachment's file and hash, and the
  // tickets rebuilt from their events (operations/data_check).
  std::vector<std::string> check{"check", "--data", database->data_dir()};
  if (!database->url().empty()) {
    check.push_back("--database");
    check.push_back(database->url());
  }
  Child checker(check, database->data_dir() + "/check.log");
  EXPECT_EQ(checker.wait_exit(std::chrono::seconds(120)), 0) << checker.output();
}

// The outbox across the same kills: the e-mail worker sends each
// registration's receipt to the SMTP sink while the server dies under it.
TEST_P(ServeCrashTest, NoMessageOfTheOutboxArrivesTwiceAcrossTheKills) {
  const SmtpSink sink = shared_sink();
  {
    Child first(serve_args(true, &sink), database->data_dir() + "/demo.log");
    ASSERT_TRUE(wait_until_accepting(first, port)) << first.output();
    first.signal(SIGTERM);
    ASSERT_EQ(first.wait_exit(std::chrono::seconds(30)), 0) << first.output();
  }
  for (int round = 0; round < kRounds / 2; ++round) {
    Child server(serve_args(false, &sink), database->data_dir() + "/round.log");
    ASSERT_TRUE(wait_until_accepting(server, port)) << server.output();
    load_and_kill(server, round);
  }
  // A last run sends whatever is left: the untried at once, the cut-off
  // ones never (still `sending` until their 5-minute lease ends, then in
  // doubt for an admin: tests/transports/outbox_in_doubt_test.cpp).
  {
    Child server(serve_args(false, &sink), database->data_dir() + "/after.log");
    ASSERT_TRUE(wait_until_accepting(server, port)) << server.output();
    const auto admin = sign_in_over_http(port, "admin");
    ASSERT_FALSE(admin.empty());
    // Due now: the demo also schedules messages for later.
    auto waiting = [&] {
      const auto r = http_request(port, "GET", "/api/v1/outbox?limit=200&status=pending", admin);
      const std::string now = date::format(
          "%FT%TZ", std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
      std::size_t due = 0;
      for (const auto& m : r.json().value("items", nlohmann::json::array())) {
        due += m.value("next_attempt_at", "") <= now ? 1 : 0;
      }
      return due;
    };
    for (int i = 0; i < 600 && waiting() > 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ASSERT_EQ(waiting(), 0u)
        << "the outbox did not drain: "
        << http_request(port, "GET", "/api/v1/outbox?status=pending", admin).body;
    server.signal(SIGTERM);
    ASSERT_EQ(server.wait_exit(std::chrono::seconds(30)), 0) << server.output();
  }
  database->reopen();
  std::vector<std::pair<std::string, std::string>> rows;  // message_id, status
  database->db().read([&](store::Connection& c) {
    for (const auto& r : c.query("SELECT message_id, status FROM outbox WHERE channel = 'email'")) {
      rows.emplace_back(r.text(0), r.text(1));
    }
  });
  database->close();
  const auto received = received_message_ids(sink.maildir);
  int sent = 0, cut_off = 0;
  for (const auto& [message_id, status] : rows) {
    const auto it = received.find(message_id);
    const int copies = it == received.end() ? 0 : it->second;
    EXPECT_LE(copies, 1) << message_id << " arrived " << copies << " times";
    if (status == "sent") {
      ++sent;
      EXPECT_EQ(copies, 1) << message_id << " marked sent";
    } else if (status == "pending") {
      EXPECT_EQ(copies, 0) << message_id << " pending";  // scheduled later by the demo
    } else {
      EXPECT_TRUE(status == "sending" || status == "in_doubt") << message_id << " " << status;
      ++cut_off;
    }
  }
  EXPECT_GT(sent, kRounds / 2 * kAnsweredBeforeKill / 2);
  // At most the one message the e-mail worker had out at each kill.
  EXPECT_LE(cut_off, kRounds / 2);
  std::printf("outbox after %d kills: %d e-mails sent once each, %d cut off mid-send\n",
              kRounds / 2, sent, cut_off);
}

INSTANTIATE_TEST_SUITE_P(BothEngines, ServeCrashTest,
                         ::testing::Values(Engine::sqlite, Engine::postgres), engine_name);

}  // namespace
}  // namespace guiche::testing

// Killing the process (SIGKILL) in the middle of a stream of registrations
// loses none that were acknowledged and leaves the database consistent.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <set>
#include <thread>

#include "app/accounts/accounts.hpp"
#include "app/intake/intake.hpp"
#include "domain/protocol_number.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

class CrashDurabilityTest : public DeskTest {};

// In the child: register from several threads, and report each protocol on
// the pipe only after register_request returned (the acknowledgement).
[[noreturn]] void register_forever(const std::string& data_dir, std::int64_t requester_id,
                                   int report_fd) {
  auto db = store::open_database("", data_dir);
  SystemClock clock;
  app::Desk desk(*db, clock, app::DeskConfig{data_dir});
  const app::Actor actor = desk.accounts().actor(requester_id);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0;; ++i) {
        app::RegisterRequest r;
        r.requester_id = requester_id;
        r.service_code = "SIS-ACESSO";
        r.subject = "Fluxo " + std::to_string(t) + "/" + std::to_string(i);
        r.description = "Registro durante o teste de queda.";
        r.form_answers = {{"sistema", "SIGEFES"}, {"matricula", "42"}};
        const std::string line = desk.intake().register_request(actor, r).protocol + "\n";
        if (::write(report_fd, line.data(), line.size()) < 0) _exit(1);
      }
    });
  }
  for (auto& th : threads) th.join();
  _exit(0);
}

TEST_P(CrashDurabilityTest, AcknowledgedRegistrationsSurviveSigkill) {
  const std::string data_dir = database->data_dir();
  const std::int64_t requester_id = w.requester_seger.id;
  desk.reset();
  database->close();  // no thread or handle may cross the fork

  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::close(fds[0]);
    register_forever(data_dir, requester_id, fds[1]);
  }
  ::close(fds[1]);
  // Read acknowledgements for a while, then kill without warning.
  std::set<std::string> acknowledged;
  std::string pending;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  char buffer[4096];
  while (acknowledged.size() < 300 && std::chrono::steady_clock::now() < deadline) {
    ssize_t n = ::read(fds[0], buffer, sizeof buffer);
    if (n <= 0) break;
    pending.append(buffer, static_cast<std::size_t>(n));
    for (auto nl = pending.find('\n'); nl != std::string::npos; nl = pending.find('\n')) {
      acknowledged.insert(pending.substr(0, nl));
      pending.erase(0, nl + 1);
    }
  }
  ASSERT_EQ(::kill(child, SIGKILL), 0);
  int status = 0;
  ::waitpid(child, &status, 0);
  ::close(fds[0]);
  ASSERT_TRUE(WIFSIGNALED(status));
  ASSERT_GE(acknowledged.size(), 50u) << "the child registered too few before the kill";

  database->reopen();
  std::set<std::string> stored;
  std::int64_t tickets = 0, created_events = 0;
  std::string integrity;
  database->db().read([&](store::Connection& c) {
    integrity = c.query_one("PRAGMA integrity_check")->text(0);
    for (const auto& r : c.query("SELECT protocol FROM tickets")) stored.insert(r.text(0));
    tickets = c.query_one("SELECT count(*) FROM tickets")->integer(0);
    created_events =
        c.query_one("SELECT count(*) FROM ticket_events WHERE kind = 'created'")->integer(0);
  });
  EXPECT_EQ(integrity, "ok");
  for (const auto& p : acknowledged) EXPECT_TRUE(stored.count(p)) << "lost " << p;
  EXPECT_EQ(created_events, tickets);  // every row has its history
  // Committed numbers have no gaps: 1..N all present.
  for (std::int64_t n = 1; n <= tickets; ++n) {
    EXPECT_TRUE(stored.count(format_protocol(2026, n)) || stored.count(format_protocol(2027, n)))
        << "gap at " << n;
  }
  // And the desk goes on numbering after the last committed one.
  desk = std::make_unique<app::Desk>(database->db(), clock, app::DeskConfig{data_dir});
  EXPECT_EQ(register_sis(w.requester_seger).protocol, format_protocol(2026, tickets + 1));
}

INSTANTIATE_TEST_SUITE_P(Engines, CrashDurabilityTest, ::testing::Values(Engine::sqlite),
                         engine_name);

}  // namespace
}  // namespace guiche::testing

// Protocol numbers: per year, no gaps, no duplicates under concurrency.
#include <set>
#include <thread>

#include "app/desk.hpp"
#include "app/intake/intake.hpp"
#include "domain/error.hpp"
#include "domain/protocol_number.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

class ProtocolNumberTest : public DeskTest {};

// The i-th of many requests registered at once.
app::RegisterRequest concurrent_request(const Person& requester, int i) {
  app::RegisterRequest r;
  r.requester_id = requester.id;
  r.service_code = "SIS-ACESSO";
  r.subject = "Pedido concorrente " + std::to_string(i);
  r.description = "Registrado ao mesmo tempo que outros.";
  r.form_answers = {{"sistema", "E-Docs"}, {"matricula", std::to_string(1000 + i)}};
  return r;
}

TEST_P(ProtocolNumberTest, SixtyFourConcurrentRegistrationsGetDistinctGaplessNumbers) {
  constexpr int kRequests = 64;
  std::vector<std::string> protocols(kRequests);
  std::vector<std::thread> threads;
  const auto requester = as(w.requester_seger);
  for (int i = 0; i < kRequests; ++i) {
    threads.emplace_back([&, i] {
      const auto r = concurrent_request(w.requester_seger, i);
      protocols[i] = desk->intake().register_request(requester, r).protocol;
    });
  }
  for (auto& t : threads) t.join();
  std::set<std::string> distinct(protocols.begin(), protocols.end());
  ASSERT_EQ(distinct.size(), static_cast<std::size_t>(kRequests));
  for (int n = 1; n <= kRequests; ++n) {
    EXPECT_TRUE(distinct.count(format_protocol(2026, n))) << "missing " << n;
  }
  EXPECT_EQ(count("tickets"), kRequests);
  EXPECT_EQ(count("ticket_events"), kRequests);
}

TEST_P(ProtocolNumberTest, AFailedRegistrationLeavesNoGap) {
  register_sis(w.requester_seger);
  app::RegisterRequest bad;
  bad.requester_id = w.requester_seger.id;
  bad.service_code = "SIS-ACESSO";
  bad.subject = "Sem matrícula";
  bad.description = "Falta o campo obrigatório.";
  bad.form_answers = {{"sistema", "SIGEFES"}};
  EXPECT_THROW(desk->intake().register_request(as(w.requester_seger), bad), DomainError);
  EXPECT_EQ(register_sis(w.requester_seger).protocol, "2026-000002");
}

TEST_P(ProtocolNumberTest, SequenceRestartsEachYearInTheDesksTimeZone) {
  EXPECT_EQ(register_sis(w.requester_seger).protocol, "2026-000001");
  // 2027-01-01 02:00Z is still 31 December in Vitória (UTC-3).
  clock.set(*parse_instant("2027-01-01T02:00:00Z"));
  EXPECT_EQ(register_sis(w.requester_seger).protocol, "2026-000002");
  clock.set(*parse_instant("2027-01-01T03:00:00Z"));
  EXPECT_EQ(register_sis(w.requester_seger).protocol, "2027-000001");
}

GUICHE_ON_BOTH_ENGINES(ProtocolNumberTest);

// Several nodes share only a PostgreSQL database. Each node groups its own
// concurrent registrations into one transaction (store/postgres/write_groups.hpp);
// the two nodes' groups still take the counter one after the other.
class TwoNodeProtocolTest : public DeskTest {};

TEST_P(TwoNodeProtocolTest, SixtyFourClientsOnEachOfTwoNodesGetDistinctGaplessNumbers) {
  auto second_database = store::open_postgres(database->url());
  app::Desk second_node(*second_database, clock, desk_config());
  constexpr int kPerNode = 64;
  std::vector<std::string> protocols(2 * kPerNode);
  std::vector<std::thread> threads;
  const auto requester = as(w.requester_seger);
  for (int i = 0; i < 2 * kPerNode; ++i) {
    threads.emplace_back([&, i] {
      app::Desk& node = i % 2 == 0 ? *desk : second_node;
      const auto r = concurrent_request(w.requester_seger, i);
      protocols[i] = node.intake().register_request(requester, r).protocol;
    });
  }
  for (auto& t : threads) t.join();
  std::set<std::string> distinct(protocols.begin(), protocols.end());
  ASSERT_EQ(distinct.size(), static_cast<std::size_t>(2 * kPerNode));
  for (int n = 1; n <= 2 * kPerNode; ++n) {
    EXPECT_TRUE(distinct.count(format_protocol(2026, n))) << "missing " << n;
  }
  EXPECT_EQ(count("tickets"), 2 * kPerNode);
}

INSTANTIATE_TEST_SUITE_P(Postgres, TwoNodeProtocolTest,
                         ::testing::Values(::guiche::testing::Engine::postgres),
                         ::guiche::testing::engine_name);

TEST(ProtocolNumber, FormatsAndParsesEveryWayARequesterQuotesIt) {
  EXPECT_EQ(format_protocol(2026, 123), "2026-000123");
  for (const char* text : {"2026-000123", "[SA 2026-000123]", "SA 2026-123", " 2026-000123 "}) {
    auto p = parse_protocol(text);
    ASSERT_TRUE(p) << text;
    EXPECT_EQ(p->year, 2026);
    EXPECT_EQ(p->sequence, 123);
  }
  for (const char* text :
       {"", "2026", "2026-", "26-000001", "2026-0000001", "2026-000000", "abc"}) {
    EXPECT_FALSE(parse_protocol(text)) << text;
  }
}

}  // namespace
}  // namespace guiche::testing

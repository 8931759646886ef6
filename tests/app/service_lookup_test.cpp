// Finding the service a typed or quoted code names reads the catalog only,
// never the tickets (app/directory/service_lookup.hpp,
// app/mail_intake/mail_service.hpp), on both engines: every statement run is
// recorded and checked, with a catalog of 300 services and tickets in place.
#include <gmock/gmock.h>

#include <chrono>
#include <iostream>

#include "app/directory/directory.hpp"
#include "app/directory/service_lookup.hpp"
#include "app/mail_intake/mail_service.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

// Runs every statement on the real connection and keeps its text.
class RecordingConnection : public store::Connection {
 public:
  explicit RecordingConnection(store::Connection& inner) : inner_(inner) {}
  store::Dialect dialect() const override { return inner_.dialect(); }
  std::vector<store::Row> query(std::string_view sql,
                                const std::vector<store::Value>& params) override {
    statements.emplace_back(sql);
    return inner_.query(sql, params);
  }
  void execute_script(std::string_view sql) override {
    statements.emplace_back(sql);
    inner_.execute_script(sql);
  }
  std::vector<std::string> statements;

 private:
  store::Connection& inner_;
};

class ServiceLookupTest : public DeskTest {
 protected:
  void SetUp() override {
    DeskTest::SetUp();
    for (int i = 0; i < 296; ++i) {
      Service s;
      s.code = "CAT-" + std::to_string(1000 + i);
      s.name = "Serviço " + s.code;
      s.audience = Audience::anyone;
      desk->directory().create_service(as(w.admin), s);
    }
    for (int i = 0; i < 20; ++i) register_sis(w.requester_seger);
  }
  // Every statement the lookup ran reads the services table and no other.
  void expect_catalog_only(const std::vector<std::string>& statements) {
    ASSERT_FALSE(statements.empty());
    for (const auto& sql : statements) {
      EXPECT_THAT(sql, ::testing::HasSubstr("FROM services")) << sql;
      EXPECT_THAT(sql, ::testing::Not(::testing::HasSubstr("ticket"))) << sql;
    }
  }
};

TEST_P(ServiceLookupTest, ATypedCodeReadsTheCatalogOnly) {
  database->db().read([&](store::Connection& c) {
    RecordingConnection recorded(c);
    auto found = app::find_service_by_typed_code(recorded, "cat 1295");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->code, "CAT-1295");
    expect_catalog_only(recorded.statements);
    EXPECT_EQ(recorded.statements.size(), 3u);  // exact, the codes, the one found

    recorded.statements.clear();
    EXPECT_FALSE(app::find_service_by_typed_code(recorded, "CAT-9999"));
    expect_catalog_only(recorded.statements);
  });
}

TEST_P(ServiceLookupTest, AQuotedCodeReadsTheCatalogOnlyAndIsQuick) {
  mail::InboundMessage m;
  m.subject = "[SUP-TEC] impressora";
  m.text = "Bom dia,\nCódigo do serviço: cat-1150\nA impressora não imprime.";
  database->db().read([&](store::Connection& c) {
    RecordingConnection recorded(c);
    const auto chosen = app::mail_service(recorded, m, "SUP-TEC");
    EXPECT_EQ(chosen.code, "CAT-1150");
    expect_catalog_only(recorded.statements);
    EXPECT_EQ(recorded.statements.size(), 1u);

    // 300 services: the whole choice, the read included; a loose bound (machines vary).
    constexpr int kRounds = 200;
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < kRounds; ++i) app::mail_service(c, m, "SUP-TEC");
    const auto each = std::chrono::duration_cast<std::chrono::microseconds>(
                          std::chrono::steady_clock::now() - start) /
                      kRounds;
    RecordProperty("microseconds_per_choice", static_cast<int>(each.count()));
    std::cout << "[ figure   ] choosing the service of an e-mail among 300: " << each.count()
              << " µs\n";
    EXPECT_LT(each.count(), 20000);
  });
}

GUICHE_ON_BOTH_ENGINES(ServiceLookupTest);

}  // namespace
}  // namespace guiche::testing

// The personal-data access log (LGPD art. 37; app/privacy/access_log.hpp),
// on both engines: entries buffered and written in batches, at a flush and
// when the log stops; one's own reads left out; queries by subject, reader
// and period, newest first with keyset pages; only admins and the
// encarregado de dados read it; retention deletes old entries only.
#include <gmock/gmock.h>

#include <thread>

#include "app/directory/directory.hpp"
#include "app/housekeeping.hpp"
#include "app/privacy/access_log.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "domain/error.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

class AccessLogTest : public DeskTest {
 protected:
  app::DeskConfig desk_config() override {
    auto config = DeskTest::desk_config();
    // Flushes happen when a test asks, not behind its back.
    config.access_log.flush_interval = std::chrono::hours(1);
    return config;
  }
  app::ReadOrigin web_origin() { return {app::ReadFace::web, "10.0.0.7"}; }
  std::vector<store::AccessRecord> all_entries() {
    store::AccessQuery q;
    q.limit = 200;
    return desk->access_log().query(as(w.admin), q).entries;
  }
};

TEST_P(AccessLogTest, ReadsAreBufferedThenWrittenInOneFlushWithWhoWhoseAndWhat) {
  auto& log = desk->access_log();
  const auto token = desk->accounts().create_api_token(as(w.admin), w.attendant.id, "integração");
  app::Actor by_token = as(w.attendant, Channel::api);
  by_token.api_token_id = token.id;
  log.record(as(w.attendant), web_origin(), w.requester_seger.id, "ticket", 123);
  log.record(by_token, {app::ReadFace::api, "192.0.2.9"}, w.requester_sesa.id, "attachment", 9);
  EXPECT_EQ(count("access_log"), 0);  // nothing written on the read path
  EXPECT_EQ(log.buffered(), 2u);
  EXPECT_EQ(log.flush(), 2u);
  EXPECT_EQ(count("access_log"), 2);
  const auto entries = all_entries();
  ASSERT_EQ(entries.size(), 2u);
  const auto& api = entries[0].object_kind == "attachment" ? entries[0] : entries[1];
  const auto& web = entries[0].object_kind == "ticket" ? entries[0] : entries[1];
  EXPECT_EQ(web.reader_person_id, w.attendant.id);
  EXPECT_EQ(web.reader_name, w.attendant.name);
  EXPECT_EQ(web.reader_token_id, std::nullopt);
  EXPECT_EQ(web.reader_address, "10.0.0.7");
  EXPECT_EQ(web.channel, "web");
  EXPECT_EQ(web.subject_person_id, w.requester_seger.id);
  EXPECT_EQ(web.subject_name, w.requester_seger.name);
  EXPECT_EQ(web.object_id, 123);
  EXPECT_EQ(web.at, clock.now());
  EXPECT_EQ(api.reader_token_id, token.id);
  EXPECT_EQ(api.channel, "api");
  EXPECT_EQ(api.reader_address, "192.0.2.9");
  EXPECT_EQ(api.subject_person_id, w.requester_sesa.id);
}

TEST_P(AccessLogTest, OnesOwnDataIsNotRecordedButAColleaguesIs) {
  auto& log = desk->access_log();
  log.record(as(w.requester_seger), web_origin(), w.requester_seger.id, "ticket", 1);
  log.record_people(as(w.requester_seger), web_origin(), {w.requester_seger.id}, "people_search");
  EXPECT_EQ(log.buffered(), 0u);
  log.record(as(w.manager_seger), web_origin(), w.requester_seger.id, "ticket", 1);
  log.record_people(as(w.attendant), web_origin(),
                    {w.requester_seger.id, w.attendant.id, w.requester_sesa.id}, "people_search");
  EXPECT_EQ(log.buffered(), 3u);  // the manager's read, and two of the three people listed
}

TEST_P(AccessLogTest, BufferedEntriesAreWrittenWhenTheLogStops) {
  {
    // A log of its own over the same database, as a server's at its clean stop.
    app::AccessLog log(database->db(), clock, {std::chrono::hours(1), 1000, 200000, true});
    log.record(as(w.attendant), web_origin(), w.requester_seger.id, "ticket", 5);
    log.record(as(w.analyst_sis), web_origin(), w.requester_seger.id, "person", 5);
    EXPECT_EQ(count("access_log"), 0);
  }
  EXPECT_EQ(count("access_log"), 2);
}

TEST_P(AccessLogTest, TheFlusherWritesOnItsOwnWithinTheInterval) {
  app::AccessLog log(database->db(), clock, {std::chrono::milliseconds(20), 1000, 200000, true});
  log.record(as(w.attendant), web_origin(), w.requester_seger.id, "ticket", 5);
  for (int i = 0; i < 250 && count("access_log") == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(count("access_log"), 1);
}

TEST_P(AccessLogTest, AFullBufferWakesTheFlusherBeforeTheInterval) {
  app::AccessLog log(database->db(), clock, {std::chrono::hours(1), 3, 200000, true});
  for (int i = 0; i < 3; ++i)
    log.record(as(w.attendant), web_origin(), w.requester_seger.id, "ticket", i);
  for (int i = 0; i < 250 && count("access_log") < 3; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(count("access_log"), 3);
}

TEST_P(AccessLogTest, QueriesFilterBySubjectReaderAndPeriodNewestFirstInKeysetPages) {
  auto& log = desk->access_log();
  const Instant start = clock.now();
  // 7 reads of Maria's data by the attendant, one a minute; 2 of SESA's by the analyst.
  for (int i = 0; i < 7; ++i) {
    log.record(as(w.attendant), web_origin(), w.requester_seger.id, "ticket", 100 + i);
    clock.advance(std::chrono::minutes(1));
  }
  log.record(as(w.analyst_sis), web_origin(), w.requester_sesa.id, "ticket", 200);
  log.record(as(w.analyst_sis), web_origin(), w.requester_seger.id, "ticket", 201);
  log.flush();

  store::AccessQuery q;
  q.subject_person_id = w.requester_seger.id;
  q.limit = 3;
  std::vector<std::int64_t> seen;
  std::string after;
  int pages = 0;
  do {
    if (!after.empty()) q.after = app::parse_access_cursor(after);
    const auto page = log.query(as(w.admin), q);
    for (const auto& e : page.entries) {
      EXPECT_EQ(e.subject_person_id, w.requester_seger.id);
      seen.push_back(e.object_id);
    }
    after = page.next_after;
    ++pages;
  } while (!after.empty() && pages < 10);
  EXPECT_EQ(pages, 3);
  EXPECT_THAT(seen, ::testing::ElementsAre(201, 106, 105, 104, 103, 102, 101, 100));

  store::AccessQuery by_reader;
  by_reader.reader_person_id = w.analyst_sis.id;
  const auto analyst = log.query(as(w.admin), by_reader).entries;
  ASSERT_EQ(analyst.size(), 2u);
  EXPECT_EQ(analyst[0].reader_person_id, w.analyst_sis.id);

  store::AccessQuery period;
  period.since = start + std::chrono::minutes(2);
  period.until = start + std::chrono::minutes(5);
  period.reader_person_id = w.attendant.id;
  std::vector<std::int64_t> in_period;
  for (const auto& e : log.query(as(w.admin), period).entries) in_period.push_back(e.object_id);
  EXPECT_THAT(in_period, ::testing::ElementsAre(104, 103, 102));
}

TEST_P(AccessLogTest, OnlyAdminsAndTheEncarregadoReadTheLog) {
  const Person dpo = create_data_protection_officer();
  store::AccessQuery q;
  EXPECT_NO_THROW(desk->access_log().query(as(dpo), q));
  EXPECT_NO_THROW(desk->access_log().query(as(w.admin), q));
  for (const auto& p : {w.attendant, w.analyst_sis, w.manager_gesin, w.requester_seger,
                        w.manager_seger, w.relations_agent}) {
    try {
      desk->access_log().query(as(p), q);
      ADD_FAILURE() << p.name << " read the access log";
    } catch (const DomainError& e) {
      EXPECT_EQ(e.kind(), DomainError::Kind::forbidden) << p.name;
    }
  }
}

TEST_P(AccessLogTest, TheEncarregadoHasNoTicketAccessOfItsOwn) {
  const Person dpo = create_data_protection_officer();
  const Ticket t = register_sis(w.requester_seger);
  try {
    desk->tickets().ticket(as(dpo), t.id);
    ADD_FAILURE() << "the encarregado read a ticket";
  } catch (const DomainError& e) {
    EXPECT_EQ(e.kind(), DomainError::Kind::not_found);
  }
  EXPECT_EQ(role_code(Role::data_protection_officer), "data_protection_officer");
  EXPECT_EQ(parse_role("data_protection_officer"), Role::data_protection_officer);
  EXPECT_FALSE(role_is_unit_scoped(Role::data_protection_officer));
}

TEST_P(AccessLogTest, RetentionDeletesOnlyEntriesOlderThanThePeriodInBatches) {
  auto& log = desk->access_log();
  for (int i = 0; i < 5; ++i)
    log.record(as(w.attendant), web_origin(), w.requester_seger.id, "ticket", i);
  log.flush();
  clock.advance(std::chrono::days(30));
  log.record(as(w.attendant), web_origin(), w.requester_seger.id, "ticket", 99);
  log.flush();
  clock.advance(std::chrono::days(1));
  // Batches of 2: three of them take the five old entries, the recent one stays.
  EXPECT_EQ(log.delete_expired(std::chrono::days(30), 2, 2), 4);
  EXPECT_EQ(count("access_log"), 2);
  EXPECT_EQ(log.delete_expired(std::chrono::days(30), 2, 20), 1);
  const auto left = all_entries();
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].object_id, 99);
  EXPECT_EQ(log.delete_expired(std::chrono::days(30)), 0);
}

TEST_P(AccessLogTest, HousekeepingAppliesTheConfiguredRetention) {
  auto& log = desk->access_log();
  log.record(as(w.attendant), web_origin(), w.requester_seger.id, "ticket", 1);
  log.flush();
  clock.advance(std::chrono::days(1826));
  log.record(as(w.attendant), web_origin(), w.requester_seger.id, "ticket", 2);
  log.flush();
  {
    app::Housekeeping housekeeping(*desk, std::chrono::milliseconds(20));
    for (int i = 0; i < 250 && count("access_log") != 1; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  EXPECT_EQ(count("access_log"), 1);
}

TEST_P(AccessLogTest, AMalformedCursorIsRefused) {
  EXPECT_EQ(app::parse_access_cursor("abc"), std::nullopt);
  EXPECT_EQ(app::parse_access_cursor("12."), std::nullopt);
  EXPECT_EQ(app::parse_access_cursor(".5"), std::nullopt);
  EXPECT_EQ(app::parse_access_cursor("12.5x"), std::nullopt);
  const auto ok = app::parse_access_cursor("1772452800000.42");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->second, 42);
}

GUICHE_ON_BOTH_ENGINES(AccessLogTest);

}  // namespace
}  // namespace guiche::testing

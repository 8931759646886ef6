// A word common enough that search walks the queue's own order in chunks and
// asks the full-text index which rows of each match (SQLite; PostgreSQL probes
// each row: store/ticket_search_filter.cpp, store/ticket_queries.cpp) finds the
// same tickets, in the same order and pages, as one that reads every match:
// newest first, accent- and case-insensitive, every word required, together
// with the other filters.
#include <gmock/gmock.h>

#include <algorithm>

#include "app/tickets/ticket_reads.hpp"
#include "app/tickets/ticket_work.hpp"
#include "store/ticket_search_filter.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

class SearchCommonWordTest : public DeskTest {
 protected:
  std::vector<std::int64_t> search(store::TicketFilter f) {
    std::vector<std::int64_t> out;
    f.limit = 50;
    for (int guard = 0; guard < 100; ++guard) {
      const auto page = desk->tickets().list_tickets(as(w.attendant), f);
      for (const auto& t : page.tickets) out.push_back(t.id);
      if (page.next_cursor.empty()) break;
      f.cursor = page.next_cursor;
    }
    return out;
  }
};

TEST_P(SearchCommonWordTest, PagesOfACommonWordHoldEveryMatchNewestFirst) {
  // More matches (1,080) than the full-text index is asked to list (1,000), some
  // registered at the same instant, one in three with a second word.
  std::vector<std::int64_t> lentidao, both;
  for (int i = 0; i < 1200; ++i) {
    const bool slow = i % 10 != 3;
    const auto t = register_sis(w.requester_seger, std::string(slow ? "Lentidão" : "Erro") +
                                                       (i % 3 == 0 ? " no SIGEFES" : " no portal") +
                                                       " " + std::to_string(i));
    if (slow) lentidao.push_back(t.id);
    if (slow && i % 3 == 0) both.push_back(t.id);
    if (i % 4 == 0) clock.advance(std::chrono::seconds(1));
  }
  std::reverse(lentidao.begin(), lentidao.end());  // newest first: created_at, then id
  std::reverse(both.begin(), both.end());
  store::TicketFilter f;
  f.text = "LENTIDAO";
  EXPECT_EQ(search(f), lentidao);
  f.text = "lentidão sigefes";
  EXPECT_EQ(search(f), both);
  // With another filter, and in deadline order too.
  f.text = "lentidao";
  f.statuses = {Status::new_};
  EXPECT_EQ(search(f), lentidao);
  f.order = store::TicketOrder::deadline_first;
  auto by_deadline = search(f);
  std::sort(by_deadline.begin(), by_deadline.end());
  auto expected = lentidao;
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(by_deadline, expected);
}

GUICHE_ON_BOTH_ENGINES(SearchCommonWordTest);

}  // namespace
}  // namespace guiche::testing

namespace guiche::testing {
namespace {

// PostgreSQL: once ANALYZE has counted the search index's words, a word in
// most tickets goes straight to probing the queue in order, reading no match
// from the index (at 1,000,000 tickets even a bounded read of 1,000 matches
// cost a heap page each); a rare word still reads its few matches first, and
// so do several words together.
// Both give every match, newest first.
class SearchStatisticsTest : public DeskTest {};

TEST_P(SearchStatisticsTest, ACommonWordReadsNoMatchFromTheIndexOnceAnalyzed) {
  std::vector<std::int64_t> lentidao, quimera;
  for (int i = 0; i < 1100; ++i) {
    const bool rare = i % 100 == 7;
    const auto t =
        register_sis(w.requester_seger, std::string("Lentidão no portal ") +
                                            (rare ? "quimera " : "") + std::to_string(i));
    lentidao.push_back(t.id);
    if (rare) quimera.push_back(t.id);
    if (i % 4 == 0) clock.advance(std::chrono::seconds(1));
  }
  database->db().write([](store::Connection& c) { c.query("ANALYZE ticket_search"); });
  store::TextFilter common, rare, two_words;
  database->db().read([&](store::Connection& c) {
    common = store::text_filter(c, "Lentidao");
    rare = store::text_filter(c, "quimera");
    two_words = store::text_filter(c, "lentidão portal");
  });
  EXPECT_EQ(common.how, store::TextPath::probe_in_order);
  EXPECT_EQ(common.matches_read, 0);
  EXPECT_EQ(rare.how, store::TextPath::few_ids);
  EXPECT_EQ(rare.matches_read, static_cast<std::int64_t>(quimera.size()));
  // Several words: the planner's product of their shares is not trusted, the
  // bounded read finds whether they meet often.
  EXPECT_EQ(two_words.matches_read, 1000);

  std::reverse(lentidao.begin(), lentidao.end());
  std::reverse(quimera.begin(), quimera.end());
  store::TicketFilter f;
  f.limit = 50;
  std::vector<std::int64_t> found;
  f.text = "LENTIDÃO";
  for (int guard = 0; guard < 100; ++guard) {
    const auto page = desk->tickets().list_tickets(as(w.attendant), f);
    for (const auto& t : page.tickets) found.push_back(t.id);
    if (page.next_cursor.empty()) break;
    f.cursor = page.next_cursor;
  }
  EXPECT_EQ(found, lentidao);
  f.text = "quimera";
  f.cursor.clear();
  found.clear();
  for (const auto& t : desk->tickets().list_tickets(as(w.attendant), f).tickets) {
    found.push_back(t.id);
  }
  EXPECT_EQ(found, quimera);
}

INSTANTIATE_TEST_SUITE_P(Postgres, SearchStatisticsTest,
                         ::testing::Values(::guiche::testing::Engine::postgres),
                         ::guiche::testing::engine_name);

}  // namespace
}  // namespace guiche::testing

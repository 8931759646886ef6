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

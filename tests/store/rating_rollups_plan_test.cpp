// The satisfaction report's statements (and the time logged's, v037) read the roll-ups of migration
// v033 on both engines, never a scan of the tickets: the figures by the primary key's organization
// (0: the desk) and range of days or months; the comments by the partial index on the resolution
// instant (an organization's by its own), in its order (no sort), each ticket's protocol and
// comment by the tickets' primary key. On PostgreSQL the plans are taken with sequential scans
// disabled (tests/support/query_plan.hpp).
#include <gmock/gmock.h>

#include <functional>

#include "store/rating_rollup_rows.hpp"
#include "store/time_rollup_rows.hpp"
#include "support/desk_world.hpp"
#include "support/query_plan.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class RatingRollupsPlanTest : public DeskTest {
 protected:
  // `sql`'s statement on each table reads the primary key's range of one
  // organization's (0: the desk's) days or months, filtered or not.
  void expect_primary_key_ranges(
      const std::string& day_table, const std::string& month_table,
      const std::function<std::string(const store::ReportRowFilter&, const std::string&)>& sql) {
    store::ReportRowFilter f;
    f.first_day = 20260101;
    f.last_day = 20261231;
    for (const std::string& table : {day_table, month_table}) {
      // The desk's rows (organization 0), filtered or not, and an organization's.
      for (int shape : {0, 1, 2}) {
        const bool filtered = shape == 1;
        auto g = f;
        if (shape == 2) g.organization_id = w.seger.id;
        const bool months = table == month_table;
        std::vector<store::Value> params{g.organization_id.value_or(0),
                                         std::int64_t{months ? 202601 : 20260101},
                                         std::int64_t{months ? 202612 : 20261231}};
        if (filtered) {
          g.all_units = false;
          g.unit_ids = {w.sgsis.id, w.sgdba.id};
          g.service_id = w.support.id;
          params.emplace_back(w.support.id);
        }
        const auto p = query_plan(database->db(), sql(g, table), params);
        std::cout << "--- " << table << (filtered ? " (filtered)" : "")
                  << (shape == 2 ? " (an organization's)" : "") << "\n"
                  << p;
        EXPECT_THAT(p, Not(HasSubstr("ticket"))) << p;
        EXPECT_THAT(p, Not(HasSubstr("Seq Scan"))) << p;
        if (GetParam() == Engine::sqlite) {
          EXPECT_THAT(p, HasSubstr("SEARCH " + table + " USING INDEX sqlite_autoindex_" + table +
                                   "_1 (organization_id=? AND "))
              << p;
        } else {
          EXPECT_THAT(p, HasSubstr(table + "_pkey")) << p;
        }
      }
    }
  }
};

TEST_P(RatingRollupsPlanTest, TheFiguresReadThePrimaryKeysRange) {
  expect_primary_key_ranges("report_day_ratings", "report_month_ratings",
                            store::rating_figures_sql);
}

// The volume report's time logged (migration v037, store/time_rollup_rows.hpp), the same way.
TEST_P(RatingRollupsPlanTest, TheTimeLoggedReadsThePrimaryKeysRange) {
  expect_primary_key_ranges("report_day_time", "report_month_time", store::logged_time_sql);
}

TEST_P(RatingRollupsPlanTest, TheCommentsPageReadsThePartialIndexInOrder) {
  store::ReportRowFilter f;
  f.first_day = 20260101;
  f.last_day = 20261231;
  // The desk's comments, then an organization's (its own partial index).
  for (int shape : {0, 1, 2}) {
    const bool with_cursor = shape == 1;
    auto g = f;
    if (shape == 2) g.organization_id = w.seger.id;
    std::vector<store::Value> params{std::int64_t{1767236400000}, std::int64_t{1798772400000}};
    if (with_cursor) {
      params.insert(params.end(),
                    {std::int64_t{1780000000000}, std::int64_t{1780000000000}, std::int64_t{42}});
    }
    if (g.organization_id) params.emplace_back(*g.organization_id);
    params.emplace_back(std::int64_t{51});
    const auto p = query_plan(database->db(), store::rating_comments_sql(g, with_cursor), params);
    std::cout << "--- comments" << (with_cursor ? " after a cursor" : "")
              << (shape == 2 ? " of an organization" : "") << "\n"
              << p;
    EXPECT_THAT(p, HasSubstr(shape == 2 ? "report_rating_shares_organization_comments"
                                        : "report_rating_shares_comments"))
        << p;
    EXPECT_THAT(p, Not(HasSubstr("Seq Scan"))) << p;
    if (GetParam() == Engine::sqlite) {
      EXPECT_THAT(p, Not(HasSubstr("TEMP B-TREE"))) << p;
      EXPECT_THAT(p, HasSubstr("SEARCH t USING INTEGER PRIMARY KEY")) << p;
    } else {
      EXPECT_THAT(p, Not(HasSubstr("Sort"))) << p;
      EXPECT_THAT(p, HasSubstr("tickets_pkey")) << p;
    }
  }
}

GUICHE_ON_BOTH_ENGINES(RatingRollupsPlanTest);

}  // namespace
}  // namespace guiche::testing

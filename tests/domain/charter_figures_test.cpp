// The charter's months and the histogram's buckets and median, from
// tests/domain/data/charter_figures.cases.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "domain/charter_month.hpp"
#include "domain/duration_histogram.hpp"

namespace guiche {
namespace {

std::map<int, std::int64_t> histogram_of(const std::string& field) {
  std::map<int, std::int64_t> out;
  if (field == "-") return out;
  std::stringstream items(field);
  for (std::string item; std::getline(items, item, ',');) {
    const auto colon = item.find(':');
    out[std::stoi(item.substr(0, colon))] += std::stoll(item.substr(colon + 1));
  }
  return out;
}

TEST(CharterFigures, EveryCaseOfTheDataFile) {
  std::ifstream in(std::string(GUICHE_DOMAIN_CASES_DIR) + "/charter_figures.cases");
  ASSERT_TRUE(in) << "cases file missing";
  std::string line;
  int cases = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line.starts_with("#")) continue;
    std::stringstream fields(line);
    std::string kind, a, b, arrow, want, want2;
    fields >> kind >> a;
    if (kind == "before") fields >> b;
    fields >> arrow >> want;
    ASSERT_EQ(arrow, "->") << line;
    if (kind == "month") {
      EXPECT_EQ(std::to_string(charter_month(*parse_instant(a))), want) << line;
    } else if (kind == "before") {
      EXPECT_EQ(std::to_string(months_before(std::stoi(a), std::stoi(b))), want) << line;
    } else if (kind == "start") {
      EXPECT_EQ(format_utc(charter_month_start(std::stoi(a))), want) << line;
    } else if (kind == "bucket") {
      fields >> want2;
      const int bucket = duration_bucket(std::stoll(a));
      EXPECT_EQ(std::to_string(bucket), want) << line;
      EXPECT_EQ(std::to_string(duration_bucket_middle(bucket)), want2) << line;
    } else if (kind == "median") {
      const auto m = histogram_lower_median(histogram_of(a));
      EXPECT_EQ(m ? std::to_string(*m) : "none", want) << line;
    } else {
      ADD_FAILURE() << "unknown case: " << line;
    }
    ++cases;
  }
  EXPECT_GE(cases, 30);
}

// The precision the header states: the middle of any bucket from 1 s on is
// within 2 % of every duration in it, and the buckets follow each other.
TEST(CharterFigures, EveryBucketIsAtMostFourPercentWide) {
  const auto& starts = duration_bucket_starts();
  ASSERT_EQ(starts.front(), 0);
  for (std::size_t k = 1; k + 1 < starts.size(); ++k) {
    const auto lo = starts[k], hi = starts[k + 1] - 1;
    ASSERT_LT(starts[k], starts[k + 1]);
    EXPECT_LE((starts[k + 1] - lo) * 25, lo) << k;
    const auto mid = duration_bucket_middle(static_cast<int>(k));
    EXPECT_LE(std::abs(mid - lo) * 50, lo) << k;
    EXPECT_LE(std::abs(mid - hi) * 50, hi) << k;
    EXPECT_EQ(duration_bucket(lo), static_cast<int>(k));
    EXPECT_EQ(duration_bucket(hi), static_cast<int>(k));
  }
}

}  // namespace
}  // namespace guiche

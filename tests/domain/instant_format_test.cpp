// format_utc writes every instant the API shows; its digits are put in place
// by hand (src/domain/time.cpp), so each field's padding and the leap day,
// the last millisecond of a year, instants before 1970 and years past 9999
// are pinned here, and each text reads back as the same instant.
#include <gtest/gtest.h>

#include "domain/time.hpp"

namespace guiche {
namespace {

struct Case {
  std::int64_t millis;
  const char* text;
};

TEST(InstantFormatTest, EachFieldIsPaddedAndReadsBackAsTheSameInstant) {
  const Case cases[] = {
      {0, "1970-01-01T00:00:00.000Z"},
      {951782400123, "2000-02-29T00:00:00.123Z"},
      {1798761599999, "2026-12-31T23:59:59.999Z"},
      {1783040405007, "2026-07-03T01:00:05.007Z"},
      {-1, "1969-12-31T23:59:59.999Z"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(format_utc(from_millis(c.millis)), c.text) << c.millis;
    const auto back = parse_instant(c.text);
    ASSERT_TRUE(back.has_value()) << c.text;
    EXPECT_EQ(to_millis(*back), c.millis) << c.text;
  }
}

TEST(InstantFormatTest, AYearPastNineThousandNineHundredNinetyNineKeepsAllItsDigits) {
  EXPECT_EQ(format_utc(from_millis(253402300800000)), "10000-01-01T00:00:00.000Z");
}

}  // namespace
}  // namespace guiche

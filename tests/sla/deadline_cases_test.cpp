// The generic driver of tests/sla/data/*.cases: one test per case line, named
// after its file and line. Besides the deadline it checks that the explained
// computation agrees and, for business hours, that the working time between
// start and deadline is exactly the amount.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sla/case_calendars.hpp"
#include "sla/durations.hpp"
#include "sla/local_time_text.hpp"

#ifndef GUICHE_SLA_CASES_DIR
#error "GUICHE_SLA_CASES_DIR must name tests/sla/data"
#endif

namespace guiche::sla::testing {
namespace {

struct DeadlineCase {
  std::string file;  // stem, e.g. "br_es"
  int line = 0;
  std::string text;  // the line as written
  std::string calendar, start, unit, expected;
  std::int64_t amount = 0;
  std::string malformed;  // why the line could not be read, if it could not
};

void PrintTo(const DeadlineCase& c, std::ostream* os) {
  *os << c.file << ".cases:" << c.line << ": " << c.text;
}

std::vector<DeadlineCase> load_deadline_cases() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(GUICHE_SLA_CASES_DIR))
    if (entry.path().extension() == ".cases") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<DeadlineCase> cases;
  for (const auto& path : files) {
    std::ifstream in(path);
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
      std::string content = line.substr(0, line.find('#'));
      std::istringstream fields(content);
      DeadlineCase c;
      c.file = path.stem().string();
      c.line = number;
      c.text = line;
      if (!(fields >> c.calendar)) continue;  // blank or comment
      std::string amount, extra;
      if (!(fields >> c.start >> c.unit >> amount >> c.expected) || (fields >> extra))
        c.malformed = "expected 5 fields: calendar start unit amount expected";
      else if (amount.find_first_not_of("0123456789") != std::string::npos)
        c.malformed = "amount is not a whole number";
      else
        c.amount = std::stoll(amount);
      cases.push_back(std::move(c));
    }
  }
  return cases;
}

class DeadlineCases : public ::testing::TestWithParam<DeadlineCase> {};

TEST_P(DeadlineCases, Deadline) {
  const auto& c = GetParam();
  SCOPED_TRACE(c.file + ".cases:" + std::to_string(c.line) + ": " + c.text);
  ASSERT_TRUE(c.malformed.empty()) << c.malformed;
  auto calendar = calendar_for_spec(c.calendar);
  auto start = parse_instant(c.start);
  ASSERT_TRUE(start) << "start is not ISO 8601 with an offset";
  auto unit = parse_unit(c.unit);
  ASSERT_TRUE(unit) << "unknown unit";
  const Duration duration{*unit, c.amount};

  const Instant got = deadline(*calendar, *start, duration);
  EXPECT_EQ(format_in_calendar(*calendar, got), c.expected);

  const Explanation explained = explain_deadline(*calendar, *start, duration);
  EXPECT_EQ(explained.end, got) << "explain_deadline disagrees";
  if (*unit == DurationUnit::business_hours) {
    EXPECT_EQ(working_time_between(*calendar, *start, got), std::chrono::hours{c.amount});
    EXPECT_EQ(explained.working_time, std::chrono::hours{c.amount});
  }
}

std::string deadline_case_name(const ::testing::TestParamInfo<DeadlineCase>& info) {
  std::string name = info.param.file + "_line_" + std::to_string(info.param.line);
  std::replace_if(
      name.begin(), name.end(), [](char ch) { return !std::isalnum(ch); }, '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(DataFiles, DeadlineCases, ::testing::ValuesIn(load_deadline_cases()),
                         deadline_case_name);

TEST(DeadlineCaseFiles, AreFoundAndNumerous) {
  EXPECT_GE(load_deadline_cases().size(), 100u) << "looked in " << GUICHE_SLA_CASES_DIR;
}

}  // namespace
}  // namespace guiche::sla::testing

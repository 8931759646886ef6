// The ouvidoria's rules (domain/manifestations/manifestation_rules.hpp)
// against tests/domain/data/manifestation_deadline.cases and
// manifestation_actions.cases; the application test drives the same through
// the store on both engines (tests/app/manifestations_test.cpp).
#include "domain/manifestations/manifestation_rules.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "domain/manifestations/manifestation_protocol.hpp"

namespace guiche::testing {
namespace {

std::vector<std::pair<int, std::string>> lines_of(const std::string& file) {
  std::ifstream in(std::string(GUICHE_DOMAIN_CASES_DIR) + "/" + file);
  EXPECT_TRUE(in) << file << " not found";
  std::vector<std::pair<int, std::string>> out;
  std::string text;
  for (int n = 1; std::getline(in, text); ++n) {
    if (text.empty() || text[0] == '#') continue;
    out.emplace_back(n, text);
  }
  return out;
}

Date date_of(const std::string& text) {
  const auto d = parse_date(text);
  EXPECT_TRUE(d) << text;
  return d.value_or(Date{});
}

TEST(ManifestationDeadline, FollowsTheCasesFile) {
  int due_cases = 0, standing_cases = 0;
  for (const auto& [n, text] : lines_of("manifestation_deadline.cases")) {
    SCOPED_TRACE("line " + std::to_string(n) + ": " + text);
    std::istringstream words(text);
    std::string what;
    words >> what;
    if (what == "due") {
      std::string registered, extension, closed, arrow, due;
      int answer = 0, paused = 0;
      words >> registered >> answer >> extension >> paused >> closed >> arrow >> due;
      ASSERT_EQ(arrow, "->");
      std::set<std::string> closed_days;
      if (closed != "-") {
        std::istringstream list(closed);
        for (std::string d; std::getline(list, d, ',');) closed_days.insert(d);
      }
      const std::optional<int> ext =
          extension == "-" ? std::nullopt : std::optional<int>(std::stoi(extension));
      const auto got = manifestation_due_on(date_of(registered), answer, ext, paused, [&](Date d) {
        return closed_days.contains(format_date(d));
      });
      EXPECT_EQ(format_date(got), due);
      ++due_cases;
    } else {
      ASSERT_EQ(what, "standing");
      std::string today, due, arrow, outcome;
      int warning = 0;
      words >> today >> due >> warning >> arrow >> outcome;
      const auto expected = parse_due_standing(outcome);
      ASSERT_TRUE(expected && arrow == "->");
      EXPECT_EQ(due_standing(date_of(today), date_of(due), warning), *expected);
      ++standing_cases;
    }
  }
  EXPECT_GE(due_cases, 10);
  EXPECT_GE(standing_cases, 5);
}

TEST(ManifestationActions, FollowsTheCasesFile) {
  int count = 0;
  for (const auto& [n, text] : lines_of("manifestation_actions.cases")) {
    SCOPED_TRACE("line " + std::to_string(n) + ": " + text);
    std::istringstream words(text);
    std::string status, complement, extension, window, action, arrow, outcome;
    words >> status >> complement >> extension >> window >> action >> arrow >> outcome;
    const auto s = parse_manifestation_status(status);
    const auto a = parse_manifestation_action(action);
    ASSERT_TRUE(s && a && arrow == "->" && (outcome == "allowed" || outcome == "conflict"));
    ASSERT_TRUE(complement == "asked" || complement == "never");
    ASSERT_TRUE(extension == "used" || extension == "unused");
    ASSERT_TRUE(window == "over" || window == "running");
    const ManifestationState state{*s, complement == "asked", extension == "used",
                                   window == "over"};
    const auto refusal = manifestation_refusal(state, *a);
    EXPECT_EQ(!refusal.has_value(), outcome == "allowed");
    if (refusal) {
      EXPECT_FALSE(refusal->empty());
    }
    ++count;
  }
  EXPECT_GE(count, 20);
}

TEST(ManifestationProtocol, IsReadAsPeopleTypeIt) {
  EXPECT_EQ(format_manifestation_protocol(2026, 12), "OUV-2026-000012");
  EXPECT_EQ(parse_manifestation_protocol("ouv-2026-12"), "OUV-2026-000012");
  EXPECT_EQ(parse_manifestation_protocol(" OUV 2026-000012 "), "OUV-2026-000012");
  EXPECT_FALSE(parse_manifestation_protocol("2026-000012"));
  EXPECT_FALSE(parse_manifestation_protocol("OUV-"));
  EXPECT_FALSE(parse_manifestation_protocol("OUV-abc"));
}

TEST(ManifestationProtocol, TrackingCodesIgnoreCaseSpacesAndDashes) {
  EXPECT_EQ(format_tracking_code("ABCDEFGHJKLM"), "ABCD-EFGH-JKLM");
  EXPECT_EQ(normalize_tracking_code("abcd-efgh jklm"), "ABCDEFGHJKLM");
  EXPECT_FALSE(normalize_tracking_code("ABCD-EFGH-JKL"));   // too short
  EXPECT_FALSE(normalize_tracking_code("ABCD-EFGH-JKL0"));  // 0 is not in the alphabet
  EXPECT_FALSE(normalize_tracking_code(""));
}

TEST(Manifestation, OnlyComplaintsAndReportsMayBeAnonymous) {
  EXPECT_TRUE(may_be_anonymous(ManifestationKind::complaint));
  EXPECT_TRUE(may_be_anonymous(ManifestationKind::report));
  EXPECT_FALSE(may_be_anonymous(ManifestationKind::praise));
  EXPECT_FALSE(may_be_anonymous(ManifestationKind::suggestion));
  EXPECT_FALSE(may_be_anonymous(ManifestationKind::request_for_action));
  for (auto k : {ManifestationKind::complaint, ManifestationKind::report, ManifestationKind::praise,
                 ManifestationKind::suggestion, ManifestationKind::request_for_action}) {
    EXPECT_EQ(parse_manifestation_kind(manifestation_kind_code(k)), k);
  }
}

}  // namespace
}  // namespace guiche::testing

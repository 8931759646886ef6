// The custody rule (domain/equipment_custody.hpp) against every line of
// tests/domain/data/custody.cases; the application test records the same
// through the ticket ledger (tests/app/equipment_custody_test.cpp).
#include "domain/equipment_custody.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

namespace guiche::testing {
namespace {

struct CustodyCase {
  int line = 0;
  CustodyStanding standing{};
  CustodyAction action{};
  bool open = true;
  bool allowed = false;
};

std::vector<CustodyCase> load_cases() {
  std::ifstream in(std::string(GUICHE_DOMAIN_CASES_DIR) + "/custody.cases");
  EXPECT_TRUE(in) << "custody.cases not found";
  std::vector<CustodyCase> out;
  std::string text;
  for (int n = 1; std::getline(in, text); ++n) {
    if (text.empty() || text[0] == '#') continue;
    std::istringstream words(text);
    std::string standing, action, ticket, arrow, outcome;
    words >> standing >> action >> ticket >> arrow >> outcome;
    const auto s = parse_custody_standing(standing);
    const auto a = parse_custody_action(action);
    EXPECT_TRUE(s && a && (ticket == "open" || ticket == "ended") && arrow == "->" &&
                (outcome == "allowed" || outcome == "conflict"))
        << "line " << n << ": " << text;
    if (!s || !a) continue;
    out.push_back({n, *s, *a, ticket == "open", outcome == "allowed"});
  }
  return out;
}

TEST(EquipmentCustody, EveryStandingActionAndTicketStateHasExactlyOneCase) {
  std::set<std::tuple<int, int, bool>> seen;
  const auto cases = load_cases();
  for (const auto& c : cases) {
    EXPECT_TRUE(
        seen.insert({static_cast<int>(c.standing), static_cast<int>(c.action), c.open}).second)
        << "line " << c.line << " repeats a case";
  }
  EXPECT_EQ(cases.size(), 4u * 3u * 2u);
}

TEST(EquipmentCustody, FollowsTheCasesFile) {
  for (const auto& c : load_cases()) {
    SCOPED_TRACE("line " + std::to_string(c.line));
    const auto refusal = custody_refusal(c.standing, c.action, c.open);
    EXPECT_EQ(!refusal.has_value(), c.allowed);
    if (refusal) {
      EXPECT_FALSE(refusal->empty());
    }
  }
}

TEST(EquipmentCustody, AssetNumbersAreComparedTrimmedAndInUpperCase) {
  EXPECT_EQ(normalize_asset_number("  pat-00123 \t"), "PAT-00123");
  EXPECT_EQ(normalize_asset_number("   "), "");
}

}  // namespace
}  // namespace guiche::testing

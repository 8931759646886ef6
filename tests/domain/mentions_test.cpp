// Which colleagues a note mentions, from tests/domain/data/mentions.cases.
#include <gtest/gtest.h>

#include <fstream>

#include "domain/mentions.hpp"

namespace guiche {
namespace {

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(' ');
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

TEST(Mentions, EveryCaseOfTheDataFile) {
  std::ifstream in(std::string(GUICHE_DOMAIN_CASES_DIR) + "/mentions.cases");
  ASSERT_TRUE(in) << "cases file missing";
  int cases = 0;
  for (std::string line; std::getline(in, line);) {
    if (trimmed(line).empty() || trimmed(line).starts_with("#")) continue;
    const auto bar = line.rfind('|');
    ASSERT_NE(bar, std::string::npos) << line;
    std::string got;
    for (const auto& login : mentioned_logins(trimmed(line.substr(0, bar)))) {
      got += (got.empty() ? "" : ", ") + login;
    }
    EXPECT_EQ(got.empty() ? "-" : got, trimmed(line.substr(bar + 1))) << line;
    ++cases;
  }
  EXPECT_GE(cases, 9);
}

TEST(Mentions, AtMostTwentyFromOneNote) {
  std::string text;
  for (int i = 0; i < 30; ++i) text += "@pessoa" + std::to_string(i) + " ";
  EXPECT_EQ(mentioned_logins(text).size(), kMaxMentions);
}

}  // namespace
}  // namespace guiche

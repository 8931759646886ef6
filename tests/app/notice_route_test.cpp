// The channel a notice takes, by the cases of tests/app/data/notice_routes.cases.
#include "app/notices/notice_route.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace guiche::app {
namespace {

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, ',');) out.push_back(item);
  return out;
}

TEST(NoticeRoute, FollowsTheCasesFile) {
  const std::string path = std::string(GUICHE_APP_CASES_DIR) + "/notice_routes.cases";
  std::ifstream file(path);
  ASSERT_TRUE(file) << path;
  int cases = 0;
  int line_number = 0;
  for (std::string line; std::getline(file, line);) {
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    std::istringstream in(line);
    std::string preference, came_by, email, phone, active, transports, expected;
    ASSERT_TRUE(in >> preference >> came_by >> email >> phone >> active >> transports >> expected)
        << "line " << line_number << " is malformed";
    Person to;
    to.id = 7;
    to.notice_preference = parse_notice_preference(preference).value();
    if (email == "yes") to.emails = {"fulana@seger.es.gov.br"};
    if (phone == "yes") to.phone = "+5527999990000";
    to.active = active == "yes";
    std::optional<Channel> channel;
    if (came_by != "-") channel = parse_channel(came_by).value();
    const auto route = notice_route(to, channel, split_commas(transports));
    SCOPED_TRACE("line " + std::to_string(line_number) + ": " + line);
    if (expected == "-") {
      EXPECT_FALSE(route);
    } else {
      ASSERT_TRUE(route);
      EXPECT_EQ(route->channel, expected);
      EXPECT_EQ(route->address, expected == "email" ? "fulana@seger.es.gov.br" : "+5527999990000");
    }
    ++cases;
  }
  EXPECT_GE(cases, 18);
}

}  // namespace
}  // namespace guiche::app

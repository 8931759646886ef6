// Which route a request reaches (http/route_table.hpp): the table of cases in
// tests/api/data/route_table.cases, and the templates a table refuses at start.
#include "http/route_table.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace guiche::http {
namespace {

std::vector<Route> routes_of_the_cases() {
  const std::vector<std::pair<std::string, std::string>> declared = {
      {"GET", "/api/v1/health"},
      {"GET", "/api/v1/tickets"},
      {"POST", "/api/v1/tickets"},
      {"GET", "/api/v1/tickets/:id"},
      {"GET", "/api/v1/tickets/:id/events"},
      {"GET", "/api/v1/tickets/:id/events/:event"},
      {"GET", "/api/v1/tickets/novos"},
      {"GET", "/formularios/:id/"},
      {"GET", "/"},
      {"GET", "/static/:version/:path(.*)"},
      {"GET", "/:desconhecida(.*)"}};
  std::vector<Route> routes;
  for (const auto& [method, path] : declared) routes.push_back(Route{method, path, nullptr});
  return routes;
}

std::string trimmed(const std::string& s) {
  const auto begin = s.find_first_not_of(' ');
  if (begin == std::string::npos) return "";
  return s.substr(begin, s.find_last_not_of(' ') - begin + 1);
}

TEST(RouteTableTest, EveryCaseOfTheTable) {
  const auto routes = routes_of_the_cases();
  const RouteTable table(routes);
  std::ifstream in(std::string(GUICHE_API_DATA_DIR) + "/route_table.cases");
  ASSERT_TRUE(in) << "route_table.cases not found";
  int cases = 0;
  for (std::string line; std::getline(in, line);) {
    if (trimmed(line).empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string request, route, params;
    std::getline(fields, request, '|');
    std::getline(fields, route, '|');
    std::getline(fields, params);
    request = trimmed(request);
    const auto space = request.find(' ');
    const std::string method = request.substr(0, space), path = request.substr(space + 1);
    const auto match = table.find(method, path);
    SCOPED_TRACE(line);
    ++cases;
    if (trimmed(route) == "none") {
      EXPECT_EQ(match.route, nullptr);
      continue;
    }
    ASSERT_NE(match.route, nullptr);
    EXPECT_EQ(match.route->path, trimmed(route));
    std::map<std::string, std::string> expected;
    std::istringstream pairs(trimmed(params));
    for (std::string pair; pairs >> pair;) {
      if (pair == "-") continue;
      const auto equals = pair.find('=');
      expected[pair.substr(0, equals)] = pair.substr(equals + 1);
    }
    EXPECT_EQ(match.params, expected);
  }
  EXPECT_GE(cases, 25);
}

TEST(RouteTableTest, ATemplateOrMethodOutsideTheSyntaxIsRefusedAtStart) {
  for (const auto& [method, path] :
       std::vector<std::pair<std::string, std::string>>{{"GET", "api/v1/health"},
                                                        {"GET", "/api/v1/tickets/:id(\\d+)"},
                                                        {"GET", "/api/v1/:(.*)"},
                                                        {"GET", "/api/v1/:resto(.*)/mais"},
                                                        {"GET", "/api/v1/tickets?"},
                                                        {"HEAD", "/api/v1/health"}}) {
    SCOPED_TRACE(method + " " + path);
    EXPECT_THROW(RouteTable(std::vector<Route>{Route{method, path, nullptr}}),
                 std::invalid_argument);
  }
}

}  // namespace
}  // namespace guiche::http

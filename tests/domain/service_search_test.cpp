// What the catalog's search finds, from tests/domain/data/service_search.cases,
// and how a service's popular names are tidied (domain/popular_names.hpp).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "domain/error.hpp"
#include "domain/popular_names.hpp"
#include "domain/service_search.hpp"

namespace guiche {
namespace {

std::string trim_spaces(const std::string& s) {
  const auto b = s.find_first_not_of(' ');
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

std::vector<std::string> split(const std::string& s, char separator) {
  std::vector<std::string> out;
  std::stringstream parts(s);
  for (std::string part; std::getline(parts, part, separator);) {
    if (!trim_spaces(part).empty()) out.push_back(trim_spaces(part));
  }
  return out;
}

std::string found(const std::vector<Service>& services, const std::string& typed) {
  std::string out;
  for (const auto& hit : search_services(services, typed)) {
    out += (out.empty() ? "" : ", ") + services[hit.index].code + (hit.exact ? "*" : "");
  }
  return out.empty() ? "none" : out;
}

TEST(ServiceSearch, EveryCaseOfTheDataFile) {
  std::ifstream in(std::string(GUICHE_DOMAIN_CASES_DIR) + "/service_search.cases");
  ASSERT_TRUE(in) << "cases file missing";
  std::vector<Service> services;
  int cases = 0;
  for (std::string line; std::getline(in, line);) {
    if (trim_spaces(line).empty() || trim_spaces(line).starts_with("#")) continue;
    std::stringstream fields(line);
    std::string kind;
    std::getline(fields, kind, '|');
    SCOPED_TRACE(line);
    if (trim_spaces(kind) == "service") {
      std::string code, name, popular, description;
      std::getline(fields, code, '|');
      std::getline(fields, name, '|');
      std::getline(fields, popular, '|');
      std::getline(fields, description);
      Service s;
      s.code = trim_spaces(code);
      s.name = trim_spaces(name);
      s.popular_names = split(popular, ';');
      s.description = trim_spaces(description);
      services.push_back(std::move(s));
    } else if (trim_spaces(kind) == "search") {
      std::string typed, expected;
      std::getline(fields, typed, '|');
      std::getline(fields, expected);
      EXPECT_EQ(found(services, trim_spaces(typed)), trim_spaces(expected));
      ++cases;
    } else {
      FAIL() << "unknown kind " << kind;
    }
  }
  EXPECT_GE(cases, 43);
}

TEST(PopularNames, TrimmedWithoutBlanksOrRepeats) {
  EXPECT_EQ(tidy_popular_names({" VPN ", "", "  ", "Acesso de casa", "vpn", "Acésso de CASA\t"}),
            (std::vector<std::string>{"VPN", "Acesso de casa"}));
  EXPECT_TRUE(tidy_popular_names({}).empty());
}

TEST(PopularNames, TooLongOrTooManyAreRefused) {
  try {
    tidy_popular_names({std::string(kMaxPopularNameLength + 1, 'a')});
    FAIL() << "a name too long was taken";
  } catch (const DomainError& e) {
    ASSERT_FALSE(e.fields().empty());
    EXPECT_EQ(e.fields()[0].field, "popular_names");
  }
  std::vector<std::string> many;
  for (std::size_t i = 0; i <= kMaxPopularNames; ++i) many.push_back("nome " + std::to_string(i));
  EXPECT_THROW(tidy_popular_names(many), DomainError);
  many.pop_back();
  EXPECT_EQ(tidy_popular_names(many).size(), kMaxPopularNames);
}

}  // namespace
}  // namespace guiche

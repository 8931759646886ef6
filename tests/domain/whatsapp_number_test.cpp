// The forms of a WhatsApp number, from tests/domain/data/whatsapp_numbers.cases.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "domain/whatsapp/whatsapp_number.hpp"

namespace guiche {
namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(' ');
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

TEST(WhatsAppNumber, EveryCaseOfTheDataFile) {
  std::ifstream in(std::string(GUICHE_DOMAIN_CASES_DIR) + "/whatsapp_numbers.cases");
  ASSERT_TRUE(in) << "cases file missing";
  std::string line;
  int cases = 0;
  while (std::getline(in, line)) {
    if (trim(line).empty() || trim(line).starts_with("#")) continue;
    std::stringstream fields(line);
    std::string number, forms, e164;
    std::getline(fields, number, '|');
    std::getline(fields, forms, '|');
    std::getline(fields, e164, '|');
    number = trim(number);
    SCOPED_TRACE(line);
    std::string got;
    for (const auto& f : whatsapp_number_forms(number)) got += (got.empty() ? "" : " ") + f;
    EXPECT_EQ(got.empty() ? "none" : got, trim(forms));
    EXPECT_EQ(e164_of_whatsapp(number).value_or("none"), trim(e164));
    ++cases;
  }
  EXPECT_GE(cases, 13);
}

}  // namespace
}  // namespace guiche

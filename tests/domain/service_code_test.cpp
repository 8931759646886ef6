// Which service a requester's text names, from tests/domain/data/service_codes.cases.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "domain/service_code.hpp"

namespace guiche {
namespace {

std::string without_spaces_around(const std::string& s) {
  const auto b = s.find_first_not_of(' ');
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

// "\n" and "\t" as written in the file.
std::string unescaped(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && (s[i + 1] == 'n' || s[i + 1] == 't')) {
      out += s[++i] == 'n' ? '\n' : '\t';
    } else {
      out += s[i];
    }
  }
  return out;
}

std::vector<std::string> catalog_of(const std::string& field) {
  if (field == "default") {
    return {"SUP-TEC", "SIS-DEFEITO", "SIS-ACESSO", "INF-EMAIL", "WEB-SITE", "REDE", "SEG-VPN2"};
  }
  std::vector<std::string> out;
  std::stringstream codes(field);
  for (std::string code; std::getline(codes, code, ',');)
    out.push_back(without_spaces_around(code));
  return out;
}

std::string outcome(const QuotedServiceCode& q) {
  if (auto code = q.code()) return *code;
  if (q.codes.size() > 1) {
    std::string out = "ambiguous:";
    for (const auto& c : q.codes) out += " " + c;
    return out;
  }
  if (!q.unknown.empty()) return "unknown: " + q.unknown;
  return "none";
}

TEST(ServiceCode, EveryCaseOfTheDataFile) {
  std::ifstream in(std::string(GUICHE_DOMAIN_CASES_DIR) + "/service_codes.cases");
  ASSERT_TRUE(in) << "cases file missing";
  std::string line;
  int cases = 0;
  while (std::getline(in, line)) {
    if (without_spaces_around(line).empty() || without_spaces_around(line).starts_with("#"))
      continue;
    std::stringstream fields(line);
    std::string kind, text, catalog, expected;
    std::getline(fields, kind, '|');
    std::getline(fields, text, '|');
    std::getline(fields, catalog, '|');
    std::getline(fields, expected);
    SCOPED_TRACE(line);
    kind = without_spaces_around(kind);
    text = unescaped(without_spaces_around(text));
    const auto codes = catalog_of(without_spaces_around(catalog));
    std::string got;
    if (kind == "typed") {
      got = typed_service_code(text, codes).value_or("none");
    } else if (kind == "subject") {
      got = outcome(quoted_service_code(text, "", codes));
    } else if (kind == "body") {
      got = outcome(quoted_service_code("", text, codes));
    } else if (kind == "mail") {
      const auto cut = text.find(" // ");
      ASSERT_NE(cut, std::string::npos) << "a mail case is 'subject // text'";
      got = outcome(quoted_service_code(text.substr(0, cut), text.substr(cut + 4), codes));
    } else {
      FAIL() << "unknown kind " << kind;
    }
    EXPECT_EQ(got, without_spaces_around(expected));
    ++cases;
  }
  EXPECT_GE(cases, 70);
}

TEST(ServiceCode, TheKeyIgnoresCaseAccentsAndSeparators) {
  EXPECT_EQ(service_code_key(" Sup-Téc "), "SUPTEC");
  EXPECT_EQ(service_code_key("sis_defeito.2"), "SISDEFEITO2");
  EXPECT_EQ(service_code_key("—"), "");
}

TEST(ServiceCode, WhereTheCodeWasFound) {
  const std::vector<std::string> codes{"SUP-TEC", "SIS-DEFEITO"};
  EXPECT_EQ(quoted_service_code("[SUP-TEC] x", "", codes).where, QuotedServiceCode::Where::subject);
  EXPECT_EQ(quoted_service_code("[SUP-TEC] x", "Código: SIS-DEFEITO", codes).where,
            QuotedServiceCode::Where::body);
  EXPECT_EQ(quoted_service_code("x", "y", codes).where, QuotedServiceCode::Where::nowhere);
}

}  // namespace
}  // namespace guiche

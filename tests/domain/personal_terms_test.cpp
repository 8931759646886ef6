// The forms of a person's data an LGPD anonymization erases from free text
// (domain/personal_terms.hpp), as a table: text in, text out.
#include <gmock/gmock.h>

#include "domain/personal_terms.hpp"

namespace guiche {
namespace {

Person titular() {
  Person p;
  p.name = "Zuleica da Quintanilha Brandão";
  p.login = "zuleica.qb";
  p.emails = {"zuleica.quintanilha@exemplo.org"};
  p.phone = "+5527998761234";
  p.cpf = "73158204690";
  return p;
}

TEST(PersonalTerms, EachFormOfTheDataIsErasedAndNothingElse) {
  const auto terms = personal_terms(titular(), {"Zuzu Q"});
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Sou Zuleica da Quintanilha Brandão.", "Sou [removido]."},
      {"ZULEICA ligou; quintanilha também", "[removido] ligou; [removido] também"},
      {"Brandão assina", "[removido] assina"},
      {"documento-Zuleica.txt", "documento-[removido].txt"},
      {"e-mail ZULEICA.Quintanilha@exemplo.org", "e-mail [removido]"},
      {"login zuleica.qb", "login [removido]"},
      {"fone (27) 99876-1234 ou 27 99876-1234", "fone [removido] ou [removido]"},
      {"fone +5527998761234 ou 5527998761234", "fone [removido] ou [removido]"},
      {"WhatsApp 552798761234", "WhatsApp [removido]"},
      {"ramal 99876-1234", "ramal [removido]"},
      {"CPF 731.582.046-90 ou 73158204690", "CPF [removido] ou [removido]"},
      {"perfil Zuzu Q", "perfil [removido]"},
      // Particles are no one's; a term inside a longer word or number is not the datum.
      {"Secretaria da Saúde", "Secretaria da Saúde"},
      {"incident Zuleicas 155279987612349", "incident Zuleicas 155279987612349"},
      {"", ""},
  };
  for (const auto& [in, out] : cases) {
    SCOPED_TRACE(in);
    EXPECT_EQ(scrub_text(in, terms), out);
    EXPECT_EQ(holds_term(in, terms), in != out);
  }
}

TEST(PersonalTerms, JsonStringsAreScrubbedAndKeysKept) {
  const auto terms = personal_terms(titular());
  nlohmann::json data = {{"subject", "Computador de Zuleica"},
                         {"status", "in_progress"},
                         {"form_answers", {{"Brandão", "Quintanilha"}, {"n", 3}}},
                         {"list", {"zuleica.qb", 7}}};
  EXPECT_TRUE(scrub_json(data, terms));
  EXPECT_EQ(data.dump(),
            R"({"form_answers":{"Brandão":"[removido]","n":3},"list":["[removido]",7],)"
            R"("status":"in_progress","subject":"Computador de [removido]"})");
  EXPECT_FALSE(scrub_json(data, terms)) << "a second pass finds nothing";
}

}  // namespace
}  // namespace guiche

// The norm's bracketed placeholders left in a message (domain/incidents/norm_placeholder.hpp).
#include "domain/incidents/norm_placeholder.hpp"

#include <gtest/gtest.h>

namespace guiche {
namespace {

TEST(NormPlaceholder, TheFirstOfTheNormsBracketsIsFoundAndOthersPass) {
  struct Case {
    const char* text;
    std::optional<std::string> found;
  };
  const Case cases[] = {
      {"Data/Hora: [Data e Hora]", "[Data e Hora]"},
      {"Início às [Horário de início]", "[Horário de início]"},
      {"[Descrição do problema]", "[Descrição do problema]"},
      {"Impacto: [*descreva o impacto*] e [Data]", "[*descreva o impacto*]"},
      {"Chamado [ref. 12] e depois [*x*]", "[*x*]"},
      {"[ [Hora] ]", "[Hora]"},
      {"Sem marcadores [ref. 12], [dados]", std::nullopt},
      {"Aberto [*sem fim", std::nullopt},
      {"", std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(norm_placeholder_in(c.text), c.found) << c.text;
}

TEST(NormPlaceholder, ALongBracketedTextCannotOverflowTheStack) {
  const std::string text = "[*" + std::string(2'000'000, ' ') + "descreva*]";
  EXPECT_EQ(norm_placeholder_in(text), text);
  EXPECT_EQ(norm_placeholder_in("[" + std::string(2'000'000, ' ')), std::nullopt);
}

}  // namespace
}  // namespace guiche

#include "domain/equipment_custody.hpp"

#include <array>
#include <cctype>

namespace guiche {
namespace {

constexpr std::array<std::string_view, 4> kStandings{"none", "held_here", "held_elsewhere",
                                                     "returned_here"};
constexpr std::array<std::string_view, 3> kCustodyActions{"entry", "maintenance", "return"};

}  // namespace

std::string_view custody_standing_code(CustodyStanding s) {
  return kStandings[static_cast<std::size_t>(s)];
}

std::optional<CustodyStanding> parse_custody_standing(std::string_view code) {
  for (std::size_t i = 0; i < kStandings.size(); ++i) {
    if (kStandings[i] == code) return static_cast<CustodyStanding>(i);
  }
  return std::nullopt;
}

std::string_view custody_action_code(CustodyAction a) {
  return kCustodyActions[static_cast<std::size_t>(a)];
}

std::optional<CustodyAction> parse_custody_action(std::string_view code) {
  for (std::size_t i = 0; i < kCustodyActions.size(); ++i) {
    if (kCustodyActions[i] == code) return static_cast<CustodyAction>(i);
  }
  return std::nullopt;
}

std::optional<std::string> custody_refusal(CustodyStanding s, CustodyAction a, bool ticket_open) {
  switch (a) {
    case CustodyAction::entry:
      if (s == CustodyStanding::held_here)
        return "Este equipamento já está sob nossa guarda neste chamado.";
      if (s == CustodyStanding::held_elsewhere)
        return "Este equipamento já está sob nossa guarda por outro chamado; registre a devolução "
               "nele antes.";
      if (!ticket_open)
        return "O chamado não está em aberto; registre a entrada em um chamado em atendimento.";
      return std::nullopt;
    case CustodyAction::maintenance:
      if (s != CustodyStanding::held_here) {
        return s == CustodyStanding::returned_here
                   ? "Este equipamento já foi devolvido; não há manutenção a registrar."
                   : "Registre a entrada do equipamento neste chamado antes da manutenção.";
      }
      if (!ticket_open) return "O chamado não está em aberto; registre apenas a devolução.";
      return std::nullopt;
    case CustodyAction::return_:
      if (s == CustodyStanding::returned_here) return "Este equipamento já foi devolvido.";
      if (s != CustodyStanding::held_here)
        return "Este equipamento não está sob nossa guarda neste chamado.";
      return std::nullopt;
  }
  return "Ação desconhecida.";
}

std::string normalize_asset_number(std::string_view text) {
  std::size_t b = 0, e = text.size();
  while (b < e && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
  std::string out(text.substr(b, e - b));
  for (auto& ch : out) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return out;
}

}  // namespace guiche

#include "domain/incidents/norm_placeholder.hpp"

namespace guiche {

std::optional<std::string> norm_placeholder_in(std::string_view text) {
  static constexpr std::string_view kWords[] = {"Data", "Hora", "Horário", "Descrição"};
  for (auto open = text.find('['); open != std::string_view::npos;
       open = text.find('[', open + 1)) {
    const auto close = text.find(']', open + 1);
    if (close == std::string_view::npos) return std::nullopt;  // no later '[' closes either
    const auto inside = text.substr(open + 1, close - open - 1);
    bool placeholder = inside.starts_with('*');
    for (const auto word : kWords) placeholder = placeholder || inside.starts_with(word);
    if (placeholder) return std::string(text.substr(open, close - open + 1));
  }
  return std::nullopt;
}

}  // namespace guiche

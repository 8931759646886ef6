#include "app/text_rules.hpp"

#include "domain/error.hpp"
#include "domain/identity.hpp"

namespace guiche::app {

std::string required_message(const std::string& label) {
  // Labels carry their article; a feminine one ("A mensagem") asks for the
  // feminine adjective. Others ("O assunto", "Quem retirou") take the masculine.
  const bool feminine = label.rfind("A ", 0) == 0 || label.rfind("As ", 0) == 0;
  const bool plural = label.rfind("As ", 0) == 0 || label.rfind("Os ", 0) == 0;
  std::string adjective = feminine ? "obrigatória" : "obrigatório";
  if (plural) adjective += "s";
  return label + (plural ? " são " : " é ") + adjective + ".";
}

std::string required_text(const std::string& value, const std::string& field,
                          const std::string& label, std::size_t max_bytes) {
  auto first = value.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) throw invalid_field(field, required_message(label));
  auto last = value.find_last_not_of(" \t\r\n");
  std::string trimmed = value.substr(first, last - first + 1);
  if (!is_clean_text(trimmed)) {
    throw invalid_field(field, label + " contém caracteres inválidos.");
  }
  if (trimmed.size() > max_bytes) {
    throw invalid_field(field, label + " excede " + std::to_string(max_bytes) + " caracteres.");
  }
  return trimmed;
}

}  // namespace guiche::app

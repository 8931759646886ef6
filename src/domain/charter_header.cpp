#include "domain/charter_header.hpp"

#include <string_view>
#include <vector>

#include "domain/error.hpp"

namespace guiche {
namespace {

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace

CharterHeader default_charter_header() {
  return {"Central de Serviços de Tecnologia da Informação",
          "Somos a unidade de tecnologia da informação responsável por atender as solicitações "
          "de serviço, os incidentes e os projetos dos órgãos que atendemos.",
          "", "", ""};
}

CharterHeader validated_charter_header(const CharterHeader& in) {
  CharterHeader h{trimmed(in.unit_name), trimmed(in.who_we_are), trimmed(in.contacts),
                  trimmed(in.address), trimmed(in.website)};
  std::vector<FieldError> errors;
  auto limit = [&](const std::string& value, const char* field, const char* label,
                   std::size_t max) {
    if (value.size() > max) {
      errors.push_back(
          {field, std::string(label) + " tem no máximo " + std::to_string(max) + " caracteres."});
    }
  };
  if (h.unit_name.empty()) errors.push_back({"unit_name", "Informe o nome da unidade."});
  if (h.who_we_are.empty()) errors.push_back({"who_we_are", "Informe quem somos."});
  limit(h.unit_name, "unit_name", "O nome da unidade", 200);
  limit(h.who_we_are, "who_we_are", "O texto “quem somos”", 4000);
  limit(h.contacts, "contacts", "Os contatos", 2000);
  limit(h.address, "address", "O endereço", 500);
  limit(h.website, "website", "O site", 300);
  const std::string_view site = h.website;
  if (!site.empty() && !site.starts_with("https://") && !site.starts_with("http://")) {
    errors.push_back({"website", "O site deve começar com https:// ou http://."});
  }
  if (site.find_first_of(" \"<>") != std::string_view::npos) {
    errors.push_back({"website", "O site não pode ter espaços, aspas nem < >."});
  }
  if (!errors.empty()) throw invalid("Cabeçalho da Carta de Serviços inválido.", errors);
  return h;
}

}  // namespace guiche
